#include "ui/diff/diff_pane.h"

#include "ui/diff/cuda_lexer.h"

#include <Qsci/qscilexerpython.h>

#include <QFontDatabase>
#include <QPalette>
#include <QScrollBar>
#include <QStringList>
#include <QWheelEvent>

#include <algorithm>
#include <cstdint>

namespace kforge::ui {

namespace {

struct DiffColours {
    QColor deletedLine, insertedLine, changedLine;
    QColor deletedWord, insertedWord, changedWord;
    QColor deletedSymbol, insertedSymbol, changedSymbol;
    QColor filler, margin, lineNumber;
};

// Meld's scheme: red for lines only on the left, green for lines only on
// the right, blue for lines that replace each other, a darker shade of the
// line's colour for the changed words.
DiffColours coloursFor(const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    if (base.lightness() < 128) {
        return {QColor(0x4a, 0x22, 0x24), QColor(0x1f, 0x3d, 0x26), QColor(0x1e, 0x32, 0x4f),
                QColor(0x8c, 0x33, 0x38), QColor(0x2e, 0x6e, 0x3c), QColor(0x2f, 0x55, 0x8f),
                QColor(0xf0, 0x70, 0x70), QColor(0x70, 0xd0, 0x80), QColor(0x70, 0xa8, 0xf0),
                base.lighter(135), base.lighter(115), QColor(0x85, 0x85, 0x85)};
    }
    return {QColor(0xff, 0xe2, 0xe0), QColor(0xdc, 0xf5, 0xdc), QColor(0xdd, 0xe9, 0xfb),
            QColor(0xff, 0xb0, 0xaa), QColor(0x9b, 0xe0, 0x9b), QColor(0xa6, 0xc4, 0xf2),
            QColor(0xc6, 0x28, 0x28), QColor(0x2e, 0x7d, 0x32), QColor(0x15, 0x65, 0xc0),
            base.darker(106), base.darker(104), QColor(0x90, 0x90, 0x90)};
}

bool isCFamily(const QString& language) {
    static const QStringList cFamily = {QStringLiteral("cu"),  QStringLiteral("cuh"), QStringLiteral("hip"),
                                        QStringLiteral("cpp"), QStringLiteral("cc"),  QStringLiteral("cxx"),
                                        QStringLiteral("c"),   QStringLiteral("h"),   QStringLiteral("hpp"),
                                        QStringLiteral("hh"),  QStringLiteral("cuda"), QStringLiteral("c++")};
    return cFamily.contains(language.toLower());
}

// Annotation text of `rows` blank lines (an empty annotation is no annotation).
QByteArray blankRows(int rows) {
    QByteArray text(" ");
    for (int k = 1; k < rows; ++k) text += "\n ";
    return text;
}

constexpr int kSymbolMargin = 1;
constexpr int kLineNumberMargin = 0;

}  // namespace

DiffPane::DiffPane(QWidget* parent) : QsciScintilla(parent), topInset_(new QWidget(this)) {
    topInset_->setAutoFillBackground(true);
    topInset_->hide();
    configure();
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &DiffPane::onVerticalScrollBar);
}

long DiffPane::send(unsigned int message, long wParam, long lParam) const {
    return SendScintilla(message, static_cast<unsigned long>(wParam), lParam);
}

