#include "util/exit_phrase.h"

namespace kforge {

Phrase exitPhrase(const ExitStatus& exit) {
    if (exit.timedOut) return phrase(QT_TRANSLATE_NOOP("Phrase", "killed at the deadline"));
    if (exit.exited) return phrase(QT_TRANSLATE_NOOP("Phrase", "exit code %1"), exit.code);
    if (exit.signal) return phrase(QT_TRANSLATE_NOOP("Phrase", "killed by %1"), signalName(exit.signal));
    return phrase(QT_TRANSLATE_NOOP("Phrase", "unknown exit"));
}

}  // namespace kforge
