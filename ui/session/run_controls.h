#pragma once
// Run control: start, pause, resume and stop as actions (with shortcuts) that
// follow a SessionRun's state, and the status-bar widget that shows its
// progress: evaluations (of the budget), best speedup, evaluations per
// minute and the estimated time left.
#include <QObject>
#include <QWidget>

#include "ui/session/session_run.h"

class QAction;
class QEvent;
class QLabel;
class QProgressBar;

namespace kforge::ui {

class RunProgressWidget : public QWidget {
    Q_OBJECT

public:
    explicit RunProgressWidget(QWidget* parent = nullptr);

    void showProgress(const kforge::SessionProgress& progress);
    void showState(SessionRun::State state);
    void clear();

    QString text() const;  // everything it shows, for tests and accessibility

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();

    QLabel* state_;
    QProgressBar* bar_;
    QLabel* evaluations_;
    QLabel* best_;
    QLabel* rate_;
    QLabel* eta_;
    std::optional<kforge::SessionProgress> progress_;
    SessionRun::State runState_ = SessionRun::State::Idle;
};

class RunControls : public QObject {
    Q_OBJECT

public:
    // `run` is not owned; the progress widget is parented to `parentWidget`.
    RunControls(SessionRun* run, QWidget* parentWidget);

    QAction* startAction() const { return start_; }
    QAction* pauseAction() const { return pause_; }
    QAction* resumeAction() const { return resume_; }
    QAction* stopAction() const { return stop_; }
    QList<QAction*> actions() const { return {start_, pause_, resume_, stop_}; }
    RunProgressWidget* progressWidget() const { return progress_; }

    // Whether "start" has something to start (a session to continue, or a
    // new one to set up); the window decides what it means.
    void setStartAvailable(bool available);
    void retranslate();

signals:
    // The window starts a run: continues the open session or sets up a new one.
    void startRequested();

private:
    void updateActions();

    SessionRun* run_;
    QAction* start_;
    QAction* pause_;
    QAction* resume_;
    QAction* stop_;
    RunProgressWidget* progress_;
    bool startAvailable_ = false;
};

}  // namespace kforge::ui
