#include "agent_commands.h"

#include <iostream>
#include <memory>

#include "agent/knowledge_base.h"
#include "eval/paths.h"
#include "llm/api_key.h"
#include "llm/llm_client.h"
#include "llm/provider_config.h"
#include "store/agent_records.h"
#include "store/store.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge::cli {
namespace {

using Json = nlohmann::json;

std::filesystem::path providersFile(const std::string& given) {
    return given.empty() ? defaultProvidersPath() : std::filesystem::path(given);
}

std::filesystem::path dbFile(const std::string& given) { return given.empty() ? Store::defaultPath() : std::filesystem::path(given); }

// Whether the provider's key can be found now, without showing it.
std::string keyState(const ProviderConfig& p) {
    const KeyStatus k = keyStatus(p);
    if (!k.found) return "missing: " + k.problem;
    return k.masked.empty() ? "no key needed" : k.masked + " from " + k.origin;
}

int listProviders(const std::string& file, bool json) {
    const auto path = providersFile(file);
    const auto providers = loadProviders(path);
    if (json) {
        Json list = Json::array();
        for (const auto& p : providers) {
            Json j = toJson(p);
            j["key"] = keyState(p);
            list.push_back(j);
        }
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    if (providers.empty()) {
        std::cout << "no providers in " << path.string() << "; add one with `kforge llm add-provider --preset NAME` (see docs/llm.md)\n";
        return 0;
    }
    for (const auto& p : providers)
        std::cout << p.name << "  " << llmApiName(p.api) << "  " << p.baseUrl << "  " << p.model << "  key: " << keyState(p) << "\n";
    return 0;
}

struct AddProvider {
    std::string file, preset, name, model, baseUrl, keyEnv, api;
    std::optional<int> concurrency;
    std::optional<double> priceIn, priceOut;
    bool keychain = false;
};

int addProvider(const AddProvider& o) {
    ProviderConfig p;
    if (!o.preset.empty()) {
        for (const auto& preset : providerPresets())
            if (preset.id == o.preset) p = preset.config;
        if (p.name.empty())
            throw Error("no preset '" + o.preset + "' (presets: " + joinText(providerPresets(), ", ", &ProviderPreset::id) + ")");
    }
    if (!o.name.empty()) p.name = o.name;
    if (!o.api.empty()) {
        const auto api = parseLlmApi(o.api);
        if (!api) throw Error("--api must be openai or anthropic");
        p.api = *api;
    }
    if (!o.model.empty()) p.model = o.model;
    if (!o.baseUrl.empty()) p.baseUrl = o.baseUrl;
    if (!o.keyEnv.empty()) p.keyEnv = o.keyEnv;
    if (o.keychain) p.keyInKeychain = true;
    if (o.concurrency) p.maxConcurrent = *o.concurrency;
    if (o.priceIn) p.prices.inputPerMillion = *o.priceIn;
    if (o.priceOut) p.prices.outputPerMillion = *o.priceOut;
    const auto path = providersFile(o.file);
    p = providerFromJson(toJson(p), "the new provider");  // the same checks as a loaded one
    auto providers = loadProviders(path);
    bool replaced = false;
    for (auto& q : providers)
        if (q.name == p.name) {
            q = p;
            replaced = true;
        }
    if (!replaced) providers.push_back(p);
    std::filesystem::create_directories(path.parent_path());
    saveProviders(path, providers);
    std::cout << (replaced ? "updated" : "added") << " provider '" << p.name << "' in " << path.string() << " (key: " << keyState(p) << ")\n";
    return 0;
}

int setKey(const std::string& file, const std::string& name) {
    const auto path = providersFile(file);
    const ProviderConfig p = findProvider(loadProviders(path), name, path);
    std::string key;
    std::cerr << "paste the key for '" << p.name << "' and press Enter (it goes to the OS keychain, nowhere else): ";
    std::getline(std::cin, key);
    while (!key.empty() && (key.back() == '\r' || key.back() == ' ')) key.pop_back();
    storeKeyInKeychain(p.name, key);
    std::cout << "stored " << maskKey(key) << " in the keychain; set \"key_in_keychain\": true for '" << p.name << "' to use it\n";
    return 0;
}

int testProvider(const std::string& file, const std::string& name, bool json) {
    const auto path = providersFile(file);
    const ProviderConfig p = findProvider(loadProviders(path), name, path);
    const ChatResult result = probeProvider(p, 1);
    if (json) {
        std::cout << Json{{"provider", p.name},
                          {"outcome", chatOutcomeName(result.outcome)},
                          {"model", result.model},
                          {"text", result.text},
                          {"error", result.error},
                          {"seconds", result.seconds},
                          {"first_token_seconds", result.firstTokenSeconds},
                          {"input_tokens", result.usage.inputTokens},
                          {"output_tokens", result.usage.outputTokens}}
                         .dump(2)
                  << "\n";
    } else if (result.usable()) {
        std::cout << p.name << " (" << result.model << "): \"" << result.text << "\" in " << formatNumber("%.2f", result.seconds)
                  << " s (first token " << formatNumber("%.2f", result.firstTokenSeconds) << " s), " << result.usage.inputTokens << "+"
                  << result.usage.outputTokens << " tokens\n";
    } else {
        std::cout << p.name << ": " << chatOutcomeName(result.outcome) << ": " << result.error << "\n";
    }
    return result.usable() ? 0 : 1;
}

int listExchanges(const std::string& db, int64_t session, std::optional<int64_t> node, bool json, bool full) {
    Store store(dbFile(db));
    store.session(session);  // a clear error for an unknown session
    AgentRecords records(store.database());
    const auto exchanges = records.exchanges(session, node);
    if (json) {
        Json list = Json::array();
        for (const auto& e : exchanges) {
            Json j = toJson(e);
            if (!full) j.erase("request");
            list.push_back(j);
        }
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    for (const auto& e : exchanges) {
        std::cout << "exchange " << e.id << "  " << e.startedAt << "  " << e.provider << "/" << e.model << "  " << e.mode << " of node "
                  << e.parentId << " -> " << (e.nodeId ? "node " + std::to_string(*e.nodeId) : e.outcome)
                  << "  " << formatNumber("%.1f", e.seconds) << " s, " << e.inputTokens << "+" << e.outputTokens << " tokens"
                  << (e.cost > 0 ? ", cost " + formatNumber("%.4f", e.cost) : "") << "\n";
        if (!e.refusal.empty()) std::cout << "  refused: " << e.refusal << "\n";
        if (!e.error.empty()) std::cout << "  error: " << e.error << "\n";
        if (full) {
            std::cout << "  --- system ---\n" << e.request.value("system", "") << "\n";
            for (const auto& m : e.request.value("messages", Json::array()))
                std::cout << "  --- " << m.value("role", "") << " ---\n" << m.value("content", "") << "\n";
            std::cout << "  --- answer ---\n" << e.response << "\n";
        }
    }
    const auto u = records.usage(session);
    std::cout << u.exchanges << " exchanges, " << u.inputTokens << " input + " << u.outputTokens << " output tokens"
              << (u.cost > 0 ? ", cost " + formatNumber("%.4f", u.cost) : "") << "\n";
    return 0;
}

struct KnowledgeOptions {
    std::string db, title, body, file, devices = "any", opTypes = "any", bottlenecks = "any", query, device, opType, bottleneck;
    int limit = 4;
    int64_t id = 0;
    bool json = false;
};

int knowledgeSearch(const KnowledgeOptions& o) {
    Store store(dbFile(o.db));
    AgentRecords records(store.database());
    const auto kb = openKnowledgeBase(AppPaths::discover().knowledgeDirectory(), records);
    const auto found = kb->search({o.device, o.opType, o.bottleneck, o.query, o.limit});
    if (o.json) {
        Json list = Json::array();
        for (const auto& c : found)
            list.push_back({{"source", c.source}, {"title", c.title}, {"heading", c.heading}, {"body", c.body}, {"devices", c.devices},
                            {"op_types", c.opTypes}, {"bottlenecks", c.bottlenecks}});
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    for (const auto& c : found) std::cout << "== " << c.source << ": " << c.title << " / " << c.heading << "\n" << c.body << "\n";
    if (found.empty()) std::cout << "nothing fits\n";
    return 0;
}

int knowledgeAdd(const KnowledgeOptions& o) {
    KnowledgeNote n;
    n.title = o.title;
    n.body = o.file.empty() ? o.body : readTextFile(o.file);
    if (n.title.empty() || n.body.empty()) throw Error("a note needs --title and --body (or --file)");
    n.devices = parseKnowledgeTags("devices", o.devices, "--devices");
    n.opTypes = parseKnowledgeTags("op_types", o.opTypes, "--op-types");
    n.bottlenecks = parseKnowledgeTags("bottlenecks", o.bottlenecks, "--bottlenecks");
    Store store(dbFile(o.db));
    AgentRecords(store.database()).addNote(n);
    std::cout << "added note " << n.id << "; the agent reads it in sessions started from now on\n";
    return 0;
}

int knowledgeList(const KnowledgeOptions& o) {
    Store store(dbFile(o.db));
    const auto notes = AgentRecords(store.database()).notes();
    if (o.json) {
        Json list = Json::array();
        for (const auto& n : notes)
            list.push_back({{"id", n.id}, {"title", n.title}, {"body", n.body}, {"devices", n.devices}, {"op_types", n.opTypes},
                            {"bottlenecks", n.bottlenecks}, {"created_at", n.createdAt}});
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    for (const auto& n : notes) std::cout << "note " << n.id << "  " << n.createdAt << "  " << n.title << "\n";
    if (notes.empty()) std::cout << "no notes yet (kforge knowledge add --title ... --body ...)\n";
    return 0;
}

}  // namespace

AgentCommands::AgentCommands(CLI::App& app) {
    auto* llm = app.add_subcommand("llm", "LLM providers: list, presets, add-provider, set-key, test");
    llm->require_subcommand(1);
    auto file = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto name = std::make_shared<std::string>();
    llm->add_option("--providers", *file, "the providers file (default: $KFORGE_PROVIDERS, else ~/.config/kernelforge/providers.json)");

    auto* providers = llm->add_subcommand("providers", "The configured providers and whether their keys are found (masked)");
    providers->add_flag("--json", *json, "one JSON array");
    commands_.emplace_back(providers, [=] { return listProviders(*file, *json); });

    auto* presets = llm->add_subcommand("presets", "Ready-made provider settings (OpenAI, Anthropic, DeepSeek, Qwen, vLLM, ...)");
    commands_.emplace_back(presets, [] {
        for (const auto& p : providerPresets())
            std::cout << p.id << "  " << p.title << "  " << llmApiName(p.config.api) << "  " << p.config.baseUrl << "  " << p.config.model
                      << (p.config.keyEnv.empty() ? "" : "  key from $" + p.config.keyEnv) << "\n";
        return 0;
    });

    auto a = std::make_shared<AddProvider>();
    auto* add = llm->add_subcommand("add-provider", "Add (or replace) a provider in the providers file");
    add->add_option("--preset", a->preset, "start from a preset (kforge llm presets)");
    add->add_option("--name", a->name, "its name (default: the preset's)");
    add->add_option("--api", a->api, "openai or anthropic");
    add->add_option("--base-url", a->baseUrl, "up to the API version, e.g. http://localhost:8000/v1");
    add->add_option("--model", a->model, "the model");
    add->add_option("--key-env", a->keyEnv, "the environment variable that holds its key");
    add->add_flag("--keychain", a->keychain, "look the key up in the OS keychain (kforge llm set-key)");
    add->add_option("--concurrency", a->concurrency, "exchanges in flight at once")->check(CLI::PositiveNumber);
    add->add_option("--price-in", a->priceIn, "price per million input tokens");
    add->add_option("--price-out", a->priceOut, "price per million output tokens");
    commands_.emplace_back(add, [=] {
        a->file = *file;
        return addProvider(*a);
    });

    auto* setKeyCmd = llm->add_subcommand("set-key", "Store a provider's key in the OS keychain (read from standard input)");
    setKeyCmd->add_option("NAME", *name, "the provider")->required();
    commands_.emplace_back(setKeyCmd, [=] { return setKey(*file, *name); });

    auto* test = llm->add_subcommand("test", "Send a one-line prompt to a provider and report the answer, latency and tokens");
    test->add_option("NAME", *name, "the provider")->required();
    test->add_flag("--json", *json, "one JSON object");
    commands_.emplace_back(test, [=] { return testProvider(*file, *name, *json); });

    struct ExchangeOptions {
        std::string db;
        int64_t session = 0;
        std::optional<int64_t> node;
        bool json = false, full = false;
    };
    auto e = std::make_shared<ExchangeOptions>();
    auto* exchanges = app.add_subcommand("exchanges", "A session's exchanges with its LLM (prompts and answers with --full)");
    exchanges->add_option("SESSION", e->session, "the session id")->required();
    exchanges->add_option("NODE", e->node, "only the exchange that made this node");
    exchanges->add_flag("--full", e->full, "with the prompts and the answers");
    exchanges->add_flag("--json", e->json, "one JSON array");
    exchanges->add_option("--db", e->db, "the workspace database");
    commands_.emplace_back(exchanges, [=] { return listExchanges(e->db, e->session, e->node, e->json, e->full); });

    auto k = std::make_shared<KnowledgeOptions>();
    auto* knowledge = app.add_subcommand("knowledge", "The agent's knowledge base: search, list, add, remove");
    knowledge->require_subcommand(1);
    knowledge->add_option("--db", k->db, "the workspace database (notes live there)");
    auto* search = knowledge->add_subcommand("search", "What the agent would read for a device, operator and bottleneck");
    search->add_option("QUERY", k->query, "free words");
    search->add_option("--device", k->device, "hopper, ampere, ada, cdna3 or cpu");
    search->add_option("--op-type", k->opType, "elementwise, reduction, softmax, rmsnorm, layernorm, gemm, conv, transpose");
    search->add_option("--bottleneck", k->bottleneck, "memory, compute, latency, occupancy, launch");
    search->add_option("--limit", k->limit, "sections to show")->check(CLI::PositiveNumber);
    search->add_flag("--json", k->json, "one JSON array");
    commands_.emplace_back(search, [=] { return knowledgeSearch(*k); });
    auto* list = knowledge->add_subcommand("list", "The engineers' notes");
    list->add_flag("--json", k->json, "one JSON array");
    commands_.emplace_back(list, [=] { return knowledgeList(*k); });
    auto* addNote = knowledge->add_subcommand("add", "Add a note the agent reads when its tags fit");
    addNote->add_option("--title", k->title, "a short title")->required();
    addNote->add_option("--body", k->body, "the note");
    addNote->add_option("--file", k->file, "the note from a file")->check(CLI::ExistingFile);
    addNote->add_option("--devices", k->devices, "comma-separated device families, or any");
    addNote->add_option("--op-types", k->opTypes, "comma-separated operator types, or any");
    addNote->add_option("--bottlenecks", k->bottlenecks, "comma-separated bottlenecks, or any");
    commands_.emplace_back(addNote, [=] { return knowledgeAdd(*k); });
    auto* remove = knowledge->add_subcommand("remove", "Remove a note");
    remove->add_option("ID", k->id, "the note's id")->required();
    commands_.emplace_back(remove, [=] {
        Store store(dbFile(k->db));
        AgentRecords(store.database()).deleteNote(k->id);
        std::cout << "removed note " << k->id << "\n";
        return 0;
    });
}

std::optional<int> AgentCommands::run() {
    for (auto& [cmd, action] : commands_)
        if (cmd->parsed()) return action();
    return std::nullopt;
}

}  // namespace kforge::cli
