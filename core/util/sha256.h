#pragma once
#include <string>
#include <string_view>

namespace kforge {

// Hex SHA-256 of a byte string (FIPS 180-4). Used for content-addressed keys
// (compile cache), where a collision would silently reuse a wrong binary.
std::string sha256Hex(std::string_view data);

}  // namespace kforge
