// kforge: the command line. Its subcommands and their output are relied on by
// scripts: change them only with care.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "eval/report.h"
#include "task/tune_space.h"
#include "agent_commands.h"
#include "check_command.h"
#include "cache_commands.h"
#include "import_commands.h"
#include "sandbox_option.h"
#include "torch_options.h"
#include "session_commands.h"
#include "util/error.h"

namespace {

using Json = nlohmann::json;
using namespace kforge;

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "kforge: error: " << message << "\n";
    std::exit(2);
}

// One entry per backend of each endpoint (every backend when the endpoint names
// no device); without endpoints, this machine's devices.
int listDevices(bool json, const std::string& runners) {
    std::vector<RunnerEndpoint> endpoints;
    if (!runners.empty()) endpoints = parseRunnerEndpoints(runners);
    Json all = Json::array();
    std::vector<std::optional<DeviceFacts>> facts;
    std::vector<std::string> labels;  // what each entry is called in the text listing
    for (size_t i = 0; i < std::max<size_t>(1, endpoints.size()); ++i) {
        Evaluator evaluator(AppPaths::discover());
        std::vector<Backend> listed;
        for (const BackendInfo& info : backends()) listed.push_back(info.backend);
        if (!endpoints.empty()) {
            evaluator.setRunners({endpoints[i]});
            if (endpoints[i].device) listed = {endpoints[i].device->backend};
        }
        for (Backend b : listed) {
            Phrase why;
            RunnerClient& r = evaluator.runner(b);
            const bool ok = r.available(why);
            Json entry = {{"backend", backendName(b)}, {"available", ok}};
            if (!endpoints.empty()) entry["runner"] = r.name();
            labels.push_back(endpoints.empty() ? std::string(backendName(b)) : r.name());
            facts.push_back(ok ? std::optional<DeviceFacts>(r.facts()) : std::nullopt);
            if (ok) entry["facts"] = toJson(r.facts());
            else entry["why"] = why.english();
            const auto& tc = evaluator.toolchain(b);
            const std::string version = tc.version();
            entry["compiler"] = {{"path", tc.executable()}, {"found", !version.empty()},
                                 {"version", version.substr(0, version.find('\n'))}, {"arch", ok ? evaluator.archFor(b) : tc.defaultArch()}};
            all.push_back(entry);
        }
    }
    if (json) {
        std::cout << all.dump(2) << "\n";
        return 0;
    }
    for (size_t i = 0; i < all.size(); ++i) {
        const Json& e = all[i];
        std::cout << labels[i] << ": ";
        if (facts[i]) {
            const DeviceFacts& f = *facts[i];
            std::cout << describeDevice(f) << "\n";
            std::printf("    memory %.1f GiB", static_cast<double>(f.memoryBytes) / double(1ull << 30));
            if (f.gpu) std::printf(", L2 %.0f MiB, SM clock %.0f MHz", static_cast<double>(f.gpu->l2Bytes) / double(1 << 20), f.gpu->smClockKhz / 1e3);
            if (f.cpu) std::printf(", LLC %.0f MiB", static_cast<double>(f.cpu->llcBytes) / double(1 << 20));
            std::printf("\n    bandwidth: %s\n    peak: %s\n", f.bandwidthSource.c_str(), f.peakSource.c_str());
        } else {
            std::cout << "none (" << e.at("why").get<std::string>() << ")\n";
        }
        const auto& c = e.at("compiler");
        std::cout << "    compiler: " << c.at("path").get<std::string>() << " "
                  << (c.at("found").get<bool>() ? c.at("version").get<std::string>() : std::string("(not found)"))
                  << ", target " << c.at("arch").get<std::string>() << "\n";
    }
    return 0;
}

