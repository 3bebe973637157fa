#pragma once
// The Slurm allocation a slurm:// runner lives in for a whole session. salloc
// asks once (the queue wait, the node, its gres); every start of the runner,
// the first and each restart after a lost runner, is an `srun --jobid` step
// in it, so a restart lands on the same node without queueing again; the
// allocation is cancelled (scancel) when the session lets its runners go,
// whether it finished, failed or was stopped. A kforge killed outright leaves
// it to Slurm's time limit: give one (slurm://gpu?time=2:00:00).
#include <chrono>
#include <string>

#include "model/runner_endpoint.h"

namespace kforge {

class SlurmAllocation {
public:
    explicit SlurmAllocation(RunnerEndpoint endpoint);
    ~SlurmAllocation();  // releases the allocation
    SlurmAllocation(const SlurmAllocation&) = delete;
    SlurmAllocation& operator=(const SlurmAllocation&) = delete;

    // The job id of the allocation, asking salloc for one when there is none.
    // Empty with `why` when Slurm refused or did not grant one within `wait`.
    std::string ensure(std::chrono::seconds wait, std::string& why);
    // Whether the allocation is still there (squeue knows it, running).
    bool alive() const;
    // The allocation ended under us (its time ran out, it was preempted or
    // cancelled): the next ensure() asks for a new one.
    void forget() { jobId_.clear(); }
    void release();
    const std::string& jobId() const { return jobId_; }

private:
    RunnerEndpoint endpoint_;
    std::string jobId_;
};

// The job id in salloc's "Granted job allocation 1234"; empty when absent.
std::string grantedJobId(const std::string& sallocOutput);

}  // namespace kforge
