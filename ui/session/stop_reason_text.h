#pragma once
// Why a session stopped, in the user's language: each of the record's stop
// causes worded from the session's own limits and numbers. Sessions from
// before the causes were kept show the English text the engine wrote.
#include <QString>

namespace kforge {
struct SessionRecord;
}

namespace kforge::ui {

QString stopReasonText(const kforge::SessionRecord& session);

}  // namespace kforge::ui
