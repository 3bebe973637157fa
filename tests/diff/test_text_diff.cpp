// Tests of the line and word diff behind the code diff editor.

#include <QElapsedTimer>
#include <QtTest>

#include "diff/side_by_side.h"
#include "diff/text_diff.h"

#include <string>
#include <string_view>
#include <vector>

using kforge::diff::ByteRange;
using kforge::diff::Filler;
using kforge::diff::LineMark;
using kforge::diff::layoutSideBySide;
using kforge::diff::WordMark;
using kforge::diff::diffLinePair;
using kforge::diff::diffTexts;
using kforge::diff::Hunk;
using kforge::diff::HunkKind;
using kforge::diff::splitLines;
using kforge::diff::TextDiff;
using kforge::diff::tokenize;

namespace {

std::string numberedLines(int count, const std::string& prefix = "line ") {
    std::string text;
    for (int i = 0; i < count; ++i) text += prefix + std::to_string(i) + "\n";
    return text;
}

std::vector<std::string> asStrings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

// Every line of both sides is in exactly one hunk, in order, and equal hunks
// pair equal lines: the invariant the side-by-side view relies on.
void checkCoverage(const TextDiff& diff, std::string_view left, std::string_view right) {
    const auto leftLines = splitLines(left);
    const auto rightLines = splitLines(right);
    int nextLeft = 0;
    int nextRight = 0;
    for (const Hunk& hunk : diff.hunks) {
        QCOMPARE(hunk.leftFirst, nextLeft);
        QCOMPARE(hunk.rightFirst, nextRight);
        QVERIFY(hunk.leftCount > 0 || hunk.rightCount > 0);
        switch (hunk.kind) {
            case HunkKind::Equal:
                QCOMPARE(hunk.leftCount, hunk.rightCount);
                for (int k = 0; k < hunk.leftCount; ++k) {
                    QCOMPARE(leftLines[static_cast<std::size_t>(hunk.leftFirst + k)],
                             rightLines[static_cast<std::size_t>(hunk.rightFirst + k)]);
                }
                break;
            case HunkKind::Deleted: QCOMPARE(hunk.rightCount, 0); break;
            case HunkKind::Inserted: QCOMPARE(hunk.leftCount, 0); break;
            case HunkKind::Changed:
                QVERIFY(hunk.leftCount > 0 && hunk.rightCount > 0);
                QCOMPARE(static_cast<int>(hunk.words.size()), std::min(hunk.leftCount, hunk.rightCount));
                break;
        }
        nextLeft += hunk.leftCount;
        nextRight += hunk.rightCount;
    }
    QCOMPARE(nextLeft, static_cast<int>(leftLines.size()));
    QCOMPARE(nextRight, static_cast<int>(rightLines.size()));
}

}  // namespace

