#include "ui/session/session_summary.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

#include "session/stop_conditions.h"
#include "task/task.h"
#include "ui/phrase_text.h"
#include "ui/session/session_list_model.h"
#include "ui/session/speedup_basis_label.h"
#include "ui/session/stop_reason_text.h"

namespace kforge::ui {

namespace {

QString searchText(const kforge::SessionConfig& c) {
    QStringList generators;
    for (const std::string& g : c.generators)
        generators << (g == "tuner" ? QStringLiteral("tuner (%1)").arg(QString::fromStdString(c.tuner)) : QString::fromStdString(g));
    return SessionSummary::tr("%1 selection; generators: %2")
        .arg(QString::fromStdString(c.selection), generators.join(QStringLiteral(", ")));
}

QString stopText(const kforge::StopConditions& s) {
    const QLocale locale;
    QStringList parts;
    if (s.evaluations) parts << SessionSummary::tr("%n evaluation(s)", nullptr, *s.evaluations);
    if (s.seconds) parts << SessionSummary::tr("%1 of active time").arg(QString::fromStdString(kforge::formatDuration(*s.seconds)));
    if (s.plateau) parts << SessionSummary::tr("%n evaluation(s) without a new best", nullptr, *s.plateau);
    if (s.target) parts << SessionSummary::tr("a speedup of %1×").arg(locale.toString(*s.target, 'f', 2));
    return parts.join(s.requireAll ? SessionSummary::tr(" and ") : SessionSummary::tr(" or "));
}

// Per baseline (eager, compile, vendor): on how many workloads it is the
// fastest, so the engineer sees what the speedups are measured against.
QString baselinesText(const kforge::SessionRecord& s) {
    if (s.torchBaselines.empty()) return SessionSummary::tr("not measured (speedups are over the task's %1)").arg(QString::fromStdString(s.baselineName));
    std::map<std::string, int> fastest;
    std::map<std::string, int> measured;
    for (const auto& [uuid, list] : s.torchBaselines) {
        for (const auto& b : list)
            if (b.measured()) ++measured[b.name];
        if (const auto* best = kforge::bestBaseline(list)) ++fastest[best->name];
    }
    if (measured.empty()) return SessionSummary::tr("none could be measured (speedups are over the task's %1)").arg(QString::fromStdString(s.baselineName));
    QStringList parts;
    const int workloads = static_cast<int>(s.torchBaselines.size());
    for (const auto& [name, count] : measured)
        parts << SessionSummary::tr("%1 (fastest on %2 of %n workload(s))", nullptr, workloads)
                     .arg(QString::fromStdString(name))
                     .arg(fastest.count(name) ? fastest.at(name) : 0);
    return parts.join(QStringLiteral("; "));
}

QString timeText(const std::string& iso) {
    return QLocale().toString(QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate).toLocalTime(), QLocale::ShortFormat);
}

}  // namespace

