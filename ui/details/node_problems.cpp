#include "ui/details/node_problems.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <filesystem>

#include "ui/session/node_status.h"

namespace kforge::ui {

namespace {

// lupdate reads the context from the class: no QObject needed for tr().
class NodeProblems {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::NodeProblems)
};

QString str(const nlohmann::json& j, const char* key) {
    return j.is_object() ? QString::fromStdString(j.value(key, std::string())) : QString();
}

QString verdictText(const std::string& name) {
    const auto status = kforge::parseStatus(name);
    return status ? statusText(*status) : QString::fromStdString(name);
}

// "out[1234] (seed 2): expected 1.5, got nan": where verification first saw a wrong value.
QString firstBadText(const nlohmann::json& v) {
    if (!v.is_object() || v.value("first_bad_index", int64_t{-1}) < 0) return {};
    const QLocale locale;
    return NodeProblems::tr("%1[%2] (seed %3): expected %4, got %5")
        .arg(str(v, "first_bad_output"))
        .arg(v.value("first_bad_index", int64_t{-1}))
        .arg(v.value("first_bad_seed", uint64_t{0}))
        .arg(locale.toString(v.value("expected", 0.0), 'g', 6), locale.toString(v.value("actual", 0.0), 'g', 6));
}

}  // namespace

bool isCandidateFile(const std::string& file, const kforge::Node& node) {
    if (file.empty() || node.sourceHash.size() < 24) return false;
    return std::filesystem::path(file).filename().string() == node.sourceHash.substr(0, 24) + node.sourceExtension;
}

QString diagnosticLocation(const nlohmann::json& d, const kforge::Node& node) {
    const std::string file = d.value("file", std::string());
    const int line = d.value("line", 0), column = d.value("column", 0);
    if (file.empty()) return {};
    if (isCandidateFile(file, node))
        return column > 0 ? NodeProblems::tr("line %1, column %2").arg(line).arg(column)
                          : NodeProblems::tr("line %1").arg(line);
    return QStringLiteral("%1:%2:%3").arg(QFileInfo(QString::fromStdString(file)).fileName()).arg(line).arg(column);
}

std::vector<NodeProblem> nodeProblems(const kforge::Node& node) {
    std::vector<NodeProblem> problems;
    const nlohmann::json& compile = node.compile;
    if (compile.is_object() && compile.contains("diagnostics") && compile.at("diagnostics").is_array()) {
        for (const auto& d : compile.at("diagnostics")) {
            const std::string severity = d.value("severity", std::string());
            if (severity == "note") {
                // gcc and nvcc put a diagnostic's notes right after it.
                if (!problems.empty()) problems.back().notes << str(d, "message");
                continue;
            }
            NodeProblem p;
            p.kind = NodeProblem::Kind::Compile;
            p.location = diagnosticLocation(d, node);
            p.severity = severity == "error"     ? NodeProblems::tr("error")
                         : severity == "warning" ? NodeProblems::tr("warning")
                                                 : QString::fromStdString(severity);
            p.message = str(d, "message");
            if (isCandidateFile(d.value("file", std::string()), node)) {
                p.line = d.value("line", 0);
                p.column = d.value("column", 0);
            }
            problems.push_back(std::move(p));
        }
    }
    const nlohmann::json& evaluation = node.evaluation;
    bool workloadSaidWhy = false;
    if (evaluation.is_object() && evaluation.contains("workloads") && evaluation.at("workloads").is_array()) {
        for (const auto& w : evaluation.at("workloads")) {
            const std::string status = w.value("status", std::string());
            if (status == "PASSED") continue;
            NodeProblem p;
            p.kind = NodeProblem::Kind::Workload;
            p.location = str(w, "uuid");
            p.severity = verdictText(status);
            p.message = str(w, "message");
            const QString firstBad = firstBadText(w.value("verification", nlohmann::json::object()));
            if (!firstBad.isEmpty()) p.notes << NodeProblems::tr("first wrong value: %1").arg(firstBad);
            workloadSaidWhy = workloadSaidWhy || !p.message.isEmpty();
            problems.push_back(std::move(p));
        }
    }
    const bool failed = node.state == kforge::NodeState::Done && node.status != kforge::Status::Passed;
    bool compileSaidWhy = false;
    for (const auto& p : problems) compileSaidWhy = compileSaidWhy || p.kind == NodeProblem::Kind::Compile;
    if (failed && !workloadSaidWhy && !(node.status == kforge::Status::CompileError && compileSaidWhy)) {
        NodeProblem p;
        p.kind = NodeProblem::Kind::Verdict;
        p.severity = statusText(node.status);
        p.message = QString::fromStdString(node.message);
        problems.push_back(std::move(p));
    }
    return problems;
}

}  // namespace kforge::ui
