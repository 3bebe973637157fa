#include "runner/runner_service.h"

#include <dlfcn.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "runner/inputs.h"
#include "runner/verify.h"

extern "C" {
#include "kf_abi.h"
}

namespace kforge {

using Clock = std::chrono::steady_clock;

namespace {
// Canary bytes after every output: a write just past the end shows up here.
constexpr size_t kCanaryBytes = 4096;
constexpr uint8_t kCanary = 0x5A;
constexpr double kSnapshotFraction = 0.3;  // of device memory, for pristine input snapshots
using KfRun = int (*)(const kf_call*);

uint64_t elementCount(const std::vector<int64_t>& shape) {
    uint64_t n = 1;
    for (int64_t d : shape) n *= static_cast<uint64_t>(d);
    return n;
}

kf_tensor makeTensor(void* data, DType type, const std::vector<int64_t>& shape) {
    kf_tensor t{};
    t.data = data;
    t.dtype = static_cast<int32_t>(type);
    t.ndim = static_cast<int32_t>(shape.size());
    int64_t stride = 1;
    for (size_t i = shape.size(); i-- > 0;) {
        t.shape[i] = shape[i];
        t.strides[i] = stride;
        stride *= shape[i];
    }
    return t;
}

std::string describeComparison(const char* what, const std::string& output, const Comparison& c, uint64_t seed) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s: output '%s', seed %llu: %llu of %llu elements; first at index %lld (expected %.9g, got %.9g)",
                  what, output.c_str(), static_cast<unsigned long long>(seed), static_cast<unsigned long long>(c.mismatches),
                  static_cast<unsigned long long>(c.checked), static_cast<long long>(c.firstBad), c.expected, c.actual);
    return buf;
}

// Records a failed check: the verdict, a message, and where the first bad element is.
void reject(WorkloadOutcome& outcome, Status status, const char* what, const std::string& output, const Comparison& c,
            uint64_t seed, const std::string& suffix = {}) {
    outcome.status = status;
    outcome.message = describeComparison(what, output, c, seed) + suffix;
    VerifyStats& v = outcome.verify;
    v.mismatches = c.mismatches;
    v.firstBadIndex = c.firstBad;
    v.firstBadOutput = output;
    v.firstBadSeed = seed;
    v.expected = c.expected;
    v.actual = c.actual;
}

// A workload's inputs for a seed, on the host.
void generateInputs(const EvaluateSpec& spec, const WorkloadSpec& w, uint64_t seed, std::vector<std::vector<uint8_t>>& inputs) {
    inputs.resize(spec.inputs.size());
    for (size_t i = 0; i < spec.inputs.size(); ++i) {
        const uint64_t n = elementCount(w.inputShapes[i]);
        if (w.scalars[i]) fillScalar(spec.inputs[i], *w.scalars[i], n, inputs[i]);
        else generateInput(spec.inputs[i], seed, static_cast<uint32_t>(i), n, inputs[i]);
    }
}

std::filesystem::path tensorFile(const std::string& dir, const WorkloadSpec& w, uint64_t seed, size_t index) {
    return std::filesystem::path(dir) / w.uuid / std::to_string(seed) / (std::to_string(index) + ".bin");
}

// The PyTorch reference's outputs of one seed, as it wrote them.
std::vector<std::vector<uint8_t>> readExpected(const EvaluateSpec& spec, const WorkloadSpec& w, uint64_t seed) {
    std::vector<std::vector<uint8_t>> out(spec.outputs.size());
    for (size_t o = 0; o < spec.outputs.size(); ++o) {
        const auto path = tensorFile(spec.expectedDir, w, seed, o);
        const size_t bytes = elementCount(w.outputShapes[o]) * dtypeInfo(spec.outputs[o].dtype).bytes;
        std::ifstream in(path, std::ios::binary);
        out[o].resize(bytes);
        if (!in || !in.read(reinterpret_cast<char*>(out[o].data()), static_cast<std::streamsize>(bytes)) ||
            in.peek() != std::ifstream::traits_type::eof())
            throw std::runtime_error("the PyTorch reference's output " + path.string() + " is missing or not " +
                                     std::to_string(bytes) + " bytes");
    }
    return out;
}

}  // namespace

struct RunnerService::Library {
    void* handle = nullptr;
    KfRun run = nullptr;
    ~Library() {
        if (handle) ::dlclose(handle);
    }
};

