#pragma once
// Every generator KernelForge ships, registered in one explicit call: the
// layer above both the engine (tuner, manual) and the agent (llm) composes
// them, so no registration hides in a static initializer.
#include "session/generator_registry.h"

namespace kforge {

// Registers tuner, manual and llm in `registry`; throws kforge::Error when one
// of them is registered there already.
void registerBuiltinGenerators(GeneratorRegistry& registry);

// The process's registry of the built-in generators, filled on first use:
// what the command line, the desktop application and the tests hand the engine.
const GeneratorRegistry& builtinGenerators();

}  // namespace kforge