void DiffPane::configure() {
    setUtf8(true);
    setWrapMode(WrapNone);  // wrapped lines would break the row alignment
    setFolding(NoFoldStyle);
    setCaretLineVisible(false);
    setIndentationGuides(false);
    setTabWidth(4);
    setMarginType(kLineNumberMargin, NumberMargin);
    setMarginMarkerMask(kLineNumberMargin, 0);
    setMarginType(kSymbolMargin, SymbolMargin);
    setMarginWidth(kSymbolMargin, 5);
    setMarginMarkerMask(kSymbolMargin, (1 << DeletedSymbol) | (1 << InsertedSymbol) | (1 << ChangedSymbol));
    setMarginSensitivity(kSymbolMargin, false);
    setMarginWidth(2, 0);
    send(SCI_SETMARGINLEFT, 0, 4);  // air between the change strip and the text
    // Either side may be longer; both must scroll to the same row at the end.
    send(SCI_SETENDATLASTLINE, 0);
    send(SCI_SETSCROLLWIDTHTRACKING, 1);
    send(SCI_SETSCROLLWIDTH, 1);
    send(SCI_ANNOTATIONSETVISIBLE, ANNOTATION_STANDARD);
    annotationStyle_ = static_cast<int>(send(SCI_ALLOCATEEXTENDEDSTYLES, 1));
    send(SCI_ANNOTATIONSETSTYLEOFFSET, annotationStyle_);

    send(SCI_INDICSETSTYLE, kWordIndicator, INDIC_STRAIGHTBOX);
    send(SCI_INDICSETUNDER, kWordIndicator, 1);
    send(SCI_INDICSETALPHA, kWordIndicator, 255);
    send(SCI_INDICSETOUTLINEALPHA, kWordIndicator, 255);

    markerDefine(Background, DeletedBackground);
    markerDefine(Background, InsertedBackground);
    markerDefine(Background, ChangedBackground);
    // A coloured strip between the line numbers and the text, as VS Code
    // and IntelliJ mark changed lines in the gutter.
    markerDefine(FullRectangle, DeletedSymbol);
    markerDefine(FullRectangle, InsertedSymbol);
    markerDefine(FullRectangle, ChangedSymbol);
    applyPalette(palette());
}

void DiffPane::setLanguage(const QString& language) {
    if (!language_.isNull() && language.compare(language_, Qt::CaseInsensitive) == 0) return;
    language_ = language.isNull() ? QStringLiteral("") : language;
    QsciLexer* old = lexer();
    if (isCFamily(language)) {
        setLexer(new CudaLexer(this));
    } else if (language.compare(QLatin1String("py"), Qt::CaseInsensitive) == 0) {
        setLexer(new QsciLexerPython(this));
    } else {
        setLexer(nullptr);
    }
    delete old;
    applyPalette(palette());
}

void DiffPane::applyPalette(const QPalette& palette) {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    if (auto* cuda = qobject_cast<CudaLexer*>(lexer())) {
        cuda->applyFont(font);
        cuda->applyPalette(palette);
    } else if (QsciLexer* other = lexer()) {
        other->setDefaultFont(font);
        other->setFont(font, -1);
        other->setDefaultPaper(base);
        other->setPaper(base, -1);
        if (base.lightness() < 128) other->setColor(text, -1);
    } else {
        setFont(font);
        setPaper(base);
        setColor(text);
    }
    // setLexer() resets every style; the annotation style is ours to restore.
    SendScintilla(SCI_STYLESETFONT, static_cast<unsigned long>(annotationStyle_), font.family().toUtf8().constData());
    send(SCI_STYLESETSIZE, annotationStyle_, font.pointSize() > 0 ? font.pointSize() : 10);
    defineMarks(palette);
    setCaretForegroundColor(text);
    setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    setMarginWidth(kLineNumberMargin, QStringLiteral("00000"));
}

void DiffPane::defineMarks(const QPalette& palette) {
    const DiffColours colours = coloursFor(palette);
    setMarkerBackgroundColor(colours.deletedLine, DeletedBackground);
    setMarkerBackgroundColor(colours.insertedLine, InsertedBackground);
    setMarkerBackgroundColor(colours.changedLine, ChangedBackground);
    setMarkerBackgroundColor(colours.deletedSymbol, DeletedSymbol);
    setMarkerBackgroundColor(colours.insertedSymbol, InsertedSymbol);
    setMarkerBackgroundColor(colours.changedSymbol, ChangedSymbol);
    for (int symbol : {DeletedSymbol, InsertedSymbol, ChangedSymbol}) {
        setMarkerForegroundColor(colours.margin, symbol);
    }
    setMarginsBackgroundColor(colours.margin);
    setMarginsForegroundColor(colours.lineNumber);
    SendScintilla(SCI_STYLESETBACK, static_cast<unsigned long>(annotationStyle_), colours.filler);
    SendScintilla(SCI_STYLESETFORE, static_cast<unsigned long>(annotationStyle_), colours.filler);
    QPalette insetPalette = topInset_->palette();
    insetPalette.setColor(QPalette::Window, colours.filler);
    topInset_->setPalette(insetPalette);
    // The word colour depends on the line's kind; the pane shows one kind
    // of changed words (those of Changed lines), so one indicator suffices.
    setIndicatorForegroundColor(colours.changedWord, kWordIndicator);
    setIndicatorOutlineColor(colours.changedWord, kWordIndicator);
}

