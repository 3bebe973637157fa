#pragma once
// The baselines a user recognises, measured beside a candidate on the same
// inputs under the same timer rules: PyTorch eager (the definition's reference
// as written), torch.compile of it, and the vendor op the task names. One
// struct per baseline and one JSON codec for it.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/device_facts.h"
#include "model/json_reader.h"
#include "model/phrase.h"
#include "model/status.h"
#include "util/stats.h"

namespace kforge {

struct MeasuredBaseline {
    std::string name;  // "eager", "compile", "vendor"
    Status status = Status::NotRun;  // NOT_RUN with a message when unavailable (e.g. no torch.compile)
    Phrase message;
    std::vector<double> samplesMs;
    double setupSeconds = 0;  // torch.compile's compile and autotune time; never in samplesMs
    double speedup = 0;       // this baseline's median / the candidate's median; 0 when either is missing

    bool measured() const { return status == Status::Passed && !samplesMs.empty(); }
    SampleStats timing() const { return summarize(samplesMs); }
};

// How the PyTorch side ran for an evaluation.
struct TorchSummary {
    bool used = false;             // the child ran
    std::string python;            // the interpreter
    std::string version;           // torch.__version__
    std::string device;            // as torch names it
    std::string judge = "native";  // whose outputs verify candidates: "native" or "torch"
    std::string error;             // why there are no (or not all) PyTorch baselines
    int restarts = 0;              // times the child was started again after a crash or hang
};

// The baselines of every workload, by workload uuid.
using WorkloadBaselines = std::map<std::string, std::vector<MeasuredBaseline>>;

// The strongest measured baseline (least median), or nullptr when none was measured.
const MeasuredBaseline* bestBaseline(const std::vector<MeasuredBaseline>& baselines);

// {name, status, message, samples_ms, setup_seconds} plus, when measured, the
// statistics (median_ms, min_ms, p20_ms, p80_ms, cv, count) and speedup. Reading
// recomputes the statistics from the samples; an unknown or missing field, or a
// value of the wrong type, throws ModelError naming `where` and the field.
nlohmann::json toJson(const MeasuredBaseline& b);
MeasuredBaseline measuredBaselineFromJson(const nlohmann::json& j, const std::string& where);
nlohmann::json toJson(const TorchSummary& t);
TorchSummary torchSummaryFromJson(const nlohmann::json& j, const std::string& where);
// {uuid: [baseline, ...]}; the same errors as measuredBaselineFromJson.
nlohmann::json toJson(const WorkloadBaselines& b);
WorkloadBaselines workloadBaselinesFromJson(const nlohmann::json& j, const std::string& where);

// The task's native baseline timed on every workload (per workload uuid),
// measured once when a session is created and compared against.
using BaselineTimes = std::map<std::string, SampleStats>;
nlohmann::json baselineTimesJson(const BaselineTimes& times);
BaselineTimes baselineTimesFromJson(const nlohmann::json& j, const std::string& where = "baseline");

// The native baseline as a runner on another device model than the session's
// measured it (deviceModel()): that runner's candidates are compared with it.
struct DeviceBaseline {
    DeviceFacts device;
    BaselineTimes times;
};
using DeviceBaselines = std::vector<DeviceBaseline>;
// The one measured on `model`'s devices, or nullptr.
const DeviceBaseline* baselineOn(const DeviceBaselines& list, const std::string& model);
// [{device, baseline}]; a malformed entry throws ModelError naming `where`.
nlohmann::json toJson(const DeviceBaselines& list);
DeviceBaselines deviceBaselinesFromJson(const nlohmann::json& j, const std::string& where);

}  // namespace kforge
