#pragma once

// A line diff of two texts for side-by-side display, with the changed words
// of each changed line pair. Lines and offsets are those an editor shows:
// lines are 0-based, split at "\r\n", "\n" or a lone "\r" (as Scintilla
// splits them), and character offsets are byte offsets into a line's UTF-8
// text without its line ending.

#include <cstddef>
#include <string_view>
#include <vector>

namespace kforge::diff {

enum class HunkKind {
    Equal,     // the same lines on both sides
    Deleted,   // lines only on the left
    Inserted,  // lines only on the right
    Changed,   // lines on both sides that replace each other
};

// A run of changed bytes within one line.
struct ByteRange {
    int start = 0;
    int length = 0;
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// The changed words of one left line and the right line it is shown against.
struct LinePairChange {
    int leftLine = 0;
    int rightLine = 0;
    std::vector<ByteRange> left;
    std::vector<ByteRange> right;
    // The pair was too long or too unlike for a word diff: the ranges are
    // the whole lines, and a view may prefer to mark the lines alone.
    bool wholeLine = false;
};

// Consecutive lines of one kind. Equal hunks have leftCount == rightCount.
// In a Changed hunk the first min(leftCount, rightCount) lines face each
// other and the longer side's remaining lines face blank filler; Deleted and
// Inserted hunks face filler on the other side, placed before line
// rightFirst (resp. leftFirst) there.
struct Hunk {
    HunkKind kind = HunkKind::Equal;
    int leftFirst = 0;
    int leftCount = 0;
    int rightFirst = 0;
    int rightCount = 0;
    std::vector<LinePairChange> words;  // Changed hunks only: one per facing pair
};

struct TextDiff {
    std::vector<Hunk> hunks;  // in order, covering every line of both texts
    int leftLineCount = 0;
    int rightLineCount = 0;
    int deletedLines = 0;   // left lines in Deleted and Changed hunks
    int insertedLines = 0;  // right lines in Inserted and Changed hunks
    int changeCount = 0;    // hunks that are not Equal
    // Differences that belong to no line: they do not make the texts'
    // lines differ, but an editor may want to say so.
    bool finalNewlineDiffers = false;
    bool lineEndingsDiffer = false;

    bool identicalLines() const { return changeCount == 0; }
    std::vector<const Hunk*> changes() const;
};

struct DiffLimits {
    // A line pair longer than this (bytes on both sides together) is marked
    // as a whole rather than diffed word by word: the word diff is
    // quadratic in the worst case, and such lines are generated data,
    // not code a person reads word by word.
    std::size_t maxWordDiffBytes = 4000;
    // Line pairs sharing less than this fraction of their tokens (not
    // counting whitespace) are marked as a whole too: word marks on two
    // unrelated lines are noise.
    double minCommonTokenFraction = 0.5;
};

// Splits a text as an editor does: "a\nb" and "a\nb\n" both have lines
// {"a", "b"}; "" has none. The views point into `text`.
std::vector<std::string_view> splitLines(std::string_view text);

// Splits a line into word-diff tokens: identifiers, numbers, runs of
// whitespace, and single other characters (a UTF-8 sequence stays whole).
std::vector<std::string_view> tokenize(std::string_view line);

TextDiff diffTexts(std::string_view left, std::string_view right, const DiffLimits& limits = {});

// The changed words of one line pair (used by diffTexts for Changed hunks).
LinePairChange diffLinePair(std::string_view left, std::string_view right, const DiffLimits& limits = {});

}  // namespace kforge::diff
