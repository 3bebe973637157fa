#pragma once
// One exchange with a chat model, in the terms both wire formats share.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kforge {

struct ChatMessage {
    std::string role;  // "user" or "assistant"
    std::string content;
};

struct ChatRequest {
    std::string system;
    std::vector<ChatMessage> messages;
    std::optional<int> maxOutputTokens;  // the provider's setting when unset
};

struct ChatUsage {
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    bool estimated = false;  // the server sent no counts: about 4 characters a token
};

enum class ChatOutcome {
    Complete,   // the model ended its answer
    Truncated,  // it hit the output-token limit (finish reason "length" / "max_tokens")
    Oversized,  // the answer passed max_answer_bytes and was cut off by us
    Cancelled,
    Failed,     // no usable answer after the retries (the error says why)
};
std::string_view chatOutcomeName(ChatOutcome o);

struct ChatAttempt {
    long httpStatus = 0;
    std::string error;        // empty when the attempt succeeded
    double seconds = 0;
    double waitBefore = 0;    // backoff slept before this attempt
};

struct ChatResult {
    ChatOutcome outcome = ChatOutcome::Failed;
    std::string text;               // the answer (what arrived, for Truncated/Oversized)
    std::string finishReason;       // as the server said it
    std::string model;              // as the server reported it
    ChatUsage usage;
    double cost = 0;                // from the provider's prices
    std::string error;              // for people; never contains the key
    std::vector<ChatAttempt> attempts;
    double seconds = 0;             // the whole exchange, waits included
    double firstTokenSeconds = -1;  // of the attempt that answered
    bool usable() const { return outcome == ChatOutcome::Complete || outcome == ChatOutcome::Truncated; }
};

// Live view of an exchange: text as it streams in, and a notice when an
// attempt failed and the next one starts over (the text so far is void).
struct ChatStreamEvent {
    enum class Kind { Text, Retry } kind = Kind::Text;
    std::string_view text;  // the new piece (Text) or why the attempt is retried (Retry)
};
using ChatStreamHandler = std::function<void(const ChatStreamEvent&)>;

}  // namespace kforge
