#pragma once
#include <chrono>
#include <string>

namespace kforge {

// The current time as ISO 8601 in UTC ("2026-11-22T09:41:07Z"): sortable as text.
std::string isoNowUtc();

// Seconds on the steady clock since `t`.
inline double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace kforge
