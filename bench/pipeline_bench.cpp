// The pipeline's own cost, apart from the compiler and the kernel:
//  1. compiles per minute, one compile at a time and through the parallel pool;
//  2. per-candidate overhead of an evaluation whose compile is cached and whose
//     kernel time is negligible (a tiny workload, one timed repetition): what is
//     left is process round trips, input generation, the reference, verification.
// A benchmark, not a test: it prints numbers and asserts nothing.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "eval/evaluator.h"
#include "util/stats.h"

using namespace kforge;
using Clock = std::chrono::steady_clock;

namespace {
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"KernelForge pipeline benchmark"};
    std::string backendName = "cpu";
    int variants = 16, evaluations = 20;
    std::string jsonOut;
    app.add_option("--backend", backendName)->check(CLI::IsMember({"cpu", "cuda"}));
    app.add_option("--variants", variants, "distinct template configurations to compile");
    app.add_option("--evals", evaluations, "evaluations for the overhead measurement");
    app.add_option("--json", jsonOut, "also write the numbers to this file");
    CLI11_PARSE(app, argc, argv);
    const Backend backend = *parseBackend(backendName);

    const AppPaths paths = AppPaths::discover();
    Evaluator evaluator(paths);
    Task task = loadTask(paths.tasksDirectory() / "vector_add_fp32");
    const auto& impl = task.native.at(backend);
    const Toolchain& tc = evaluator.toolchain(backend);
    const std::string arch = evaluator.archFor(backend);

    // 1. Compile throughput, on a cache of its own so every compile is real.
    const auto cacheDir = std::filesystem::temp_directory_path() / ("kforge-bench-cache-" + std::to_string(::getpid()));
    std::filesystem::remove_all(cacheDir);
    CompileCache cache(cacheDir);
    auto configs = parseTuneSpaceFile(impl.templ()).enumerate();
    if (static_cast<int>(configs.size()) > variants) configs.resize(static_cast<size_t>(variants));
    const size_t serialCount = std::min<size_t>(4, configs.size() / 2);
    std::vector<double> serialSeconds;
    for (size_t i = 0; i < serialCount; ++i) {
        const auto t0 = Clock::now();
        const auto r = cache.compile(tc, {impl.templ(), configs[i], impl.libraries, arch});
        if (!r.ok) {
            std::fprintf(stderr, "compile failed: %s\n", r.firstError().c_str());
            return 1;
        }
        serialSeconds.push_back(since(t0));
    }
    CompilePool pool(cache);
    const auto t0 = Clock::now();
    std::vector<std::future<CompileResult>> futures;
    for (size_t i = serialCount; i < configs.size(); ++i) futures.push_back(pool.submit(tc, {impl.templ(), configs[i], impl.libraries, arch}));
    for (auto& f : futures) f.get();
    const double poolWall = since(t0);
    const double serialPerMinute = 60.0 / summarize(serialSeconds).median;
    const double poolPerMinute = 60.0 * static_cast<double>(futures.size()) / poolWall;
    const auto t1 = Clock::now();
    for (size_t i = 0; i < serialCount; ++i) cache.compile(tc, {impl.templ(), configs[i], impl.libraries, arch});
    const double hitMs = since(t1) * 1e3 / static_cast<double>(serialCount);
    std::filesystem::remove_all(cacheDir);

    // 2. Evaluation overhead on the smallest workload with a negligible kernel.
    const Workload* smallest = nullptr;
    for (const Workload* w : task.workloadsFor(backend))
        if (!smallest || task.totalTensorBytes(*w) < task.totalTensorBytes(*smallest)) smallest = w;
    task.workloads = {*smallest};
    EvalOptions o;
    o.backend = backend;
    o.compareBaseline = false;
    o.timing.warmupMs = 0;
    o.timing.budgetMs = 0;
    o.timing.minReps = 1;
    evaluator.evaluate(task, impl.baseline, o);  // starts the runner, fills the caches
    std::vector<double> wall, kernel;
    for (int i = 0; i < evaluations; ++i) {
        const auto e0 = Clock::now();
        const EvalReport r = evaluator.evaluate(task, impl.baseline, o);
        wall.push_back(since(e0) * 1e3);
        double k = 0;
        for (const auto& w : r.workloads)
            for (double s : w.samplesMs) k += s;
        kernel.push_back(k);
    }
    const SampleStats ws = summarize(wall), ks = summarize(kernel);
    const double overheadMs = ws.median - ks.median;

    std::printf("\nKernelForge pipeline benchmark (%s, %s, %u compile workers)\n", backendName.c_str(),
                evaluator.runner(backend).facts().name.c_str(), pool.workers());
    std::printf("%-52s %12s\n", "measure", "value");
    std::printf("%-52s %12.1f\n", "compiles per minute, one at a time", serialPerMinute);
    std::printf("%-52s %12.1f\n", "compiles per minute, parallel pool", poolPerMinute);
    std::printf("%-52s %12.2f\n", "pool speedup over one at a time", poolPerMinute / serialPerMinute);
    std::printf("%-52s %12.2f\n", "cache hit, ms per compile", hitMs);
    std::printf("%-52s %12.2f\n", "evaluation wall, median ms (1 workload, 3 seeds)", ws.median);
    std::printf("%-52s %12.4f\n", "of which timed kernel, median ms", ks.median);
    std::printf("%-52s %12.2f\n", "per-candidate overhead, median ms", overheadMs);
    std::printf("%-52s %12.2f\n", "overhead p20-p80 spread, ms", ws.p80 - ws.p20);

    if (!jsonOut.empty()) {
        nlohmann::json j = {{"backend", backendName},
                            {"device", toJson(evaluator.runner(backend).facts())},
                            {"workers", pool.workers()},
                            {"compiled_variants", configs.size()},
                            {"compiles_per_minute_serial", serialPerMinute},
                            {"compiles_per_minute_pool", poolPerMinute},
                            {"cache_hit_ms", hitMs},
                            {"evaluation_wall_ms", wall},
                            {"kernel_ms", kernel},
                            {"overhead_ms_median", overheadMs}};
        std::FILE* f = std::fopen(jsonOut.c_str(), "w");
        if (f) {
            const std::string text = j.dump(2);
            std::fwrite(text.data(), 1, text.size(), f);
            std::fclose(f);
        }
    }
    return 0;
}
