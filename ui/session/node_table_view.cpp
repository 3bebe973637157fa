#include "ui/session/node_table_view.h"

#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QLocale>
#include <algorithm>

#include "ui/session/node_filter_model.h"
#include "ui/session/node_selection.h"
#include "ui/session/node_status.h"
#include "ui/session/node_table_model.h"

namespace kforge::ui {

NodeTableView::NodeTableView(QWidget* parent) : QTableView(parent) {
    setObjectName(QStringLiteral("nodeTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    // Fixed row heights: no per-row size queries, so 10,000 rows scroll freely.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionsMovable(true);
}

void NodeTableView::sizeColumns() {
    // Node, Parent, Generator, Status and Speedup hold short numbers and
    // words: at QHeaderView's default of 100 px each, Speedup started past the
    // edge of the Nodes dock at the first-run window size. Each gets its
    // header (with the sort arrow) or its widest usual value, whichever is wider.
    const QFontMetrics metrics = fontMetrics();
    const int padding = metrics.horizontalAdvance(QStringLiteral("00"));
    auto fit = [&](int column, const QString& widest) {
        horizontalHeader()->resizeSection(column, std::max(horizontalHeader()->sectionSizeHint(column),
                                                           metrics.horizontalAdvance(widest) + padding));
    };
    fit(NodeTableModel::IdColumn, QStringLiteral("00000"));
    fit(NodeTableModel::ParentColumn, QStringLiteral("00000"));
    fit(NodeTableModel::GeneratorColumn, QStringLiteral("template"));
    fit(NodeTableModel::StatusColumn, nodeStatusText(kforge::NodeState::Done, kforge::Status::Passed));
    fit(NodeTableModel::SpeedupColumn, QLocale().toString(10.0, 'f', 3) + QStringLiteral("×"));
}

void NodeTableView::setNodeModel(NodeFilterModel* model) {
    model_ = model;
    // Order matters: "about to" handlers are connected before setModel(), so
    // the flag is up before the selection model reacts to the change; the
    // "done" handlers after it, so the view's selection is reapplied once the
    // selection model has finished its own bookkeeping.
    auto begin = [this] { modelChanging_ = true; };
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, begin);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, begin);
    setModel(model);
    sizeColumns();
    auto end = [this] {
        modelChanging_ = false;
        toView();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, end);
    connect(model, &QAbstractItemModel::rowsRemoved, this, end);
    connect(model, &QAbstractItemModel::layoutChanged, this, end);
    connect(model, &QAbstractItemModel::modelReset, this, end);
    sortByColumn(NodeTableModel::IdColumn, Qt::AscendingOrder);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { fromView(); });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (syncing_ || modelChanging_ || selection_ == nullptr || !current.isValid()) return;
        selection_->setCurrent(idAt(current));
    });
}

void NodeTableView::bindSelection(NodeSelection* selection) {
    selection_ = selection;
    connect(selection, &NodeSelection::selectionChanged, this, [this] { toView(); });
    connect(selection, &NodeSelection::currentChanged, this, [this] { toView(); });
    toView();
}

qint64 NodeTableView::idAt(const QModelIndex& index) const {
    return index.siblingAtColumn(0).data(NodeTableModel::NodeIdRole).toLongLong();
}

void NodeTableView::fromView() {
    if (syncing_ || modelChanging_ || selection_ == nullptr || model_ == nullptr) return;
    QList<qint64> inView;
    for (const QModelIndex& row : selectionModel()->selectedRows()) inView.append(idAt(row));
    // Keep the picking order: what stays selected first, as it was, then what
    // is new; ids hidden by the filter are not the view's to drop.
    QList<qint64> ordered;
    for (qint64 id : selection_->selected())
        if (inView.contains(id) || !model_->indexOfNode(id).isValid()) ordered.append(id);
    const QModelIndex current = selectionModel()->currentIndex();
    const qint64 currentId = current.isValid() ? idAt(current) : NodeSelection::kNone;
    // selectedRows() comes in no particular order; the current row is the one
    // picked last.
    for (qint64 id : inView)
        if (!ordered.contains(id) && id != currentId) ordered.append(id);
    if (inView.contains(currentId) && !ordered.contains(currentId)) ordered.append(currentId);
    selection_->setSelected(ordered);
}

void NodeTableView::toView() {
    if (selection_ == nullptr || model_ == nullptr || syncing_) return;
    syncing_ = true;
    QItemSelection rows;
    for (qint64 id : selection_->selected()) {
        const QModelIndex index = model_->indexOfNode(id);
        if (index.isValid()) rows.select(index, index.siblingAtColumn(model_->columnCount() - 1));
    }
    selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    const QModelIndex current = model_->indexOfNode(selection_->current());
    if (current.isValid() && current.row() != selectionModel()->currentIndex().row()) {
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        scrollTo(current);
    }
    syncing_ = false;
}

}  // namespace kforge::ui
