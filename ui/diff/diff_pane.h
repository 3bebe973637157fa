#pragma once

#include "diff/side_by_side.h"

#include <Qsci/qsciscintilla.h>

class QWheelEvent;

namespace kforge::ui {

// One side of the diff editor: a QScintilla editor that shows a side's
// layout (line backgrounds and margin symbols, changed-word indicators,
// blank filler rows) and scrolls by *rows*, a coordinate shared with the
// other side in which filler rows count, so equal lines face each other.
//
// Filler rows after a line are Scintilla annotations. Scintilla cannot show
// an annotation above the first line, so rows before it are an inset at the
// top of the viewport that shrinks as the pane scrolls down.
class DiffPane : public QsciScintilla {
    Q_OBJECT

public:
    // Marker numbers: a full-line background and a margin symbol per kind.
    enum Marker {
        DeletedBackground = 0,
        InsertedBackground = 1,
        ChangedBackground = 2,
        DeletedSymbol = 3,
        InsertedSymbol = 4,
        ChangedSymbol = 5,
    };
    // The indicator that marks changed words (Scintilla's first container indicator).
    static constexpr int kWordIndicator = 8;

    explicit DiffPane(QWidget* parent = nullptr);

    // "cu", "cuh", "hip", "cpp", "h", ... get C++/CUDA/HIP highlighting,
    // "py" Python; anything else is plain text.
    void setLanguage(const QString& language);
    // Colours of the text, the diff marks and the margins, for a light or a
    // dark palette.
    void applyPalette(const QPalette& palette);

    void showLayout(const diff::SideLayout& layout);

    int topFillerRows() const { return topFillerRows_; }
    int rowOfLine(int line) const;
    int scrollRow() const { return row_; }
    void setScrollRow(int row);
    // Lines the viewport shows at once.
    int visibleRows() const;

signals:
    // The user scrolled this pane (wheel, scroll bar, keyboard).
    void scrollRowChangedByUser(int row);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void configure();
    void defineMarks(const QPalette& palette);
    void onVerticalScrollBar(int firstVisibleLine);
    void placeTopInset();
    long send(unsigned int message, long wParam = 0, long lParam = 0) const;

    QWidget* topInset_ = nullptr;  // paints the filler rows before the first line
    QString language_;
    int annotationStyle_ = 0;
    int topFillerRows_ = 0;
    int row_ = 0;
    int firstVisibleLine_ = 0;  // as last seen, to tell the user's scrolling from ours
    bool settingRow_ = false;
};

}  // namespace kforge::ui
