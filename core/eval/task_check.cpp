#include "eval/task_check.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "task/json_locate.h"
#include "task/tune_space.h"
#include "util/error.h"

namespace kforge {
namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Errors from the loader and the @tune parser carry their location as text
// ("<file>:<line>: what" or "<file>: <field>: what"); the check reports
// file and line apart, finding a field's line in the definition's text.
TaskProblem locate(const std::string& message, const std::filesystem::path& file, const std::string& fileText) {
    TaskProblem p{file, 0, message};
    const std::string prefix = file.string() + ":";
    if (message.rfind(prefix, 0) != 0) return p;
    std::string rest = message.substr(prefix.size());
    size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
    if (digits > 0 && rest.compare(digits, 2, ": ") == 0) {
        p.line = std::stoi(rest.substr(0, digits));
        p.message = rest.substr(digits + 2);
        return p;
    }
    if (rest.rfind(" ", 0) == 0) rest.erase(0, 1);
    p.message = rest;
    // "invalid JSON at line 3, column 5: ..." says its own line.
    if (const auto at = rest.find("at line "); rest.rfind("invalid JSON", 0) == 0 && at != std::string::npos) {
        p.line = std::atoi(rest.c_str() + at + 8);
        return p;
    }
    const auto colon = rest.find(": ");
    if (colon != std::string::npos && rest.find(' ') >= colon) p.line = lineOfField(fileText, rest.substr(0, colon));
    return p;
}

struct Source {
    Backend backend;
    std::string role;  // reference, baseline, template (or "template NAME" of several)
    std::filesystem::path path;
};

std::vector<Source> sourcesOf(const Task& task) {
    std::vector<Source> out;
    for (const auto& [b, impl] : task.native) {
        for (const auto& [role, path] : {std::pair<std::string, std::filesystem::path>{"reference", impl.reference},
                                         {"baseline", impl.baseline}})
            if (!path.empty()) out.push_back({b, role, path});
        for (const auto& t : impl.templates)
            out.push_back({b, impl.templates.size() == 1 ? std::string("template") : "template " + t.name, t.path});
    }
    return out;
}

std::string label(const Source& s) { return std::string(backendName(s.backend)) + " " + s.role; }

// @tune / @constraint: they parse, the defaults satisfy the constraints, and
// some configuration does. Returns the defaults to compile with, or nothing.
std::optional<TuneConfig> checkTuneSpace(const Source& s, TaskCheckResult& out) {
    TuneSpace space;
    try {
        space = parseTuneSpaceFile(s.path);
    } catch (const Error& e) {
        out.problems.push_back(locate(e.what(), s.path, {}));
        return std::nullopt;
    }
    const TuneConfig defaults = space.defaults();
    if (const TuneConstraint* c = space.brokenConstraint(defaults)) {
        out.problems.push_back({s.path, c->line,
                                "the defaults (" + describeConfig(defaults) + ", each @tune's first value) break @constraint " +
                                    space.violation(defaults)});
        if (space.enumerate(1).empty())
            out.problems.push_back(
                {s.path, c->line,
                 space.size() <= static_cast<double>(space.maxVisits())
                     ? "no configuration of the @tune values satisfies every @constraint"
                     : "none of the first " + std::to_string(space.maxVisits()) +
                           " configurations of the @tune values satisfies every @constraint"});
        return std::nullopt;
    }
    if (!space.empty())
        out.passed.push_back(label(s) + ": @tune space of " + std::to_string(space.params.size()) + " parameters parses, defaults " +
                             describeConfig(defaults) +
                             (space.seeds.empty() ? std::string() : ", " + std::to_string(space.seeds.size()) + " @seed configurations"));
    return defaults;
}

bool checkCompile(const Source& s, const TuneConfig& config, const Task& task, Evaluator& evaluator, TaskCheckResult& out) {
    const Toolchain& tc = evaluator.toolchain(s.backend);
    if (!tc.available()) {
        out.skipped.push_back(label(s) + ": not compiled (no " + tc.executable() + " here)");
        return false;
    }
    const CompileRequest request{s.path, config, task.native.at(s.backend).libraries, evaluator.archFor(s.backend)};
    const CompileResult r = evaluator.cache().compile(tc, request);
    if (r.ok) {
        out.passed.push_back(label(s) + ": compiles");
        return true;
    }
    bool located = false;
    for (const auto& d : r.diagnostics)
        if (d.severity == "error" && !d.file.empty()) {
            out.problems.push_back({d.file, d.line, label(s) + " does not compile: " + d.message});
            located = true;
        }
    if (!located) out.problems.push_back({s.path, 0, label(s) + " does not compile: " + r.firstError()});
    return false;
}

// The task's own sources, run on the smallest CPU workload as a candidate
// would be: the reference against itself (it runs, writes in bounds and
// gives the same answer twice), the baseline and the template against it.
void checkRuns(const Task& task, const std::vector<Source>& compiled, Evaluator& evaluator, TaskCheckResult& out) {
    const auto cpuWorkloads = task.workloadsFor(Backend::Cpu);
    if (!task.native.count(Backend::Cpu)) {
        out.skipped.push_back("run: the task has no CPU sources (a run on the CPU is what the check does)");
        return;
    }
    if (cpuWorkloads.empty()) {
        out.skipped.push_back("run: no workload runs on the CPU");
        return;
    }
    const Workload* smallest = cpuWorkloads.front();
    for (const Workload* w : cpuWorkloads)
        if (task.totalTensorBytes(*w) < task.totalTensorBytes(*smallest)) smallest = w;
    Task one = task;
    one.workloads = {*smallest};
    EvalOptions options;
    options.backend = Backend::Cpu;
    options.compareBaseline = false;
    options.torchBaselines.clear();
    options.timing.warmupMs = 1;
    options.timing.budgetMs = 5;
    options.timing.minReps = 3;
    options.timing.maxAttempts = 1;
    for (const auto& s : compiled) {
        if (s.backend != Backend::Cpu) continue;
        const std::string what = label(s) + " on workload " + smallest->uuid;
        try {
            const EvalReport r = evaluator.evaluate(one, s.path, options);
            if (r.status == Status::Passed) out.passed.push_back(what + ": runs and matches the reference");
            else out.problems.push_back({task.workloadsFile, smallest->line, what + ": " + std::string(statusName(r.status)) + ": " + r.message.english()});
        } catch (const Error& e) {
            out.problems.push_back({task.workloadsFile, smallest->line, what + ": " + e.what()});
            return;  // the task cannot be prepared: the next source would say the same
        }
    }
}

}  // namespace

