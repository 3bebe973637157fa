#include "agent/llm_generator.h"

#include "agent/answer.h"
#include "agent/code_screen.h"
#include "session/config_header.h"
#include "util/clock.h"

namespace kforge {
namespace {

bool fixable(const Node& n) {
    // A tuner child that fails fails for its configuration, not its code: rewriting it is the parent's business.
    return n.generator != "tuner" && n.status != Status::NotRun && n.status != Status::InvalidConfig;
}

}  // namespace

LlmGenerator::LlmGenerator(const LlmSettings& settings, std::unique_ptr<LlmClient> client, AgentContext context)
    : settings_(settings), client_(std::move(client)), context_(std::move(context)) {}

LlmGenerator::~LlmGenerator() {
    cancelAll();
}

int LlmGenerator::busy() const {
    std::lock_guard lock(mutex_);
    return busy_;
}

int LlmGenerator::capacity() const { return client_->provider().maxConcurrent; }

int LlmGenerator::attemptsOn(int64_t parent, const SessionTree& tree) const {
    int n = 0;
    for (int64_t c : tree.children(parent))
        if (tree.at(c).generator == kLlmGenerator) ++n;
    std::lock_guard lock(mutex_);
    const auto r = refusedOn_.find(parent);
    const auto f = inFlightOn_.find(parent);
    return n + (r == refusedOn_.end() ? 0 : r->second) + (f == inFlightOn_.end() ? 0 : f->second);
}

int LlmGenerator::fixDepth(const Node& node, const SessionTree& tree) const {
    int depth = 0;
    const Node* n = &node;
    while (n->parent && n->generator == kLlmGenerator && n->input.mode == "fix") {
        ++depth;
        n = &tree.at(*n->parent);
    }
    return depth;
}

bool LlmGenerator::canExpand(const Node& parent, const SessionTree& tree) {
    if (parent.state != NodeState::Done) return false;
    if (!parent.passed() && (!fixable(parent) || fixDepth(parent, tree) >= settings_.maxFixDepth)) return false;
    return attemptsOn(parent.id, tree) < settings_.attemptsPerParent;
}

std::optional<int64_t> LlmGenerator::preferredParent(const SessionTree& tree) {
    // The newest broken node the agent wrote that nobody has tried to fix yet.
    const auto& nodes = tree.nodes();
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it)
        if (it->generator == kLlmGenerator && it->state == NodeState::Done && !it->passed() && canExpand(*it, tree) &&
            attemptsOn(it->id, tree) == 0)
            return it->id;
    return std::nullopt;
}

ChatRequest LlmGenerator::promptFor(const Node& parent, const SessionTree& tree, AgentMode* modeOut) {
    const PromptInputs in = inputsFor(parent, tree);
    if (modeOut) *modeOut = in.mode;
    return buildPrompt(in);
}

bool LlmGenerator::claimProfiling(const Node& parent, AgentMode mode) {
    if (!context_.profile || !parent.passed() || (mode != AgentMode::Optimize && mode != AgentMode::Explore)) return false;
    if (parent.profile) return false;  // profiled before (or known to fail)
    std::lock_guard lock(mutex_);
    if (profilerUnavailable_ || profiling_.count(parent.id)) return false;
    profiling_.insert(parent.id);
    return true;
}

PromptInputs LlmGenerator::inputsFor(const Node& parent, const SessionTree& tree) {
    const SessionRecord& record = *context_.record;
    PromptInputs in;
    in.task = context_.task;
    in.backend = std::string(backendName(record.config.backend));
    in.device = record.device;
    in.deviceFamily = deviceFamilyOfFacts(backendName(record.config.backend), record.device);
    in.parent = &parent;
    const std::string& source = tree.source(parent.sourceHash);
    in.parentSource = withConfigHeader(parent.config, source);
    in.mode = chooseMode(parent, tree, source, context_.tunerPresent);
    if (context_.knowledge) {
        KnowledgeQuery q;
        q.deviceFamily = in.deviceFamily;
        q.opType = context_.task->opType;
        q.bottleneck = measuredBottleneck(parent);
        q.text = context_.task->description + " " + std::string(agentModeName(in.mode)) + " " + parent.message.english().substr(0, 300);
        q.limit = settings_.knowledgeSections;
        in.knowledge = context_.knowledge->search(q);
    }
    in.siblings = siblingSummaries(parent, tree);
    if (context_.records)
        in.pastSuccesses = context_.records->successes(context_.task->opType, in.deviceFamily, record.id, 5, 1.05,
                                                       measuredBottleneck(parent));
    {
        std::lock_guard lock(mutex_);
        const auto it = lastRefusal_.find(parent.id);
        if (it != lastRefusal_.end()) in.lastRefusal = it->second;
    }
    return in;
}

