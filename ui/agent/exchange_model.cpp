#include "ui/agent/exchange_model.h"

#include <QDateTime>
#include <QLocale>

namespace kforge::ui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

// "2024-05-01 12:34:56" (as the store writes it) shown as the local time of day.
QString timeText(const std::string& startedAt) {
    QDateTime t = QDateTime::fromString(q(startedAt), Qt::ISODate);
    if (!t.isValid()) t = QDateTime::fromString(q(startedAt), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid()) return q(startedAt);
    if (t.timeSpec() == Qt::LocalTime && startedAt.find('T') == std::string::npos) t.setTimeSpec(Qt::UTC);
    return t.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
}
}  // namespace

ExchangeModel::ExchangeModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExchangeModel::setExchanges(qint64 sessionId, std::vector<kforge::LlmExchange> exchanges) {
    beginResetModel();
    sessionId_ = sessionId;
    rows_ = std::move(exchanges);
    endResetModel();
}

void ExchangeModel::addExchange(const kforge::LlmExchange& exchange) {
    for (size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].id == exchange.id && exchange.id != 0) {
            rows_[i] = exchange;
            emit dataChanged(index(static_cast<int>(i), 0), index(static_cast<int>(i), ColumnCount - 1));
            return;
        }
    }
    const int row = static_cast<int>(rows_.size());
    beginInsertRows({}, row, row);
    rows_.push_back(exchange);
    endInsertRows();
}

void ExchangeModel::clear() { setExchanges(0, {}); }

const kforge::LlmExchange* ExchangeModel::at(int row) const {
    if (row < 0 || row >= static_cast<int>(rows_.size())) return nullptr;
    return &rows_[static_cast<size_t>(row)];
}

int ExchangeModel::rowOfNode(qint64 nodeId) const {
    for (int i = static_cast<int>(rows_.size()) - 1; i >= 0; --i)
        if (rows_[static_cast<size_t>(i)].nodeId.value_or(0) == nodeId && nodeId != 0) return i;
    return -1;
}

kforge::LlmUsageTotals ExchangeModel::totals() const {
    kforge::LlmUsageTotals t;
    for (const auto& e : rows_) {
        ++t.exchanges;
        t.inputTokens += e.inputTokens;
        t.outputTokens += e.outputTokens;
        t.cost += e.cost;
    }
    return t;
}

void ExchangeModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!rows_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ExchangeModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ExchangeModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ExchangeModel::resultText(const kforge::LlmExchange& e) {
    if (e.nodeId) return tr("node #%1").arg(*e.nodeId);
    if (!e.refusal.empty()) return tr("refused: %1").arg(q(e.refusal));
    if (!e.error.empty()) return tr("failed: %1").arg(q(e.error));
    return tr("no node (%1)").arg(q(e.outcome));
}

QVariant ExchangeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const kforge::LlmExchange& e = rows_[static_cast<size_t>(index.row())];
    if (role == IdRole) return QVariant::fromValue<qint64>(e.id);
    if (role == NodeRole) return QVariant::fromValue<qint64>(e.nodeId.value_or(0));
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Seconds || index.column() == Tokens || index.column() == Cost)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Result) return resultText(e);
    if (role != Qt::DisplayRole) return {};
    const QLocale locale;
    switch (index.column()) {
    case Time: return timeText(e.startedAt);
    case Mode: return q(e.mode);
    case Parent: return e.nodeId ? tr("#%1 → #%2").arg(e.parentId).arg(*e.nodeId) : tr("#%1").arg(e.parentId);
    case Result: return resultText(e);
    case Seconds: return locale.toString(e.seconds, 'f', 1);
    case Tokens:
        return tr("%1 + %2%3")
            .arg(locale.toString(static_cast<qlonglong>(e.inputTokens)), locale.toString(static_cast<qlonglong>(e.outputTokens)),
                 e.tokensEstimated ? tr(" (est.)") : QString());
    case Cost: return locale.toString(e.cost, 'f', 4);
    }
    return {};
}

QVariant ExchangeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Mode: return tr("Mode");
    case Parent: return tr("Parent → node");
    case Result: return tr("Result");
    case Seconds: return tr("Seconds");
    case Tokens: return tr("Tokens in + out");
    case Cost: return tr("Cost");
    }
    return {};
}

}  // namespace kforge::ui
