#include "ui/session/run_controls.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>

#include "session/stop_conditions.h"

namespace kforge::ui {

RunProgressWidget::RunProgressWidget(QWidget* parent)
    : QWidget(parent),
      state_(new QLabel(this)),
      bar_(new QProgressBar(this)),
      evaluations_(new QLabel(this)),
      best_(new QLabel(this)),
      rate_(new QLabel(this)),
      eta_(new QLabel(this)) {
    setObjectName(QStringLiteral("runProgress"));
    state_->setObjectName(QStringLiteral("runState"));
    evaluations_->setObjectName(QStringLiteral("runEvaluations"));
    best_->setObjectName(QStringLiteral("runBest"));
    rate_->setObjectName(QStringLiteral("runRate"));
    eta_->setObjectName(QStringLiteral("runEta"));
    bar_->setObjectName(QStringLiteral("runProgressBar"));
    bar_->setMaximumWidth(140);
    bar_->setMaximumHeight(16);
    bar_->setTextVisible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    for (QWidget* w : std::initializer_list<QWidget*>{state_, bar_, evaluations_, best_, rate_, eta_}) layout->addWidget(w);
    render();
}

void RunProgressWidget::showProgress(const kforge::SessionProgress& progress) {
    progress_ = progress;
    render();
}

void RunProgressWidget::showState(SessionRun::State state) {
    runState_ = state;
    render();
}

void RunProgressWidget::clear() {
    progress_.reset();
    runState_ = SessionRun::State::Idle;
    render();
}

void RunProgressWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(event);
}

void RunProgressWidget::render() {
    switch (runState_) {
    case SessionRun::State::Idle: state_->clear(); break;
    case SessionRun::State::Starting: state_->setText(tr("Measuring the baseline…")); break;
    case SessionRun::State::Running: state_->setText(tr("Running")); break;
    case SessionRun::State::Paused: state_->setText(tr("Paused")); break;
    case SessionRun::State::Stopping: state_->setText(tr("Stopping…")); break;
    case SessionRun::State::Finished: state_->setText(tr("Finished")); break;
    case SessionRun::State::Stopped: state_->setText(tr("Stopped")); break;
    case SessionRun::State::Failed: state_->setText(tr("Failed")); break;
    }
    const bool shown = progress_.has_value();
    for (QWidget* w : std::initializer_list<QWidget*>{evaluations_, best_, rate_}) w->setVisible(shown);
    // An estimate of the time left means something only while the run can still go on.
    const bool underWay = runState_ == SessionRun::State::Starting || runState_ == SessionRun::State::Running ||
                          runState_ == SessionRun::State::Paused;
    eta_->setVisible(shown && underWay);
    bar_->setVisible(shown && progress_->budget.has_value());
    state_->setVisible(runState_ != SessionRun::State::Idle);
    if (!shown) return;

    const kforge::SessionProgress& p = *progress_;
    const QLocale locale;
    if (p.budget) {
        evaluations_->setText(tr("%1 of %2 evaluations").arg(locale.toString(p.evaluations), locale.toString(*p.budget)));
        bar_->setRange(0, qMax(1, *p.budget));
        bar_->setValue(qMin(p.evaluations, *p.budget));
    } else {
        evaluations_->setText(tr("%n evaluation(s)", nullptr, p.evaluations));
    }
    best_->setText(p.bestSpeedup > 0 ? tr("best %1×").arg(locale.toString(p.bestSpeedup, 'f', 3)) : tr("no speedup yet"));
    rate_->setText(tr("%1 per minute").arg(locale.toString(p.evaluationsPerMinute, 'f', 1)));
    eta_->setText(p.etaSeconds ? tr("ETA %1").arg(QString::fromStdString(kforge::formatDuration(*p.etaSeconds)))
                               : tr("ETA unknown"));
}

QString RunProgressWidget::text() const {
    QStringList parts;
    for (const QLabel* l : {state_, evaluations_, best_, rate_, eta_})
        if (!l->isHidden() && !l->text().isEmpty()) parts << l->text();
    return parts.join(QStringLiteral("  "));
}

RunControls::RunControls(SessionRun* run, QWidget* parentWidget)
    : QObject(parentWidget),
      run_(run),
      start_(new QAction(this)),
      pause_(new QAction(this)),
      resume_(new QAction(this)),
      stop_(new QAction(this)),
      progress_(new RunProgressWidget(parentWidget)) {
    start_->setObjectName(QStringLiteral("startRunAction"));
    pause_->setObjectName(QStringLiteral("pauseRunAction"));
    resume_->setObjectName(QStringLiteral("resumeRunAction"));
    stop_->setObjectName(QStringLiteral("stopRunAction"));
    // The debugger's keys: F5 goes, Shift+F5 stops; F6 pauses, F8 continues.
    start_->setShortcut(QKeySequence(Qt::Key_F5));
    stop_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    pause_->setShortcut(QKeySequence(Qt::Key_F6));
    resume_->setShortcut(QKeySequence(Qt::Key_F8));
    if (QStyle* style = parentWidget != nullptr ? parentWidget->style() : nullptr) {
        start_->setIcon(style->standardIcon(QStyle::SP_MediaPlay));
        pause_->setIcon(style->standardIcon(QStyle::SP_MediaPause));
        resume_->setIcon(style->standardIcon(QStyle::SP_MediaSeekForward));
        stop_->setIcon(style->standardIcon(QStyle::SP_MediaStop));
    }

    connect(start_, &QAction::triggered, this, &RunControls::startRequested);
    connect(pause_, &QAction::triggered, run_, &SessionRun::pause);
    connect(resume_, &QAction::triggered, run_, &SessionRun::resume);
    connect(stop_, &QAction::triggered, run_, &SessionRun::stop);
    connect(run_, &SessionRun::stateChanged, this, [this](SessionRun::State s) {
        progress_->showState(s);
        updateActions();
    });
    connect(run_, &SessionRun::progressChanged, progress_, &RunProgressWidget::showProgress);
    retranslate();
    updateActions();
}

void RunControls::setStartAvailable(bool available) {
    startAvailable_ = available;
    updateActions();
}

void RunControls::updateActions() {
    const SessionRun::State s = run_->state();
    start_->setEnabled(startAvailable_ && !run_->isActive());
    pause_->setEnabled(s == SessionRun::State::Running || s == SessionRun::State::Starting);
    resume_->setEnabled(s == SessionRun::State::Paused);
    stop_->setEnabled(s == SessionRun::State::Running || s == SessionRun::State::Paused || s == SessionRun::State::Starting);
}

void RunControls::retranslate() {
    start_->setText(tr("&Start"));
    start_->setStatusTip(tr("Continue the open session, or start a new one"));
    pause_->setText(tr("&Pause"));
    pause_->setStatusTip(tr("Let the evaluations in flight finish, then wait"));
    resume_->setText(tr("&Resume"));
    resume_->setStatusTip(tr("Go on with the paused session"));
    stop_->setText(tr("S&top"));
    stop_->setStatusTip(tr("Stop the session: the measurement in flight is kept, the rest stays pending for later"));
}

}  // namespace kforge::ui
