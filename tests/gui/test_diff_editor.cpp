// Tests of the code diff editor: changes, navigation, marks, alignment,
// linked scrolling, editing and "Evaluate as child". Offscreen.

#include "ui/diff/diff_editor.h"
#include "ui/diff/diff_pane.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QtTest>

#include <Qsci/qscilexercpp.h>

using kforge::ui::DiffEditor;
using kforge::ui::DiffPane;
using Side = kforge::ui::DiffEditor::Side;

namespace {

QString joinLines(const QStringList& lines) { return lines.join(QLatin1Char('\n')) + QLatin1Char('\n'); }

QStringList numbered(int count) {
    QStringList lines;
    for (int i = 0; i < count; ++i) lines << QStringLiteral("    acc += a[%1] * b[k];").arg(i);
    return lines;
}

constexpr int kBackgrounds =
    (1 << DiffPane::DeletedBackground) | (1 << DiffPane::InsertedBackground) | (1 << DiffPane::ChangedBackground);

// Lines of a pane that carry a diff background marker.
QList<int> markedLines(DiffPane* pane) {
    QList<int> lines;
    for (int line = 0; line < pane->lines(); ++line) {
        if ((pane->markersAtLine(line) & kBackgrounds) != 0) lines << line;
    }
    return lines;
}

// Lines of a pane that hold at least one changed-word indicator.
QList<int> lineswithWords(DiffPane* pane) {
    QList<int> lines;
    const long length = pane->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    for (long pos = 0; pos < length; ++pos) {
        if (pane->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, DiffPane::kWordIndicator, pos) != 0) {
            int line = 0;
            int index = 0;
            pane->lineIndexFromPosition(static_cast<int>(pos), &line, &index);
            if (lines.isEmpty() || lines.last() != line) lines << line;
        }
    }
    return lines;
}

QString wordsAt(DiffPane* pane, int line) {
    QByteArray words;
    const long start = pane->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, static_cast<unsigned long>(line));
    const QByteArray text = pane->text(line).toUtf8();
    for (int k = 0; k < text.size(); ++k) {
        if (pane->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, DiffPane::kWordIndicator, start + k) != 0) {
            words += text[k];
        }
    }
    return QString::fromUtf8(words);
}

int firstVisibleLine(DiffPane* pane) { return pane->firstVisibleLine(); }

