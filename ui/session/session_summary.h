#pragma once
// The open session at a glance, in the central area: what it optimizes and
// where, how it is searching, how far it got and its best candidate. The
// tree graph and the diff editor take their places beside it.
#include <QWidget>

#include <optional>
#include <vector>

#include "ui/session/session_types.h"

class QEvent;
class QFormLayout;
class QLabel;

namespace kforge::ui {

class SessionSummary : public QWidget {
    Q_OBJECT

public:
    explicit SessionSummary(QWidget* parent = nullptr);

    void showSession(const kforge::SessionRecord& session);
    // The counters of a run in progress, between store reads.
    void showProgress(const kforge::SessionProgress& progress);
    void clear();

    QString text() const;  // every value shown, for tests

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    // In the order shown: what the engineer checks while a session runs comes
    // first, as the dock is often only a few lines high (the task is in the title).
    enum Field {
        StatusField,
        RunnersField,  // shown while a run has several runners or a troubled one
        BestField,
        EvaluationsField,
        BaselinesField,
        TaskField,
        DeviceField,
        SearchField,
        StopField,
        CreatedField,
        UpdatedField,
        FieldCount
    };

    QLabel* title_;
    QFormLayout* form_;
    // Made once; render() only changes their texts, as progress arrives several times a second.
    QLabel* names_[FieldCount] = {};
    QLabel* values_[FieldCount] = {};
    std::optional<kforge::SessionRecord> session_;
    std::vector<kforge::RunnerProgress> runners_;  // of the run in progress
};

// Each runner of a run, a line each: its name, what it is doing, how many
// candidates it measured and, if it went away, why. Empty when there is one
// runner and nothing went wrong with it (the status says all then).
QString runnersText(const std::vector<kforge::RunnerProgress>& runners);

}  // namespace kforge::ui
