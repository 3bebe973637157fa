#include "diff/text_diff.h"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

namespace kforge::diff {

namespace {

bool isIdentifierStart(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }

bool isWordChar(unsigned char c) { return isIdentifierStart(c) || isDigit(c); }

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

// Length of the UTF-8 sequence that starts with `lead` (1 for stray bytes).
std::size_t utf8Length(unsigned char lead) {
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

int toInt(std::size_t value) { return static_cast<int>(value); }

// Longest common subsequence of two id sequences as matched index pairs
// (0-based, increasing on both sides), by dtl's O(NP) Myers/Wu algorithm.
std::vector<std::pair<std::size_t, std::size_t>> matchedPairs(const std::vector<int>& a, const std::vector<int>& b) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    if (a.empty() || b.empty()) return pairs;
    dtl::Diff<int> diff(a, b);
    diff.compose();
    for (const auto& [element, info] : diff.getSes().getSequence()) {
        if (info.type == dtl::SES_COMMON) {
            pairs.emplace_back(static_cast<std::size_t>(info.beforeIdx - 1), static_cast<std::size_t>(info.afterIdx - 1));
        }
    }
    return pairs;
}

// Matched line pairs of two line lists. The common prefix and suffix are
// matched directly, and lines that occur on one side only are left out of
// the Myers diff (they can be in no common subsequence), so unrelated texts
// and long files with few changes both diff in near-linear time.
std::vector<std::pair<std::size_t, std::size_t>> matchLines(const std::vector<std::string_view>& left,
                                                            const std::vector<std::string_view>& right) {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::size_t prefix = 0;
    while (prefix < left.size() && prefix < right.size() && left[prefix] == right[prefix]) {
        pairs.emplace_back(prefix, prefix);
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < left.size() - prefix && suffix < right.size() - prefix &&
           left[left.size() - 1 - suffix] == right[right.size() - 1 - suffix]) {
        ++suffix;
    }

    // Intern the middle lines: id 2k is "seen on the left only", 2k+1 "on both".
    std::unordered_map<std::string_view, int> ids;
    for (std::size_t i = prefix; i < left.size() - suffix; ++i) ids.try_emplace(left[i], toInt(ids.size()) * 2);
    std::vector<int> rightIds;
    for (std::size_t j = prefix; j < right.size() - suffix; ++j) {
        auto it = ids.find(right[j]);
        if (it == ids.end()) {
            rightIds.push_back(-1);
            continue;
        }
        it->second |= 1;
        rightIds.push_back(it->second);
    }
    std::vector<int> reducedLeft;
    std::vector<std::size_t> leftIndex;
    for (std::size_t i = prefix; i < left.size() - suffix; ++i) {
        const int id = ids.at(left[i]);
        if ((id & 1) != 0) {
            reducedLeft.push_back(id);
            leftIndex.push_back(i);
        }
    }
    std::vector<int> reducedRight;
    std::vector<std::size_t> rightIndex;
    for (std::size_t j = 0; j < rightIds.size(); ++j) {
        if (rightIds[j] >= 0) {
            reducedRight.push_back(rightIds[j]);
            rightIndex.push_back(prefix + j);
        }
    }
    for (const auto& [i, j] : matchedPairs(reducedLeft, reducedRight)) {
        pairs.emplace_back(leftIndex[i], rightIndex[j]);
    }
    for (std::size_t k = suffix; k > 0; --k) {
        pairs.emplace_back(left.size() - k, right.size() - k);
    }
    return pairs;
}

// Marks changed tokens as byte ranges, joining neighbours, and the
// whitespace between two changed tokens, into one range.
std::vector<ByteRange> changedRanges(const std::vector<std::string_view>& tokens, const std::vector<bool>& common,
                                     std::string_view line) {
    std::vector<ByteRange> ranges;
    const auto offsetOf = [&](std::size_t k) { return toInt(static_cast<std::size_t>(tokens[k].data() - line.data())); };
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (common[k]) continue;
        const int start = offsetOf(k);
        const int end = start + toInt(tokens[k].size());
        if (!ranges.empty()) {
            ByteRange& last = ranges.back();
            const std::string_view gap = line.substr(static_cast<std::size_t>(last.start + last.length),
                                                     static_cast<std::size_t>(start - last.start - last.length));
            if (std::all_of(gap.begin(), gap.end(), [](char c) { return isSpace(static_cast<unsigned char>(c)); })) {
                last.length = end - last.start;
                continue;
            }
        }
        ranges.push_back({start, end - start});
    }
    return ranges;
}

LinePairChange wholeLines(std::string_view left, std::string_view right) {
    LinePairChange change;
    change.wholeLine = true;
    if (!left.empty()) change.left.push_back({0, toInt(left.size())});
    if (!right.empty()) change.right.push_back({0, toInt(right.size())});
    return change;
}

void addHunk(TextDiff& result, HunkKind kind, int leftFirst, int leftCount, int rightFirst, int rightCount) {
    if (leftCount == 0 && rightCount == 0) return;
    if (kind == HunkKind::Equal && !result.hunks.empty() && result.hunks.back().kind == HunkKind::Equal) {
        result.hunks.back().leftCount += leftCount;
        result.hunks.back().rightCount += rightCount;
        return;
    }
    Hunk hunk;
    hunk.kind = kind;
    hunk.leftFirst = leftFirst;
    hunk.leftCount = leftCount;
    hunk.rightFirst = rightFirst;
    hunk.rightCount = rightCount;
    result.hunks.push_back(std::move(hunk));
}

// The lines between two matched pairs: deleted, inserted or changed.
void addGap(TextDiff& result, int leftFirst, int leftCount, int rightFirst, int rightCount) {
    if (leftCount > 0 && rightCount > 0) {
        addHunk(result, HunkKind::Changed, leftFirst, leftCount, rightFirst, rightCount);
    } else if (leftCount > 0) {
        addHunk(result, HunkKind::Deleted, leftFirst, leftCount, rightFirst, 0);
    } else if (rightCount > 0) {
        addHunk(result, HunkKind::Inserted, leftFirst, 0, rightFirst, rightCount);
    }
}

bool endsWithNewline(std::string_view text) {
    return !text.empty() && (text.back() == '\n' || text.back() == '\r');
}

// The line-ending styles a text uses, as bits: 1 LF, 2 CRLF, 4 CR.
int lineEndingStyles(std::string_view text) {
    int styles = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            styles |= 1;
        } else if (text[i] == '\r') {
            const bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
            styles |= crlf ? 2 : 4;
            if (crlf) ++i;
        }
    }
    return styles;
}

}  // namespace

