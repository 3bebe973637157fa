#include "eval/slurm_allocation.h"

#include <cctype>

#include "util/process.h"

namespace kforge {

std::string grantedJobId(const std::string& sallocOutput) {
    const std::string marker = "Granted job allocation ";
    const size_t at = sallocOutput.find(marker);
    if (at == std::string::npos) return {};
    size_t end = at + marker.size();
    while (end < sallocOutput.size() && std::isdigit(static_cast<unsigned char>(sallocOutput[end]))) ++end;
    return sallocOutput.substr(at + marker.size(), end - at - marker.size());
}

SlurmAllocation::SlurmAllocation(RunnerEndpoint endpoint) : endpoint_(std::move(endpoint)) {}

SlurmAllocation::~SlurmAllocation() { release(); }

std::string SlurmAllocation::ensure(std::chrono::seconds wait, std::string& why) {
    if (!jobId_.empty()) return jobId_;
    // --no-shell: the allocation outlives salloc, held until scancel or its
    // time limit. One node, one task: the runner's steps run there in turn.
    std::vector<std::string> argv = {"salloc", "--no-shell", "--partition=" + endpoint_.partition, "--nodes=1",
                                     "--ntasks=1", "--job-name=kforge-session",
                                     "--immediate=" + std::to_string(wait.count())};
    if (!endpoint_.gres.empty()) argv.push_back("--gres=" + endpoint_.gres);
    if (!endpoint_.time.empty()) argv.push_back("--time=" + endpoint_.time);
    RunOptions o;
    o.timeout = wait + std::chrono::seconds(30);
    const ProcessResult r = runProcess(argv, o);
    std::string id = grantedJobId(r.output);
    if (!r.ok() || id.empty()) {
        if (!id.empty()) runProcess({"scancel", id});  // granted, but salloc then failed: not kept
        std::string said = r.output;
        while (!said.empty() && (said.back() == '\n' || said.back() == ' ')) said.pop_back();
        why = "runner endpoint " + endpoint_.spec() + ": salloc did not grant an allocation (" + r.status.describe() +
              (said.empty() ? ")" : "): " + said);
        return {};
    }
    jobId_ = std::move(id);
    return jobId_;
}

bool SlurmAllocation::alive() const {
    if (jobId_.empty()) return false;
    const ProcessResult r = runProcess({"squeue", "--noheader", "--jobs=" + jobId_, "--states=RUNNING", "--format=%i"});
    return r.ok() && r.output.find(jobId_) != std::string::npos;
}

void SlurmAllocation::release() {
    if (jobId_.empty()) return;
    RunOptions o;
    o.timeout = std::chrono::seconds(30);
    runProcess({"scancel", jobId_}, o);
    jobId_.clear();
}

}  // namespace kforge
