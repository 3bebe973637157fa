#pragma once
// How a process ended, in words a user reads: "exit code 1", "killed by
// SIGSEGV (segmentation fault)", as a phrase (util/phrase.h) so that the GUI
// can word it in the user's language. ExitStatus::describe() is its English.
#include "util/phrase.h"
#include "util/process.h"

namespace kforge {

Phrase exitPhrase(const ExitStatus& exit);

}  // namespace kforge
