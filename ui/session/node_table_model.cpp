#include "ui/session/node_table_model.h"

#include <QBrush>
#include <QLocale>

#include <algorithm>

#include "task/tune_space.h"
#include "ui/session/node_status.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

namespace {

QString secondsText(const std::optional<double>& s) {
    return s ? QLocale().toString(*s, 'f', 2) : QString();
}

}  // namespace

NodeTableModel::NodeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

NodeTableModel::Row NodeTableModel::rowFrom(const kforge::Node& node) {
    Row r;
    r.id = node.id;
    r.parent = node.parent.value_or(0);
    r.generator = QString::fromStdString(node.generator);
    r.state = node.state;
    r.status = node.status;
    r.fitness = node.fitness;
    r.configuration = QString::fromStdString(kforge::describeConfig(node.config));
    if (node.state == kforge::NodeState::Done) {
        if (node.compile) r.compileSeconds = node.compile->seconds;
        if (node.evaluation) r.measureSeconds = node.evaluation->seconds;
    }
    r.created = QDateTime::fromString(QString::fromStdString(node.createdAt), Qt::ISODate);
    r.message = phraseText(node.message);
    return r;
}

bool NodeTableModel::noteGenerator(const QString& generator) {
    if (generators_.contains(generator)) return false;
    generators_.insert(generator);
    return true;
}

void NodeTableModel::setTree(qint64 sessionId, const kforge::SessionTree& tree) {
    beginResetModel();
    sessionId_ = sessionId;
    rows_.clear();
    rowOf_.clear();
    generators_.clear();
    rows_.reserve(tree.nodes().size());
    rowOf_.reserve(static_cast<qsizetype>(tree.nodes().size()));
    for (const kforge::Node& node : tree.nodes()) {
        rowOf_.insert(node.id, static_cast<int>(rows_.size()));
        rows_.push_back(rowFrom(node));
        noteGenerator(rows_.back().generator);
    }
    endResetModel();
    emit generatorsChanged();
}

void NodeTableModel::clear() {
    beginResetModel();
    sessionId_ = 0;
    rows_.clear();
    rowOf_.clear();
    generators_.clear();
    endResetModel();
    emit generatorsChanged();
}

void NodeTableModel::updateNode(const kforge::Node& node) {
    Row row = rowFrom(node);
    const bool newGenerator = noteGenerator(row.generator);
    const auto it = rowOf_.constFind(node.id);
    if (it != rowOf_.constEnd()) {
        const int r = *it;
        rows_[static_cast<size_t>(r)] = std::move(row);
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
    } else {
        const int r = static_cast<int>(rows_.size());
        beginInsertRows({}, r, r);
        rows_.push_back(std::move(row));
        rowOf_.insert(node.id, r);
        endInsertRows();
    }
    if (newGenerator) emit generatorsChanged();
}

int NodeTableModel::rowOfNode(qint64 nodeId) const { return rowOf_.value(nodeId, -1); }

QModelIndex NodeTableModel::indexOfNode(qint64 nodeId, int column) const {
    const int r = rowOfNode(nodeId);
    return r < 0 ? QModelIndex() : index(r, column);
}

QStringList NodeTableModel::generators() const {
    QStringList list(generators_.begin(), generators_.end());
    list.sort();
    return list;
}

void NodeTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int NodeTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int NodeTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant NodeTableModel::display(const Row& row, int column) const {
    switch (column) {
    case IdColumn: return row.id;
    case ParentColumn: return row.parent > 0 ? QVariant(row.parent) : QVariant(QString());
    case GeneratorColumn: return row.generator;
    case StatusColumn: return nodeStatusText(row.state, row.status);
    case SpeedupColumn:
        return row.state == kforge::NodeState::Done && row.status == kforge::Status::Passed
                   ? QVariant(tr("%1×").arg(QLocale().toString(row.fitness, 'f', 3)))
                   : QVariant(QString());
    case ConfigurationColumn: return row.configuration;
    case CompileSecondsColumn: return secondsText(row.compileSeconds);
    case MeasureSecondsColumn: return secondsText(row.measureSeconds);
    case CreatedColumn: return QLocale().toString(row.created.toLocalTime(), QLocale::ShortFormat);
    default: return {};
    }
}

QVariant NodeTableModel::sortKey(const Row& row, int column) const {
    switch (column) {
    case IdColumn: return row.id;
    case ParentColumn: return row.parent;
    case StatusColumn: return row.state == kforge::NodeState::Pending ? -1 : static_cast<int>(row.status);
    // Failed and pending nodes (fitness 0) sort below every passing one.
    case SpeedupColumn: return row.fitness;
    case CompileSecondsColumn: return row.compileSeconds.value_or(-1.0);
    case MeasureSecondsColumn: return row.measureSeconds.value_or(-1.0);
    case CreatedColumn: return row.created.toMSecsSinceEpoch();
    default: return display(row, column);
    }
}

QVariant NodeTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = rows_[static_cast<size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return display(row, column);
    case Qt::ToolTipRole:
        if (column == StatusColumn && !row.message.isEmpty()) return row.message;
        if (column == ConfigurationColumn && !row.configuration.isEmpty()) return row.configuration;
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn) return QBrush(nodeStatusColor(row.state, row.status));
        return {};
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == ParentColumn || column == SpeedupColumn || column == CompileSecondsColumn ||
            column == MeasureSecondsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case NodeIdRole: return row.id;
    case ParentIdRole: return row.parent;
    case NodeStateRole: return static_cast<int>(row.state);
    case StatusRole: return static_cast<int>(row.status);
    case GeneratorRole: return row.generator;
    case SortRole: return sortKey(row, column);
    default: return {};
    }
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Node");
    case ParentColumn: return tr("Parent");
    case GeneratorColumn: return tr("Generator");
    case StatusColumn: return tr("Status");
    case SpeedupColumn: return tr("Speedup");
    case ConfigurationColumn: return tr("Configuration");
    case CompileSecondsColumn: return tr("Compile (s)");
    case MeasureSecondsColumn: return tr("Measure (s)");
    case CreatedColumn: return tr("Created");
    default: return {};
    }
}

}  // namespace kforge::ui