// Device buffers for one workload, with the kf_call that describes them.
struct RunnerService::Buffers {
    Device& device;
    std::vector<DeviceBuffer> inputs, outputs;
    std::vector<kf_tensor> inputTensors, outputTensors;
    std::vector<const char*> axisNames;
    std::vector<int64_t> axisValues;
    char error[1024] = {};
    kf_call call{};

    Buffers(Device& d, const EvaluateSpec& spec, const WorkloadSpec& w) : device(d) {
        try {
            for (size_t i = 0; i < spec.inputs.size(); ++i) {
                const size_t bytes = elementCount(w.inputShapes[i]) * dtypeInfo(spec.inputs[i].dtype).bytes;
                inputs.push_back(device.allocate(bytes, 0));
                inputTensors.push_back(makeTensor(inputs.back().data, spec.inputs[i].dtype, w.inputShapes[i]));
            }
            for (size_t i = 0; i < spec.outputs.size(); ++i) {
                const size_t bytes = elementCount(w.outputShapes[i]) * dtypeInfo(spec.outputs[i].dtype).bytes;
                outputs.push_back(device.allocate(bytes, kCanaryBytes));
                outputTensors.push_back(makeTensor(outputs.back().data, spec.outputs[i].dtype, w.outputShapes[i]));
            }
        } catch (...) {
            releaseAll();
            throw;
        }
        for (const auto& n : spec.axisNames) axisNames.push_back(n.c_str());
        axisValues = w.axisValues;
        call.abi_version = KF_ABI_VERSION;
        call.num_inputs = static_cast<int32_t>(inputTensors.size());
        call.num_outputs = static_cast<int32_t>(outputTensors.size());
        call.num_axes = static_cast<int32_t>(axisNames.size());
        call.inputs = inputTensors.data();
        call.outputs = outputTensors.data();
        call.axis_names = axisNames.data();
        call.axis_values = axisValues.data();
        call.stream = device.stream();
        call.error = error;
        call.error_capacity = sizeof error;
    }
    ~Buffers() { releaseAll(); }
    void releaseAll() {
        for (auto& b : inputs) device.release(b);
        for (auto& b : outputs) device.release(b);
    }
    void restore(const std::vector<DeviceBuffer>& snapshot) {
        for (size_t i = 0; i < inputs.size(); ++i) {
            device.setReadOnly(inputs[i], false);
            device.copy(inputs[i], snapshot[i], inputs[i].bytes);
            device.setReadOnly(inputs[i], true);
        }
    }
    void upload(const std::vector<std::vector<uint8_t>>& host) {
        for (size_t i = 0; i < inputs.size(); ++i) {
            device.setReadOnly(inputs[i], false);
            device.upload(inputs[i], host[i].data(), host[i].size());
            device.setReadOnly(inputs[i], true);  // a candidate writing its inputs faults at once
        }
    }
    void poison(uint8_t value) {
        for (auto& b : outputs) {
            device.fill(b, value, 0, b.bytes);
            device.fill(b, kCanary, b.bytes, b.slack);
        }
    }
    // Into reusable host buffers, one per output.
    void download(std::vector<HostBuffer>& out) {
        while (out.size() < outputs.size()) out.emplace_back(device);
        for (size_t i = 0; i < outputs.size(); ++i) {
            out[i].resize(outputs[i].bytes);
            device.download(out[i].data(), outputs[i], 0, outputs[i].bytes);
        }
    }
    OutputSet download() {
        OutputSet out(outputs.size());
        for (size_t i = 0; i < outputs.size(); ++i) {
            out[i].resize(outputs[i].bytes);
            device.download(out[i].data(), outputs[i], 0, outputs[i].bytes);
        }
        return out;
    }
    // Index of the first output whose canary was overwritten (with the damaged byte count), or -1.
    int damagedCanary(size_t& damaged) {
        std::vector<uint8_t> slack;
        for (size_t i = 0; i < outputs.size(); ++i) {
            slack.resize(outputs[i].slack);
            device.download(slack.data(), outputs[i], outputs[i].bytes, outputs[i].slack);
            damaged = 0;
            for (uint8_t byte : slack) damaged += byte != kCanary;
            if (damaged) return static_cast<int>(i);
        }
        return -1;
    }
};

