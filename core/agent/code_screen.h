#pragma once
// A screen for generated code before it is compiled: host-side process, file,
// network and dynamic-loading calls have no place in a kernel, and a model
// that writes them is refused with the place it wrote them. This is a screen,
// not a sandbox: it reads the text (comments and strings blanked), so it stops
// the honest mistake and the obvious attack, not a determined one. The sandbox
// for the compiler and the runner is its own piece of work.
#include <string>
#include <vector>

namespace kforge {

struct ScreenFinding {
    int line = 0;  // 1-based
    int column = 0;
    std::string what;      // "system(", "#include <sys/socket.h>"
    std::string category;  // "process", "file", "network", "dynamic loading"
};

std::vector<ScreenFinding> screenSource(const std::string& source);
// "line 12:5: system( (process); ..." for the record; empty when clean.
std::string describeFindings(const std::vector<ScreenFinding>& findings);

}  // namespace kforge