QString runnersText(const std::vector<kforge::RunnerProgress>& runners) {
    using State = kforge::RunnerProgress::State;
    const bool troubled = std::any_of(runners.begin(), runners.end(),
                                      [](const kforge::RunnerProgress& r) { return r.lost > 0 || r.state == State::Unusable; });
    if (runners.size() < 2 && !troubled) return {};
    QStringList lines;
    for (const kforge::RunnerProgress& r : runners) {
        const QString name = QString::fromStdString(r.name);
        QString line;
        switch (r.state) {
            case State::Starting: line = SessionSummary::tr("%1: starting").arg(name); break;
            case State::Idle: line = SessionSummary::tr("%1: waiting for a candidate, %n measured", nullptr, r.measured).arg(name); break;
            case State::Busy:
                line = SessionSummary::tr("%1: busy with node %2, %n measured", nullptr, r.measured).arg(name).arg(r.node.value_or(0));
                break;
            case State::Unusable: line = SessionSummary::tr("%1: not used: %2").arg(name, phraseText(r.why)); break;
        }
        if (r.lost > 0 && r.state != State::Unusable)
            line += SessionSummary::tr(" (lost %n time(s), last: %1)", nullptr, r.lost).arg(phraseText(r.why));
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

SessionSummary::SessionSummary(QWidget* parent) : QWidget(parent), title_(new QLabel(this)), form_(new QFormLayout) {
    setObjectName(QStringLiteral("sessionSummary"));
    QFont font = title_->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setBold(true);
    title_->setFont(font);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    form_->setLabelAlignment(Qt::AlignRight);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Tight rows: ten fields, several of them two lines, in the first-run
    // window's left column (test_main_window sessionPanelIsReadableAtFirstRunSize).
    form_->setVerticalSpacing(2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(title_);
    layout->addLayout(form_);
    layout->addStretch(1);
    for (int f = 0; f < FieldCount; ++f) {
        names_[f] = new QLabel(this);
        values_[f] = new QLabel(this);
        values_[f]->setTextFormat(Qt::PlainText);
        values_[f]->setWordWrap(true);
        values_[f]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form_->addRow(names_[f], values_[f]);
    }
    render();
}

void SessionSummary::showSession(const kforge::SessionRecord& session) {
    // A store read while the run goes on keeps the runners; one after it ends drops them.
    if (session.status != "running" && session.status != "paused") runners_.clear();
    session_ = session;
    render();
}

void SessionSummary::showProgress(const kforge::SessionProgress& p) {
    if (!session_ || session_->id != p.sessionId) return;
    session_->evaluations = p.evaluations;
    session_->bestSpeedup = p.bestSpeedup;
    session_->bestNode = p.bestNode;
    session_->status = p.paused ? "paused" : "running";
    runners_ = p.runners;
    render();
}

void SessionSummary::clear() {
    session_.reset();
    runners_.clear();
    render();
}

void SessionSummary::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(event);
}

void SessionSummary::render() {
    for (int f = 0; f < FieldCount; ++f) {
        names_[f]->setVisible(session_.has_value());
        values_[f]->setVisible(session_.has_value());
    }
    if (!session_) {
        title_->clear();
        return;
    }
    const kforge::SessionRecord& s = *session_;
    const QLocale locale;
    title_->setText(tr("Session %1: %2").arg(s.id).arg(QString::fromStdString(s.name)));
    auto set = [this](Field f, const QString& name, const QString& value) {
        names_[f]->setText(name);
        values_[f]->setText(value);
    };
    set(TaskField, tr("Task:"), QString::fromStdString(s.task));
    QString device = tr("%1 (%2)").arg(QString::fromStdString(s.device.name.empty() ? std::string("?") : s.device.name),
                                       QString::fromStdString(std::string(kforge::backendName(s.config.backend))));
    // Runners of other models measured the baseline there: their candidates compare with it.
    QStringList others;
    for (const auto& b : s.deviceBaselines) others << QString::fromStdString(kforge::deviceModel(b.device));
    if (!others.isEmpty()) device = tr("%1; also %2, each with its own baseline").arg(device, others.join(QStringLiteral(", ")));
    set(DeviceField, tr("Device:"), device);
    set(SearchField, tr("Search:"), searchText(s.config));
    set(StopField, tr("Stops after:"), stopText(s.config.stop));
    QString status = SessionListModel::statusText(QString::fromStdString(s.status));
    if (const QString reason = stopReasonText(s); !reason.isEmpty()) status = tr("%1: %2").arg(status, reason);
    set(StatusField, tr("Status:"), status);
    set(EvaluationsField, tr("Evaluations:"),
        tr("%1 in %2 of active time")
            .arg(locale.toString(s.evaluations), QString::fromStdString(kforge::formatDuration(s.activeSeconds))));
    set(BestField, tr("Best:"),
        s.bestNode ? (s.bestSpeedup < 1 ? tr("%1× over %2: slower (node %3)") : tr("%1× over %2 (node %3)"))
                         .arg(locale.toString(s.bestSpeedup, 'f', 3), speedupBasisLabel(s))
                         .arg(*s.bestNode)
                   : tr("no candidate passed yet"));
    set(BaselinesField, tr("PyTorch:"), baselinesText(s));
    const QString runners = runnersText(runners_);
    set(RunnersField, tr("Runners:"), runners);
    form_->setRowVisible(RunnersField, !runners.isEmpty());
    set(CreatedField, tr("Created:"), timeText(s.createdAt));
    set(UpdatedField, tr("Updated:"), timeText(s.updatedAt));
}

QString SessionSummary::text() const {
    QStringList parts{title_->text()};
    for (int f = 0; f < FieldCount; ++f)
        if (session_ && values_[f]->isVisibleTo(this)) parts << names_[f]->text() + QLatin1Char(' ') + values_[f]->text();
    return parts.join(QLatin1Char('\n'));
}

}  // namespace kforge::ui