RunnerService::RunnerService(std::unique_ptr<Device> device, Progress progress, RunnerLimits limits)
    : device_(std::move(device)), progress_(std::move(progress)), limits_(limits) {
    facts_ = device_->facts();
}

RunnerService::~RunnerService() {
    run1_.clear();  // page-locked memory goes back while the device is still there
    run2_.clear();
    releaseSnapshots();
    referenceCache_.clear();
    libraries_.clear();
}

DeviceFacts RunnerService::hello() { return facts_; }

void RunnerService::releaseSnapshots() {
    for (auto& [key, buffers] : inputSnapshots_)
        for (auto& b : buffers) device_->release(b);
    inputSnapshots_.clear();
    snapshotBytes_ = 0;
}

DeviceFacts RunnerService::remeasure() {
    device_->remeasure();
    facts_ = device_->facts();
    return facts_;
}

std::shared_ptr<RunnerService::Library> RunnerService::load(const std::string& path, std::string& error) {
    if (auto it = libraries_.find(path); it != libraries_.end()) return it->second;
    auto lib = std::make_shared<Library>();
    lib->handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib->handle) {
        const char* e = ::dlerror();
        error = std::string("cannot load the compiled candidate: ") + (e ? e : "unknown error");
        return nullptr;
    }
    lib->run = reinterpret_cast<KfRun>(::dlsym(lib->handle, "kf_run"));
    if (!lib->run) {
        error = "the candidate does not export kf_run (declare it with KF_EXPORT, see kf_abi.h)";
        return nullptr;
    }
    libraries_[path] = lib;
    return lib;
}

bool RunnerService::runOnce(Library& lib, Buffers& buffers, const EvaluateSpec& spec, const WorkloadSpec& w,
                            uint8_t poison, WorkloadOutcome& outcome, const std::string& what) {
    (void)spec;
    buffers.poison(poison);
    buffers.error[0] = '\0';
    progress_(w.uuid + ": " + what);
    const int rc = lib.run(&buffers.call);
    device_->synchronize();  // throws DeviceFault on a sticky error
    const std::string launch = device_->launchError(lib.handle);
    if (rc != 0 || !launch.empty()) {
        outcome.status = Status::RuntimeError;
        outcome.message = what + ": " + (rc != 0 ? "kf_run returned " + std::to_string(rc) : std::string("launch failed"));
        if (buffers.error[0]) outcome.message += ": " + std::string(buffers.error);
        if (!launch.empty()) outcome.message += ": " + launch;
        return false;
    }
    size_t byte = 0;
    if (const int o = buffers.damagedCanary(byte); o >= 0) {
        outcome.status = Status::Fault;
        outcome.message = what + ": out-of-bounds write: " + std::to_string(byte) + " of the " +
                          std::to_string(kCanaryBytes) + " bytes right after output '" +
                          spec.outputs[static_cast<size_t>(o)].name + "' were overwritten";
        return false;
    }
    return true;
}

const RunnerService::OutputSet& RunnerService::referenceOutputs(const EvaluateSpec& spec, const WorkloadSpec& w,
                                                               uint64_t seed, Library* ref, Buffers& buffers,
                                                               const HostInputs& inputs) {
    const auto key = std::make_tuple(spec.expectedDir.empty() ? spec.reference : spec.expectedDir, w.uuid, seed);
    if (auto it = referenceCache_.find(key); it != referenceCache_.end()) return it->second;
    if (!spec.expectedDir.empty()) return referenceCache_[key] = readExpected(spec, w, seed);
    buffers.upload(inputs(seed));
    WorkloadOutcome o;
    if (!runOnce(*ref, buffers, spec, w, kPoisonA, o, "reference, seed " + std::to_string(seed)))
        throw std::runtime_error("the task's reference failed: " + o.message);
    return referenceCache_[key] = buffers.download();
}

namespace {
std::string gib(uint64_t bytes) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.2f GiB", static_cast<double>(bytes) / double(uint64_t{1} << 30));
    return buf;
}
}  // namespace

uint64_t RunnerService::referenceCacheBytes() const {
    uint64_t total = 0;
    for (const auto& [key, outputs] : referenceCache_)
        for (const auto& o : outputs) total += o.size();
    return total;
}

