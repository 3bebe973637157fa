#pragma once

// What a side-by-side view draws for a TextDiff on each side: how each line
// is marked, where blank filler rows keep equal lines facing each other,
// and which bytes to mark as changed words.

#include "diff/text_diff.h"

#include <vector>

namespace kforge::diff {

enum class LineMark { None, Deleted, Inserted, Changed };

// `rows` blank rows shown after line `afterLine` (-1: before the first line).
struct Filler {
    int afterLine = -1;
    int rows = 0;
    friend bool operator==(const Filler&, const Filler&) = default;
};

struct WordMark {
    int line = 0;
    ByteRange range;
    friend bool operator==(const WordMark&, const WordMark&) = default;
};

struct SideLayout {
    std::vector<LineMark> marks;  // one per line of this side
    std::vector<Filler> fillers;  // in line order, at most one per afterLine
    std::vector<WordMark> words;  // in line order; none for whole-line changes

    int fillerRowsBeforeFirstLine() const;
    // The row of `line` when filler rows count as rows: equal lines have the
    // same row on both sides.
    int rowOfLine(int line) const;
};

struct SideBySide {
    SideLayout left;
    SideLayout right;
};

SideBySide layoutSideBySide(const TextDiff& diff);

}  // namespace kforge::diff
