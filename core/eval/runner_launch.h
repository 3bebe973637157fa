#pragma once
// How a runner endpoint becomes a command line, and what its failure to start
// means in words. The one place that knows ssh's and srun's options.
#include <filesystem>
#include <string>
#include <vector>

#include "model/runner_endpoint.h"
#include "util/phrase.h"
#include "util/process.h"

namespace kforge {

// The argv that starts the endpoint's runner on `device`: the local runner
// itself, `ssh ... HOST kforge-runner ...`, or `srun ... kforge-runner ...`.
// `localRunner` is this machine's kforge-runner (used for Local endpoints).
// `slurmJob`, for a Slurm endpoint, is the session's allocation
// (slurm_allocation.h): the runner starts as a step in it; without one, srun
// allocates a job of its own.
std::vector<std::string> runnerCommand(const RunnerEndpoint& endpoint, DeviceSlot device,
                                       const std::filesystem::path& localRunner, const std::string& slurmJob = {});

// Why the endpoint's runner ended before its greeting, for the user: ssh's
// 255 (no connection, refused key, unknown host key), a shell's 127 (no
// kforge-runner there), srun's refusals, with the tail of what they printed.
Phrase explainStartFailure(const RunnerEndpoint& endpoint, const ExitStatus& exit, const std::string& stderrTail);

}  // namespace kforge
