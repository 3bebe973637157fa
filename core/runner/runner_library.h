#pragma once
// A loaded candidate or reference: shared between the verification
// (runner_service.cpp) and the timing (runner_timing.cpp) of RunnerService.
#include <dlfcn.h>

#include "runner/runner_service.h"

namespace kforge {

struct RunnerService::Library {
    using Run = int (*)(const kf_call*);
    void* handle = nullptr;
    Run run = nullptr;
    Library() = default;
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
    ~Library() {
        if (handle) ::dlclose(handle);
    }
};

}  // namespace kforge
