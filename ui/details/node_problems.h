#pragma once
// What went wrong with a node, as one list: the compiler's errors and warnings
// (their notes attached), the workloads that failed verification or did not
// run, and the node's own verdict when nothing more specific says why. A
// diagnostic in the candidate's own source carries the line to jump to in the
// editor; one in another file (an included header) does not.
#include <QString>
#include <QStringList>

#include <vector>

#include "model/node.h"

namespace kforge::ui {

struct NodeProblem {
    enum class Kind { Compile, Workload, Verdict } kind = Kind::Compile;
    QString location;  // "line 12, column 5", "kf_abi.h:40:3", a workload's uuid, or empty
    QString severity;  // "error", "warning", or the workload's verdict in the UI's words
    QString message;
    int line = 0;  // in the candidate's source; 0 when there is nowhere to jump
    int column = 0;
    QStringList notes;  // a diagnostic's notes, in order
};

std::vector<NodeProblem> nodeProblems(const kforge::Node& node);

// Whether a diagnostic's file is the node's own source (the engine names it
// after the source's hash and extension).
bool isCandidateFile(const std::string& file, const kforge::Node& node);

// "line 12, column 5" in the candidate, else "file:12:5", else "".
QString diagnosticLocation(const kforge::Diagnostic& diagnostic, const kforge::Node& node);

}  // namespace kforge::ui
