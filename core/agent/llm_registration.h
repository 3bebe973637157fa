#pragma once
// The LLM agent's place in the generator registry: how a session's "llm"
// generator is built (its knowledge base, its client, what it is told of the
// session), so that the engine below never includes the agent.
#include "session/generator_registry.h"

namespace kforge {

// Registers "llm" in `registry`.
void registerLlmGenerator(GeneratorRegistry& registry);

}  // namespace kforge
