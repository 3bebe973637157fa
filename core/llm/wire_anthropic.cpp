// Anthropic Messages: system apart from the messages, max_tokens required, and
// a stream of typed events (message_start, content_block_delta, message_delta,
// message_stop).
#include "llm/wire_anthropic.h"

#include "llm/wire_format.h"

namespace kforge {
namespace {

std::string normalisedStop(const std::string& reason) { return reason == "max_tokens" ? "length" : reason == "end_turn" ? "stop" : reason; }

void readUsage(const nlohmann::json& u, AnswerState& state) {
    if (!u.is_object()) return;
    if (auto in = tokenCount(u, "input_tokens")) {
        // Cached prompt tokens are counted apart; they were still sent.
        for (const char* k : {"cache_creation_input_tokens", "cache_read_input_tokens"})
            if (const auto cached = tokenCount(u, k)) *in += *cached;  // three counts of at most 10^15 each
        state.inputTokens = *in;
    }
    if (const auto n = tokenCount(u, "output_tokens")) state.outputTokens = *n;
}

}  // namespace

HttpRequest AnthropicWire::request(const ProviderConfig& provider, const ApiKey& key, const ChatRequest& chat) const {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : chat.messages) messages.push_back({{"role", m.role}, {"content", m.content}});
    nlohmann::json body = {{"model", provider.model},
                           {"messages", messages},
                           {"max_tokens", chat.maxOutputTokens.value_or(provider.maxOutputTokens)},
                           {"stream", true}};
    if (!chat.system.empty()) body["system"] = chat.system;
    if (provider.temperature) body["temperature"] = *provider.temperature;

    HttpRequest r;
    r.url = provider.endpoint();
    r.headers = {{"Content-Type", "application/json"}, {"Accept", "text/event-stream"}, {"anthropic-version", "2023-06-01"}};
    if (!key.value.empty()) r.headers.emplace_back("x-api-key", key.value);
    for (const auto& [k, v] : provider.extraHeaders) r.headers.emplace_back(k, v);
    r.body = body.dump();
    return r;
}

void AnthropicWire::onEvent(const SseEvent& event, AnswerState& state) const {
    const auto j = nlohmann::json::parse(event.data);
    const std::string type = j.contains("type") && j.at("type").is_string() ? j.at("type").get<std::string>() : event.event;
    if (type == "error") {
        state.error = errorMessageOf(j);
        if (state.error.empty()) state.error = "the server sent an error event: " + event.data.substr(0, 200);
    } else if (type == "message_start") {
        const auto& m = j.at("message");
        if (m.contains("model") && m.at("model").is_string()) state.model = m.at("model").get<std::string>();
        if (m.contains("usage")) readUsage(m.at("usage"), state);
    } else if (type == "content_block_delta") {
        const auto& d = j.at("delta");
        if (d.contains("text") && d.at("text").is_string()) {
            const auto piece = d.at("text").get<std::string>();
            state.text += piece;
            if (state.onText && !piece.empty()) state.onText(piece);
        }
    } else if (type == "message_delta") {
        if (j.contains("delta") && j.at("delta").contains("stop_reason") && j.at("delta").at("stop_reason").is_string())
            state.finishReason = normalisedStop(j.at("delta").at("stop_reason").get<std::string>());
        if (j.contains("usage")) readUsage(j.at("usage"), state);
    } else if (type == "message_stop") {
        state.complete = true;
    }
    // ping, content_block_start and content_block_stop carry nothing we keep.
}

void AnthropicWire::onBody(const nlohmann::json& body, AnswerState& state) const {
    if (const std::string e = errorMessageOf(body); !e.empty()) {
        state.error = e;
        return;
    }
    if (body.contains("model") && body.at("model").is_string()) state.model = body.at("model").get<std::string>();
    for (const auto& block : body.at("content"))
        if (block.value("type", "") == "text") state.text += block.at("text").get<std::string>();
    if (state.onText && !state.text.empty()) state.onText(state.text);
    if (body.contains("stop_reason") && body.at("stop_reason").is_string())
        state.finishReason = normalisedStop(body.at("stop_reason").get<std::string>());
    if (body.contains("usage")) readUsage(body.at("usage"), state);
    state.complete = true;
}

}  // namespace kforge