void RunnerService::checkMemory(const EvaluateSpec& spec, size_t workloads, const std::string& what) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool shared = device_->backend() == "cpu";  // device memory is host memory
        uint64_t deviceFree = device_->freeMemoryBytes();
        if (deviceFree == 0) deviceFree = facts_.memoryBytes;
        const uint64_t hostFree = shared ? deviceFree : availableHostMemoryBytes();
        uint64_t cached = 0;  // reference outputs this request adds to the cache
        std::string refusal;
        for (size_t i = 0; i < workloads && i < spec.workloads.size() && refusal.empty(); ++i) {
            const WorkloadSpec& w = spec.workloads[i];
            const uint64_t in = workloadInputBytes(spec, w), out = workloadOutputBytes(spec, w);
            // Device: the buffers (with canaries) and a snapshot of the inputs.
            // Host: generated inputs, two downloads, the reference's outputs per seed.
            const uint64_t device = 2 * in + out + spec.outputs.size() * kCanaryBytes;
            cached += spec.seeds.size() * out;
            const uint64_t host = in + 2 * out + cached;
            const uint64_t total = device + host;
            const std::string where = what + ".workloads[" + std::to_string(i) + "] ('" + w.uuid + "'): ";
            if (limits_.maxMemoryBytes && total > limits_.maxMemoryBytes)
                refusal = where + "needs about " + gib(total) + " of memory, more than the runner's limit of " +
                          gib(limits_.maxMemoryBytes) + " (--max-memory)";
            else if (shared && total > hostFree)
                refusal = where + "needs about " + gib(total) + " of memory, but " + gib(hostFree) + " is available";
            else if (!shared && device > deviceFree)
                refusal = where + "needs about " + gib(device) + " of device memory, but " + gib(deviceFree) + " is free";
            else if (!shared && host > hostFree)
                refusal = where + "needs about " + gib(host) + " of host memory, but " + gib(hostFree) + " is available";
        }
        if (refusal.empty()) return;
        // What earlier requests left behind may be the difference: drop it and look again.
        if (attempt == 0 && (!referenceCache_.empty() || !inputSnapshots_.empty())) {
            referenceCache_.clear();
            releaseSnapshots();
            continue;
        }
        throw RequestError(refusal);
    }
}

