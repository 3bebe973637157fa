#include "llm/provider_config.h"

#include <cstdlib>
#include <fstream>

#include "util/error.h"
#include "util/text.h"

namespace kforge {

const std::vector<ProviderPreset>& providerPresets() {
    static const std::vector<ProviderPreset> presets = [] {
        auto make = [](std::string id, std::string title, LlmApi api, std::string url, std::string model, std::string keyEnv,
                       int concurrent) {
            ProviderPreset p;
            p.id = id;
            p.title = std::move(title);
            p.config.name = std::move(id);
            p.config.api = api;
            p.config.baseUrl = std::move(url);
            p.config.model = std::move(model);
            p.config.keyEnv = std::move(keyEnv);
            p.config.maxConcurrent = concurrent;
            return p;
        };
        return std::vector<ProviderPreset>{
            make("openai", "OpenAI", LlmApi::OpenAiChat, "https://api.openai.com/v1", "gpt-4.1", "OPENAI_API_KEY", 4),
            make("anthropic", "Anthropic", LlmApi::AnthropicMessages, "https://api.anthropic.com/v1", "claude-sonnet-4-5",
                 "ANTHROPIC_API_KEY", 4),
            make("deepseek", "DeepSeek", LlmApi::OpenAiChat, "https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY",
                 4),
            make("dashscope", "Qwen (DashScope)", LlmApi::OpenAiChat, "https://dashscope.aliyuncs.com/compatible-mode/v1",
                 "qwen-plus", "DASHSCOPE_API_KEY", 4),
            make("vllm", "vLLM (local)", LlmApi::OpenAiChat, "http://localhost:8000/v1", "Qwen/Qwen2.5-Coder-32B-Instruct", "",
                 8),
            make("sglang", "SGLang (local)", LlmApi::OpenAiChat, "http://localhost:30000/v1", "default", "", 8),
            make("ollama", "Ollama (local)", LlmApi::OpenAiChat, "http://localhost:11434/v1", "qwen2.5-coder:14b", "", 1),
            make("llamacpp", "llama.cpp server (local)", LlmApi::OpenAiChat, "http://localhost:8080/v1", "default", "", 1),
        };
    }();
    return presets;
}

std::filesystem::path defaultProvidersPath() {
    if (const char* p = std::getenv("KFORGE_PROVIDERS"); p && *p) return p;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::filesystem::path(x) / "kernelforge" / "providers.json";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "kernelforge" / "providers.json";
}

std::vector<ProviderConfig> loadProviders(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(readTextFile(file));
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: not valid JSON (%2)"), file.string(), e.what()));
    }
    const nlohmann::json& list = j.is_object() && j.contains("providers") ? j.at("providers") : j;
    if (!list.is_array()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: expected {\"providers\": [...]}"), file.string()));
    std::vector<ProviderConfig> out;
    for (size_t i = 0; i < list.size(); ++i) {
        ProviderConfig p = providerFromJson(list[i], file.string() + ": providers[" + std::to_string(i) + "]");
        for (const auto& q : out)
            if (q.name == p.name)
                throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: two providers are called '%2'"), file.string(), p.name));
        out.push_back(std::move(p));
    }
    return out;
}

void saveProviders(const std::filesystem::path& file, const std::vector<ProviderConfig>& providers) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : providers) list.push_back(toJson(p));
    writeTextFileAtomically(file, nlohmann::json{{"providers", list}}.dump(2) + "\n");
}

ProviderConfig findProvider(const std::vector<ProviderConfig>& providers, const std::string& name,
                            const std::filesystem::path& file) {
    for (const auto& p : providers)
        if (p.name == name) return p;
    const std::string known = joinText(providers, ", ", &ProviderConfig::name);
    if (known.empty())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no LLM provider called '%1' in %2 (it lists none; see docs/llm.md)"),
                           name, file.string()));
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no LLM provider called '%1' in %2 (it has: %3)"), name, file.string(),
                       known));
}

}  // namespace kforge
