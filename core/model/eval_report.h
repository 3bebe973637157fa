#pragma once
// An evaluation as measured: per workload the verdict, what verification
// found, every timing sample and its statistics, the baseline it is compared
// with, and the physics floor. One codec, shared by `kforge eval --json`, the
// store and the session export; scripts rely on its field names.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/backend.h"
#include "model/baselines.h"
#include "model/compile_result.h"
#include "model/device_facts.h"
#include "model/json_reader.h"
#include "model/phrase.h"
#include "model/status.h"
#include "model/tuning_config.h"
#include "util/stats.h"

namespace kforge {

// Bumped whenever a model codec changes shape; written into session exports
// and checked by the store's migrations.
inline constexpr int kModelSchemaVersion = 7;  // 7: messages keep their translatable phrase

struct VerifyStats {
    uint64_t checked = 0;
    uint64_t mismatches = 0;
    double maxAbsError = 0;  // NaN travels as null
    double maxRelError = 0;
    int64_t firstBadIndex = -1;
    std::string firstBadOutput;
    uint64_t firstBadSeed = 0;
    double expected = 0;
    double actual = 0;
};

// Where a workload's evaluation time went in the runner, so a slow evaluation
// can be told apart from a slow kernel.
struct PhaseSeconds {
    double setup = 0;   // buffers, inputs, the reference's outputs (cached after the first candidate)
    double verify = 0;  // the candidate's runs on every seed, downloads and checks
    double timing = 0;  // warm-up, timed repetitions and the check after them
};

struct Floor {
    double bytesMs = 0;  // bytes / the bandwidth below
    double flopsMs = 0;  // flops / peak rate for the task's dtype
    double bandwidthGbps = 0;    // what bytesMs divided by: DRAM copy, or the cache's when the bytes fit in it
    bool cacheResident = false;  // the workload's bytes fit in the last-level cache
    double peakTflops = 0;       // what flopsMs divided by
    double ms() const { return bytesMs > flopsMs ? bytesMs : flopsMs; }
    bool computeBound() const { return flopsMs > bytesMs; }
};

// How the timed calls were guarded: what a candidate would have had to dodge
// for its timing to count, and what could not be done for this workload.
struct TimedCallChecks {
    int timedCalls = 0;            // over every attempt
    int verifiedCalls = 0;         // of those, outputs compared with the reference's
    int inputSets = 0;             // seeds whose inputs the timed calls rotated through, in random order
    bool patched = false;          // each timed call's inputs differed from every other's at a random place
    int patchedVerified = 0;       // verified calls whose expected outputs the reference computed on the patched inputs
    uint64_t extraInputBytes = 0;  // device memory the extra input sets took
    int attempts = 0;              // timing runs: more than one when the spread was above the threshold
    bool noisy = false;            // the spread stayed above the threshold after every attempt
    Phrase limits;                 // what was not done, and why
};

struct WorkloadReport {
    std::string uuid;
    std::vector<std::pair<std::string, int64_t>> axes;  // in the definition's order
    Status status = Status::NotRun;
    Phrase message;
    VerifyStats verify;
    std::vector<double> samplesMs;
    PhaseSeconds seconds;  // where the runner's time went
    SampleStats timing;    // count 0: not timed
    std::optional<TimedCallChecks> checks;  // set when timed (reports before schema 6 have none)
    std::optional<SampleStats> baseline;
    double speedup = 0;  // baseline median / candidate median; 0 when not compared
    std::vector<MeasuredBaseline> baselines;  // PyTorch eager, compile, vendor (each with its speedup)
    std::string bestBaseline;                 // the strongest measured one, when any
    double speedupVsBest = 0;                 // its median / the candidate's
    std::optional<double> bytes, flops;
    std::optional<Floor> floor;
    double fractionOfFloor = 0;  // floor / median: 1.0 is the physical limit
    double achievedGbps = 0;
    double achievedTflops = 0;

    bool timed() const { return timing.count > 0; }
    // "M=4096 N=1024", or the uuid when there are no axes.
    std::string label() const;
};

// When a runner worked on the candidate (its whole request: loading, checks,
// timing), by the runner host's wall clock in unix seconds. Two runners on one
// device must never overlap; session/device_usage.h checks that and sums the
// device's busy time.
struct DeviceWindow {
    int runnerIndex = 0;  // which of the session's runners (its --runners position)
    double from = 0;
    double to = 0;
    bool operator==(const DeviceWindow&) const = default;
};

struct EvalReport {
    std::string task;
    Backend backend = Backend::Cpu;
    DeviceFacts device;
    std::string candidate;  // the source's path, as given
    TuneConfig config;
    Status status = Status::NotRun;
    Phrase message;
    CompileResult compile;
    std::string baselineName;  // "baseline" or "reference" when the task has no baseline
    std::vector<WorkloadReport> workloads;
    double speedupGeomean = 0;
    double speedupVsBestGeomean = 0;  // over the workloads with a measured PyTorch baseline
    TorchSummary torch;
    double seconds = 0;
    int runnerRestarts = 0;
    // Which runner measured it: "cpu", "cuda:1", "ssh://gpu-box (cuda:0)".
    // Empty in reports written before runner endpoints existed.
    std::string runner;
    // The model of the device that measured it (deviceModel()); its speedups
    // are over the baseline measured on that model. Empty in reports written
    // before runners of several models.
    std::string deviceModel;
    std::optional<DeviceWindow> window;  // none in reports written before it was kept
    // CPU backend: the most threads the candidate could run, the runner's
    // OMP_THREAD_LIMIT (the cores it may use); a tuned THREADS above it ran
    // this many. None on GPUs and in reports written before it was kept.
    std::optional<int> cpuThreads;
    // How the candidate was contained: "bubblewrap", or "none (why)"; empty in
    // reports written before the sandbox existed.
    std::string sandbox;

    const WorkloadReport* workload(const std::string& uuid) const;
};

// A report standing alone carries the device, the candidate and its compile
// result; one kept with a session's node does not (the session has the
// device, the node has the source and its compile result).
enum class ReportScope { Full, Node };

nlohmann::json toJson(const VerifyStats& v);
VerifyStats verifyStatsFromJson(const nlohmann::json& j, const std::string& path);
nlohmann::json toJson(const PhaseSeconds& s);
PhaseSeconds phaseSecondsFromJson(const nlohmann::json& j, const std::string& path);
nlohmann::json toJson(const SampleStats& s);
SampleStats sampleStatsFromJson(const nlohmann::json& j, const std::string& path);
nlohmann::json toJson(const TimedCallChecks& c);
TimedCallChecks timedCallChecksFromJson(const nlohmann::json& j, const std::string& path);
nlohmann::json toJson(const WorkloadReport& w);
WorkloadReport workloadReportFromJson(const nlohmann::json& j, const std::string& path);
nlohmann::json toJson(const EvalReport& r, ReportScope scope);
EvalReport evalReportFromJson(const nlohmann::json& j, const std::string& path, ReportScope scope);

}  // namespace kforge