TaskCheckResult checkTask(const std::filesystem::path& path, Evaluator& evaluator) {
    TaskCheckResult out;
    std::error_code ec;
    const auto definitionFile = std::filesystem::is_directory(path, ec) ? path / "definition.json" : path;
    Task task;
    try {
        task = loadTaskCollecting(path, out.problems);
    } catch (const Error& e) {
        const auto file = std::filesystem::weakly_canonical(definitionFile, ec);
        // A definition that does not load stops the check: every later step reads it.
        out.problems.push_back(locate(e.what(), file, slurp(file)));
        return out;
    }
    out.passed.push_back(task.definitionFile.string() + ": definition loads (" + std::to_string(task.axes.size()) + " axes, " +
                         std::to_string(task.inputs.size()) + " inputs, " + std::to_string(task.outputs.size()) + " outputs)");
    if (task.workloads.empty()) {
        out.problems.push_back({task.workloadsFile, 0, "no workload loads"});
        return out;
    }
    out.passed.push_back(task.workloadsFile.string() + ": " + std::to_string(task.workloads.size()) + " workloads load");
    if (task.native.empty()) out.skipped.push_back("native sources: none (the PyTorch reference judges this task)");

    std::vector<Source> compiled;
    bool cpuSourceBroken = false;
    for (const auto& s : sourcesOf(task)) {
        const auto config = checkTuneSpace(s, out);
        if (config && checkCompile(s, *config, task, evaluator, out)) compiled.push_back(s);
        else cpuSourceBroken = cpuSourceBroken || s.backend == Backend::Cpu;
    }
    // A run needs the CPU reference and baseline compiled (the evaluator prepares both).
    if (!cpuSourceBroken) checkRuns(task, compiled, evaluator, out);
    else out.skipped.push_back("run: not tried while a CPU source does not compile");
    return out;
}

std::string describeProblem(const TaskProblem& p) {
    return p.file.string() + (p.line > 0 ? ":" + std::to_string(p.line) : std::string()) + ": " + p.message;
}

}  // namespace kforge
