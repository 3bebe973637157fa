#include "llm/llm_client.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <ctime>
#include <map>
#include <mutex>
#include <thread>

#include "llm/wire_format.h"
#include "util/clock.h"

namespace kforge {
namespace {

// Slots per provider name, shared by every client in the process: two sessions
// on one provider share its limit.
class ProviderSlots {
public:
    static std::shared_ptr<ProviderSlots> of(const std::string& name) {
        static std::mutex mutex;
        static std::map<std::string, std::shared_ptr<ProviderSlots>> all;
        std::lock_guard lock(mutex);
        auto& s = all[name];
        if (!s) s = std::make_shared<ProviderSlots>();
        return s;
    }
    // False when cancelled while waiting.
    bool acquire(int limit, const std::atomic<bool>* cancel) {
        std::unique_lock lock(mutex_);
        while (busy_ >= limit) {
            if (cancel && cancel->load()) return false;
            freed_.wait_for(lock, std::chrono::milliseconds(100));
        }
        ++busy_;
        return true;
    }
    void release() {
        {
            std::lock_guard lock(mutex_);
            --busy_;
        }
        freed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable freed_;
    int busy_ = 0;
};

// Sleeps `seconds` unless cancelled first; false when cancelled.
bool sleepUnlessCancelled(double seconds, const std::atomic<bool>* cancel) {
    const auto start = std::chrono::steady_clock::now();
    while (secondsSince(start) < seconds) {
        if (cancel && cancel->load()) return false;
        std::this_thread::sleep_for(std::chrono::duration<double>(std::min(0.05, seconds - secondsSince(start))));
    }
    return !(cancel && cancel->load());
}

bool retryableStatus(long status) { return status == 408 || status == 409 || status == 429 || status >= 500; }

// By the Content-Type; a server that labels its stream wrongly is recognised
// by the first bytes (a JSON body starts with '{').
bool isEventStream(const HttpResponse& r, std::string_view first) {
    const auto it = r.headers.find("content-type");
    if (it != r.headers.end()) {
        if (it->second.find("text/event-stream") != std::string::npos) return true;
        if (it->second.find("json") != std::string::npos) return false;
    }
    const size_t at = first.find_first_not_of(" \t\r\n");
    return at != std::string_view::npos && first[at] != '{' && first[at] != '[';
}

int64_t estimateTokens(size_t characters) { return static_cast<int64_t>((characters + 3) / 4); }

std::string statusText(long status, const std::string& body) {
    std::string message = "HTTP " + std::to_string(status);
    try {
        const std::string e = errorMessageOf(nlohmann::json::parse(body));
        if (!e.empty()) return message + ": " + e;
    } catch (const nlohmann::json::exception&) {
    }
    std::string excerpt = body.substr(0, 200);
    std::replace(excerpt.begin(), excerpt.end(), '\n', ' ');
    return excerpt.empty() ? message : message + ": " + excerpt;
}

}  // namespace

std::string_view chatOutcomeName(ChatOutcome o) {
    switch (o) {
    case ChatOutcome::Complete: return "complete";
    case ChatOutcome::Truncated: return "truncated";
    case ChatOutcome::Oversized: return "oversized";
    case ChatOutcome::Cancelled: return "cancelled";
    case ChatOutcome::Failed: return "failed";
    }
    return "failed";
}

ChatResult probeProvider(ProviderConfig provider, int retries) {
    provider.retries = std::min(provider.retries, retries);
    LlmClient client(provider, resolveApiKey(provider));
    ChatRequest r;
    r.system = "You answer in one short line.";
    r.messages = {{"user", "Reply with the single word: ready"}};
    r.maxOutputTokens = 16;
    return client.chat(r);
}

std::optional<double> parseRetryAfter(const std::string& value) {
    if (value.empty()) return std::nullopt;
    char* end = nullptr;
    const double seconds = std::strtod(value.c_str(), &end);
    if (end && *end == '\0' && seconds >= 0 && std::isfinite(seconds)) return seconds;
    std::tm tm{};
    if (strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S", &tm)) {
        const std::time_t when = timegm(&tm);
        return std::max(0.0, std::difftime(when, std::time(nullptr)));
    }
    return std::nullopt;
}

LlmClient::LlmClient(ProviderConfig provider, ApiKey key)
    : provider_(std::move(provider)), key_(std::move(key)), wire_(makeWireFormat(provider_.api)), rng_(std::random_device{}()) {}

LlmClient::~LlmClient() = default;

ChatResult LlmClient::chat(const ChatRequest& chat, const ChatStreamHandler& onStream, const std::atomic<bool>* cancel) {
    const auto start = std::chrono::steady_clock::now();
    ChatResult result;
    auto finish = [&](ChatOutcome outcome, std::string error = {}) {
        result.outcome = outcome;
        result.error = redact(std::move(error), key_.value);
        result.seconds = secondsSince(start);
        for (auto& a : result.attempts) a.error = redact(std::move(a.error), key_.value);
        return result;
    };

    auto slots = ProviderSlots::of(provider_.name);
    if (!slots->acquire(provider_.maxConcurrent, cancel)) return finish(ChatOutcome::Cancelled, "cancelled");
    struct Release {
        ProviderSlots& s;
        ~Release() { s.release(); }
    } release{*slots};

    HttpRequest request = wire_->request(provider_, key_, chat);
    request.connectTimeout = std::chrono::milliseconds(static_cast<int64_t>(provider_.connectTimeoutSeconds * 1000));
    request.totalTimeout = std::chrono::milliseconds(static_cast<int64_t>(provider_.timeoutSeconds * 1000));
    request.idleTimeout = std::chrono::milliseconds(static_cast<int64_t>(provider_.idleTimeoutSeconds * 1000));
    // Room for the stream's framing around an answer of maxAnswerBytes; the text itself is checked below.
    request.maxResponseBytes = provider_.maxAnswerBytes * 4 + (64u << 10);

    size_t promptChars = chat.system.size();
    for (const auto& m : chat.messages) promptChars += m.content.size();

    double wait = 0;
    std::string lastError;
    for (int attempt = 0; attempt <= provider_.retries; ++attempt) {
        if (attempt > 0) {
            if (onStream) onStream({ChatStreamEvent::Kind::Retry, lastError});
            if (!sleepUnlessCancelled(wait, cancel)) return finish(ChatOutcome::Cancelled, "cancelled");
        }
        ChatAttempt record;
        record.waitBefore = attempt > 0 ? wait : 0;

        AnswerState state;
        bool oversized = false;
        state.onText = [&](std::string_view piece) {
            if (onStream) onStream({ChatStreamEvent::Kind::Text, piece});
        };
        bool streamed = false;
        std::string parseError;
        SseParser parser([&](const SseEvent& e) {
            if (!parseError.empty()) return;
            try {
                wire_->onEvent(e, state);
            } catch (const nlohmann::json::exception& ex) {
                parseError = std::string("a malformed event in the stream (") + ex.what() + ")";
            }
        });
        auto onBody = [&](const HttpResponse& soFar, std::string_view piece) {
            if (soFar.status < 200 || soFar.status >= 300) return true;  // an error body: kept whole, read below
            if (soFar.body.empty()) streamed = isEventStream(soFar, piece);
            if (!streamed) return true;  // a whole JSON body, read after the transfer
            parser.feed(piece);
            if (state.text.size() > provider_.maxAnswerBytes) {
                oversized = true;
                return false;
            }
            return parseError.empty();
        };
        const HttpResponse response = httpPost(request, onBody, cancel);
        record.httpStatus = response.status;
        record.seconds = response.seconds;

        auto retryWith = [&](std::string error, std::optional<double> retryAfter) {
            record.error = error;
            lastError = std::move(error);
            result.attempts.push_back(record);
            const double backoff = std::min(provider_.maxBackoffSeconds, provider_.backoffSeconds * std::pow(2.0, attempt));
            std::lock_guard lock(rngMutex_);
            if (retryAfter) {
                // The server knows when it will take us again; a little jitter keeps clients apart.
                wait = *retryAfter * std::uniform_real_distribution<double>(1.0, 1.1)(rng_);
            } else {
                wait = backoff * std::uniform_real_distribution<double>(0.5, 1.0)(rng_);
            }
        };

        if (response.failure == HttpFailure::Cancelled) {
            record.error = "cancelled";
            result.attempts.push_back(record);
            return finish(ChatOutcome::Cancelled, "cancelled");
        }
        // Not retried: the same prompt would most likely bring the same flood.
        auto oversizedAnswer = [&] {
            record.error = "the answer passed " + std::to_string(provider_.maxAnswerBytes) + " bytes";
            result.attempts.push_back(record);
            result.text = state.text.substr(0, provider_.maxAnswerBytes);
            result.usage = {estimateTokens(promptChars), estimateTokens(result.text.size()), true};
            result.cost = provider_.prices.cost(result.usage.inputTokens, result.usage.outputTokens);
            return finish(ChatOutcome::Oversized, "the answer was cut off at " + std::to_string(provider_.maxAnswerBytes) +
                                                      " bytes (max_answer_bytes)");
        };
        if (oversized || response.failure == HttpFailure::TooLarge) return oversizedAnswer();
        if (response.failure == HttpFailure::Network || response.failure == HttpFailure::Timeout) {
            retryWith(std::string(response.failure == HttpFailure::Timeout ? "timed out: " : "network error: ") + response.error,
                      std::nullopt);
            continue;
        }
        if (response.status < 200 || response.status >= 300) {
            const std::string error = statusText(response.status, response.body);
            if (!retryableStatus(response.status)) {
                record.error = error;
                result.attempts.push_back(record);
                return finish(ChatOutcome::Failed, error);
            }
            const auto it = response.headers.find("retry-after");
            const auto after = it == response.headers.end() ? std::nullopt : parseRetryAfter(it->second);
            if (after && *after > provider_.timeoutSeconds) {
                record.error = error;
                result.attempts.push_back(record);
                return finish(ChatOutcome::Failed, error + " (the server asks to wait " + std::to_string(static_cast<int>(*after)) +
                                                       " s, longer than the provider's timeout)");
            }
            retryWith(error, after);
            continue;
        }
        // 2xx.
        if (!streamed) {
            try {
                wire_->onBody(nlohmann::json::parse(response.body), state);
            } catch (const nlohmann::json::exception& e) {
                parseError = std::string("a malformed answer body (") + e.what() + ")";
            }
        } else if (parser.finish() && parseError.empty() && !state.complete) {
            parseError = "the stream ended in the middle of an event";
        }
        if (state.text.size() > provider_.maxAnswerBytes) return oversizedAnswer();
        if (!parseError.empty()) {
            retryWith(parseError, std::nullopt);
            continue;
        }
        if (!state.error.empty()) {
            retryWith("the server reported an error: " + state.error, std::nullopt);
            continue;
        }
        if (!state.complete && state.finishReason.empty()) {
            retryWith("the stream ended before the answer was complete (" + std::to_string(state.text.size()) + " characters arrived)",
                      std::nullopt);
            continue;
        }
        result.attempts.push_back(record);
        result.text = std::move(state.text);
        result.finishReason = state.finishReason;
        result.model = state.model.empty() ? provider_.model : state.model;
        result.firstTokenSeconds = response.firstByteSeconds;
        if (state.inputTokens && state.outputTokens) {
            result.usage = {*state.inputTokens, *state.outputTokens, false};
        } else {
            result.usage = {state.inputTokens.value_or(estimateTokens(promptChars)),
                            state.outputTokens.value_or(estimateTokens(result.text.size())), true};
        }
        result.cost = provider_.prices.cost(result.usage.inputTokens, result.usage.outputTokens);
        return finish(state.finishReason == "length" ? ChatOutcome::Truncated : ChatOutcome::Complete);
    }
    return finish(ChatOutcome::Failed, "gave up after " + std::to_string(provider_.retries + 1) + " attempts; the last: " + lastError);
}

}  // namespace kforge
