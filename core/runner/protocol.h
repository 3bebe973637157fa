#pragma once
// The runner protocol: JSON lines over the runner's stdin/stdout.
//
//   core -> runner  {"id": N, "cmd": "hello" | "evaluate" | "measure" | "write-inputs" | "quit", ...}
//                   {"id": N, "cmd": "stage", "sha256": HEX, "data": BASE64} -> {"ok": true, "path": P}
//                     (a shared object the runner keeps in its private directory; P then
//                     stands for it in an evaluate's library or reference)
//   runner -> core  {"id": N, "progress": "what it is doing"}      (any number; a heartbeat)
//                   {"id": N, "ok": true, "result"|"facts": {...}}  (exactly one, last)
//                   {"id": N, "ok": false, "error": "message"}
//
// The first line the runner writes, unasked, is {"protocol": kProtocolVersion,
// "abi": KF_ABI_VERSION, "build": buildId()}; the core refuses a runner of
// another protocol or build.
// Everything here is plain data shared by both ends.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/eval_report.h"
#include "model/status.h"
#include "model/timing_spec.h"
#include "task/dtype.h"
#include "task/task.h"
#include "util/error.h"

namespace kforge {

// 2: tensors carry their shape's axis names; 3: typed device facts, the evaluate
// result under "result"; 4: timed-call checks, the noise threshold and attempts;
// 5: input files (workloads[].files); 6: the greeting's build id, "stage"
// (a candidate's bytes sent in the request, for a runner on another host).
inline constexpr int kProtocolVersion = 7;

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
    static constexpr int maxAttempts = 10;
};

// A request the runner refuses: the message names the field ("evaluate:
// workloads[3].in[1]: 3 dimensions, the spec's input 'x' has 2").
class RequestError : public Error {
public:
    using Error::Error;
};


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
    // Per input: a file holding exactly its bytes (recorded data, e.g. from a
    // safetensors workload input, staged by the core), used for every seed
    // instead of random data; empty for none. Absent in a request: none.
    std::vector<std::string> files;
};

struct EvaluateSpec {
    std::string library;    // candidate shared object
    std::string reference;  // reference shared object
    // When set, the reference's outputs are read from here (UUID/SEED/INDEX.bin,
    // written by the PyTorch reference, core/torchref/) instead of running `reference`.
    std::string expectedDir;
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

struct WorkloadOutcome {
    std::string uuid;
    Status status = Status::NotRun;
    Phrase message;
    VerifyStats verify;
    std::vector<double> samplesMs;
    PhaseSeconds seconds;
    std::optional<TimedCallChecks> checks;  // set when timed
};

struct EvaluateResult {
    Status status = Status::NotRun;
    Phrase message;
    std::vector<WorkloadOutcome> workloads;
    bool runnerMustRestart = false;  // the device context is gone; the runner exits after answering
    // When the runner began and finished the request (unix seconds, its host's
    // wall clock): its device work lies inside, so two runners' requests on one
    // device can be checked for overlap by a clock outside the evaluator's lock.
    double startedAt = 0;
    double finishedAt = 0;
};

nlohmann::json toJson(const EvaluateSpec& s);
// Decodes and validates completely: types, ranges, and consistency (shapes
// against axes, counts against the spec, sizes without overflow). Throws
// RequestError naming the field; `what` prefixes it ("evaluate: spec").
// `withLibraries` false: a request that loads no code (write-inputs) may leave
// the library and reference empty.
EvaluateSpec evaluateSpecFromJson(const nlohmann::json& j, const std::string& what = "spec", bool withLibraries = true);
// Bytes of one workload's inputs and of its outputs (valid after decoding).
uint64_t workloadInputBytes(const EvaluateSpec& s, const WorkloadSpec& w);
uint64_t workloadOutputBytes(const EvaluateSpec& s, const WorkloadSpec& w);
nlohmann::json toJson(const EvaluateResult& r);
EvaluateResult evaluateResultFromJson(const nlohmann::json& j);

// The first line a runner writes, unasked.
struct RunnerGreeting {
    int protocol = 0;
    int abi = 0;
    std::string build;    // util/build_id.h
    std::string backend;
    bool available = false;
    std::string why;      // when not available
};
nlohmann::json toJson(const RunnerGreeting& g);
// Reads only what every version of the greeting had (the protocol) strictly;
// the rest of an older or newer greeting is left at its defaults, so that
// the version check, not this reader, says what is wrong.
RunnerGreeting runnerGreetingFromJson(const nlohmann::json& j);

}  // namespace kforge
