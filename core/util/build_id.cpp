#include "util/build_id.h"

#ifndef KFORGE_VERSION
#define KFORGE_VERSION "0.0.0"
#endif
#ifndef KFORGE_BUILD_COMMIT
#define KFORGE_BUILD_COMMIT "unknown"
#endif

namespace kforge {

std::string buildId() { return std::string(KFORGE_VERSION) + "+" + KFORGE_BUILD_COMMIT; }

}  // namespace kforge
