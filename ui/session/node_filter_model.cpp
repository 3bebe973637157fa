#include "ui/session/node_filter_model.h"

#include "ui/session/node_table_model.h"

namespace kforge::ui {

NodeFilterModel::NodeFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(NodeTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // Rows arriving during a run land in their sorted place and pass the filter.
    setDynamicSortFilter(true);
}

void NodeFilterModel::setStatusFilter(const StatusFilter& filter) {
    if (status_ == filter) return;
    status_ = filter;
    invalidateRowsFilter();
}

void NodeFilterModel::setGeneratorFilter(const QString& generator) {
    if (generator_ == generator) return;
    generator_ = generator;
    invalidateRowsFilter();
}

void NodeFilterModel::setText(const QString& text) {
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == words_) return;
    words_ = words;
    invalidateRowsFilter();
}

qint64 NodeFilterModel::nodeIdAt(int proxyRow) const {
    return index(proxyRow, 0).data(NodeTableModel::NodeIdRole).toLongLong();
}

QModelIndex NodeFilterModel::indexOfNode(qint64 nodeId, int column) const {
    const auto* nodes = qobject_cast<const NodeTableModel*>(sourceModel());
    if (nodes == nullptr) return {};
    return mapFromSource(nodes->indexOfNode(nodeId, column));
}

bool NodeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* source = sourceModel();
    const QModelIndex first = source->index(sourceRow, 0, sourceParent);
    const auto state = static_cast<kforge::NodeState>(first.data(NodeTableModel::NodeStateRole).toInt());
    const auto status = static_cast<kforge::Status>(first.data(NodeTableModel::StatusRole).toInt());
    if (!status_.accepts(state, status)) return false;
    if (!generator_.isEmpty() && first.data(NodeTableModel::GeneratorRole).toString() != generator_) return false;
    if (words_.isEmpty()) return true;

    QString haystack;
    for (int column : {int(NodeTableModel::IdColumn), int(NodeTableModel::GeneratorColumn), int(NodeTableModel::StatusColumn),
                       int(NodeTableModel::ConfigurationColumn)}) {
        haystack += source->index(sourceRow, column, sourceParent).data().toString();
        haystack += QLatin1Char('\n');
    }
    haystack += source->index(sourceRow, NodeTableModel::StatusColumn, sourceParent).data(Qt::ToolTipRole).toString();
    for (const QString& word : words_)
        if (!haystack.contains(word, Qt::CaseInsensitive)) return false;
    return true;
}

}  // namespace kforge::ui
