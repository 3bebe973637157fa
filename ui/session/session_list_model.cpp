#include "ui/session/session_list_model.h"

#include <QLocale>

#include <algorithm>

#include "task/task.h"

namespace kforge::ui {

SessionListModel::SessionListModel(QObject* parent) : QAbstractTableModel(parent) {}

SessionListModel::Row SessionListModel::rowFrom(const kforge::SessionRecord& r) {
    Row row;
    row.id = r.id;
    row.name = QString::fromStdString(r.name);
    row.task = QString::fromStdString(r.task);
    row.device = QString::fromStdString(r.device.name);
    row.backend = QString::fromStdString(std::string(kforge::backendName(r.config.backend)));
    row.status = QString::fromStdString(r.status);
    row.evaluations = r.evaluations;
    row.budget = r.config.stop.evaluations;
    row.bestSpeedup = r.bestSpeedup;
    row.updated = QDateTime::fromString(QString::fromStdString(r.updatedAt), Qt::ISODate);
    return row;
}

int SessionListModel::rowOfSession(qint64 sessionId) const {
    const auto it = std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.id == sessionId; });
    return it == rows_.end() ? -1 : static_cast<int>(it - rows_.begin());
}

qint64 SessionListModel::sessionIdAt(int row) const {
    return row >= 0 && row < rowCount() ? rows_[static_cast<size_t>(row)].id : 0;
}

QString SessionListModel::sessionName(qint64 sessionId) const {
    const int r = rowOfSession(sessionId);
    return r < 0 ? QString() : rows_[static_cast<size_t>(r)].name;
}

void SessionListModel::setRow(int row, Row value) {
    rows_[static_cast<size_t>(row)] = std::move(value);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SessionListModel::setSessions(const SessionRecordList& sessions) {
    // Rows gone from the store go first (from the bottom, so rows stay valid) ...
    for (int r = rowCount() - 1; r >= 0; --r) {
        const qint64 id = rows_[static_cast<size_t>(r)].id;
        const bool kept = std::any_of(sessions.begin(), sessions.end(), [&](const auto& s) { return s.id == id; });
        if (!kept) {
            beginRemoveRows({}, r, r);
            rows_.erase(rows_.begin() + r);
            endRemoveRows();
        }
    }
    // ... then the rest are updated in place or appended.
    for (const kforge::SessionRecord& s : sessions) updateSession(s);
}

void SessionListModel::updateSession(const kforge::SessionRecord& session) {
    Row row = rowFrom(session);
    const int r = rowOfSession(session.id);
    if (r >= 0) {
        setRow(r, std::move(row));
        return;
    }
    const int at = rowCount();
    beginInsertRows({}, at, at);
    rows_.push_back(std::move(row));
    endInsertRows();
}

void SessionListModel::removeSession(qint64 sessionId) {
    const int r = rowOfSession(sessionId);
    if (r < 0) return;
    beginRemoveRows({}, r, r);
    rows_.erase(rows_.begin() + r);
    endRemoveRows();
}

void SessionListModel::renameSession(qint64 sessionId, const QString& name) {
    const int r = rowOfSession(sessionId);
    if (r < 0 || rows_[static_cast<size_t>(r)].name == name) return;
    rows_[static_cast<size_t>(r)].name = name;
    emit dataChanged(index(r, NameColumn), index(r, NameColumn));
}

void SessionListModel::applyProgress(const kforge::SessionProgress& p) {
    const int r = rowOfSession(p.sessionId);
    if (r < 0) return;
    Row row = rows_[static_cast<size_t>(r)];
    row.evaluations = p.evaluations;
    row.budget = p.budget;
    row.bestSpeedup = p.bestSpeedup;
    row.status = p.paused ? QStringLiteral("paused") : QStringLiteral("running");
    row.updated = QDateTime::currentDateTimeUtc();
    setRow(r, std::move(row));
}

void SessionListModel::setLiveStatus(qint64 sessionId, const QString& statusKey) {
    const int r = rowOfSession(sessionId);
    if (r < 0 || rows_[static_cast<size_t>(r)].status == statusKey) return;
    rows_[static_cast<size_t>(r)].status = statusKey;
    emit dataChanged(index(r, StatusColumn), index(r, StatusColumn));
}

QString SessionListModel::statusText(const QString& key) {
    if (key == QLatin1String("new")) return tr("new");
    if (key == QLatin1String("running")) return tr("running");
    if (key == QLatin1String("paused")) return tr("paused");
    if (key == QLatin1String("stopped")) return tr("stopped");
    if (key == QLatin1String("finished")) return tr("finished");
    if (key == QLatin1String("failed")) return tr("failed");
    return key;
}

void SessionListModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SessionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SessionListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant SessionListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = rows_[static_cast<size_t>(index.row())];
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case NameColumn: return row.name;
        case TaskColumn: return row.task;
        case DeviceColumn: return row.device.isEmpty() ? row.backend : tr("%1 (%2)").arg(row.device, row.backend);
        case StatusColumn: return statusText(row.status);
        case EvaluationsColumn:
            return row.budget ? tr("%1 of %2").arg(locale.toString(row.evaluations), locale.toString(*row.budget))
                              : locale.toString(row.evaluations);
        case BestSpeedupColumn:
            return row.bestSpeedup > 0 ? tr("%1×").arg(locale.toString(row.bestSpeedup, 'f', 3)) : QString();
        case UpdatedColumn: return locale.toString(row.updated.toLocalTime(), QLocale::ShortFormat);
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn) return tr("Session %1: %2").arg(row.id).arg(row.name);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == EvaluationsColumn || index.column() == BestSpeedupColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SessionIdRole: return row.id;
    case StatusKeyRole: return row.status;
    case SortRole:
        switch (index.column()) {
        case EvaluationsColumn: return row.evaluations;
        case BestSpeedupColumn: return row.bestSpeedup;
        case UpdatedColumn: return row.updated.toMSecsSinceEpoch();
        default: return data(index, Qt::DisplayRole);
        }
    default: return {};
    }
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case TaskColumn: return tr("Task");
    case DeviceColumn: return tr("Device");
    case StatusColumn: return tr("Status");
    case EvaluationsColumn: return tr("Evaluations");
    case BestSpeedupColumn: return tr("Best");
    case UpdatedColumn: return tr("Updated");
    default: return {};
    }
}

Qt::ItemFlags SessionListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn) f |= Qt::ItemIsEditable;
    return f;
}

bool SessionListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != NameColumn) return false;
    const QString name = value.toString().trimmed();
    Row& row = rows_[static_cast<size_t>(index.row())];
    if (name.isEmpty() || name == row.name) return false;
    row.name = name;
    emit dataChanged(index, index);
    emit renameRequested(row.id, name);
    return true;
}

}  // namespace kforge::ui