QString readResource(const QString& relative) {
    QFile file(qEnvironmentVariable("KFORGE_RESOURCES") + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

// Left: 40 lines; right: line 5 changed, 2 lines inserted after line 12,
// line 20 deleted, 3 lines appended.
struct Sample {
    QString left;
    QString right;
};

Sample sample() {
    QStringList left = numbered(40);
    QStringList right = left;
    right[5] = QStringLiteral("    acc += a[5] * scale * b[k];");
    right.insert(13, QStringLiteral("    __syncthreads();"));
    right.insert(14, QStringLiteral("    // inserted"));
    right.removeAt(22);  // left line 20
    right << QStringLiteral("}") << QStringLiteral("// end") << QStringLiteral("// really");
    return {joinLines(left), joinLines(right)};
}

}  // namespace

class TestDiffEditor : public QObject {
    Q_OBJECT

private slots:
    void countsChangesAndSummarises() {
        DiffEditor editor;
        editor.resize(1000, 500);
        editor.show();
        const Sample texts = sample();
        editor.setTexts(QStringLiteral("node #12"), texts.left, QStringLiteral("node #14"), texts.right,
                        QStringLiteral("cu"));
        QCOMPARE(editor.changeCount(), 4);
        QCOMPARE(editor.currentChange(), 0);
        QCOMPARE(editor.findChild<QLabel*>(QStringLiteral("diffLeftTitle"))->text(), QStringLiteral("node #12"));
        QCOMPARE(editor.findChild<QLabel*>(QStringLiteral("diffRightTitle"))->text(), QStringLiteral("node #14"));
        QCOMPARE(editor.findChild<QLabel*>(QStringLiteral("diffSummary"))->text(),
                 QStringLiteral("+6 \u22122, 4 changes"));
        QCOMPARE(editor.rightText(), texts.right);
    }

    void identicalTextsShowNoChanges() {
        DiffEditor editor;
        editor.show();
        const QString text = joinLines(numbered(30));
        editor.setTexts(QStringLiteral("baseline"), text, QStringLiteral("node #1"), text, QStringLiteral("cu"));
        QCOMPARE(editor.changeCount(), 0);
        QCOMPARE(editor.currentChange(), -1);
        QVERIFY(markedLines(editor.pane(Side::Left)).isEmpty());
        QVERIFY(markedLines(editor.pane(Side::Right)).isEmpty());
        QVERIFY(!editor.nextChangeAction()->isEnabled());
        QVERIFY(!editor.previousChangeAction()->isEnabled());
        QCOMPARE(editor.findChild<QLabel*>(QStringLiteral("diffSummary"))->text(), QStringLiteral("No differences"));
    }

    void highlightingFollowsTheLanguage() {
        DiffEditor editor;
        editor.show();
        editor.setTexts(QStringLiteral("a"), QStringLiteral("x = 1\n"), QStringLiteral("b"), QStringLiteral("x = 2\n"),
                        QStringLiteral("py"));
        QCOMPARE(QString::fromLatin1(editor.pane(Side::Left)->lexer()->language()), QStringLiteral("Python"));
        editor.setTexts(QStringLiteral("a"), QStringLiteral("x\n"), QStringLiteral("b"), QStringLiteral("y\n"),
                        QStringLiteral("txt"));
        QVERIFY(editor.pane(Side::Left)->lexer() == nullptr);
        QCOMPARE(editor.changeCount(), 1);
        editor.setTexts(QStringLiteral("a"), QStringLiteral("x\n"), QStringLiteral("b"), QStringLiteral("y\n"),
                        QStringLiteral("HIP"));
        QCOMPARE(QString::fromLatin1(editor.pane(Side::Right)->lexer()->language()), QStringLiteral("CUDA"));
        // CUDA qualifiers are keywords, intrinsics and the ABI's names are known.
        const QString keywords = QString::fromLatin1(editor.pane(Side::Right)->lexer()->keywords(1));
        QVERIFY(keywords.split(QLatin1Char(' ')).contains(QStringLiteral("__global__")));
        QVERIFY(keywords.split(QLatin1Char(' ')).contains(QStringLiteral("for")));
        const QStringList intrinsics = QString::fromLatin1(editor.pane(Side::Right)->lexer()->keywords(2)).split(QLatin1Char(' '));
        for (const char* name : {"__shfl_xor_sync", "atomicAdd", "__ldg", "threadIdx", "hipLaunchKernelGGL",
                                 "__float2bfloat16", "mma_sync"}) {
            QVERIFY2(intrinsics.contains(QString::fromLatin1(name)), name);
        }
        const QStringList types = QString::fromLatin1(editor.pane(Side::Right)->lexer()->keywords(4)).split(QLatin1Char(' '));
        QVERIFY(types.contains(QStringLiteral("__nv_bfloat16")));
        QVERIFY(types.contains(QStringLiteral("kf_call")));
    }

    void marksExactlyTheChangedLinesAndWords() {
        DiffEditor editor;
        editor.resize(1000, 500);
        editor.show();
        const Sample texts = sample();
        editor.setTexts(QStringLiteral("a"), texts.left, QStringLiteral("b"), texts.right, QStringLiteral("cu"));
        DiffPane* left = editor.pane(Side::Left);
        DiffPane* right = editor.pane(Side::Right);
        QCOMPARE(markedLines(left), (QList<int>{5, 20}));
        QCOMPARE(markedLines(right), (QList<int>{5, 13, 14, 41, 42, 43}));
        QCOMPARE(left->markersAtLine(5) & (1 << DiffPane::ChangedBackground), 1 << DiffPane::ChangedBackground);
        QCOMPARE(left->markersAtLine(5) & (1 << DiffPane::ChangedSymbol), 1 << DiffPane::ChangedSymbol);
        QCOMPARE(left->markersAtLine(20), (1 << DiffPane::DeletedBackground) | (1 << DiffPane::DeletedSymbol));
        QCOMPARE(right->markersAtLine(13), (1 << DiffPane::InsertedBackground) | (1 << DiffPane::InsertedSymbol));
        // Changed words only on the changed pair, and only the new words.
        QCOMPARE(lineswithWords(left), QList<int>{});
        QCOMPARE(lineswithWords(right), QList<int>{5});
        QCOMPARE(wordsAt(right, 5).trimmed(), QStringLiteral("scale *"));
    }

    void equalLinesFaceEachOther() {
        DiffEditor editor;
        editor.resize(1000, 500);
        editor.show();
        const Sample texts = sample();
        editor.setTexts(QStringLiteral("a"), texts.left, QStringLiteral("b"), texts.right, QStringLiteral("cu"));
        DiffPane* left = editor.pane(Side::Left);
        DiffPane* right = editor.pane(Side::Right);
        // Left line 13 (after the insertion) faces right line 15; left 21
        // (after the deletion) faces right 22.
        QCOMPARE(left->rowOfLine(13), right->rowOfLine(15));
        QCOMPARE(left->rowOfLine(21), right->rowOfLine(22));
        QCOMPARE(left->rowOfLine(39), right->rowOfLine(40));
        QCOMPARE(left->rowOfLine(0), right->rowOfLine(0));
    }

    void insertionAtTheTopIsAlignedByTheInset() {
        DiffEditor editor;
        editor.resize(1000, 400);
        editor.show();
        QStringList left = numbered(60);
        QStringList right = left;
        right.insert(0, QStringLiteral("#include <cuda_bf16.h>"));
        right.insert(1, QStringLiteral("#include <mma.h>"));
        editor.setTexts(QStringLiteral("a"), joinLines(left), QStringLiteral("b"), joinLines(right),
                        QStringLiteral("cu"));
        DiffPane* leftPane = editor.pane(Side::Left);
        DiffPane* rightPane = editor.pane(Side::Right);
        QCOMPARE(leftPane->topFillerRows(), 2);
        QCOMPARE(leftPane->rowOfLine(0), rightPane->rowOfLine(2));
        QCOMPARE(leftPane->viewport()->y() - rightPane->viewport()->y(),
                 2 * static_cast<int>(leftPane->SendScintilla(QsciScintillaBase::SCI_TEXTHEIGHT, 0UL)));
        // Scrolling the right side past the inset removes it.
        rightPane->verticalScrollBar()->setValue(10);
        QCOMPARE(firstVisibleLine(leftPane), 8);
        QCOMPARE(leftPane->viewport()->y(), rightPane->viewport()->y());
    }

    void navigationMovesBothSides() {
        DiffEditor editor;
        editor.resize(1000, 300);
        editor.show();
        const Sample texts = sample();
        editor.setTexts(QStringLiteral("a"), texts.left, QStringLiteral("b"), texts.right, QStringLiteral("cu"));
        QSignalSpy changed(&editor, &DiffEditor::currentChangeChanged);
        DiffPane* left = editor.pane(Side::Left);
        DiffPane* right = editor.pane(Side::Right);
        const auto cursorLine = [](DiffPane* pane) {
            int line = 0;
            int index = 0;
            pane->getCursorPosition(&line, &index);
            return line;
        };
        QCOMPARE(cursorLine(left), 5);
        QCOMPARE(cursorLine(right), 5);
        QVERIFY(!editor.previousChangeAction()->isEnabled());

        editor.nextChange();  // the insertion after line 12
        QCOMPARE(editor.currentChange(), 1);
        QCOMPARE(cursorLine(right), 13);
        QCOMPARE(cursorLine(left), 13);
        QCOMPARE(left->scrollRow(), right->scrollRow());
        QVERIFY(right->firstVisibleLine() <= 13 && 13 < right->firstVisibleLine() + right->visibleRows());

        editor.nextChange();  // the deletion of left line 20
        QCOMPARE(editor.currentChange(), 2);
        QCOMPARE(cursorLine(left), 20);
        QCOMPARE(cursorLine(right), 22);
        QVERIFY(left->firstVisibleLine() <= 20 && 20 < left->firstVisibleLine() + left->visibleRows());
        QCOMPARE(left->scrollRow(), right->scrollRow());

        editor.nextChange();  // the lines appended at the end
        QCOMPARE(editor.currentChange(), 3);
        QCOMPARE(cursorLine(right), 41);
        QVERIFY(!editor.nextChangeAction()->isEnabled());
        editor.nextChange();
        QCOMPARE(editor.currentChange(), 3);

        editor.previousChange();
        QCOMPARE(editor.currentChange(), 2);
        QCOMPARE(changed.count(), 4);

        // The shortcuts reach the actions from inside an editor pane.
        right->setFocus();
        QApplication::setActiveWindow(&editor);
        QTest::keyClick(right, Qt::Key_F7);
        QCOMPARE(editor.currentChange(), 3);
        QTest::keyClick(right, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(editor.currentChange(), 2);
        QTest::keyClick(right, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(editor.currentChange(), 1);
        QTest::keyClick(right, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(editor.currentChange(), 2);
    }

    void scrollingOneSideScrollsTheOther() {
        DiffEditor editor;
        editor.resize(600, 300);
        editor.show();
        QStringList left = numbered(200);
        QStringList right = left;
        right.insert(50, QStringLiteral("    __syncthreads();"));
        right.insert(51, QStringLiteral("    __syncthreads();"));
        right[150] = QStringLiteral("    acc += a[148] * b[k] + some_rather_long_expression_to_make_the_line_wide("
                                    "a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p);");
        editor.setTexts(QStringLiteral("a"), joinLines(left), QStringLiteral("b"), joinLines(right),
                        QStringLiteral("cu"));
        DiffPane* leftPane = editor.pane(Side::Left);
        DiffPane* rightPane = editor.pane(Side::Right);

        leftPane->verticalScrollBar()->setValue(30);
        QCOMPARE(firstVisibleLine(rightPane), 30);
        // Past the two inserted lines the left side shows two filler rows,
        // so row 100 is left line 98 and right line 100: equal lines.
        leftPane->verticalScrollBar()->setValue(100);
        QCOMPARE(firstVisibleLine(rightPane), 100);
        QCOMPARE(leftPane->SendScintilla(QsciScintillaBase::SCI_DOCLINEFROMVISIBLE, 100UL), 98L);
        QCOMPARE(leftPane->scrollRow(), rightPane->scrollRow());
        rightPane->verticalScrollBar()->setValue(10);
        QCOMPARE(firstVisibleLine(leftPane), 10);

        // Horizontal scrolling follows too, even though only the right side
        // has the long line.
        QVERIFY(leftPane->horizontalScrollBar()->maximum() > 0);
        rightPane->horizontalScrollBar()->setValue(80);
        QCOMPARE(leftPane->horizontalScrollBar()->value(), 80);
        leftPane->horizontalScrollBar()->setValue(20);
        QCOMPARE(rightPane->horizontalScrollBar()->value(), 20);
    }

    void editingTheRightSideEnablesEvaluateAsChild() {
        DiffEditor editor;
        editor.resize(1000, 500);
        editor.show();
        const Sample texts = sample();
        editor.setTexts(QStringLiteral("a"), texts.left, QStringLiteral("b"), texts.right, QStringLiteral("cu"));
        auto* evaluate = editor.findChild<QPushButton*>(QStringLiteral("evaluateAsChildButton"));
        QVERIFY(evaluate != nullptr);
        QVERIFY(!evaluate->isEnabled());
        QVERIFY(!editor.isRightEdited());

        QSignalSpy edited(&editor, &DiffEditor::rightTextEdited);
        QSignalSpy requested(&editor, &DiffEditor::evaluateAsChildRequested);
        DiffPane* right = editor.pane(Side::Right);
        right->setCursorPosition(30, 0);
        QTest::keyClicks(right, QStringLiteral("// tuned"));
        QTest::keyClick(right, Qt::Key_Return);
        QVERIFY(edited.count() > 0);
        QVERIFY(editor.isRightEdited());
        QVERIFY(evaluate->isEnabled());

        // The diff follows the edit after the typing pause, not at once.
        QCOMPARE(editor.changeCount(), 4);
        QTRY_COMPARE(editor.changeCount(), 5);
        QCOMPARE(markedLines(right), (QList<int>{5, 13, 14, 30, 42, 43, 44}));

        evaluate->click();
        QCOMPARE(requested.count(), 1);
        const QString source = requested.at(0).at(0).toString();
        QVERIFY(source.contains(QStringLiteral("// tuned\n")));
        QCOMPARE(source, editor.rightText());

        // Undoing the edit makes the right side unedited again.
        while (right->isUndoAvailable()) right->undo();
        QVERIFY(!evaluate->isEnabled());
        QCOMPARE(editor.rightText(), texts.right);

        // A read-only right side offers no evaluation.
        editor.setRightEditable(false);
        QVERIFY(!editor.isRightEditable());
        QVERIFY(right->isReadOnly());
        QVERIFY(!evaluate->isVisible());
    }

    void jumpsToACompilerLine() {
        DiffEditor editor;
        editor.resize(800, 300);
        editor.show();
        const QString text = joinLines(numbered(300));
        editor.setTexts(QStringLiteral("a"), text, QStringLiteral("b"), text, QStringLiteral("cu"));
        editor.jumpToLine(Side::Right, 250, 7);  // 1-based, as a compiler reports it
        int line = 0;
        int index = 0;
        editor.pane(Side::Right)->getCursorPosition(&line, &index);
        QCOMPARE(line, 249);
        QCOMPARE(index, 6);
        DiffPane* left = editor.pane(Side::Left);
        QVERIFY(left->firstVisibleLine() <= 249 && 249 < left->firstVisibleLine() + left->visibleRows());
        QCOMPARE(left->firstVisibleLine(), editor.pane(Side::Right)->firstVisibleLine());
    }

    void longFileSetsUpQuickly() {
        DiffEditor editor;
        editor.resize(1200, 800);
        editor.show();
        QStringList left = numbered(10000);
        QStringList right = left;
        right[100] = QStringLiteral("    acc += a[100] * c[k];");
        right.insert(2000, QStringLiteral("    __syncthreads();"));
        right.removeAt(5001);
        right[7000] = QStringLiteral("    acc -= a[7000] * b[k];");  // left line 7000 again
        right << QStringLiteral("// end");
        const QString leftText = joinLines(left);
        const QString rightText = joinLines(right);
        QElapsedTimer timer;
        timer.start();
        editor.setTexts(QStringLiteral("a"), leftText, QStringLiteral("b"), rightText, QStringLiteral("cu"));
        QApplication::processEvents();
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(elapsed < 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        qInfo("10,000 lines with 5 changes set up in %lld ms", static_cast<long long>(elapsed));
        QCOMPARE(editor.changeCount(), 5);
        QCOMPARE(markedLines(editor.pane(Side::Left)), (QList<int>{100, 5000, 7000}));
    }

    void showsRealKernelSources() {
        const QString baseline = readResource(QStringLiteral("tasks/softmax_fp32/cuda/baseline.cu"));
        const QString templ = readResource(QStringLiteral("tasks/softmax_fp32/cuda/template.cu"));
        QVERIFY(!baseline.isEmpty() && !templ.isEmpty());
        // A node's edit of the template: what the manual generator produces.
        QString edited = templ;
        edited.replace(QStringLiteral("__expf(m - mn)"), QStringLiteral("exp2f((m - mn) * kLog2e)"));
        edited.replace(QStringLiteral("// Every thread of a TPR-thread group"),
                       QStringLiteral("constexpr float kLog2e = 1.4426950408889634f;\n\n"
                                      "// Every thread of a TPR-thread group"));
        DiffEditor editor;
        editor.resize(1400, 760);
        editor.show();
        editor.setTexts(QStringLiteral("node #3 (template)"), templ, QStringLiteral("node #7 (manual edit)"), edited,
                        QStringLiteral("cu"));
        QVERIFY(editor.changeCount() >= 2);
        QVERIFY(!lineswithWords(editor.pane(Side::Right)).isEmpty());
        const QString shots = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR");
        QApplication::processEvents();  // lay out the summary before grabbing
        if (!shots.isEmpty()) QVERIFY(editor.grab().save(shots + QStringLiteral("/diff_editor_edit.png")));

        editor.setTexts(QStringLiteral("baseline"), baseline, QStringLiteral("template"), templ,
                        QStringLiteral("cu"));
        QVERIFY(editor.changeCount() >= 2);
        QApplication::processEvents();  // lay out the summary before grabbing
        if (!shots.isEmpty()) QVERIFY(editor.grab().save(shots + QStringLiteral("/diff_editor_baseline.png")));
    }

    void followsADarkPalette() {
        const QString templ = readResource(QStringLiteral("tasks/gemm_bf16/cuda/template.cu"));
        QVERIFY(!templ.isEmpty());
        QString edited = templ;
        const qsizetype at = edited.indexOf(QStringLiteral("__global__"));
        QVERIFY(at > 0);
        edited.insert(at, QStringLiteral("// cp.async double buffering\n"));
        edited.replace(QStringLiteral("__syncthreads();"), QStringLiteral("__syncthreads();  // stage done"));
        DiffEditor editor;
        editor.resize(1400, 760);
        editor.show();
        editor.setTexts(QStringLiteral("node #21"), templ, QStringLiteral("node #22"), edited, QStringLiteral("cu"));
        DiffPane* left = editor.pane(Side::Left);
        QVERIFY(left->lexer() != nullptr);
        QVERIFY(left->lexer()->defaultPaper().lightness() > 128);

        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xd4, 0xd4, 0xd4));
        dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
        editor.setPalette(dark);
        QVERIFY(left->lexer()->defaultPaper().lightness() < 128);
        QVERIFY(left->lexer()->color(QsciLexerCPP::Keyword).lightness() > 100);
        QApplication::processEvents();
        const QString shots = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR");
        if (!shots.isEmpty()) QVERIFY(editor.grab().save(shots + QStringLiteral("/diff_editor_dark.png")));
    }
};

QTEST_MAIN(TestDiffEditor)
#include "test_diff_editor.moc"
