#pragma once
// Whether the runner's CUDA work is being intercepted by a tool that injects
// itself into the driver (compute-sanitizer, Nsight Compute, Nsight Systems).
//
// Such a tool serialises launches, patches kernels and runs its own work after
// each one, so times taken under it are not the kernel's and the check for
// work left running after the call (which watches the device, not the stream)
// sees the tool's work and would fail every honest candidate. The runner keeps
// every correctness check and says, with each result, that its times are void.
#include <string>

namespace kforge {

// The tool's name, from the value of CUDA_INJECTION64_PATH (the driver's
// documented hook, which all three tools set for the processes they launch);
// empty when `injectionPath` is null or empty.
std::string cudaInstrumentationTool(const char* injectionPath);

// cudaInstrumentationTool() of this process's environment.
std::string cudaInstrumentationToolOfThisProcess();

}  // namespace kforge
