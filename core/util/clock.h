#pragma once
#include <chrono>
#include <string>

namespace kforge {

// The current time as ISO 8601 in UTC ("2026-11-22T09:41:07Z"): sortable as text.
std::string isoNowUtc();

// The wall clock as unix seconds (microsecond resolution in a double): a
// timestamp other processes on the host can compare with their own.
inline double unixSeconds() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Seconds on the steady clock since `t`.
inline double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace kforge
