// A candidate's source as the tuner reads it: @tune and @constraint lines
// (perhaps an LLM's). Parses, then does what `kforge check` and the tuner do
// with a space: defaults, the constraint check, and enumeration.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "task/tune_space.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    try {
        const kforge::TuneSpace space = kforge::parseTuneSpace(source, "candidate.cu");
        const kforge::TuneConfig defaults = space.defaults();
        (void)space.size();
        (void)space.violation(defaults);
        (void)space.brokenConstraint(defaults);
        (void)kforge::describeConfig(defaults);
        (void)space.enumerate(1);
        (void)space.enumerate(64);
    } catch (const kforge::Error&) {
    }
    return 0;
}
