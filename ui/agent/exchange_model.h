#pragma once
// The open session's exchanges with the LLM agent as a table: when, in which
// mode, about which parent, what came of it (the node, or the refusal or
// failure), how long, how many tokens and what it cost. Filled from the
// workspace when a session opens and appended live from the run.
#include <QAbstractTableModel>

#include <vector>

#include "store/agent_records.h"

namespace kforge::ui {

class ExchangeModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Time, Mode, Parent, Result, Seconds, Tokens, Cost, ColumnCount };
    // The exchange's id (qint64) under this role in every column; the node it made (0 for none) under NodeRole.
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int NodeRole = Qt::UserRole + 2;

    explicit ExchangeModel(QObject* parent = nullptr);

    void setExchanges(qint64 sessionId, std::vector<kforge::LlmExchange> exchanges);
    // Appended, or replaced when an exchange with its id is already listed.
    void addExchange(const kforge::LlmExchange& exchange);
    void clear();

    qint64 sessionId() const { return sessionId_; }
    const std::vector<kforge::LlmExchange>& exchanges() const { return rows_; }
    const kforge::LlmExchange* at(int row) const;
    // The row of the (latest) exchange that produced `nodeId`; -1 when none did.
    int rowOfNode(qint64 nodeId) const;
    kforge::LlmUsageTotals totals() const;

    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "node #4", "refused: no code block", "failed: ..." for one exchange.
    static QString resultText(const kforge::LlmExchange& e);

private:
    qint64 sessionId_ = 0;
    std::vector<kforge::LlmExchange> rows_;
};

}  // namespace kforge::ui
