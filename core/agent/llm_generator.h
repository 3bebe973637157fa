#pragma once
// The LLM agent as a generator: for a parent it chooses a mode, builds the
// prompt (agent/prompt_builder) on the engine's thread, asks the model on a
// worker thread, and hands back either a proposal (the extracted, screened
// source) or a refusal, each with the exchange that produced it.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "agent/knowledge_base.h"
#include "agent/prompt_builder.h"
#include "llm/llm_client.h"
#include "profile/profile.h"
#include "session/generator.h"
#include "model/session_config.h"
#include "store/agent_records.h"

namespace kforge {

// What the agent needs of its session; read on the engine's thread only.
struct AgentContext {
    const Task* task = nullptr;
    const SessionRecord* record = nullptr;
    AgentRecords* records = nullptr;      // past sessions' memories (may be null)
    std::shared_ptr<const KnowledgeBase> knowledge;  // owned with the agent: nothing else searches it
    bool tunerPresent = false;
    std::function<void()> wake;           // called from a worker thread when an answer is in
    // Live text of the answers, from worker threads: (parent node, event).
    std::function<void(int64_t, const ChatStreamEvent&)> onStream;
    // Profiles a correct node (Nsight Compute), on a worker thread, before the
    // model is asked to optimize it; unset where no profiler applies.
    std::function<NodeProfile(const Node&)> profile;
};

// The agent's name in session configs and on the nodes it makes.
inline constexpr std::string_view kLlmGenerator = "llm";

class LlmGenerator final : public Generator {
public:
    LlmGenerator(const LlmSettings& settings, std::unique_ptr<LlmClient> client, AgentContext context);
    ~LlmGenerator() override;

    std::string_view name() const override { return kLlmGenerator; }
    bool canExpand(const Node& parent, const SessionTree& tree) override;
    std::optional<Proposal> propose(const Node&, const SessionTree&) override { return std::nullopt; }
    bool asynchronous() const override { return true; }
    int busy() const override;
    int capacity() const override;
    std::optional<int64_t> preferredParent(const SessionTree& tree) override;
    bool start(const Node& parent, const SessionTree& tree) override;
    void cancelAll() override;

    std::vector<GeneratedChild> collect() override;

    // The prompt start() would send for `parent` (without profiling it first),
    // for tests and `kforge show`.
    ChatRequest promptFor(const Node& parent, const SessionTree& tree, AgentMode* mode = nullptr);

private:
    // Everything the prompt needs, gathered on the engine's thread; its
    // `parent` points at `parent` and must be re-pointed at a copy to outlive it.
    PromptInputs inputsFor(const Node& parent, const SessionTree& tree);
    // Whether start() profiles `parent` before asking (and marks it as being profiled).
    bool claimProfiling(const Node& parent, AgentMode mode);
    int attemptsOn(int64_t parent, const SessionTree& tree) const;
    int fixDepth(const Node& node, const SessionTree& tree) const;

    LlmSettings settings_;
    std::unique_ptr<LlmClient> client_;
    AgentContext context_;
    std::atomic<bool> cancel_{false};
    mutable std::mutex mutex_;
    std::map<int64_t, int> refusedOn_;        // parent -> answers that made no node
    std::map<int64_t, std::string> lastRefusal_;
    std::map<int64_t, int> inFlightOn_;       // parent -> requests in flight
    std::set<int64_t> profiling_;             // parents being profiled now
    bool profilerUnavailable_ = false;        // ncu cannot run here: stop asking
    std::vector<GeneratedChild> done_;
    std::vector<std::thread> workers_;
    int busy_ = 0;
};

}  // namespace kforge
