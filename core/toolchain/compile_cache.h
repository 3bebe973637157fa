#pragma once
// A content-addressed cache of compiled candidates. The key covers the source,
// the ABI header, every flag, the toolchain's version and the target
// architecture, so a hit is exactly the binary a fresh compile would give.
// Failed compiles are cached too when the source is to blame (a located
// error): their diagnostics come back at no cost. A failure of the
// environment (a killed compiler, a bad flag, a missing directory) is not.
#include <filesystem>
#include <memory>

#include "sandbox/sandbox.h"
#include "toolchain/toolchain.h"

namespace kforge {

class CompileCache {
public:
    explicit CompileCache(std::filesystem::path directory);
    static std::filesystem::path defaultDirectory();  // $KFORGE_CACHE_DIR, else $XDG_CACHE_HOME/kernelforge/compile

    // Compiles through `toolchain` unless an identical compile is cached. Thread-safe:
    // concurrent compiles of one key both succeed and one result is kept.
    CompileResult compile(const Toolchain& toolchain, const CompileRequest& request) const;  // a relative source is made absolute
    std::string key(const Toolchain& toolchain, const CompileRequest& request, const std::string& sourceText) const;
    const std::filesystem::path& directory() const { return dir_; }
    // Compilers run inside this sandbox from now on (none: as they are); the
    // sandbox is part of the key. A
    // source can #include any file the compiler can open, so a compile is
    // untrusted code's first chance to read what it should not.
    void setSandbox(std::shared_ptr<const Sandbox> sandbox) { sandbox_ = std::move(sandbox); }

private:
    std::filesystem::path dir_;
    std::shared_ptr<const Sandbox> sandbox_;
};

}  // namespace kforge
