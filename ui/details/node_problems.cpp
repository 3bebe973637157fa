#include "ui/details/node_problems.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <filesystem>

#include "ui/session/node_status.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

namespace {

// lupdate reads the context from the class: no QObject needed for tr().
class NodeProblems {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::NodeProblems)
};

QString str(const std::string& s) { return QString::fromStdString(s); }

// "out[1234] (seed 2): expected 1.5, got nan": where verification first saw a wrong value.
QString firstBadText(const kforge::VerifyStats& v) {
    if (v.firstBadIndex < 0) return {};
    const QLocale locale;
    return NodeProblems::tr("%1[%2] (seed %3): expected %4, got %5")
        .arg(str(v.firstBadOutput))
        .arg(v.firstBadIndex)
        .arg(v.firstBadSeed)
        .arg(locale.toString(v.expected, 'g', 6), locale.toString(v.actual, 'g', 6));
}

}  // namespace

bool isCandidateFile(const std::string& file, const kforge::Node& node) {
    if (file.empty() || node.sourceHash.size() < 24) return false;
    return std::filesystem::path(file).filename().string() == node.sourceHash.substr(0, 24) + node.sourceExtension;
}

QString diagnosticLocation(const kforge::Diagnostic& d, const kforge::Node& node) {
    if (d.file.empty()) return {};
    if (isCandidateFile(d.file, node))
        return d.column > 0 ? NodeProblems::tr("line %1, column %2").arg(d.line).arg(d.column) : NodeProblems::tr("line %1").arg(d.line);
    return QStringLiteral("%1:%2:%3").arg(QFileInfo(str(d.file)).fileName()).arg(d.line).arg(d.column);
}

std::vector<NodeProblem> nodeProblems(const kforge::Node& node) {
    std::vector<NodeProblem> problems;
    if (node.compile) {
        for (const auto& d : node.compile->diagnostics) {
            if (d.severity == "note") {
                // gcc and nvcc put a diagnostic's notes right after it.
                if (!problems.empty()) problems.back().notes << str(d.message);
                continue;
            }
            NodeProblem p;
            p.kind = NodeProblem::Kind::Compile;
            p.location = diagnosticLocation(d, node);
            p.severity = d.severity == "error"     ? NodeProblems::tr("error")
                         : d.severity == "warning" ? NodeProblems::tr("warning")
                                                   : str(d.severity);
            p.message = str(d.message);
            if (isCandidateFile(d.file, node)) {
                p.line = d.line;
                p.column = d.column;
            }
            problems.push_back(std::move(p));
        }
    }
    bool workloadSaidWhy = false;
    if (node.evaluation) {
        for (const auto& w : node.evaluation->workloads) {
            if (w.status == kforge::Status::Passed) continue;
            NodeProblem p;
            p.kind = NodeProblem::Kind::Workload;
            p.location = str(w.uuid);
            p.severity = statusText(w.status);
            p.message = phraseText(w.message);
            const QString firstBad = firstBadText(w.verify);
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
        p.message = phraseText(node.message);
        problems.push_back(std::move(p));
    }
    return problems;
}

}  // namespace kforge::ui
