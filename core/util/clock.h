#pragma once
#include <string>

namespace kforge {

// The current time as ISO 8601 in UTC ("2026-11-22T09:41:07Z"): sortable as text.
std::string isoNowUtc();

}  // namespace kforge
