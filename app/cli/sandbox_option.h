#pragma once
// --no-sandbox on the subcommands that compile or run candidates, and the
// one warning a user gets when candidates run without the sandbox.
#include <CLI/CLI.hpp>

namespace kforge {
class Evaluator;
}

namespace kforge::cli {

// Adds --no-sandbox to `cmd`: given, it sets KFORGE_NO_SANDBOX=1 while parsing,
// so every Evaluator the command makes afterwards runs candidates unsandboxed.
void addNoSandboxFlag(CLI::App* cmd);

// Probes the evaluator's sandbox and, when candidates will run outside it,
// says so on stderr (stdout stays the command's own, --json included).
void announceSandbox(const Evaluator& evaluator);

}  // namespace kforge::cli
