#pragma once
// A chat model behind one provider: writes the request in the provider's wire
// format, streams the answer, retries what is worth retrying (network errors,
// a stream cut short, 408, 429, 5xx, a malformed body) with exponential backoff
// and jitter or the server's Retry-After, keeps at most max_concurrent
// exchanges in flight per provider across the whole process, and counts tokens
// and cost. The key stays in the request headers; no result carries it.
#include <atomic>
#include <memory>
#include <random>

#include "llm/api_key.h"
#include "llm/chat.h"
#include "llm/provider_config.h"

namespace kforge {

class WireFormat;

class LlmClient {
public:
    LlmClient(ProviderConfig provider, ApiKey key);
    ~LlmClient();
    LlmClient(const LlmClient&) = delete;
    LlmClient& operator=(const LlmClient&) = delete;

    const ProviderConfig& provider() const { return provider_; }

    // Blocking; call it from a worker thread. `cancel` ends a wait for a slot,
    // a backoff and a transfer within a fraction of a second.
    ChatResult chat(const ChatRequest& request, const ChatStreamHandler& onStream = {},
                    const std::atomic<bool>* cancel = nullptr);

private:
    ProviderConfig provider_;
    ApiKey key_;
    std::unique_ptr<WireFormat> wire_;
    std::mutex rngMutex_;
    std::mt19937_64 rng_;
};

// A one-line prompt that shows whether `provider` answers (its reply, latency
// and tokens), with at most `retries` retries. Throws kforge::Error when the
// provider's key cannot be found.
ChatResult probeProvider(ProviderConfig provider, int retries);

// Seconds from a Retry-After value: delta-seconds or an HTTP date; nullopt when neither.
std::optional<double> parseRetryAfter(const std::string& value);

}  // namespace kforge
