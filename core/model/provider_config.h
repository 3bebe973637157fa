#pragma once
// How to reach one LLM service: its wire format, address, model, where its key
// lives (never the key itself), and the client's limits and prices. A value
// type with its one JSON codec: providers.json (llm/provider_config.h) and a
// session's stored configuration (model/session_config.h) both use it.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kforge {

// The two wire formats; every OpenAI-compatible server (DeepSeek, Qwen on
// DashScope, vLLM, SGLang, Ollama, llama.cpp's server) speaks the first.
enum class LlmApi { OpenAiChat, AnthropicMessages };
std::string_view llmApiName(LlmApi api);  // "openai", "anthropic"
std::optional<LlmApi> parseLlmApi(std::string_view name);

struct LlmPrices {
    double inputPerMillion = 0;   // in the provider's currency (USD unless noted) per million tokens
    double outputPerMillion = 0;
    double cost(int64_t inputTokens, int64_t outputTokens) const;
};

struct ProviderConfig {
    std::string name;                   // the user's handle for it: "deepseek", "local-vllm"
    LlmApi api = LlmApi::OpenAiChat;
    std::string baseUrl;                // up to the version: "https://api.openai.com/v1"
    std::string model;
    std::string keyEnv;                 // environment variable holding the key; empty: none
    bool keyInKeychain = false;         // else look it up in the OS keychain (secret-tool)
    int maxConcurrent = 2;              // exchanges in flight with this provider
    int retries = 4;                    // further attempts after a retryable failure
    double backoffSeconds = 2;          // first retry delay, doubled each time, with jitter
    double maxBackoffSeconds = 60;
    double connectTimeoutSeconds = 10;
    double timeoutSeconds = 600;        // a whole exchange
    double idleTimeoutSeconds = 120;    // silence in the middle of an answer
    int maxOutputTokens = 8192;
    std::optional<double> temperature;
    size_t maxAnswerBytes = 2u << 20;   // a longer answer is cut and recorded as oversized
    LlmPrices prices;
    std::map<std::string, std::string> extraHeaders;  // e.g. an organisation id; not secret

    // The endpoint the wire format posts to: baseUrl + "/chat/completions" or "/messages".
    std::string endpoint() const;
};

nlohmann::json toJson(const ProviderConfig& p);
// Throws kforge::Error naming `where` and the field when `j` is not a usable provider.
ProviderConfig providerFromJson(const nlohmann::json& j, const std::string& where);

}  // namespace kforge
