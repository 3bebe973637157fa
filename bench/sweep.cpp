// Measures every configuration of a task's tunable template on one workload
// and records the outcomes as JSON lines: the ground truth that search
// strategies are replayed against (a recorded space makes tuner tests fast and
// deterministic). Compiles run in parallel up front; measurements one at a time.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "eval/report.h"
#include "util/error.h"

using namespace kforge;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    CLI::App app{"Record a template's whole tuning space on one workload"};
    std::string taskArg, backendArg = "cuda", workloadArg, outPath;
    double maxSeconds = 1e9, budgetMs = 50;
    app.add_option("TASK", taskArg, "built-in task name or path")->required();
    app.add_option("--backend", backendArg)->check(CLI::IsMember({"cpu", "cuda"}));
    app.add_option("--workload", workloadArg, "workload uuid (default: the largest)");
    app.add_option("--out", outPath, "JSON lines output")->required();
    app.add_option("--max-seconds", maxSeconds, "stop measuring after this long (what is measured is kept)");
    app.add_option("--budget-ms", budgetMs, "timing budget per configuration");
    CLI11_PARSE(app, argc, argv);

    try {
        const AppPaths paths = AppPaths::discover();
        Task task = resolveTask(taskArg, paths);
        const Backend backend = *parseBackend(backendArg);
        const NativeImpl& impl = task.native.at(backend);
        const Workload* chosen = nullptr;
        for (const Workload* w : task.workloadsFor(backend))
            if (workloadArg.empty() ? !chosen || task.totalTensorBytes(*w) > task.totalTensorBytes(*chosen) : w->uuid == workloadArg)
                chosen = w;
        if (!chosen) throw kforge::Error("no workload '" + workloadArg + "' on " + backendArg);
        const Workload workload = *chosen;  // copied: the assignment below frees what chosen points to
        task.workloads = {workload};
        chosen = &task.workloads.front();

        Evaluator evaluator(paths);
        const auto start = Clock::now();
        const TuneSpace space = parseTuneSpaceFile(impl.templ());
        const auto configs = space.enumerate();
        const std::string arch = evaluator.archFor(backend);
        std::vector<std::future<CompileResult>> compiles;
        for (const auto& c : configs)
            compiles.push_back(evaluator.pool().submit(evaluator.toolchain(backend), {impl.templ(), c, impl.libraries, arch}));
        for (auto& f : compiles) f.get();
        const double compileSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        std::fprintf(stderr, "%zu configurations compiled in %.1f s\n", configs.size(), compileSeconds);

        std::ofstream out(outPath);
        EvalOptions o;
        o.backend = backend;
        o.timing.budgetMs = budgetMs;
        o.timing.warmupMs = 10;
        o.compareBaseline = false;
        // The baseline once, for reference, as the first line.
        {
            const EvalReport b = evaluator.evaluate(task, impl.baseline.empty() ? impl.reference : impl.baseline, o);
            nlohmann::json head = {{"task", task.name}, {"backend", backendArg}, {"workload", chosen->uuid},
                                   {"device", toJson(b.device)}, {"space_size", space.size()}, {"valid_configs", configs.size()},
                                   {"compile_seconds", compileSeconds}, {"baseline_status", statusName(b.status)}};
            if (!b.workloads.empty() && b.workloads[0].timing.count) head["baseline_median_ms"] = b.workloads[0].timing.median;
            out << head.dump() << "\n";
        }
        size_t done = 0;
        for (const auto& c : configs) {
            if (std::chrono::duration<double>(Clock::now() - start).count() > maxSeconds) break;
            o.defines = c;
            const EvalReport r = evaluator.evaluate(task, impl.templ(), o);
            nlohmann::json line = {{"config", c}, {"status", statusName(r.status)}};
            if (!r.workloads.empty() && r.workloads[0].timing.count) {
                line["median_ms"] = r.workloads[0].timing.median;
                line["cv"] = r.workloads[0].timing.cv;
            }
            if (r.status != Status::Passed) line["message"] = r.message.english().substr(0, 300);
            nlohmann::json kernels = nlohmann::json::array();
            for (const auto& k : r.compile.kernels) kernels.push_back(toJson(k));
            line["kernels"] = kernels;
            out << line.dump() << "\n" << std::flush;
            ++done;
        }
        std::fprintf(stderr, "%zu of %zu configurations measured in %.1f s\n", done, configs.size(),
                     std::chrono::duration<double>(Clock::now() - start).count());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kforge-bench-sweep: error: %s\n", e.what());
        return 2;
    }
}