std::vector<const Hunk*> TextDiff::changes() const {
    std::vector<const Hunk*> result;
    for (const Hunk& hunk : hunks) {
        if (hunk.kind != HunkKind::Equal) result.push_back(&hunk);
    }
    return result;
}

std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < text.size()) lines.push_back(text.substr(start));
    return lines;
}

std::vector<std::string_view> tokenize(std::string_view line) {
    std::vector<std::string_view> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        std::size_t end = i + 1;
        if (isIdentifierStart(c) || isDigit(c)) {
            // Numbers keep their suffixes and fractions (1.0f, 0x1F, 1e5).
            const bool number = isDigit(c);
            while (end < line.size()) {
                const auto d = static_cast<unsigned char>(line[end]);
                if (!isWordChar(d) && !(number && d == '.')) break;
                ++end;
            }
        } else if (isSpace(c)) {
            while (end < line.size() && isSpace(static_cast<unsigned char>(line[end]))) ++end;
        } else {
            end = std::min(line.size(), i + utf8Length(c));
        }
        tokens.push_back(line.substr(i, end - i));
        i = end;
    }
    return tokens;
}

LinePairChange diffLinePair(std::string_view left, std::string_view right, const DiffLimits& limits) {
    if (left.size() + right.size() > limits.maxWordDiffBytes) return wholeLines(left, right);

    const std::vector<std::string_view> leftTokens = tokenize(left);
    const std::vector<std::string_view> rightTokens = tokenize(right);
    std::unordered_map<std::string_view, int> ids;
    std::vector<int> leftIds;
    std::vector<int> rightIds;
    for (std::string_view token : leftTokens) leftIds.push_back(ids.try_emplace(token, toInt(ids.size())).first->second);
    for (std::string_view token : rightTokens) rightIds.push_back(ids.try_emplace(token, toInt(ids.size())).first->second);

    std::vector<bool> leftCommon(leftTokens.size(), false);
    std::vector<bool> rightCommon(rightTokens.size(), false);
    for (const auto& [i, j] : matchedPairs(leftIds, rightIds)) {
        leftCommon[i] = true;
        rightCommon[j] = true;
    }
    // Similarity over the tokens a reader sees: runs of spaces match in any
    // two indented lines and say nothing about how alike they are.
    const auto countVisible = [](const std::vector<std::string_view>& tokens, const std::vector<bool>* common) {
        std::size_t count = 0;
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const bool visible = !isSpace(static_cast<unsigned char>(tokens[k].front()));
            if (visible && (common == nullptr || (*common)[k])) ++count;
        }
        return count;
    };
    const std::size_t visibleTokens = countVisible(leftTokens, nullptr) + countVisible(rightTokens, nullptr);
    const std::size_t commonVisible = countVisible(leftTokens, &leftCommon) + countVisible(rightTokens, &rightCommon);
    if (visibleTokens > 0 &&
        static_cast<double>(commonVisible) < limits.minCommonTokenFraction * static_cast<double>(visibleTokens)) {
        return wholeLines(left, right);
    }
    LinePairChange change;
    change.left = changedRanges(leftTokens, leftCommon, left);
    change.right = changedRanges(rightTokens, rightCommon, right);
    return change;
}