bool LlmGenerator::start(const Node& parent, const SessionTree& tree) {
    if (cancel_.load() || busy() >= capacity() || !canExpand(parent, tree)) return false;
    PromptInputs inputs = inputsFor(parent, tree);
    const AgentMode mode = inputs.mode;
    const bool profileFirst = claimProfiling(parent, mode);
    const int64_t parentId = parent.id;
    const std::string extension = parent.sourceExtension;
    {
        std::lock_guard lock(mutex_);
        ++busy_;
        ++inFlightOn_[parentId];
    }
    workers_.emplace_back([this, in = std::move(inputs), parentNode = parent, profileFirst, mode, parentId, extension]() mutable {
        GeneratedChild child;
        in.parent = &parentNode;
        if (profileFirst) {
            // The counters go into this prompt and stay with the parent for later ones.
            NodeProfile profile = context_.profile(parentNode);
            {
                std::lock_guard lock(mutex_);
                profiling_.erase(parentId);
                if (profile.toolUnavailable) profilerUnavailable_ = true;
            }
            parentNode.profile = profile;  // what buildPrompt reads
            child.parentProfile = std::move(profile);
        }
        const ChatRequest request = buildPrompt(in);
        LlmExchange& e = child.exchange;
        e.parentId = parentId;
        e.provider = client_->provider().name;
        e.model = client_->provider().model;
        e.mode = std::string(agentModeName(mode));
        e.startedAt = isoNowUtc();
        nlohmann::json messages = nlohmann::json::array();
        for (const auto& m : request.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
        e.request = {{"system", request.system}, {"messages", messages}};

        const ChatResult r = client_->chat(
            request,
            [&](const ChatStreamEvent& ev) {
                if (context_.onStream) context_.onStream(parentId, ev);
            },
            &cancel_);
        e.response = r.text;
        e.outcome = std::string(chatOutcomeName(r.outcome));
        e.error = r.error;
        for (const auto& a : r.attempts)
            e.attempts.push_back({{"http_status", a.httpStatus}, {"error", a.error}, {"seconds", a.seconds}, {"wait_before", a.waitBefore}});
        if (!r.model.empty()) e.model = r.model;
        e.inputTokens = r.usage.inputTokens;
        e.outputTokens = r.usage.outputTokens;
        e.tokensEstimated = r.usage.estimated;
        e.cost = r.cost;
        e.seconds = r.seconds;
        e.firstTokenSeconds = r.firstTokenSeconds;

        if (r.usable()) {
            const ExtractedAnswer a = extractAnswer(r.text, r.outcome == ChatOutcome::Truncated);
            if (!a.source) {
                e.refusal = a.refusal;
            } else if (const auto findings = screenSource(*a.source); !findings.empty()) {
                e.refusal = "refused before compiling: host-side calls a kernel must not make: " + describeFindings(findings);
            } else {
                Proposal p;
                p.parent = parentId;
                p.generator = kLlmGenerator;
                p.source = *a.source;
                p.extension = extension;
                p.input.mode = e.mode;
                p.input.provider = e.provider;
                p.input.model = e.model;
                p.input.change = a.change;
                // The configuration is the source's own @tune defaults (an empty config).
                child.proposal = std::move(p);
            }
        } else if (r.outcome == ChatOutcome::Oversized) {
            e.refusal = r.error;
        }
        {
            std::lock_guard lock(mutex_);
            --busy_;
            if (--inFlightOn_[parentId] == 0) inFlightOn_.erase(parentId);
            if (!child.proposal && r.outcome != ChatOutcome::Cancelled) {
                ++refusedOn_[parentId];
                lastRefusal_[parentId] = e.refusal.empty() ? e.error : e.refusal;
            }
            done_.push_back(std::move(child));
        }
        if (context_.wake) context_.wake();
    });
    return true;
}

std::vector<GeneratedChild> LlmGenerator::collect() {
    std::vector<GeneratedChild> out;
    bool idle;
    {
        std::lock_guard lock(mutex_);
        out.swap(done_);
        idle = busy_ == 0;
    }
    // Every worker has handed in its answer: what is left of them is returning.
    if (idle) {
        for (auto& w : workers_) w.join();
        workers_.clear();
    }
    return out;
}

void LlmGenerator::cancelAll() {
    cancel_ = true;
    for (auto& w : workers_)
        if (w.joinable()) w.join();
    workers_.clear();
    cancel_ = false;
}

}  // namespace kforge
