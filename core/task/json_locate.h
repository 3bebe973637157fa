#pragma once
// The line of a field in a JSON text, for errors that name a field
// ("kforge.native.cpu.reference") but must point the user at a line. The
// parser keeps no positions, so the keys of the path are looked for in
// order, each after the previous: right for any definition a person writes,
// where a key's name is its own text.
#include <string_view>

namespace kforge {

// 1-based line of the deepest key of `field` found ("a.b[2].c" looks for
// "a", then "b", then "c"); 0 when not even the first is there.
int lineOfField(std::string_view jsonText, std::string_view field);

}  // namespace kforge
