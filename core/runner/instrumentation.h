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
#include <string_view>

namespace kforge {

// What a process shows of an injected tool: the driver's documented hook
// (CUDA_INJECTION64_PATH, which Nsight tools set), a preloaded library, and the
// libraries mapped into the process (compute-sanitizer's collection library is
// loaded by the driver without either variable).
struct InjectionEvidence {
    std::string_view injectionPath;  // $CUDA_INJECTION64_PATH
    std::string_view preload;        // $LD_PRELOAD
    std::string_view mappedFiles;    // /proc/self/maps
};

// The tool's name; empty when there is no evidence of one.
std::string cudaInstrumentationTool(const InjectionEvidence& evidence);

// cudaInstrumentationTool() of this process, now: call it after the driver is
// initialised (it loads the tool's library) and before any candidate is
// loaded (which could otherwise pretend to be a tool, to void its timing checks).
std::string cudaInstrumentationToolOfThisProcess();

}  // namespace kforge
