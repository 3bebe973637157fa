#pragma once
// The runner's side of the protocol: owns the device, loads candidates,
// verifies them against the reference and times them.
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "runner/device.h"
#include "runner/host_buffer.h"
#include "runner/protocol.h"
#include "runner/workload_buffers.h"

namespace kforge {

struct RunnerLimits {
    uint64_t maxMemoryBytes = 0;  // what one request may use, device and host together; 0: only what is free
};

class RunnerService {
public:
    using Progress = std::function<void(const std::string&)>;
    RunnerService(std::unique_ptr<Device> device, Progress progress, RunnerLimits limits = {});
    ~RunnerService();

    DeviceFacts hello();
    DeviceFacts remeasure();
    EvaluateResult evaluate(const EvaluateSpec& spec);
    // Runs the candidate on the first workload and seed: once to warm up, then
    // once inside the device's profiled range (for a profiler attached with
    // --profile-from-start off). No verification and no timing: the profile
    // is of a candidate that already passed.
    WorkloadOutcome profile(const EvaluateSpec& spec);
    // Writes every workload's inputs for every seed as raw row-major files
    // DIR/UUID/SEED/INDEX.bin: the bytes a candidate sees, for the PyTorch reference.
    void writeInputs(const EvaluateSpec& spec, const std::string& dir);

private:
    struct Library;
    using OutputSet = std::vector<std::vector<uint8_t>>;

    std::shared_ptr<Library> load(const std::string& path, Phrase& error);
    using HostInputs = std::function<const std::vector<std::vector<uint8_t>>&(uint64_t seed)>;
    // The reference's outputs for a seed, computed once (inputs generated only then).
    const OutputSet& referenceOutputs(const EvaluateSpec& spec, const WorkloadSpec& w, uint64_t seed, Library* ref,
                                      WorkloadBuffers& buffers, const HostInputs& inputs);
    // Runs a library once on the current buffers (fresh poison, a pristine
    // kf_call) and waits for its stream; returns false with `outcome` set on
    // failure.
    bool runOnce(Library& lib, WorkloadBuffers& buffers, const EvaluateSpec& spec, const WorkloadSpec& w, uint8_t poison,
                 WorkloadOutcome& outcome, const Phrase& what);
    // A call that returned: false with `outcome` set (RUNTIME_ERROR) on a
    // non-zero return, a launch error (`launch`, empty when none) or a changed kf_call.
    bool callAccepted(WorkloadBuffers& buffers, int rc, const std::string& launch, WorkloadOutcome& outcome,
                      const Phrase& what);
    // False with `outcome` set (FAULT) when a write went past an output's end.
    bool canariesIntact(WorkloadBuffers& buffers, const EvaluateSpec& spec, WorkloadOutcome& outcome, const Phrase& what);
    // After a call: downloads the outputs into `out`, waits for all work on
    // the device (and on the CPU gives a thread the candidate left running
    // time to finish), and fails WORK_AFTER_RETURN when the outputs changed
    // after the call had returned.
    bool collect(WorkloadBuffers& buffers, std::vector<HostBuffer>& out, const EvaluateSpec& spec,
                 WorkloadOutcome& outcome, const Phrase& what);

    // What timing needs from evaluate(): the workload's buffers, and its
    // seeds' inputs and expected outputs.
    struct TimingJob {
        Library& candidate;
        Library* reference;  // nullptr when the PyTorch reference judged
        WorkloadBuffers& buffers;
        const EvaluateSpec& spec;
        const WorkloadSpec& w;
        std::function<void(uint64_t seed)> placeInputs;
        std::function<bool(uint64_t seed)> snapshotted;  // the seed's inputs are kept on the device
        std::function<const OutputSet&(uint64_t seed)> expected;
        // -1 when the buffers hold the seed's inputs exactly, else the first input that differs.
        std::function<int(uint64_t seed)> changedInput;
    };
    // Times the candidate (runner_timing.cpp): every timed call on freshly
    // poisoned outputs and on inputs rotated between seeds and patched at a
    // random place, a random sample of calls verified, timed again while
    // the spread is high. Sets outcome's samples, checks and verdict.
    void timeWorkload(const TimingJob& job, WorkloadOutcome& outcome);

    // Refuses (RequestError) a request whose memory the device or host does not
    // have free, or that is over the limit, before anything is allocated.
    void checkMemory(const EvaluateSpec& spec, size_t workloads, const std::string& what);
    uint64_t referenceCacheBytes() const;

    std::unique_ptr<Device> device_;
    Progress progress_;
    RunnerLimits limits_;
    DeviceFacts facts_;
    std::map<std::string, std::shared_ptr<Library>> libraries_;
    std::map<std::tuple<std::string, std::string, uint64_t>, OutputSet> referenceCache_;
    // Pristine inputs per (reference, workload, seed), kept on the device: a
    // session evaluates hundreds of candidates on the same inputs, and restoring
    // them with a device-side copy replaces regenerating and uploading
    // gigabytes each time. Bounded by kSnapshotFraction of device memory.
    using InputKey = std::tuple<std::string, std::string, uint64_t>;
    std::map<InputKey, std::vector<DeviceBuffer>> inputSnapshots_;
    size_t snapshotBytes_ = 0;
    void releaseSnapshots();
    // Where each output of a candidate's two runs per seed is downloaded,
    // reused across candidates (see host_buffer.h); `late_` holds the second
    // look after a call, `expected_` a reference run on patched inputs.
    std::vector<HostBuffer> run1_, run2_, late_, expected_;
};

}  // namespace kforge
