#include "ui/session/session_summary.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "session/stop_conditions.h"
#include "task/task.h"
#include "ui/session/session_list_model.h"

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

QString timeText(const std::string& iso) {
    return QLocale().toString(QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate).toLocalTime(), QLocale::ShortFormat);
}

}  // namespace

SessionSummary::SessionSummary(QWidget* parent) : QWidget(parent), title_(new QLabel(this)), form_(new QFormLayout) {
    setObjectName(QStringLiteral("sessionSummary"));
    QFont font = title_->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    title_->setFont(font);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    form_->setLabelAlignment(Qt::AlignRight);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(title_);
    layout->addLayout(form_);
    layout->addStretch(1);
}

void SessionSummary::showSession(const kforge::SessionRecord& session) {
    session_ = session;
    render();
}

void SessionSummary::showProgress(const kforge::SessionProgress& p) {
    if (!session_ || session_->id != p.sessionId) return;
    session_->evaluations = p.evaluations;
    session_->bestSpeedup = p.bestSpeedup;
    session_->bestNode = p.bestNode;
    session_->status = p.paused ? "paused" : "running";
    render();
}

void SessionSummary::clear() {
    session_.reset();
    render();
}

void SessionSummary::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(event);
}

void SessionSummary::render() {
    while (form_->rowCount() > 0) form_->removeRow(0);
    if (!session_) {
        title_->clear();
        return;
    }
    const kforge::SessionRecord& s = *session_;
    const QLocale locale;
    title_->setText(tr("Session %1: %2").arg(s.id).arg(QString::fromStdString(s.name)));
    auto add = [this](const QString& label, const QString& value) {
        auto* field = new QLabel(value);
        field->setTextFormat(Qt::PlainText);
        field->setWordWrap(true);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form_->addRow(label, field);
    };
    add(tr("Task:"), QString::fromStdString(s.task));
    add(tr("Device:"), tr("%1 (%2)").arg(QString::fromStdString(s.device.value("name", std::string("?"))),
                                         QString::fromStdString(std::string(kforge::backendName(s.config.backend)))));
    add(tr("Search:"), searchText(s.config));
    add(tr("Stops after:"), stopText(s.config.stop));
    QString status = SessionListModel::statusText(QString::fromStdString(s.status));
    if (!s.stopReason.empty()) status = tr("%1: %2").arg(status, QString::fromStdString(s.stopReason));
    add(tr("Status:"), status);
    add(tr("Evaluations:"), tr("%1 in %2 of active time")
                                .arg(locale.toString(s.evaluations), QString::fromStdString(kforge::formatDuration(s.activeSeconds))));
    add(tr("Best:"), s.bestNode ? tr("%1× over the %2 (node %3)")
                                      .arg(locale.toString(s.bestSpeedup, 'f', 3), QString::fromStdString(s.baselineName))
                                      .arg(*s.bestNode)
                                : tr("no candidate passed yet"));
    add(tr("Created:"), timeText(s.createdAt));
    add(tr("Updated:"), timeText(s.updatedAt));
}

QString SessionSummary::text() const {
    QStringList parts{title_->text()};
    for (const QLabel* l : findChildren<QLabel*>())
        if (l != title_) parts << l->text();
    return parts.join(QLatin1Char('\n'));
}

}  // namespace kforge::ui