TextDiff diffTexts(std::string_view left, std::string_view right, const DiffLimits& limits) {
    const std::vector<std::string_view> leftLines = splitLines(left);
    const std::vector<std::string_view> rightLines = splitLines(right);

    TextDiff result;
    result.leftLineCount = toInt(leftLines.size());
    result.rightLineCount = toInt(rightLines.size());
    result.finalNewlineDiffers = !left.empty() && !right.empty() && endsWithNewline(left) != endsWithNewline(right);
    const int leftStyles = lineEndingStyles(left);
    const int rightStyles = lineEndingStyles(right);
    result.lineEndingsDiffer = leftStyles != 0 && rightStyles != 0 && leftStyles != rightStyles;

    int nextLeft = 0;
    int nextRight = 0;
    for (const auto& [i, j] : matchLines(leftLines, rightLines)) {
        const int leftLine = toInt(i);
        const int rightLine = toInt(j);
        addGap(result, nextLeft, leftLine - nextLeft, nextRight, rightLine - nextRight);
        addHunk(result, HunkKind::Equal, leftLine, 1, rightLine, 1);
        nextLeft = leftLine + 1;
        nextRight = rightLine + 1;
    }
    addGap(result, nextLeft, result.leftLineCount - nextLeft, nextRight, result.rightLineCount - nextRight);

    for (Hunk& hunk : result.hunks) {
        if (hunk.kind == HunkKind::Equal) continue;
        ++result.changeCount;
        result.deletedLines += hunk.leftCount;
        result.insertedLines += hunk.rightCount;
        if (hunk.kind != HunkKind::Changed) continue;
        const int pairs = std::min(hunk.leftCount, hunk.rightCount);
        for (int k = 0; k < pairs; ++k) {
            const int leftLine = hunk.leftFirst + k;
            const int rightLine = hunk.rightFirst + k;
            LinePairChange change = diffLinePair(leftLines[static_cast<std::size_t>(leftLine)],
                                                 rightLines[static_cast<std::size_t>(rightLine)], limits);
            change.leftLine = leftLine;
            change.rightLine = rightLine;
            hunk.words.push_back(std::move(change));
        }
    }
    return result;
}

}  // namespace kforge::diff
