#pragma once
// What a session's speedups are measured against; kept in its configuration.
#include <optional>
#include <string_view>

namespace kforge {

enum class SpeedupBasis {
    Best,    // the fastest measured PyTorch baseline of each workload ("vs best")
    Native,  // the task's own native baseline (a sanity floor, not a yardstick)
};

std::string_view speedupBasisName(SpeedupBasis b);  // "best", "native"
std::optional<SpeedupBasis> parseSpeedupBasis(std::string_view name);

}  // namespace kforge
