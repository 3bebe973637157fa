#pragma once
// The generators of the engine's own layer: the parameter tuner, and "manual",
// the engineer's edits, which the engine takes through addManual() and which
// therefore propose nothing themselves.
#include <string_view>

#include "session/generator_registry.h"

namespace kforge {

// The name manual edits are made under, in session configs and on their nodes.
inline constexpr std::string_view kManualGenerator = "manual";

// Registers "tuner" and "manual" in `registry`.
void registerSessionGenerators(GeneratorRegistry& registry);

}  // namespace kforge
