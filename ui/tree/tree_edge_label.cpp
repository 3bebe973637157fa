#include "ui/tree/tree_edge_label.h"

#include <QCoreApplication>
#include <QStringList>

#include "session/tuner_generator.h"
#include "ui/tree/tree_graph_data.h"
#include "ui/tree/tree_style.h"

namespace kforge::ui {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::TreeGraphView)
};

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// "TILE 8→64" per changed value, "TILE=64" for one the parent left at its
// default; a value the child drops is back at its default.
QString configChange(const TuneConfig& from, const TuneConfig& to) {
    QStringList parts;
    for (const auto& [name, value] : to) {
        const auto old = from.find(name);
        if (old == from.end())
            parts << q(name) + QLatin1Char('=') + q(value);
        else if (old->second != value)
            parts << q(name) + QLatin1Char(' ') + q(old->second) + QStringLiteral("\u2192") + q(value);
    }
    for (const auto& [name, value] : from)
        if (!to.count(name)) parts << Text::tr("%1 default").arg(q(name));
    return parts.join(QStringLiteral(", "));
}

}  // namespace

QString edgeLabel(const GraphNode& child, const GraphNode* parent) {
    if (!child.parentId) return {};
    if (child.generator == QLatin1String("llm")) {
        const QString change = child.change.section(QLatin1Char('\n'), 0, 0).trimmed();
        return change.isEmpty() ? Text::tr("LLM rewrite") : change;
    }
    if (child.generator == QLatin1String("manual")) return Text::tr("manual edit");
    // Another of the task's templates, started beside the first.
    if (child.generator == QLatin1String("template") && !child.templateName.isEmpty())
        return Text::tr("template %1").arg(child.templateName);
    if (child.generator == QLatin1String("tuner")) {
        if (child.strategy == QLatin1String(kTuningCacheStrategy.data(), kTuningCacheStrategy.size()))
            return Text::tr("from tuning cache");
        if (!parent) return generatorDisplayName(child.generator);
        const QString change = configChange(parent->config, child.config);
        if (child.strategy == QLatin1String(kTemplateSeedStrategy.data(), kTemplateSeedStrategy.size()))
            return Text::tr("template's seed: %1").arg(change);
        return change.isEmpty() ? Text::tr("same parameters") : change;
    }
    return generatorDisplayName(child.generator);
}

}  // namespace kforge::ui