void DiffPane::showLayout(const diff::SideLayout& layout) {
    markerDeleteAll();
    clearAnnotations();
    send(SCI_SETINDICATORCURRENT, kWordIndicator);
    send(SCI_INDICATORCLEARRANGE, 0, send(SCI_GETLENGTH));

    for (std::size_t line = 0; line < layout.marks.size(); ++line) {
        int mask = 0;
        switch (layout.marks[line]) {
            case diff::LineMark::None: continue;
            case diff::LineMark::Deleted: mask = (1 << DeletedBackground) | (1 << DeletedSymbol); break;
            case diff::LineMark::Inserted: mask = (1 << InsertedBackground) | (1 << InsertedSymbol); break;
            case diff::LineMark::Changed: mask = (1 << ChangedBackground) | (1 << ChangedSymbol); break;
        }
        send(SCI_MARKERADDSET, static_cast<long>(line), mask);
    }
    for (const diff::Filler& filler : layout.fillers) {
        if (filler.afterLine < 0) continue;
        SendScintilla(SCI_ANNOTATIONSETTEXT, static_cast<uintptr_t>(filler.afterLine), blankRows(filler.rows).constData());
        send(SCI_ANNOTATIONSETSTYLE, filler.afterLine, 0);
    }
    for (const diff::WordMark& word : layout.words) {
        const long start = send(SCI_POSITIONFROMLINE, word.line) + word.range.start;
        send(SCI_INDICATORFILLRANGE, start, word.range.length);
    }
    topFillerRows_ = layout.fillerRowsBeforeFirstLine();
    const int digits = static_cast<int>(QString::number(lines()).size());
    setMarginWidth(kLineNumberMargin, QString(std::max(digits, 3) + 1, QLatin1Char('0')));
    setScrollRow(row_);
}

int DiffPane::rowOfLine(int line) const {
    return static_cast<int>(send(SCI_VISIBLEFROMDOCLINE, std::max(0, line))) + topFillerRows_;
}

int DiffPane::visibleRows() const { return static_cast<int>(send(SCI_LINESONSCREEN)); }

void DiffPane::setScrollRow(int row) {
    row_ = std::max(0, row);
    const int firstLine = std::max(0, row_ - topFillerRows_);
    settingRow_ = true;
    placeTopInset();
    send(SCI_SETFIRSTVISIBLELINE, firstLine);
    firstVisibleLine_ = static_cast<int>(send(SCI_GETFIRSTVISIBLELINE));
    settingRow_ = false;
}

void DiffPane::placeTopInset() {
    const int insetRows = std::max(0, topFillerRows_ - row_);
    const int height = insetRows * static_cast<int>(send(SCI_TEXTHEIGHT, 0));
    setViewportMargins(0, height, 0, 0);
    const int frame = frameWidth();
    topInset_->setGeometry(frame, frame, width() - 2 * frame, height);
    topInset_->setVisible(height > 0);
}

void DiffPane::onVerticalScrollBar(int firstVisibleLine) {
    if (settingRow_) return;
    const int moved = firstVisibleLine - firstVisibleLine_;
    firstVisibleLine_ = firstVisibleLine;
    if (moved == 0) return;
    // In rows the move is the same; setScrollRow() turns it back into a first
    // line, so scrolling down first uses up the inset above the first line.
    setScrollRow(row_ + moved);
    emit scrollRowChangedByUser(row_);
}

void DiffPane::resizeEvent(QResizeEvent* event) {
    QsciScintilla::resizeEvent(event);
    placeTopInset();
}

void DiffPane::wheelEvent(QWheelEvent* event) {
    // At the first line Scintilla cannot scroll further up, but the inset
    // rows above it may still be hidden: scroll those in.
    if (topFillerRows_ > 0 && firstVisibleLine_ == 0 && row_ > 0 && event->angleDelta().y() > 0) {
        setScrollRow(std::max(0, row_ - 3));
        emit scrollRowChangedByUser(row_);
        event->accept();
        return;
    }
    QsciScintilla::wheelEvent(event);
}

}  // namespace kforge::ui
