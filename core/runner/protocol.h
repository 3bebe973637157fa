#pragma once
// The runner protocol: JSON lines over the runner's stdin/stdout.
//
//   core -> runner  {"id": N, "cmd": "hello" | "evaluate" | "quit", ...}
//   runner -> core  {"id": N, "progress": "what it is doing"}      (any number; a heartbeat)
//                   {"id": N, "ok": true, ...result...}            (exactly one, last)
//                   {"id": N, "ok": false, "error": "message"}
//
// The first line the runner writes, unasked, is {"protocol": kProtocolVersion,
// "abi": KF_ABI_VERSION}; the core refuses a runner of another version.
// Everything here is plain data shared by both ends.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "task/dtype.h"
#include "task/task.h"
#include "util/error.h"

namespace kforge {

inline constexpr int kProtocolVersion = 2;  // 2: tensors carry their shape's axis names

// What one request may ask for. The runner checks every request against these
// (and the memory it needs against the device's) before it acts.
struct RequestLimits {
    static constexpr size_t maxLineBytes = size_t{64} << 20;
    static constexpr size_t maxWorkloads = 4096;
    static constexpr size_t maxTensors = 64;   // inputs, and outputs
    static constexpr size_t maxAxes = 64;
    static constexpr size_t maxDims = 8;       // KF_MAX_DIMS
    static constexpr size_t maxSeeds = 64;
    static constexpr size_t maxTextBytes = 4096;  // paths, names, uuids
    static constexpr uint64_t maxTensorBytes = uint64_t{1} << 50;
    static constexpr double maxWarmupMs = 60'000;
    static constexpr double maxBudgetMs = 600'000;
    static constexpr int maxMinReps = 100'000;
    static constexpr int maxMaxReps = 1'000'000;
};

// A request the runner refuses: the message names the field ("evaluate:
// workloads[3].in[1]: 3 dimensions, the spec's input 'x' has 2").
class RequestError : public Error {
public:
    using Error::Error;
};

enum class Status {
    Passed,
    IncorrectShape,
    IncorrectNumerical,
    IncorrectDtype,
    RuntimeError,
    CompileError,
    Timeout,
    Fault,
    Nondeterministic,
    IncompleteWrite,
    SuspiciousSpeed,
    InvalidConfig,
    NotRun,
};
std::string_view statusName(Status s);
std::optional<Status> parseStatus(std::string_view name);

struct TensorSpec {
    std::string name;
    std::vector<std::string> shape;  // axis names, as the definition declares them
    DType dtype = DType::Float32;
    Distribution distribution;  // inputs
    Tolerance tolerance;        // outputs
};

struct WorkloadSpec {
    std::string uuid;
    std::vector<int64_t> axisValues;  // in the order of EvaluateSpec::axisNames
    std::vector<std::vector<int64_t>> inputShapes;
    std::vector<std::vector<int64_t>> outputShapes;
    std::vector<std::optional<double>> scalars;  // per input: a fixed value instead of random data
};

struct TimingSpec {
    double warmupMs = 20;
    double budgetMs = 200;  // per workload, after warm-up
    int minReps = 10;
    int maxReps = 2000;
};

struct EvaluateSpec {
    std::string library;    // candidate shared object
    std::string reference;  // reference shared object
    std::string role = "candidate";
    std::vector<std::string> axisNames;
    std::vector<TensorSpec> inputs;
    std::vector<TensorSpec> outputs;
    bool bitwiseDeterministic = false;
    std::vector<WorkloadSpec> workloads;
    std::vector<uint64_t> seeds;
    bool time = true;
    TimingSpec timing;
};

struct VerifyStats {
    uint64_t checked = 0;
    uint64_t mismatches = 0;
    double maxAbsError = 0;
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

struct WorkloadOutcome {
    std::string uuid;
    Status status = Status::NotRun;
    std::string message;
    VerifyStats verify;
    std::vector<double> samplesMs;
    PhaseSeconds seconds;
};

struct EvaluateResult {
    Status status = Status::NotRun;
    std::string message;
    std::vector<WorkloadOutcome> workloads;
    bool runnerMustRestart = false;  // the device context is gone; the runner exits after answering
};

nlohmann::json toJson(const EvaluateSpec& s);
// Decodes and validates completely: types, ranges, and consistency (shapes
// against axes, counts against the spec, sizes without overflow). Throws
// RequestError naming the field; `what` prefixes it ("evaluate: spec").
EvaluateSpec evaluateSpecFromJson(const nlohmann::json& j, const std::string& what = "spec");
// Bytes of one workload's inputs and of its outputs (valid after decoding).
uint64_t workloadInputBytes(const EvaluateSpec& s, const WorkloadSpec& w);
uint64_t workloadOutputBytes(const EvaluateSpec& s, const WorkloadSpec& w);
nlohmann::json toJson(const EvaluateResult& r);
EvaluateResult evaluateResultFromJson(const nlohmann::json& j);
nlohmann::json toJson(const VerifyStats& v);
nlohmann::json toJson(const PhaseSeconds& s);

}  // namespace kforge
