#pragma once
// What a session's speedups are measured against, in the user's language:
// "the best PyTorch op" or "the task's baseline" (core's speedupBasisText()
// is the English text of the CLI and the database).
#include <QString>

namespace kforge {
struct SessionRecord;
}

namespace kforge::ui {

QString speedupBasisLabel(const kforge::SessionRecord& session);

}  // namespace kforge::ui
