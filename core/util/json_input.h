#pragma once
// The one way JSON from outside is read: task definitions and workloads, the
// runner's request lines, session files, LLM answers and streams. Bounded in
// size and nesting (nlohmann's DOM is built iteratively, but copying,
// comparing and walking a deep document recurse), duplicate keys refused
// (the last one silently winning hides a mistake), and every failure a
// kforge::Error that says where and which limit or rule was hit.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace kforge {

struct JsonLimits {
    size_t maxBytes = size_t{64} << 20;
    int maxDepth = 64;  // containers inside containers; task files use 4
    size_t maxObjectKeys = size_t{1} << 20;  // in one object
};

// An ordered object (nlohmann::ordered_json, what task files are read into so
// errors follow the file's order) finds a key by a linear search, so reading
// n keys costs n^2: parseOrderedJsonInput holds an object to at most this
// many, whatever the limits say. 200,000 keys took minutes.
inline constexpr size_t kMaxOrderedObjectKeys = 10000;

// Throws kforge::Error "<where>: ...": invalid JSON (with line and column),
// a number out of range, too many bytes, nesting deeper than the limit, or a
// key that appears twice in one object (with its path).
nlohmann::json parseJsonInput(std::string_view text, const std::string& where, const JsonLimits& limits = {});
nlohmann::ordered_json parseOrderedJsonInput(std::string_view text, const std::string& where, const JsonLimits& limits = {});

// "line L, column C" of a byte offset.
std::string textPosition(std::string_view text, size_t offset);

}  // namespace kforge
