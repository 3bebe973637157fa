#include "agent/builtin_generators.h"

#include "agent/llm_registration.h"
#include "session/session_generators.h"

namespace kforge {

void registerBuiltinGenerators(GeneratorRegistry& registry) {
    registerSessionGenerators(registry);
    registerLlmGenerator(registry);
}

const GeneratorRegistry& builtinGenerators() {
    // A function-local static: built on the first call, thread-safe, never
    // dropped by the linker the way an unreferenced registering object is.
    static const GeneratorRegistry registry = [] {
        GeneratorRegistry r;
        registerBuiltinGenerators(r);
        return r;
    }();
    return registry;
}

}  // namespace kforge