int listTasks(bool json) {
    const AppPaths paths = AppPaths::discover();
    Json all = Json::array();
    for (const auto& name : builtinTaskNames(paths)) {
        const Task t = loadTask(paths.tasksDirectory() / name);
        Json workloads = Json::array();
        for (const auto& w : t.workloads) {
            Json axes = Json::object(), backends = Json::array();
            for (const auto& [k, v] : t.axisValues(w)) axes[k] = v;
            for (const auto& [b, impl] : t.native)
                if (w.runsOn(b)) backends.push_back(backendName(b));
            workloads.push_back({{"uuid", w.uuid}, {"axes", axes}, {"backends", backends}});
        }
        Json native = Json::array();
        for (const auto& [b, impl] : t.native) native.push_back(backendName(b));
        all.push_back({{"name", t.name}, {"op_type", t.opType}, {"description", t.description}, {"backends", native},
                       {"path", t.directory.string()}, {"workloads", workloads}});
    }
    if (json) {
        std::cout << all.dump(2) << "\n";
        return 0;
    }
    for (const auto& t : all) {
        std::cout << t.at("name").get<std::string>() << "  [" << t.at("op_type").get<std::string>() << "; ";
        bool first = true;
        for (const auto& b : t.at("backends")) std::cout << (first ? "" : ", ") << b.get<std::string>(), first = false;
        std::cout << "]\n    " << t.at("description").get<std::string>() << "\n";
        for (const auto& w : t.at("workloads")) {
            std::string axes;
            for (const auto& [k, v] : w.at("axes").items()) axes += (axes.empty() ? "" : " ") + k + "=" + std::to_string(v.get<int64_t>());
            std::string backends;
            for (const auto& b : w.at("backends")) backends += (backends.empty() ? "" : ",") + b.get<std::string>();
            std::printf("    %-34s %-40s %s\n", w.at("uuid").get<std::string>().c_str(), axes.c_str(), backends.c_str());
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"KernelForge: compile, verify and time compute kernels"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("kforge ") + KFORGE_VERSION);

    bool json = false;
    auto* devices = app.add_subcommand("devices", "The accelerators found (CUDA, HIP, CPU) with their facts");
    devices->add_flag("--json", json, "one JSON array");
    std::string deviceRunners;
    devices->add_option("--runners", deviceRunners,
                        "runner endpoints to ask instead of this machine: cpu, cuda:N, ssh://[user@]host[:port][?...], "
                        "slurm://PARTITION[?...], comma-separated (docs/runners.md)");

    auto* tasks = app.add_subcommand("tasks", "Built-in tasks with their workloads");
    tasks->add_flag("--json", json, "one JSON array");

    auto* eval = app.add_subcommand("eval", "Compile, verify and time a candidate against a task's baseline");
    std::string taskArg, candidateArg, backendArg = "auto";
    std::vector<std::string> defines;
    EvalOptions options;
    double timeoutSeconds = 60;
    eval->add_option("TASK", taskArg, "a built-in task name (kforge tasks) or a task directory / definition file")->required();
    eval->add_option("CANDIDATE_FILE", candidateArg,
                     "the candidate source; or baseline, reference or template (template:NAME for one of several) for the "
                     "task's own")->required();
    eval->add_option("--backend", backendArg, "cpu, cuda, hip, or auto (the best available)")
        ->check(CLI::IsMember(Evaluator::backendChoices()));
    eval->add_flag("--json", json, "print one JSON object instead of the table");
    eval->add_option("-D,--define", defines, "NAME=VALUE overriding a @tune default (repeatable)");
    eval->add_option("--seeds", options.seeds, "fresh random inputs per workload (at least 3)")->check(CLI::Range(3, 100));
    eval->add_option("--warmup-ms", options.timing.warmupMs, "warm-up time per workload");
    eval->add_option("--budget-ms", options.timing.budgetMs, "timing budget per workload after warm-up");
    eval->add_option("--min-reps", options.timing.minReps, "fewest timed repetitions")->check(CLI::Range(1, 1000000));
    eval->add_option("--noise-threshold", options.timing.noiseThreshold,
                     "spread (robust cv) above which a workload is timed again; 0.05 is 5%")
        ->check(CLI::Range(0.0, 10.0));
    eval->add_option("--max-attempts", options.timing.maxAttempts, "timing runs per workload while the spread stays above the threshold")
        ->check(CLI::Range(1, 10));
    eval->add_option("--timeout", timeoutSeconds, "seconds a step may go without progress before the runner is killed");
    kforge::cli::TorchOptions torchOptions;
    double compileTimeoutSeconds = 900;
    kforge::cli::addTorchOptions(eval, torchOptions);
    eval->add_option("--python", options.python, "an interpreter with PyTorch to try first (else $KFORGE_PYTHON, python3, /usr/bin/python3)");
    eval->add_option("--compile-timeout", compileTimeoutSeconds, "seconds torch.compile may take per workload before it is killed");
    kforge::cli::addNoSandboxFlag(eval);
    eval->add_option("--reference", options.judge, "whose outputs verify the candidate: auto (native when the task has one), native or torch")
        ->check(CLI::IsMember({"auto", "native", "torch"}));

    auto* compile = app.add_subcommand("compile", "Compile a candidate only (no device needed) and show diagnostics");
    std::string compileFile, compileBackend = "cpu", compileArch;
    std::vector<std::string> compileLibs;
    compile->add_option("CANDIDATE_FILE", compileFile, "the source")->required();
    compile->add_option("--backend", compileBackend, "cpu, cuda or hip")->check(CLI::IsMember(backendNames()));
    compile->add_option("--arch", compileArch, "target (sm_90a, gfx90a, ...); default: the attached device's");
    compile->add_option("-D,--define", defines, "NAME=VALUE (repeatable)");
    compile->add_option("-l,--library", compileLibs, "link a library (repeatable)");
    compile->add_flag("--json", json, "print one JSON object");
    kforge::cli::addNoSandboxFlag(compile);

    kforge::cli::SessionCommands sessionCommands(app);
    kforge::cli::AgentCommands agentCommands(app);
    kforge::cli::ImportCommands importCommands(app);
    kforge::cli::CacheCommands cacheCommands(app);
    kforge::cli::CheckCommand checkCommand(app, tasks, json);

    CLI11_PARSE(app, argc, argv);

    try {
        if (const auto code = sessionCommands.run()) return *code;
        if (const auto code = agentCommands.run()) return *code;
        if (const auto code = importCommands.run()) return *code;
        if (const auto code = cacheCommands.run()) return *code;
        if (const auto code = checkCommand.run()) return *code;
        if (devices->parsed()) return listDevices(json, deviceRunners);
        if (tasks->parsed()) return listTasks(json);

        TuneConfig config;
        for (const auto& d : defines) {
            const auto eq = d.find('=');
            if (eq == std::string::npos || eq == 0) fail("-D " + d + ": expected NAME=VALUE");
            config[d.substr(0, eq)] = d.substr(eq + 1);
        }

        if (compile->parsed()) {
            Evaluator evaluator(AppPaths::discover());
            kforge::cli::announceSandbox(evaluator);
            const Backend b = *parseBackend(compileBackend);
            const auto& tc = evaluator.toolchain(b);
            const std::string arch = compileArch.empty() ? tc.defaultArch() : compileArch;
            // Like the tuner: only declared parameters, and no configuration that breaks a @constraint.
            const TuneSpace space = parseTuneSpaceFile(compileFile);
            checkOverridesDeclared(space, config, compileFile);
            const TuneConfig withDefaults = withOverrides(space, config);
            checkConstraints(space, withDefaults, compileFile);
            const CompileResult r = evaluator.cache().compile(tc, {compileFile, withDefaults, compileLibs, arch});
            if (json) {
                std::cout << toJson(r, CompileScope::Report).dump(2) << "\n";
            } else {
                std::cout << (r.ok ? "ok" : "failed") << " (" << r.seconds << " s" << (r.cacheHit ? ", cached" : "") << "): " << r.command << "\n";
                for (const auto& d : r.diagnostics)
                    std::cout << "  " << d.file << ":" << d.line << ":" << d.column << ": " << d.severity << ": " << d.message << "\n";
                for (const auto& k : r.kernels)
                    std::cout << "  " << k.kernel << ": " << k.registers << " registers, " << k.sharedBytes << " B shared, "
                              << k.spillStoreBytes << " B spill stores\n";
                if (r.ok) std::cout << "  -> " << r.library.string() << "\n";
            }
            return r.ok ? 0 : 1;
        }

        const AppPaths paths = AppPaths::discover();
        if (const std::string notice = shadowedBuiltinNotice(taskArg, paths); !notice.empty())
            std::cerr << "kforge: note: " << notice << "\n";
        const Task task = resolveTask(taskArg, paths);
        Evaluator evaluator(paths);
        kforge::cli::announceSandbox(evaluator);
        options.backend = evaluator.pickBackend(backendArg);
        options.defines = config;
        options.stepTimeout = std::chrono::milliseconds(static_cast<long long>(timeoutSeconds * 1000));
        options.compileTimeout = std::chrono::milliseconds(static_cast<long long>(compileTimeoutSeconds * 1000));
        try {
            options.torchBaselines = torchOptions.baselineList();
        } catch (const CLI::ValidationError& e) {
            fail(e.what());
        }
        options.compileMode = torchOptions.compileMode;
        std::filesystem::path candidate = candidateArg;
        if (!std::filesystem::exists(candidate)) {
            const auto impl = task.native.find(options.backend);
            if (impl != task.native.end()) {
                if (candidateArg == "baseline") candidate = impl->second.baseline;
                else if (candidateArg == "reference") candidate = impl->second.reference;
                else if (candidateArg == "template" || candidateArg.starts_with("template:")) {
                    const std::string name = candidateArg == "template" ? "" : candidateArg.substr(9);
                    if (const TemplateVariant* v = impl->second.findTemplate(name)) candidate = v->path;
                    else if (!impl->second.templates.empty()) {
                        std::string names;
                        for (const auto& t : impl->second.templates) names += (names.empty() ? "" : ", ") + t.name;
                        fail(candidateArg + ": the task has no template '" + name + "' for " +
                             std::string(backendName(options.backend)) + " (it has " + names + ")");
                    }
                }
            }
            const bool named = candidateArg == "baseline" || candidateArg == "template" || candidateArg == "reference" ||
                               candidateArg.starts_with("template:");
            if (candidate.empty() || !std::filesystem::exists(candidate))
                fail(candidateArg + ": no such file" +
                     (named ? " (the task has no " + candidateArg.substr(0, candidateArg.find(':')) + " for " +
                                  std::string(backendName(options.backend)) + ")"
                            : ""));
        }
        // A -D of an undeclared name is the user's mistake, not the candidate's
        // verdict; a source whose declarations do not parse is (INVALID_CONFIG).
        if (!config.empty()) {
            std::optional<TuneSpace> space;
            try {
                space = parseTuneSpaceFile(candidate);
            } catch (const kforge::Error&) {
            }
            if (space) checkOverridesDeclared(*space, config, candidate.string());
        }
        const EvalReport report = evaluator.evaluate(task, candidate, options);
        if (json) std::cout << toJson(report, ReportScope::Full).dump(2) << "\n";
        else std::cout << reportTable(report);
        return 0;
    } catch (const kforge::Error& e) {
        fail(e.what());
    } catch (const std::exception& e) {
        fail(std::string("internal error: ") + e.what());
    }
}
