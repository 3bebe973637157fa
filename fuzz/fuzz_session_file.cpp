// A session file as `kforge session-import` and the GUI's Import read it,
// decoded whole (store/session_file.h) before anything reaches a workspace.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "store/session_file.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)kforge::readSessionFile(text, "fuzz.kfsession");
    } catch (const kforge::Error&) {
    }
    return 0;
}
