#include "runner/runner_service.h"
#include "runner/runner_library.h"

#include <dlfcn.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "runner/inputs.h"
#include "runner/verify.h"

#include <thread>

namespace kforge {

using Clock = std::chrono::steady_clock;

namespace {
constexpr double kSnapshotFraction = 0.3;  // of device memory, for pristine input snapshots

uint64_t elementCount(const std::vector<int64_t>& shape) {
    uint64_t n = 1;
    for (int64_t d : shape) n *= static_cast<uint64_t>(d);
    return n;
}

// A workload's inputs for a seed, on the host.
void generateInputs(const EvaluateSpec& spec, const WorkloadSpec& w, uint64_t seed, std::vector<std::vector<uint8_t>>& inputs) {
    inputs.resize(spec.inputs.size());
    for (size_t i = 0; i < spec.inputs.size(); ++i) {
        const uint64_t n = elementCount(w.inputShapes[i]);
        if (w.scalars[i]) fillScalar(spec.inputs[i], *w.scalars[i], n, inputs[i]);
        else if (i < w.files.size() && !w.files[i].empty())
            readInputFile(w.files[i], n * dtypeInfo(spec.inputs[i].dtype).bytes, inputs[i]);
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

RunnerService::RunnerService(std::unique_ptr<Device> device, Progress progress, RunnerLimits limits)
    : device_(std::move(device)), progress_(std::move(progress)), limits_(limits) {
    facts_ = device_->facts();
}

RunnerService::~RunnerService() {
    run1_.clear();  // page-locked memory goes back while the device is still there
    run2_.clear();
    late_.clear();
    expected_.clear();
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

std::shared_ptr<RunnerService::Library> RunnerService::load(const std::string& path, Phrase& error) {
    if (auto it = libraries_.find(path); it != libraries_.end()) return it->second;
    auto lib = std::make_shared<Library>();
    lib->handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!lib->handle) {
        const char* e = ::dlerror();
        error = phrase(QT_TRANSLATE_NOOP("Phrase", "cannot load the compiled candidate: %1"), e ? e : "unknown error");
        return nullptr;
    }
    lib->run = reinterpret_cast<Library::Run>(::dlsym(lib->handle, "kf_run"));
    if (!lib->run) {
        error = phrase(QT_TRANSLATE_NOOP("Phrase", "the candidate does not export kf_run (declare it with KF_EXPORT, see kf_abi.h)"));
        return nullptr;
    }
    libraries_[path] = lib;
    return lib;
}

bool RunnerService::runOnce(Library& lib, WorkloadBuffers& buffers, const EvaluateSpec& spec, const WorkloadSpec& w,
                            uint8_t poison, WorkloadOutcome& outcome, const Phrase& what) {
    buffers.poison(poison);
    const kf_call* call = buffers.freshCall();
    progress_(w.uuid + ": " + what.english());
    const int rc = lib.run(call);
    device_->synchronizeStream();  // throws DeviceFault on a sticky error
    return callAccepted(buffers, rc, device_->launchError(lib.handle), outcome, what) &&
           canariesIntact(buffers, spec, outcome, what);
}

bool RunnerService::callAccepted(WorkloadBuffers& buffers, int rc, const std::string& launch, WorkloadOutcome& outcome,
                                 const Phrase& what) {
    if (rc != 0 || !launch.empty()) {
        outcome.status = Status::RuntimeError;
        // The candidate's own error text and the runtime's are data, shown as they are.
        std::string detail;
        if (buffers.errorText()[0]) detail += ": " + std::string(buffers.errorText());
        if (!launch.empty()) detail += ": " + launch;
        outcome.message = rc != 0 ? phrase(QT_TRANSLATE_NOOP("Phrase", "%1: kf_run returned %2%3"), what, rc, detail)
                                  : phrase(QT_TRANSLATE_NOOP("Phrase", "%1: launch failed%2"), what, detail);
        return false;
    }
    if (const std::string changed = buffers.tampering(); !changed.empty()) {
        outcome.status = Status::RuntimeError;
        outcome.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: the candidate changed %2 it was given; kf_run must leave its kf_call as it is"),
                                 what, changed);
        return false;
    }
    return true;
}

bool RunnerService::canariesIntact(WorkloadBuffers& buffers, const EvaluateSpec& spec, WorkloadOutcome& outcome,
                                   const Phrase& what) {
    size_t byte = 0;
    if (const int o = buffers.damagedCanary(byte); o >= 0) {
        outcome.status = Status::Fault;
        outcome.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: out-of-bounds write: %2 of the %3 bytes right after output '%4' were overwritten"),
                                 what, byte, kCanaryBytes, spec.outputs[static_cast<size_t>(o)].name);
        return false;
    }
    return true;
}

bool RunnerService::collect(WorkloadBuffers& buffers, std::vector<HostBuffer>& out, const EvaluateSpec& spec,
                            WorkloadOutcome& outcome, const Phrase& what) {
    buffers.download(out);
    device_->synchronize();  // every stream, not only the one passed in
    if (device_->backend() == "cpu") {
        // A thread the candidate started and did not join shows itself by
        // writing within a moment; a cheat's call returns at once, so the
        // call's own duration says nothing about how long to wait.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    buffers.download(late_);
    for (size_t o = 0; o < spec.outputs.size(); ++o)
        if (!bytesEqual(out[o].view(), late_[o].view())) {
            outcome.status = Status::WorkAfterReturn;
            outcome.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: output '%2' changed after kf_run had returned and its stream was done: all "
                                                                 "work must be finished, or queued on call->stream, when kf_run returns (no other "
                                                                 "stream, no background thread)"),
                                     what, spec.outputs[o].name);
            return false;
        }
    return true;
}

const RunnerService::OutputSet& RunnerService::referenceOutputs(const EvaluateSpec& spec, const WorkloadSpec& w,
                                                               uint64_t seed, Library* ref, WorkloadBuffers& buffers,
                                                               const HostInputs& inputs) {
    const auto key = std::make_tuple(spec.expectedDir.empty() ? spec.reference : spec.expectedDir, w.uuid, seed);
    if (auto it = referenceCache_.find(key); it != referenceCache_.end()) return it->second;
    if (!spec.expectedDir.empty()) return referenceCache_[key] = readExpected(spec, w, seed);
    buffers.upload(inputs(seed));
    WorkloadOutcome o;
    if (!runOnce(*ref, buffers, spec, w, kPoisonA, o, phrase(QT_TRANSLATE_NOOP("Phrase", "reference, seed %1"), seed)))
        throw std::runtime_error("the task's reference failed: " + o.message.english());
    device_->synchronize();
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
    Phrase error;
    auto candidate = load(spec.library, error);
    if (!candidate) {
        result.status = Status::RuntimeError;
        result.message = error;
        return result;
    }
    std::shared_ptr<Library> reference;
    if (spec.expectedDir.empty()) {
        reference = load(spec.reference, error);
        if (!reference) throw std::runtime_error("reference: " + error.english());
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
            WorkloadBuffers buffers(*device_, spec, w);
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
                const size_t bytes = buffers.inputBytes();
                const double budget = kSnapshotFraction * static_cast<double>(facts_.memoryBytes);
                if (static_cast<double>(snapshotBytes_ + bytes) > budget) releaseSnapshots();
                if (static_cast<double>(bytes) > budget) return;
                std::vector<DeviceBuffer> snapshot;
                try {
                    for (const auto& b : buffers.inputs()) {
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
            auto snapshotOf = [&](uint64_t seed) -> const std::vector<DeviceBuffer>* {
                const InputKey key{spec.expectedDir.empty() ? spec.reference : spec.expectedDir, w.uuid, seed};
                const auto it = inputSnapshots_.find(key);
                return it == inputSnapshots_.end() ? nullptr : &it->second;
            };
            // Compared on the device with the snapshot, else with the host's copy.
            auto changedInput = [&](uint64_t seed) -> int {
                const auto* snapshot = snapshotOf(seed);
                HostBuffer seen(*device_);
                for (size_t i = 0; i < buffers.inputs().size(); ++i) {
                    const DeviceBuffer& b = buffers.inputs()[i];
                    if (snapshot) {
                        if (!device_->sameBytes(b, (*snapshot)[i], b.bytes)) return static_cast<int>(i);
                        continue;
                    }
                    const auto& host = hostInputs(seed)[i];
                    seen.resize(b.bytes);
                    device_->download(seen.data(), b, 0, b.bytes);
                    if (!bytesEqual(seen.view(), {host.data(), host.size()})) return static_cast<int>(i);
                }
                return -1;
            };

            // Verification: every seed, two runs each with different poison.
            for (uint64_t seed : spec.seeds) {
                if (outcome.status != Status::Passed) break;
                charge(outcome.seconds.verify);  // the previous seed's runs and checks
                const OutputSet& expected = referenceOutputs(spec, w, seed, reference.get(), buffers, hostInputs);
                // The role ("candidate", "baseline") is a word the evaluator marked for translation.
                const Phrase role = phrase(spec.role.c_str());
                const Phrase first = phrase(QT_TRANSLATE_NOOP("Phrase", "%1, seed %2, run %3"), role, seed, 1);
                const Phrase second = phrase(QT_TRANSLATE_NOOP("Phrase", "%1, seed %2, run %3"), role, seed, 2);
                placeInputs(seed);
                charge(outcome.seconds.setup);
                if (!runOnce(*candidate, buffers, spec, w, kPoisonA, outcome, first)) break;
                if (!collect(buffers, run1_, spec, outcome, first)) break;
                placeInputs(seed);
                if (!runOnce(*candidate, buffers, spec, w, kPoisonB, outcome, second)) break;
                if (!collect(buffers, run2_, spec, outcome, second)) break;
                if (const int changed = changedInput(seed); changed >= 0) {
                    outcome.status = Status::InputModified;
                    outcome.message = inputWrittenPhrase(phrase(QT_TRANSLATE_NOOP("Phrase", "%1, seed %2"), role, seed),
                                                         spec.inputs[static_cast<size_t>(changed)].name);
                    break;
                }
                progress_(w.uuid + ": checking seed " + std::to_string(seed));
                for (size_t o = 0; o < spec.outputs.size() && outcome.status == Status::Passed; ++o) {
                    const auto& out = spec.outputs[o];
                    const auto run1 = run1_[o].view(), run2 = run2_[o].view();
                    // Identical runs wrote every element (the poisons differ) and
                    // agree with each other; only differing runs need the two scans.
                    if (!bytesEqual(run1, run2)) {
                        const Comparison unwritten = findUnwritten(out.dtype, run1, run2);
                        if (unwritten.mismatches) {
                            recordMismatch(outcome, Status::IncompleteWrite, phrase(QT_TRANSLATE_NOOP("Phrase", "elements never written")), out.name, unwritten, seed);
                            break;
                        }
                        const Tolerance sameRun = spec.bitwiseDeterministic ? Tolerance{0, 0} : out.tolerance;
                        const Comparison repeat = compareToReference(out.dtype, run2, run1, sameRun);
                        if (repeat.mismatches) {
                            recordMismatch(outcome, Status::Nondeterministic, phrase(QT_TRANSLATE_NOOP("Phrase", "two runs on the same inputs differ")), out.name, repeat, seed);
                            break;
                        }
                    }
                    const Comparison c = compareToReference(out.dtype, run1, expected[o], out.tolerance);
                    auto& v = outcome.verify;
                    v.checked += c.checked;
                    v.maxAbsError = std::fmax(v.maxAbsError, c.maxAbs);
                    v.maxRelError = std::fmax(v.maxRelError, c.maxRel);
                    if (c.mismatches)
                        recordMismatch(outcome, Status::IncorrectNumerical, phrase(QT_TRANSLATE_NOOP("Phrase", "mismatches")), out.name, c,
                                       seed, &out.tolerance);
                }
            }

            charge(outcome.seconds.verify);
            if (outcome.status == Status::Passed && spec.time && !spec.seeds.empty()) {
                const TimingJob job{*candidate,
                                    reference.get(),
                                    buffers,
                                    spec,
                                    w,
                                    placeInputs,
                                    [&](uint64_t seed) { return snapshotOf(seed) != nullptr; },
                                    [&](uint64_t seed) -> const OutputSet& {
                                        return referenceOutputs(spec, w, seed, reference.get(), buffers, hostInputs);
                                    },
                                    changedInput};
                timeWorkload(job, outcome);
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
        o.message = verbatim(fault.what());
        result.workloads.push_back(o);
        result.runnerMustRestart = true;
    }

    result.status = Status::Passed;
    for (const auto& w : result.workloads)
        if (w.status != Status::Passed) {
            result.status = w.status;
            result.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: %2"), w.uuid, w.message);
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
    Phrase error;
    auto candidate = load(spec.library, error);
    if (!candidate) {
        outcome.status = Status::RuntimeError;
        outcome.message = error;
        return outcome;
    }
    WorkloadBuffers buffers(*device_, spec, w);
    std::vector<std::vector<uint8_t>> inputs;
    progress_(w.uuid + ": inputs for seed " + std::to_string(spec.seeds.front()));
    generateInputs(spec, w, spec.seeds.front(), inputs);
    buffers.upload(inputs);
    // A first run outside the profiled range: one-time set-up (module loading,
    // library handles, lazily compiled code) is not what the kernel costs.
    if (!runOnce(*candidate, buffers, spec, w, kPoisonA, outcome, phrase(QT_TRANSLATE_NOOP("Phrase", "warm-up run")))) return outcome;
    device_->profiledRange(true);
    const bool ran = runOnce(*candidate, buffers, spec, w, kPoisonB, outcome, phrase(QT_TRANSLATE_NOOP("Phrase", "profiled run")));
    device_->synchronize();
    device_->profiledRange(false);
    if (ran) outcome.status = Status::Passed;
    return outcome;
}

}  // namespace kforge
