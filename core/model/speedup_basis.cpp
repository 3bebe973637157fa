#include "model/speedup_basis.h"

namespace kforge {

std::string_view speedupBasisName(SpeedupBasis b) { return b == SpeedupBasis::Best ? "best" : "native"; }

std::optional<SpeedupBasis> parseSpeedupBasis(std::string_view name) {
    if (name == "best") return SpeedupBasis::Best;
    if (name == "native") return SpeedupBasis::Native;
    return std::nullopt;
}

}  // namespace kforge
