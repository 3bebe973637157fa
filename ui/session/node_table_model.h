#pragma once
// One row per node of the open session. Filled at once when a session opens
// (setTree) and then kept up to date node by node while it runs (updateNode:
// a row is inserted or its cells change; the model is never reset during a
// run, so views keep their selection and scroll position). Rows are in the
// order nodes arrive; sorting and filtering belong to NodeFilterModel.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>
#include <vector>

#include "model/node.h"
#include "model/session_tree.h"

namespace kforge::ui {

class NodeTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        ParentColumn,
        GeneratorColumn,
        StatusColumn,
        SpeedupColumn,
        ConfigurationColumn,
        CompileSecondsColumn,
        MeasureSecondsColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role {
        NodeIdRole = Qt::UserRole + 1,  // qint64, any column
        ParentIdRole,                   // qint64, 0 for the root
        NodeStateRole,                  // int(kforge::NodeState)
        StatusRole,                     // int(kforge::Status)
        GeneratorRole,                  // QString
        SortRole,                       // numbers as numbers, text as text
    };

    explicit NodeTableModel(QObject* parent = nullptr);

    // Replaces every row (opening a session).
    void setTree(qint64 sessionId, const kforge::SessionTree& tree);
    void clear();
    // Inserts the node's row or updates it in place.
    void updateNode(const kforge::Node& node);

    qint64 sessionId() const { return sessionId_; }
    int rowOfNode(qint64 nodeId) const;  // -1 when absent
    QModelIndex indexOfNode(qint64 nodeId, int column = IdColumn) const;
    QStringList generators() const;  // every generator that made a node, sorted

    // The language changed: headers and texts are asked for again.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A generator appeared that no earlier node had (the filter combo lists them).
    void generatorsChanged();

private:
    // What a row shows, extracted once from the node (whose evaluation JSON,
    // with every timing sample, the model does not keep).
    struct Row {
        qint64 id = 0;
        qint64 parent = 0;
        QString generator;
        kforge::NodeState state = kforge::NodeState::Pending;
        kforge::Status status = kforge::Status::NotRun;
        double fitness = 0;
        QString configuration;
        std::optional<double> compileSeconds;
        std::optional<double> measureSeconds;
        QDateTime created;
        QString message;
    };
    static Row rowFrom(const kforge::Node& node);
    QVariant display(const Row& row, int column) const;
    QVariant sortKey(const Row& row, int column) const;
    bool noteGenerator(const QString& generator);

    qint64 sessionId_ = 0;
    std::vector<Row> rows_;
    QHash<qint64, int> rowOf_;
    QSet<QString> generators_;
};

}  // namespace kforge::ui