class TestTextDiff : public QObject {
    Q_OBJECT

private slots:
    void splitsLinesAsAnEditorDoes() {
        QCOMPARE(splitLines("").size(), std::size_t{0});
        QCOMPARE(asStrings(splitLines("a\nb")), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(asStrings(splitLines("a\nb\n")), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(asStrings(splitLines("a\r\nb\r\n")), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(asStrings(splitLines("a\rb")), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(asStrings(splitLines("\n\nx")), (std::vector<std::string>{"", "", "x"}));
    }

    void tokenizesIdentifiersNumbersPunctuationAndSpace() {
        QCOMPARE(asStrings(tokenize("  float4 v=1.5f;//\xc3\xa9")),
                 (std::vector<std::string>{"  ", "float4", " ", "v", "=", "1.5f", ";", "/", "/", "\xc3\xa9"}));
        QCOMPARE(asStrings(tokenize("a->b[0x1F]")), (std::vector<std::string>{"a", "-", ">", "b", "[", "0x1F", "]"}));
    }

    void identicalTextsHaveNoChanges() {
        const std::string text = numberedLines(50);
        const TextDiff diff = diffTexts(text, text);
        QCOMPARE(diff.changeCount, 0);
        QVERIFY(diff.identicalLines());
        QCOMPARE(diff.hunks.size(), std::size_t{1});
        QCOMPARE(diff.hunks[0].kind, HunkKind::Equal);
        QCOMPARE(diff.hunks[0].leftCount, 50);
        QCOMPARE(diff.insertedLines, 0);
        QCOMPARE(diff.deletedLines, 0);
    }

    void emptyTexts() {
        const TextDiff bothEmpty = diffTexts("", "");
        QCOMPARE(bothEmpty.hunks.size(), std::size_t{0});
        QCOMPARE(bothEmpty.changeCount, 0);
        QVERIFY(!bothEmpty.finalNewlineDiffers);

        const TextDiff fromEmpty = diffTexts("", "a\nb\n");
        QCOMPARE(fromEmpty.hunks.size(), std::size_t{1});
        QCOMPARE(fromEmpty.hunks[0].kind, HunkKind::Inserted);
        QCOMPARE(fromEmpty.hunks[0].rightCount, 2);
        QCOMPARE(fromEmpty.insertedLines, 2);

        const TextDiff toEmpty = diffTexts("a\n", "");
        QCOMPARE(toEmpty.hunks.size(), std::size_t{1});
        QCOMPARE(toEmpty.hunks[0].kind, HunkKind::Deleted);
        QCOMPARE(toEmpty.deletedLines, 1);
    }

    void missingFinalNewlineIsNotALineChange() {
        const TextDiff diff = diffTexts("a\nb\n", "a\nb");
        QCOMPARE(diff.changeCount, 0);
        QVERIFY(diff.finalNewlineDiffers);
        QVERIFY(!diffTexts("a\nb", "a\nb").finalNewlineDiffers);

        const TextDiff changedLast = diffTexts("a\nb", "a\nc");
        QCOMPARE(changedLast.changeCount, 1);
        QCOMPARE(changedLast.hunks.back().kind, HunkKind::Changed);
        QCOMPARE(changedLast.hunks.back().leftFirst, 1);
    }

    void crlfAgainstLfComparesLines() {
        const TextDiff diff = diffTexts("int a;\r\nint b;\r\n", "int a;\nint c;\n");
        QCOMPARE(diff.changeCount, 1);
        QVERIFY(diff.lineEndingsDiffer);
        QCOMPARE(diff.hunks[1].kind, HunkKind::Changed);
        QCOMPARE(diff.hunks[1].leftFirst, 1);
        // The word ranges never include the "\r".
        QCOMPARE(diff.hunks[1].words[0].left, (std::vector<ByteRange>{{4, 1}}));
        QVERIFY(!diffTexts("x\r\n", "x\r\n").lineEndingsDiffer);
    }

    void insertedDeletedAndChangedHunks() {
        const std::string left = "a\nb\nc\nd\ne\n";
        const std::string right = "a\nB\nc\ne\nf\ng\n";
        const TextDiff diff = diffTexts(left, right);
        checkCoverage(diff, left, right);
        QCOMPARE(diff.changeCount, 3);
        const auto changes = diff.changes();
        QCOMPARE(changes[0]->kind, HunkKind::Changed);
        QCOMPARE(changes[0]->leftFirst, 1);
        QCOMPARE(changes[0]->rightFirst, 1);
        QCOMPARE(changes[1]->kind, HunkKind::Deleted);
        QCOMPARE(changes[1]->leftFirst, 3);
        QCOMPARE(changes[1]->leftCount, 1);
        QCOMPARE(changes[1]->rightFirst, 3);  // filler goes before right line 3 ("e")
        QCOMPARE(changes[2]->kind, HunkKind::Inserted);
        QCOMPARE(changes[2]->leftFirst, 5);  // after the last left line
        QCOMPARE(changes[2]->rightFirst, 4);
        QCOMPARE(changes[2]->rightCount, 2);
        QCOMPARE(diff.deletedLines, 2);
        QCOMPARE(diff.insertedLines, 3);
    }

    void changedHunkWithUnequalSides() {
        const std::string left = "x\nold one\ny\n";
        const std::string right = "x\nnew one\nnew two\nnew three\ny\n";
        const TextDiff diff = diffTexts(left, right);
        checkCoverage(diff, left, right);
        QCOMPARE(diff.changeCount, 1);
        const Hunk& hunk = *diff.changes()[0];
        QCOMPARE(hunk.kind, HunkKind::Changed);
        QCOMPARE(hunk.leftCount, 1);
        QCOMPARE(hunk.rightCount, 3);
        QCOMPARE(hunk.words.size(), std::size_t{1});
        QCOMPARE(hunk.words[0].leftLine, 1);
        QCOMPARE(hunk.words[0].rightLine, 1);
        QCOMPARE(hunk.words[0].left, (std::vector<ByteRange>{{0, 3}}));
        QCOMPARE(hunk.words[0].right, (std::vector<ByteRange>{{0, 3}}));
    }

    void completelyDifferentTexts() {
        const std::string left = numberedLines(300, "left ");
        const std::string right = numberedLines(200, "other ");
        QElapsedTimer timer;
        timer.start();
        const TextDiff diff = diffTexts(left, right);
        QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
        checkCoverage(diff, left, right);
        QCOMPARE(diff.changeCount, 1);
        QCOMPARE(diff.hunks.size(), std::size_t{1});
        QCOMPARE(diff.hunks[0].kind, HunkKind::Changed);
        QCOMPARE(diff.deletedLines, 300);
        QCOMPARE(diff.insertedLines, 200);
    }

    void wordRangesCoverOnlyTheChangedTokens() {
        const auto change = diffLinePair("    float acc = a[i] * b[i];", "    float acc = a[i] * scale + b[i];");
        QVERIFY(!change.wholeLine);
        QVERIFY(change.left.empty());
        // "scale +" with the space between them is one range (which of the
        // equal spaces around it counts as common is the diff's choice).
        QCOMPARE(change.right.size(), std::size_t{1});
        const std::string_view right = "    float acc = a[i] * scale + b[i];";
        const auto marked = right.substr(static_cast<std::size_t>(change.right[0].start),
                                         static_cast<std::size_t>(change.right[0].length));
        QVERIFY(marked == "scale + " || marked == " scale +");

        const auto renamed = diffLinePair("int blockSize = 128;", "int blockSize = 256;");
        QCOMPARE(renamed.left, (std::vector<ByteRange>{{16, 3}}));
        QCOMPARE(renamed.right, (std::vector<ByteRange>{{16, 3}}));
    }

    void unrelatedLinesAreMarkedWhole() {
        const auto change = diffLinePair("return x;", "__syncthreads();");
        QVERIFY(change.wholeLine);
        QCOMPARE(change.left, (std::vector<ByteRange>{{0, 9}}));
        QCOMPARE(change.right, (std::vector<ByteRange>{{0, 16}}));
    }

    void pathologicalLinesAreCapped() {
        std::string left;
        std::string right;
        for (int i = 0; i < 20000; ++i) {
            left += (i % 2 == 0) ? "a " : "b ";
            right += (i % 3 == 0) ? "b " : "a ";
        }
        QElapsedTimer timer;
        timer.start();
        const TextDiff diff = diffTexts(left + "\n", right + "\n");
        QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(diff.changeCount, 1);
        QVERIFY(diff.hunks[0].words[0].wholeLine);
        QCOMPARE(diff.hunks[0].words[0].left, (std::vector<ByteRange>{{0, static_cast<int>(left.size())}}));
    }

    void longFileWithFewChangesIsFast() {
        std::vector<std::string> lines;
        for (int i = 0; i < 10000; ++i) {
            // Repetitive, code-like lines, as generated kernels have.
            lines.push_back(i % 7 == 0 ? "}" : "    acc += a[" + std::to_string(i) + "] * b[k];");
        }
        std::string left;
        for (const auto& line : lines) left += line + "\n";
        lines[100] = "    acc += a[100] * c[k];";
        lines.insert(lines.begin() + 2000, "    __syncthreads();");
        lines.erase(lines.begin() + 5000);
        lines[7000] = "    acc -= a[7000] * b[k];";
        lines.push_back("// end");
        std::string right;
        for (const auto& line : lines) right += line + "\n";

        QElapsedTimer timer;
        timer.start();
        const TextDiff diff = diffTexts(left, right);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed < 100, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qInfo("10,000 lines with 5 changes diffed in %lld ms", static_cast<long long>(elapsed));
        checkCoverage(diff, left, right);
        QCOMPARE(diff.changeCount, 5);
        QCOMPARE(diff.insertedLines, 4);
        QCOMPARE(diff.deletedLines, 3);
        const auto changes = diff.changes();
        QCOMPARE(changes[0]->leftFirst, 100);
        QCOMPARE(changes[1]->kind, HunkKind::Inserted);
        QCOMPARE(changes[1]->rightFirst, 2000);
        QCOMPARE(changes[2]->kind, HunkKind::Deleted);
        QCOMPARE(changes[2]->leftFirst, 4999);
        QCOMPARE(changes[3]->kind, HunkKind::Changed);
        QCOMPARE(changes[4]->kind, HunkKind::Inserted);
        QCOMPARE(changes[4]->rightFirst, 10000);
    }

    void repeatedLinesStillAlign() {
        // Many identical lines: the diff must still pair them in order.
        const std::string left = "}\n}\n}\nx\n}\n}\n";
        const std::string right = "}\n}\ny\n}\nx\n}\n}\n";
        const TextDiff diff = diffTexts(left, right);
        checkCoverage(diff, left, right);
        QCOMPARE(diff.changeCount, 1);
        QCOMPARE(diff.insertedLines, 1);
        QCOMPARE(diff.deletedLines, 0);
    }

    void sideBySideLayoutKeepsEqualLinesOnOneRow() {
        // Left: a b c d e ; right: X a B B2 c e f g (inserted at the top,
        // b -> B B2 changed, d deleted, f g appended).
        const std::string left = "a\nb = 1;\nc\nd\ne\n";
        const std::string right = "X\na\nb = 2;\nB2\nc\ne\nf\ng\n";
        const TextDiff diff = diffTexts(left, right);
        const auto layout = layoutSideBySide(diff);
        QCOMPARE(layout.left.marks, (std::vector<LineMark>{LineMark::None, LineMark::Changed, LineMark::None,
                                                           LineMark::Deleted, LineMark::None}));
        QCOMPARE(layout.right.marks,
                 (std::vector<LineMark>{LineMark::Inserted, LineMark::None, LineMark::Changed, LineMark::Changed,
                                        LineMark::None, LineMark::None, LineMark::Inserted, LineMark::Inserted}));
        QCOMPARE(layout.left.fillers, (std::vector<Filler>{{-1, 1}, {1, 1}, {4, 2}}));
        QCOMPARE(layout.right.fillers, (std::vector<Filler>{{4, 1}}));
        QCOMPARE(layout.left.fillerRowsBeforeFirstLine(), 1);
        QCOMPARE(layout.right.fillerRowsBeforeFirstLine(), 0);
        QCOMPARE(layout.left.words, (std::vector<WordMark>{{1, {4, 1}}}));
        QCOMPARE(layout.right.words, (std::vector<WordMark>{{2, {4, 1}}}));
        // Unlike lines get the line colour only, no word marks.
        const auto unlike = layoutSideBySide(diffTexts("a\nreturn x;\n", "a\n__syncthreads();\n"));
        QCOMPARE(unlike.left.marks[1], LineMark::Changed);
        QVERIFY(unlike.left.words.empty());
        QVERIFY(unlike.right.words.empty());
        // Every equal pair shares a row.
        for (const auto& hunk : diff.hunks) {
            if (hunk.kind != HunkKind::Equal) continue;
            for (int k = 0; k < hunk.leftCount; ++k) {
                QCOMPARE(layout.left.rowOfLine(hunk.leftFirst + k), layout.right.rowOfLine(hunk.rightFirst + k));
            }
        }
        QCOMPARE(layout.left.rowOfLine(4), 6);   // "e"
        QCOMPARE(layout.right.rowOfLine(5), 6);  // "e"
    }
};

QTEST_APPLESS_MAIN(TestTextDiff)
#include "test_text_diff.moc"
