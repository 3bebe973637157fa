#pragma once
// Which build this binary is: the version and the commit the build tree was
// configured at. kforge and kforge-runner compare it at hello, so a remote
// runner from another build (whose measuring rules may differ) is refused.
#include <string>

namespace kforge {

// "0.1.0+3b38150" (the commit from `git describe --always --dirty` at configure
// time; "0.1.0+unknown" outside a git checkout).
std::string buildId();

}  // namespace kforge
