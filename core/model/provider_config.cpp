#include "model/provider_config.h"

#include "util/error.h"

namespace kforge {
namespace {

template <typename T>
void read(const nlohmann::json& j, const char* key, T& out, const Phrase& where) {
    if (!j.contains(key) || j.at(key).is_null()) return;
    try {
        out = j.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: field '%2' has the wrong type (%3)"), where, key, j.at(key).dump()));
    }
}

std::string trimSlash(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

}  // namespace

std::string_view llmApiName(LlmApi api) { return api == LlmApi::AnthropicMessages ? "anthropic" : "openai"; }

std::optional<LlmApi> parseLlmApi(std::string_view name) {
    if (name == "openai") return LlmApi::OpenAiChat;
    if (name == "anthropic") return LlmApi::AnthropicMessages;
    return std::nullopt;
}

double LlmPrices::cost(int64_t inputTokens, int64_t outputTokens) const {
    return (static_cast<double>(inputTokens) * inputPerMillion + static_cast<double>(outputTokens) * outputPerMillion) / 1e6;
}

std::string ProviderConfig::endpoint() const {
    return trimSlash(baseUrl) + (api == LlmApi::AnthropicMessages ? "/messages" : "/chat/completions");
}

nlohmann::json toJson(const ProviderConfig& p) {
    nlohmann::json j = {{"name", p.name},
                        {"api", llmApiName(p.api)},
                        {"base_url", p.baseUrl},
                        {"model", p.model},
                        {"key_env", p.keyEnv},
                        {"key_in_keychain", p.keyInKeychain},
                        {"max_concurrent", p.maxConcurrent},
                        {"retries", p.retries},
                        {"backoff_seconds", p.backoffSeconds},
                        {"max_backoff_seconds", p.maxBackoffSeconds},
                        {"connect_timeout_seconds", p.connectTimeoutSeconds},
                        {"timeout_seconds", p.timeoutSeconds},
                        {"idle_timeout_seconds", p.idleTimeoutSeconds},
                        {"max_output_tokens", p.maxOutputTokens},
                        {"max_answer_bytes", p.maxAnswerBytes},
                        {"price_input_per_million", p.prices.inputPerMillion},
                        {"price_output_per_million", p.prices.outputPerMillion},
                        {"extra_headers", p.extraHeaders}};
    if (p.temperature) j["temperature"] = *p.temperature;
    return j;
}

ProviderConfig providerFromJson(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: a provider is a JSON object, not %2"), where, j.type_name()));
    ProviderConfig p;
    read(j, "name", p.name, verbatim(where));
    const Phrase at = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 (provider '%2')"), where, p.name);
    if (p.name.empty()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: a provider needs a 'name'"), where));
    std::string api = "openai";
    read(j, "api", api, at);
    const auto parsed = parseLlmApi(api);
    if (!parsed)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: 'api' is '%2'; it must be 'openai' or 'anthropic'"), at, api));
    p.api = *parsed;
    read(j, "base_url", p.baseUrl, at);
    read(j, "model", p.model, at);
    read(j, "key_env", p.keyEnv, at);
    read(j, "key_in_keychain", p.keyInKeychain, at);
    read(j, "max_concurrent", p.maxConcurrent, at);
    read(j, "retries", p.retries, at);
    read(j, "backoff_seconds", p.backoffSeconds, at);
    read(j, "max_backoff_seconds", p.maxBackoffSeconds, at);
    read(j, "connect_timeout_seconds", p.connectTimeoutSeconds, at);
    read(j, "timeout_seconds", p.timeoutSeconds, at);
    read(j, "idle_timeout_seconds", p.idleTimeoutSeconds, at);
    read(j, "max_output_tokens", p.maxOutputTokens, at);
    read(j, "max_answer_bytes", p.maxAnswerBytes, at);
    read(j, "price_input_per_million", p.prices.inputPerMillion, at);
    read(j, "price_output_per_million", p.prices.outputPerMillion, at);
    read(j, "extra_headers", p.extraHeaders, at);
    if (j.contains("temperature") && !j.at("temperature").is_null()) {
        double t = 0;
        read(j, "temperature", t, at);
        p.temperature = t;
    }
    if (j.contains("api_key") || j.contains("key"))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: keys are not kept in this file; name an environment variable in "
                                                       "'key_env' or use the keychain"),
                           at));
    const auto empty = [&](const char* field) {
        return Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: '%2' is empty"), at, field));
    };
    const auto atLeast = [&](const char* field, int least) {
        return Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: '%2' must be at least %3"), at, field, least));
    };
    if (p.baseUrl.empty()) throw empty("base_url");
    if (!p.baseUrl.starts_with("http://") && !p.baseUrl.starts_with("https://"))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: 'base_url' must start with http:// or https:// (it is '%2')"), at,
                           p.baseUrl));
    if (p.model.empty()) throw empty("model");
    if (p.maxConcurrent < 1) throw atLeast("max_concurrent", 1);
    if (p.retries < 0) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: '%2' cannot be negative"), at, "retries"));
    if (p.timeoutSeconds <= 0 || p.connectTimeoutSeconds <= 0 || p.idleTimeoutSeconds <= 0)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: timeouts must be positive"), at));
    if (p.maxOutputTokens < 1) throw atLeast("max_output_tokens", 1);
    if (p.maxAnswerBytes < 1024) throw atLeast("max_answer_bytes", 1024);
    if (p.prices.inputPerMillion < 0 || p.prices.outputPerMillion < 0)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: prices cannot be negative"), at));
    return p;
}

}  // namespace kforge
