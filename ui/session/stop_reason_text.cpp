#include "ui/session/stop_reason_text.h"

#include <QCoreApplication>
#include <QLocale>

#include "model/session_config.h"
#include "session/stop_conditions.h"

namespace kforge::ui {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::StopReason)
};

// One cause in words; empty when the record lacks the number it needs.
QString causeText(kforge::StopCause cause, const kforge::SessionRecord& s) {
    const kforge::StopConditions& stop = s.config.stop;
    const QLocale locale;
    using kforge::StopCause;
    switch (cause) {
    case StopCause::Evaluations:
        if (!stop.evaluations) return {};
        return Text::tr("budget of %1 evaluations reached").arg(*stop.evaluations);
    case StopCause::Time:
        if (!stop.seconds) return {};
        return Text::tr("time limit of %1 reached").arg(QString::fromStdString(kforge::formatDuration(*stop.seconds)));
    case StopCause::Plateau:
        if (!stop.plateau) return {};
        return Text::tr("no improvement in the last %1 evaluations").arg(*stop.plateau);
    case StopCause::Target:
        if (!stop.target) return {};
        return Text::tr("target speedup %1x reached (%2x)").arg(*stop.target, 0, 'g', 3).arg(s.bestSpeedup, 0, 'g', 3);
    case StopCause::Tokens:
        if (!stop.tokens) return {};
        return Text::tr("LLM token budget of %1 reached").arg(*stop.tokens);
    case StopCause::Cost:
        if (!stop.cost) return {};
        return Text::tr("LLM cost budget of %1 reached").arg(*stop.cost, 0, 'g', 4);
    case StopCause::User:
        return Text::tr("stopped by the user");
    case StopCause::EditsEvaluated:
        return Text::tr("the edits were evaluated");
    case StopCause::NothingToTune:
        return Text::tr("nothing to tune: no source in the session declares @tune parameters (the task has no tunable "
                        "template for %1); add one (docs/tasks.md, \"Tunable parameters\") or let the LLM agent write "
                        "candidates (--generators tuner,llm)")
            .arg(QString::fromStdString(std::string(kforge::backendName(s.config.backend))));
    case StopCause::Exhausted:
        return Text::tr("every candidate the generators could propose was evaluated");
    }
    return {};
}

}  // namespace

QString stopReasonText(const kforge::SessionRecord& session) {
    QString text;
    for (const kforge::StopCause cause : session.stopCauses) {
        const QString part = causeText(cause, session);
        if (part.isEmpty()) return QString::fromStdString(session.stopReason);  // a record edited by hand
        text = text.isEmpty() ? part : Text::tr("%1; %2").arg(text, part);
    }
    return text.isEmpty() ? QString::fromStdString(session.stopReason) : text;
}

}  // namespace kforge::ui
