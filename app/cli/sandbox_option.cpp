#include "sandbox_option.h"

#include <cstdlib>
#include <iostream>

#include "eval/evaluator.h"

namespace kforge::cli {

void addNoSandboxFlag(CLI::App* cmd) {
    // The environment is the channel the GUI's setting uses too: the core reads
    // it where it makes its sandbox, whichever command asked.
    cmd->add_flag_callback(
        "--no-sandbox", [] { ::setenv("KFORGE_NO_SANDBOX", "1", 1); },
        "compile and run candidates without the bubblewrap sandbox (unsafe: their code runs as you)");
}

void announceSandbox(const Evaluator& evaluator) {
    const SandboxStatus& s = evaluator.sandbox().status();
    if (!s.active) std::cerr << "kforge: warning: " << s.warning << "\n";
}

}  // namespace kforge::cli
