#include "ui/details/copyable_view.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>

#include <algorithm>
#include <vector>

namespace kforge::ui {

namespace {

// Where a cell sits in the view: its row path from the root, then its column,
// so a tree's children follow their parent.
std::vector<int> position(const QModelIndex& cell) {
    std::vector<int> path;
    for (QModelIndex i = cell.siblingAtColumn(0); i.isValid(); i = i.parent()) path.insert(path.begin(), i.row());
    path.push_back(cell.column());
    return path;
}

}  // namespace

QString selectedCellsText(const QAbstractItemView* view) {
    const QItemSelectionModel* selection = view->selectionModel();
    if (!selection) return {};
    QModelIndexList cells = selection->selectedIndexes();
    std::sort(cells.begin(), cells.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return position(a) < position(b); });
    QStringList lines;
    QStringList line;
    QModelIndex lastRow;
    for (const QModelIndex& cell : cells) {
        const QModelIndex row = cell.siblingAtColumn(0);
        if (lastRow.isValid() && row != lastRow) {
            lines << line.join(QLatin1Char('\t'));
            line.clear();
        }
        lastRow = row;
        line << cell.data(Qt::DisplayRole).toString();
    }
    if (!line.isEmpty()) lines << line.join(QLatin1Char('\t'));
    return lines.join(QLatin1Char('\n'));
}

void makeCopyable(QAbstractItemView* view) {
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* copy = new QAction(QAbstractItemView::tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, view, [view] {
        const QString text = selectedCellsText(view);
        if (!text.isEmpty()) QApplication::clipboard()->setText(text);
    });
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

}  // namespace kforge::ui
