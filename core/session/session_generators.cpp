#include "session/session_generators.h"

#include "session/tuner_generator.h"

namespace kforge {

void registerSessionGenerators(GeneratorRegistry& registry) {
    registry.add({std::string(kTunerGenerator),
                  "searches the @tune parameters each source declares, with the --tuner strategy",
                  /*needsLlmSettings=*/false, [](const GeneratorContext& context) -> std::unique_ptr<Generator> {
                      const SessionConfig& c = context.record.config;
                      return std::make_unique<TunerGenerator>(c.tuner, c.seed,
                                                              context.openTuningCache ? context.openTuningCache() : ConfigPriors{});
                  }});
    registry.add({std::string(kManualGenerator), "the engineer's own edits, from kforge add or the desktop application's editor",
                  /*needsLlmSettings=*/false,
                  [](const GeneratorContext&) -> std::unique_ptr<Generator> { return nullptr; }});
}

}  // namespace kforge
