#pragma once
// Copy for the details panel's tables and lists: Ctrl+C (and "Copy" in the
// context menu) puts the selected cells on the clipboard as tab-separated
// rows, so figures paste straight into a spreadsheet or an issue.
#include <QString>

class QAbstractItemView;

namespace kforge::ui {

void makeCopyable(QAbstractItemView* view);
// The selected cells of `view` as text: rows by newline, columns by tab.
QString selectedCellsText(const QAbstractItemView* view);

}  // namespace kforge::ui