EvaluateResult RunnerService::evaluate(const EvaluateSpec& spec) {
    checkMemory(spec, spec.workloads.size(), "evaluate: spec");
    EvaluateResult result;
    std::string error;
    auto candidate = load(spec.library, error);
    if (!candidate) {
        result.status = Status::RuntimeError;
        result.message = error;
        return result;
    }
    std::shared_ptr<Library> reference;
    if (spec.expectedDir.empty()) {
        reference = load(spec.reference, error);
        if (!reference) throw std::runtime_error("reference: " + error);
    }

    try {
        for (const auto& w : spec.workloads) {
            WorkloadOutcome outcome;
            outcome.uuid = w.uuid;
            outcome.status = Status::Passed;
            // Phase clock: the time since `mark` goes to the phase named.
            auto mark = Clock::now();
            auto charge = [&](double& phase) {
                const auto now = Clock::now();
                phase += std::chrono::duration<double>(now - mark).count();
                mark = now;
            };
            Buffers buffers(*device_, spec, w);
            charge(outcome.seconds.setup);
            std::vector<std::vector<uint8_t>> inputs(spec.inputs.size());
            auto makeInputs = [&](uint64_t seed) { generateInputs(spec, w, seed, inputs); };

            // Puts the seed's pristine inputs in place: from the device-side snapshot
            // when there is one, else generated on the host, uploaded and (when the
            // budget allows) snapshotted for the candidates to come.
            uint64_t generatedSeed = 0;
            auto placeInputs = [&](uint64_t seed) {
                const InputKey key{spec.expectedDir.empty() ? spec.reference : spec.expectedDir, w.uuid, seed};
                if (const auto it = inputSnapshots_.find(key); it != inputSnapshots_.end()) {
                    buffers.restore(it->second);
                    return;
                }
                if (generatedSeed != seed) {
                    progress_(w.uuid + ": inputs for seed " + std::to_string(seed));
                    makeInputs(seed);
                    generatedSeed = seed;
                }
                buffers.upload(inputs);
                size_t bytes = 0;
                for (const auto& b : buffers.inputs) bytes += b.bytes;
                const double budget = kSnapshotFraction * static_cast<double>(facts_.memoryBytes);
                if (static_cast<double>(snapshotBytes_ + bytes) > budget) releaseSnapshots();
                if (static_cast<double>(bytes) > budget) return;
                std::vector<DeviceBuffer> snapshot;
                try {
                    for (const auto& b : buffers.inputs) {
                        snapshot.push_back(device_->allocate(b.bytes, 0));
                        device_->copy(snapshot.back(), b, b.bytes);
                    }
                } catch (const DeviceFault&) {
                    throw;
                } catch (const std::exception&) {
                    for (auto& b : snapshot) device_->release(b);  // out of memory: go on without
                    return;
                }
                snapshotBytes_ += bytes;
                inputSnapshots_[key] = std::move(snapshot);
            };
            auto hostInputs = [&](uint64_t seed) -> const std::vector<std::vector<uint8_t>>& {
                if (generatedSeed != seed) {
                    makeInputs(seed);
                    generatedSeed = seed;
                }
                return inputs;
            };

            // Verification: every seed, two runs each with different poison.
            for (uint64_t seed : spec.seeds) {
                if (outcome.status != Status::Passed) break;
                charge(outcome.seconds.verify);  // the previous seed's runs and checks
                const OutputSet& expected = referenceOutputs(spec, w, seed, reference.get(), buffers, hostInputs);
                const std::string label = spec.role + ", seed " + std::to_string(seed);
                placeInputs(seed);
                charge(outcome.seconds.setup);
                if (!runOnce(*candidate, buffers, spec, w, kPoisonA, outcome, label + ", run 1")) break;
                buffers.download(run1_);
                placeInputs(seed);
                if (!runOnce(*candidate, buffers, spec, w, kPoisonB, outcome, label + ", run 2")) break;
                buffers.download(run2_);
                progress_(w.uuid + ": checking seed " + std::to_string(seed));
                for (size_t o = 0; o < spec.outputs.size() && outcome.status == Status::Passed; ++o) {
                    const auto& out = spec.outputs[o];
                    const auto run1 = run1_[o].view(), run2 = run2_[o].view();
                    // Identical runs wrote every element (the poisons differ) and
                    // agree with each other; only differing runs need the two scans.
                    if (!bytesEqual(run1, run2)) {
                        const Comparison unwritten = findUnwritten(out.dtype, run1, run2);
                        if (unwritten.mismatches) {
                            reject(outcome, Status::IncompleteWrite, "elements never written", out.name, unwritten, seed);
                            break;
                        }
                        const Tolerance sameRun = spec.bitwiseDeterministic ? Tolerance{0, 0} : out.tolerance;
                        const Comparison repeat = compareToReference(out.dtype, run2, run1, sameRun);
                        if (repeat.mismatches) {
                            reject(outcome, Status::Nondeterministic, "two runs on the same inputs differ", out.name, repeat, seed);
                            break;
                        }
                    }
                    const Comparison c = compareToReference(out.dtype, run1, expected[o], out.tolerance);
                    auto& v = outcome.verify;
                    v.checked += c.checked;
                    v.maxAbsError = std::fmax(v.maxAbsError, c.maxAbs);
                    v.maxRelError = std::fmax(v.maxRelError, c.maxRel);
                    if (c.mismatches) {
                        char tol[96];
                        std::snprintf(tol, sizeof tol, " (atol %g, rtol %g)", out.tolerance.atol, out.tolerance.rtol);
                        reject(outcome, Status::IncorrectNumerical, "mismatches", out.name, c, seed, tol);
                    }
                }
            }

            charge(outcome.seconds.verify);
            // Timing on the first seed's inputs, cache flushed before every repetition.
            if (outcome.status == Status::Passed && spec.time && !spec.seeds.empty()) {
                progress_(w.uuid + ": timing");
                placeInputs(spec.seeds.front());
                buffers.poison(kPoisonA);
                auto call = [&] { return candidate->run(&buffers.call); };
                int rc = 0;
                const auto warmEnd = Clock::now() + std::chrono::duration<double, std::milli>(spec.timing.warmupMs);
                int warm = 0;
                while (rc == 0 && (warm < 3 || Clock::now() < warmEnd)) {
                    device_->timeOnce(call, rc);
                    ++warm;
                }
                const auto budgetEnd = Clock::now() + std::chrono::duration<double, std::milli>(spec.timing.budgetMs);
                while (rc == 0 && (static_cast<int>(outcome.samplesMs.size()) < spec.timing.minReps ||
                                   (Clock::now() < budgetEnd && static_cast<int>(outcome.samplesMs.size()) < spec.timing.maxReps))) {
                    device_->flushCache();
                    outcome.samplesMs.push_back(device_->timeOnce(call, rc));
                }
                device_->synchronize();
                if (rc != 0) {
                    outcome.status = Status::RuntimeError;
                    outcome.message = "timing: kf_run returned " + std::to_string(rc);
                    outcome.samplesMs.clear();
                } else {
                    // The timed runs must have computed the same result: a candidate that
                    // skips work once its output looks done is caught here or by the floor.
                    const OutputSet& expected = referenceOutputs(spec, w, spec.seeds.front(), reference.get(), buffers, hostInputs);
                    buffers.download(run1_);
                    for (size_t o = 0; o < spec.outputs.size(); ++o) {
                        const Comparison c =
                            compareToReference(spec.outputs[o].dtype, run1_[o].view(), expected[o], spec.outputs[o].tolerance);
                        if (c.mismatches) {
                            reject(outcome, Status::IncorrectNumerical, "after the timed runs, mismatches", spec.outputs[o].name,
                                   c, spec.seeds.front());
                            break;
                        }
                    }
                }
            }
            charge(outcome.seconds.timing);
            const bool failed = outcome.status != Status::Passed;
            result.workloads.push_back(std::move(outcome));
            if (failed) break;  // the verdict is known; later workloads would only cost time
        }
    } catch (const DeviceFault& fault) {
        // The context is dead: report which workload was running, then the runner exits.
        WorkloadOutcome o;
        o.uuid = spec.workloads.size() > result.workloads.size() ? spec.workloads[result.workloads.size()].uuid : "";
        o.status = Status::Fault;
        o.message = fault.what();
        result.workloads.push_back(o);
        result.runnerMustRestart = true;
    }

    result.status = Status::Passed;
    for (const auto& w : result.workloads)
        if (w.status != Status::Passed) {
            result.status = w.status;
            result.message = w.uuid + ": " + w.message;
            break;
        }
    return result;
}

