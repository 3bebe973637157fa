#pragma once
// A task as KernelForge reads it: a FlashInfer-Bench definition (JSON), its
// workloads (JSONL), and KernelForge's native reference/baseline/template per
// backend. loadTask() validates everything up front so that a mistake is
// reported with its file and field before any compile starts.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/backend.h"
#include "task/dtype.h"
#include "task/expr.h"

namespace kforge {


struct AxisDef {
    std::string name;
    bool isConst = false;
    int64_t value = 0;  // for const axes
    std::string description;
};

struct Distribution {
    enum class Kind { Uniform, Normal } kind = Kind::Uniform;
    double a = -1;  // low, or mean
    double b = 1;   // high, or standard deviation
};

// What values an input may hold, declared beside its distribution in
// kforge.inputs ("min", "max", "positive"): the loader rejects a distribution
// or a workload's scalar that could break them (an eps drawn from [-1, 1]
// when the reference takes its square root), naming the field.
struct InputBounds {
    std::optional<double> min;  // values >= min
    std::optional<double> max;  // values <= max
    bool positive = false;      // values > 0
    bool any() const { return min || max || positive; }
};

struct TensorDef {
    std::string name;
    // Axis names; empty for a scalar (written [] or, as FlashInfer-Bench writes
    // a Python scalar, null: both reach kf_run as a 0-d tensor).
    std::vector<std::string> shape;
    DType dtype = DType::Float32;
    Distribution distribution;       // inputs only
    InputBounds bounds;              // inputs only
};

struct Tolerance {
    double atol = 0;
    double rtol = 0;
};

// One tunable template. A task may ship several for a backend ("template":
// [files] in the definition), each a different kernel shape with its own
// @tune space (a warp per row for short rows, a block per row for long
// ones): a session starts from every one, and the tuner tunes each in its own
// space. The name is the file's stem; `kforge eval TASK template:NAME`.
struct TemplateVariant {
    std::string name;
    std::filesystem::path path;
};

struct NativeImpl {
    std::filesystem::path reference;
    std::filesystem::path baseline;   // empty when the task has none for this backend
    std::vector<TemplateVariant> templates;  // every tunable template; empty when none
    std::vector<std::string> libraries;

    // The first template's path (the default one); empty when none.
    const std::filesystem::path& templ() const;
    // The template called `name` ("" or "template": the first, unless one is
    // named so), or null.
    const TemplateVariant* findTemplate(std::string_view name) const;
};

// A torch-callable vendor op timed as the "vendor" baseline (e.g. cuBLASLt
// through torch.matmul): kforge.vendor = {name, run (Python source with run(...))}.
struct VendorOp {
    std::string name;
    std::string python;
};

struct WorkloadInput {
    enum class Kind { Random, Scalar, Safetensors } kind = Kind::Random;
    double scalar = 0;
    // Safetensors: the file (absolute; a relative path in the workload resolves
    // against the workloads file's directory) and the tensor's key in it. The
    // loader checked the header: the key exists, and its dtype and shape are
    // the definition's for this workload.
    std::filesystem::path file;
    std::string tensorKey;
};

struct Workload {
    std::string uuid;
    std::map<std::string, int64_t> axes;  // var axes only, as written
    std::map<std::string, WorkloadInput> inputs;
    std::vector<Backend> backends;        // empty: every backend
    double weight = 1;                    // its share in a session's fitness (a weighted geometric mean)
    int line = 0;                         // in the workloads file
    bool runsOn(Backend b) const;
};

struct Task {
    std::string name;
    std::string opType;
    std::string description;
    std::string referencePython;
    std::filesystem::path directory;
    std::filesystem::path definitionFile;
    std::filesystem::path workloadsFile;
    // Where relative safetensors paths of the workloads resolve: the workloads
    // file's directory, or a FlashInfer-Bench dataset's root on import.
    std::filesystem::path dataRoot;
    std::vector<AxisDef> axes;
    std::vector<TensorDef> inputs;
    std::vector<TensorDef> outputs;
    std::vector<Expr> constraints;
    std::optional<Expr> bytes;
    std::optional<Expr> flops;
    std::optional<Tolerance> tolerance;  // task-wide override of the dtype defaults
    bool bitwiseDeterministic = false;   // determinism policy: "bitwise" or "tolerance"
    std::map<Backend, NativeImpl> native;  // may be empty when referencePython judges (imported tasks)
    std::optional<VendorOp> vendor;
    std::vector<Workload> workloads;

    std::vector<const Workload*> workloadsFor(Backend b) const;
    // Every axis (const and var) with its value for a workload, definition order.
    std::vector<std::pair<std::string, int64_t>> axisValues(const Workload& w) const;
    std::vector<int64_t> shapeOf(const TensorDef& t, const Workload& w) const;
    uint64_t tensorBytes(const TensorDef& t, const Workload& w) const;
    uint64_t totalTensorBytes(const Workload& w) const;  // inputs + outputs
    Tolerance toleranceFor(const TensorDef& output) const;
    std::optional<double> bytesMoved(const Workload& w) const;
    std::optional<double> flopCount(const Workload& w) const;
};

// Loads a task from a directory (definition.json + workloads.jsonl) or from a
// definition file (workloads.jsonl beside it). Throws kforge::Error naming the
// file, the field or line, and what is wrong.
Task loadTask(const std::filesystem::path& path);

// A problem a check found, where it is: file, line (0 when the file has no
// line for it), and what is wrong without the location.
struct TaskProblem {
    std::filesystem::path file;
    int line = 0;
    std::string message;
};

// loadTask for `kforge check`: a definition error still throws (what follows
// depends on it), but a bad workload line is added to `workloadProblems` and
// the other lines load, so the user sees every broken line at once.
Task loadTaskCollecting(const std::filesystem::path& path, std::vector<TaskProblem>& workloadProblems);

// A definition given as text, with workloads from anywhere (what `kforge import
// fib` checks before it writes a task directory). Errors name definitionFile,
// the workloads file and its lines; native paths resolve against directory.
struct TaskFiles {
    std::filesystem::path definitionFile;
    std::filesystem::path workloadsFile;
    std::filesystem::path directory;
    std::filesystem::path dataRoot;  // empty: the workloads file's directory
};
Task loadTask(const std::string& definitionText, const TaskFiles& files);
// Both files given as text: nothing is read but what the definition points at
// (native sources, safetensors inputs). What fuzz/fuzz_task_load.cpp drives.
Task loadTask(const std::string& definitionText, const std::string& workloadsText, const TaskFiles& files);

}  // namespace kforge
