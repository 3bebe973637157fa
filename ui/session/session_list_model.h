#pragma once
// The sessions of the workspace, one row each. setSessions() merges a fresh
// listing into the rows (updating, inserting and removing rows rather than
// resetting, so a view keeps its selection); the running session's row
// follows its progress live.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

#include <vector>

#include "ui/session/session_types.h"

namespace kforge::ui {

class SessionListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, TaskColumn, DeviceColumn, StatusColumn, EvaluationsColumn, BestSpeedupColumn, UpdatedColumn, ColumnCount };
    enum Role {
        SessionIdRole = Qt::UserRole + 1,  // qint64, any column
        SortRole,                          // numbers as numbers
        StatusKeyRole,                     // the store's status word: new, running, paused, stopped, finished, failed
    };

    explicit SessionListModel(QObject* parent = nullptr);

    void setSessions(const SessionRecordList& sessions);
    // Inserts or updates one session (a run started or finished).
    void updateSession(const kforge::SessionRecord& session);
    void removeSession(qint64 sessionId);
    void renameSession(qint64 sessionId, const QString& name);
    // A running session's counters, between store reads.
    void applyProgress(const kforge::SessionProgress& progress);
    // The session a run is driving now (0: none); its status shows as running or paused.
    void setLiveStatus(qint64 sessionId, const QString& statusKey);

    int rowOfSession(qint64 sessionId) const;  // -1 when absent
    qint64 sessionIdAt(int row) const;
    QString sessionName(qint64 sessionId) const;

    // The language changed: headers and texts are asked for again.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Editing the name asks for a rename (renameRequested); the row shows the
    // new name at once and the workspace's answer confirms or corrects it.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    static QString statusText(const QString& statusKey);

signals:
    void renameRequested(qint64 sessionId, const QString& name);

private:
    struct Row {
        qint64 id = 0;
        QString name;
        QString task;
        QString device;
        QString backend;
        QString status;
        int evaluations = 0;
        std::optional<int> budget;
        double bestSpeedup = 0;
        QDateTime updated;
    };
    static Row rowFrom(const kforge::SessionRecord& record);
    void setRow(int row, Row value);

    std::vector<Row> rows_;
};

}  // namespace kforge::ui