void RunnerService::writeInputs(const EvaluateSpec& spec, const std::string& dir) {
    std::vector<std::vector<uint8_t>> inputs;
    for (const auto& w : spec.workloads)
        for (uint64_t seed : spec.seeds) {
            progress_(w.uuid + ": writing the inputs of seed " + std::to_string(seed));
            generateInputs(spec, w, seed, inputs);
            for (size_t i = 0; i < inputs.size(); ++i) {
                const auto path = tensorFile(dir, w, seed, i);
                std::filesystem::create_directories(path.parent_path());
                std::ofstream out(path, std::ios::binary | std::ios::trunc);
                out.write(reinterpret_cast<const char*>(inputs[i].data()), static_cast<std::streamsize>(inputs[i].size()));
                if (!out) throw std::runtime_error(path.string() + ": cannot be written");
            }
        }
}

WorkloadOutcome RunnerService::profile(const EvaluateSpec& spec) {
    if (spec.workloads.empty() || spec.seeds.empty()) throw std::runtime_error("profile: the request names no workload or seed");
    checkMemory(spec, 1, "profile: spec");
    const WorkloadSpec& w = spec.workloads.front();
    WorkloadOutcome outcome;
    outcome.uuid = w.uuid;
    std::string error;
    auto candidate = load(spec.library, error);
    if (!candidate) {
        outcome.status = Status::RuntimeError;
        outcome.message = error;
        return outcome;
    }
    Buffers buffers(*device_, spec, w);
    std::vector<std::vector<uint8_t>> inputs;
    progress_(w.uuid + ": inputs for seed " + std::to_string(spec.seeds.front()));
    generateInputs(spec, w, spec.seeds.front(), inputs);
    buffers.upload(inputs);
    // A first run outside the profiled range: one-time set-up (module loading,
    // library handles, lazily compiled code) is not what the kernel costs.
    if (!runOnce(*candidate, buffers, spec, w, kPoisonA, outcome, "warm-up run")) return outcome;
    device_->profiledRange(true);
    const bool ran = runOnce(*candidate, buffers, spec, w, kPoisonB, outcome, "profiled run");
    device_->profiledRange(false);
    if (ran) outcome.status = Status::Passed;
    return outcome;
}

}  // namespace kforge
