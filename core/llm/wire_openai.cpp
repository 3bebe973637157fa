// OpenAI Chat Completions, as OpenAI, DeepSeek, DashScope, vLLM, SGLang,
// Ollama and llama.cpp's server speak it.
#include "llm/wire_openai.h"

#include "llm/wire_format.h"

namespace kforge {

HttpRequest OpenAiWire::request(const ProviderConfig& provider, const ApiKey& key, const ChatRequest& chat) const {
    nlohmann::json messages = nlohmann::json::array();
    if (!chat.system.empty()) messages.push_back({{"role", "system"}, {"content", chat.system}});
    for (const auto& m : chat.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
    nlohmann::json body = {{"model", provider.model},
                           {"messages", messages},
                           {"stream", true},
                           // Token counts in the last chunk; servers that do not know the option ignore it.
                           {"stream_options", {{"include_usage", true}}}};
    const int maxTokens = chat.maxOutputTokens.value_or(provider.maxOutputTokens);
    // OpenAI's own API refuses max_tokens for its reasoning models; the compatible servers know only max_tokens.
    body[provider.baseUrl.find("api.openai.com") != std::string::npos ? "max_completion_tokens" : "max_tokens"] = maxTokens;
    if (provider.temperature) body["temperature"] = *provider.temperature;

    HttpRequest r;
    r.url = provider.endpoint();
    r.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}};
    if (!key.value.empty()) r.headers.emplace_back("Authorization", "Bearer " + key.value);
    for (const auto& [k, v] : provider.extraHeaders) r.headers.emplace_back(k, v);
    r.body = body.dump();
    return r;
}

namespace {

void readUsage(const nlohmann::json& j, AnswerState& state) {
    if (!j.contains("usage") || !j.at("usage").is_object()) return;
    const auto& u = j.at("usage");
    if (const auto n = tokenCount(u, "prompt_tokens")) state.inputTokens = *n;
    if (const auto n = tokenCount(u, "completion_tokens")) state.outputTokens = *n;
}

void readFinish(const nlohmann::json& choice, AnswerState& state) {
    if (choice.contains("finish_reason") && choice.at("finish_reason").is_string())
        state.finishReason = choice.at("finish_reason").get<std::string>();
}

}  // namespace

void OpenAiWire::onEvent(const SseEvent& event, AnswerState& state) const {
    if (event.data == "[DONE]") {
        state.complete = true;
        return;
    }
    const auto j = nlohmann::json::parse(event.data);
    if (const std::string e = errorMessageOf(j); !e.empty()) {
        state.error = e;
        return;
    }
    if (j.contains("model") && j.at("model").is_string()) state.model = j.at("model").get<std::string>();
    readUsage(j, state);
    if (!j.contains("choices")) return;
    for (const auto& choice : j.at("choices")) {
        if (choice.contains("delta")) {
            const auto& d = choice.at("delta");
            if (d.contains("content") && d.at("content").is_string()) {
                const auto piece = d.at("content").get<std::string>();
                state.text += piece;
                if (state.onText && !piece.empty()) state.onText(piece);
            }
        }
        readFinish(choice, state);
    }
}

void OpenAiWire::onBody(const nlohmann::json& body, AnswerState& state) const {
    if (const std::string e = errorMessageOf(body); !e.empty()) {
        state.error = e;
        return;
    }
    if (body.contains("model") && body.at("model").is_string()) state.model = body.at("model").get<std::string>();
    readUsage(body, state);
    const auto& choice = body.at("choices").at(0);
    const auto& content = choice.at("message").at("content");
    if (content.is_string()) state.text = content.get<std::string>();
    if (state.onText && !state.text.empty()) state.onText(state.text);
    readFinish(choice, state);
    state.complete = true;
}

}  // namespace kforge
