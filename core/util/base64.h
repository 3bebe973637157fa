#pragma once
// Base64 (RFC 4648, with padding): how a compiled candidate travels inside one
// JSON line to a runner on another host.
#include <optional>
#include <string>
#include <string_view>

namespace kforge {

std::string base64Encode(std::string_view bytes);
// nullopt for anything but canonical base64 (bad characters, length, padding).
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace kforge
