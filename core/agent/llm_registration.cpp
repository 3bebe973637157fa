#include "agent/llm_registration.h"

#include <algorithm>

#include "agent/knowledge_base.h"
#include "agent/llm_generator.h"
#include "llm/api_key.h"
#include "session/tuner_generator.h"

namespace kforge {
namespace {

std::unique_ptr<Generator> makeLlmGenerator(const GeneratorContext& context) {
    const SessionConfig& c = context.record.config;
    if (!c.llm) throw Error("the llm generator needs a provider (--llm-provider; see docs/llm.md)");
    AgentContext agent;
    agent.task = &context.task;
    agent.record = &context.record;
    agent.records = &context.records;
    // Guides and the engineers' notes, searched for every prompt.
    agent.knowledge = openKnowledgeBase(context.knowledgeDirectory, context.records);
    agent.tunerPresent = std::find(c.generators.begin(), c.generators.end(), kTunerGenerator) != c.generators.end();
    agent.wake = context.wake;
    agent.onStream = context.onStream;
    // Nsight Compute profiles CUDA kernels only.
    if (c.llm->profile && backendInfo(c.backend).profilable) agent.profile = context.profile;
    ApiKey key;
    try {
        key = resolveApiKey(c.llm->provider);
    } catch (const Error& e) {
        throw GeneratorUnavailable(e.what());
    }
    auto client = std::make_unique<LlmClient>(c.llm->provider, std::move(key));
    return std::make_unique<LlmGenerator>(*c.llm, std::move(client), std::move(agent));
}

}  // namespace

void registerLlmGenerator(GeneratorRegistry& registry) {
    registry.add({std::string(kLlmGenerator), "an LLM agent, asking the model of --llm-provider, rewrites the code (docs/llm.md)",
                  /*needsLlmSettings=*/true, makeLlmGenerator});
}

}  // namespace kforge
