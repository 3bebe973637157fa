#pragma once
// The node table as a view shows it: filtered by status, generator and free
// text, sorted by NodeTableModel::SortRole (numbers as numbers).
#include <QSortFilterProxyModel>
#include <QString>

#include "ui/session/node_status.h"

namespace kforge::ui {

class NodeFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit NodeFilterModel(QObject* parent = nullptr);

    void setStatusFilter(const StatusFilter& filter);
    StatusFilter statusFilter() const { return status_; }
    // An empty name lets every generator through.
    void setGeneratorFilter(const QString& generator);
    QString generatorFilter() const { return generator_; }
    // Case-insensitive; matches the node id, generator, status, configuration
    // or message. Words separated by spaces must all match.
    void setText(const QString& text);
    QString text() const { return words_.join(QLatin1Char(' ')); }

    qint64 nodeIdAt(int proxyRow) const;
    QModelIndex indexOfNode(qint64 nodeId, int column = 0) const;  // invalid when absent or filtered out

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    StatusFilter status_ = StatusFilter::any();
    QString generator_;
    QStringList words_;
};

}  // namespace kforge::ui
