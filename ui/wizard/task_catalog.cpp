#include "ui/wizard/task_catalog.h"
#include "ui/phrase_text.h"

#include <QStringList>

#include <exception>

#include "eval/evaluator.h"

namespace kforge::ui {

namespace {

TaskChoice load(const QString& ref, bool builtin, const std::filesystem::path& path) {
    TaskChoice choice;
    choice.ref = ref;
    choice.builtin = builtin;
    try {
        choice.task = std::make_shared<const kforge::Task>(kforge::loadTask(path));
    } catch (const std::exception& e) {
        choice.error = errorText(e);
    }
    return choice;
}

}  // namespace

std::vector<TaskChoice> loadBuiltinTasks(const kforge::AppPaths& paths) {
    std::vector<TaskChoice> choices;
    for (const std::string& name : kforge::builtinTaskNames(paths))
        choices.push_back(load(QString::fromStdString(name), true, paths.tasksDirectory() / name));
    return choices;
}

TaskChoice loadTaskDefinition(const QString& path) {
    return load(path, false, path.toStdString());
}

QString taskDataTypes(const kforge::Task& task) {
    QStringList names;
    auto add = [&names](const std::vector<kforge::TensorDef>& tensors) {
        for (const auto& t : tensors) {
            const QString name = QString::fromUtf8(kforge::dtypeInfo(t.dtype).name.data(),
                                                   static_cast<qsizetype>(kforge::dtypeInfo(t.dtype).name.size()));
            if (!names.contains(name)) names << name;
        }
    };
    add(task.inputs);
    add(task.outputs);
    return names.join(QStringLiteral(", "));
}

QString workloadAxesText(const kforge::Task& task, const kforge::Workload& workload) {
    QStringList parts;
    for (const auto& [name, value] : task.axisValues(workload))
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(name)).arg(value);
    return parts.join(QLatin1Char(' '));
}

}  // namespace kforge::ui
