#include "diff/side_by_side.h"

#include <algorithm>
#include <cstddef>

namespace kforge::diff {

namespace {

void mark(SideLayout& side, int first, int count, LineMark kind) {
    for (int line = first; line < first + count; ++line) side.marks[static_cast<std::size_t>(line)] = kind;
}

void addFiller(SideLayout& side, int afterLine, int rows) {
    if (rows > 0) side.fillers.push_back({afterLine, rows});
}

}  // namespace

int SideLayout::fillerRowsBeforeFirstLine() const {
    return !fillers.empty() && fillers.front().afterLine < 0 ? fillers.front().rows : 0;
}

int SideLayout::rowOfLine(int line) const {
    int row = line;
    for (const Filler& filler : fillers) {
        if (filler.afterLine >= line) break;
        row += filler.rows;
    }
    return row;
}

SideBySide layoutSideBySide(const TextDiff& diff) {
    SideBySide layout;
    layout.left.marks.assign(static_cast<std::size_t>(diff.leftLineCount), LineMark::None);
    layout.right.marks.assign(static_cast<std::size_t>(diff.rightLineCount), LineMark::None);
    for (const Hunk& hunk : diff.hunks) {
        switch (hunk.kind) {
            case HunkKind::Equal: break;
            case HunkKind::Deleted:
                mark(layout.left, hunk.leftFirst, hunk.leftCount, LineMark::Deleted);
                addFiller(layout.right, hunk.rightFirst - 1, hunk.leftCount);
                break;
            case HunkKind::Inserted:
                mark(layout.right, hunk.rightFirst, hunk.rightCount, LineMark::Inserted);
                addFiller(layout.left, hunk.leftFirst - 1, hunk.rightCount);
                break;
            case HunkKind::Changed:
                mark(layout.left, hunk.leftFirst, hunk.leftCount, LineMark::Changed);
                mark(layout.right, hunk.rightFirst, hunk.rightCount, LineMark::Changed);
                // The shorter side's last line is followed by blank rows, so
                // the next equal lines face each other again.
                addFiller(layout.left, hunk.leftFirst + hunk.leftCount - 1, hunk.rightCount - hunk.leftCount);
                addFiller(layout.right, hunk.rightFirst + hunk.rightCount - 1, hunk.leftCount - hunk.rightCount);
                for (const LinePairChange& pair : hunk.words) {
                    // A whole-line change is already said by the line's colour.
                    if (pair.wholeLine) continue;
                    for (const ByteRange& range : pair.left) layout.left.words.push_back({pair.leftLine, range});
                    for (const ByteRange& range : pair.right) layout.right.words.push_back({pair.rightLine, range});
                }
                break;
        }
    }
    return layout;
}

}  // namespace kforge::diff
