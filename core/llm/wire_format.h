#pragma once
// The two wire formats (OpenAI Chat Completions and Anthropic Messages): how a
// request is written and how a streamed or whole answer is read.
#include <cstdint>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>

#include "llm/api_key.h"
#include "llm/chat.h"
#include "llm/http_client.h"
#include "llm/sse_parser.h"

namespace kforge {

// What has been read of one answer so far.
struct AnswerState {
    std::string text;
    std::string finishReason;  // normalised: "stop", "length", or the server's word
    std::string model;
    std::optional<int64_t> inputTokens, outputTokens;
    bool complete = false;     // the format's end marker arrived
    std::string error;         // an error the server sent inside the stream or body
    std::function<void(std::string_view)> onText;  // each new piece of text
};

class WireFormat {
public:
    virtual ~WireFormat() = default;
    // Always a streaming request; servers that answer with one JSON body are read too.
    virtual HttpRequest request(const ProviderConfig& provider, const ApiKey& key, const ChatRequest& chat) const = 0;
    virtual void onEvent(const SseEvent& event, AnswerState& state) const = 0;
    // A whole (non-streamed) answer body; throws nlohmann::json::exception on a wrong shape.
    virtual void onBody(const nlohmann::json& body, AnswerState& state) const = 0;
};

std::unique_ptr<WireFormat> makeWireFormat(LlmApi api);

// The "message" of {"error": {"message": ...}} or {"error": "..."}, which both
// formats and most compatible servers use; empty when the body has none.
std::string errorMessageOf(const nlohmann::json& body);

// usage[key] as a token count: a whole number from 0 to 10^15 (integer, or a
// float holding one); nullopt for anything else, which the caller ignores. A
// server's (or a fuzzer's) 6.7e118 or -3 must not reach an int64 conversion.
std::optional<int64_t> tokenCount(const nlohmann::json& usage, const char* key);

}  // namespace kforge
