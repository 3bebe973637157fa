#pragma once
// Which generators a session config may name, and how each is built: the
// engine knows generators only through this registry, so a new one (the LLM
// agent in core/agent/, above the engine) registers itself instead of the
// engine including it. Registration is explicit: whoever composes the program
// calls registerBuiltinGenerators (core/agent/builtin_generators.h), never a
// static initializer the linker may drop from a static library.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "llm/chat.h"
#include "model/node_profile.h"
#include "model/tuning_config.h"
#include "session/generator.h"
#include "model/session_config.h"
#include "store/agent_records.h"
#include "task/task.h"
#include "util/error.h"

namespace kforge {

// The tuning cache's best configurations of a source (by its hash), less
// `rootConfig`: the source's @tune defaults, which its root is measured at anyway.
using ConfigPriors = std::function<std::vector<TuneConfig>(const std::string& sourceHash, const TuneConfig& rootConfig)>;

// What the engine offers a generator it builds. The context itself is gone
// once the factory returns: a generator copies what it keeps; what the
// references point at is the engine's and outlives the generator.
struct GeneratorContext {
    const Task& task;
    const SessionRecord& record;  // its config names the generators and holds their settings
    AgentRecords& records;        // memories, notes and exchanges in the store
    std::filesystem::path knowledgeDirectory;  // the bundled guides
    // Opens the session's tuning cache, which from then on is fed every
    // measured node, and returns its priors; empty when the config uses no cache.
    std::function<ConfigPriors()> openTuningCache;
    std::function<void()> wake;  // an asynchronous generator's answer is in (any thread)
    // Live text of a model's answer about node `parent` (worker threads).
    std::function<void(int64_t parent, const ChatStreamEvent&)> onStream;
    // Profiles a measured node with Nsight Compute on the session's task (worker threads).
    std::function<NodeProfile(const Node&)> profile;
};

struct GeneratorRegistration {
    std::string name;         // as session configs and --generators name it
    std::string description;  // one line, for `kforge optimize --help` and the wizard
    // Whether it needs the session config's LLM settings (a provider).
    bool needsLlmSettings = false;
    // Builds the generator for a session. Null for one that proposes nothing in
    // the engine's loop (manual edits arrive through SessionEngine::addManual).
    // Throws kforge::Error for a config it cannot run, GeneratorUnavailable for
    // what this machine lacks now.
    std::function<std::unique_ptr<Generator>(const GeneratorContext&)> make;
};

// What this machine lacks for a generator now (an API key): a stored session
// naming it still opens, to be inspected or edited, but does not run.
class GeneratorUnavailable : public Error {
public:
    using Error::Error;
};

class GeneratorRegistry {
public:
    // Throws kforge::Error for an empty name, a name registered before, or no factory.
    void add(GeneratorRegistration registration);
    // Null when no generator of that name is registered.
    const GeneratorRegistration* find(std::string_view name) const;
    // Throws kforge::Error naming `where` (the session config, an option),
    // the unknown name and the known ones.
    const GeneratorRegistration& at(std::string_view name, std::string_view where) const;
    // In the order they were registered.
    const std::vector<GeneratorRegistration>& all() const { return registrations_; }
    // "tuner, manual and llm", for messages and help texts.
    std::string namesText() const;

private:
    std::vector<GeneratorRegistration> registrations_;
};

}  // namespace kforge
