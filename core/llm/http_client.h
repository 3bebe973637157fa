#pragma once
// One HTTP POST through libcurl, with the body handed over as it arrives (for
// streamed answers), deadlines for connecting, for the whole exchange and for
// silence, a size limit, and cancellation from another thread.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kforge {

struct HttpRequest {
    std::string url;
    // May carry credentials: the client never logs or stores them.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::chrono::milliseconds connectTimeout{10000};
    std::chrono::milliseconds totalTimeout{std::chrono::minutes(10)};
    std::chrono::milliseconds idleTimeout{std::chrono::seconds(120)};  // no byte for this long ends it
    size_t maxResponseBytes = 16u << 20;
};

enum class HttpFailure {
    None,
    Network,    // could not connect, connection reset, stream cut
    Timeout,    // a deadline passed
    Cancelled,  // the caller's cancel flag
    TooLarge,   // the body passed maxResponseBytes
    Refused,    // the body handler declined the rest
};
std::string_view httpFailureName(HttpFailure f);

struct HttpResponse {
    long status = 0;                            // 0 when no response line arrived
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;                           // what arrived, up to maxResponseBytes
    HttpFailure failure = HttpFailure::None;
    std::string error;                          // what went wrong, for people
    double seconds = 0;
    double firstByteSeconds = -1;               // to the first body byte; -1 when none came
    bool ok() const { return failure == HttpFailure::None && status >= 200 && status < 300; }
};

struct HttpResponse;
// Called with each piece of the body as it arrives, and the response so far
// (status and headers known, body up to before this piece); returning false
// stops the transfer (HttpFailure::Refused).
using BodyHandler = std::function<bool(const HttpResponse& soFar, std::string_view piece)>;

// Blocking; safe to call from many threads at once. `cancel` is polled
// several times a second while connecting, waiting and receiving.
HttpResponse httpPost(const HttpRequest& request, const BodyHandler& onBody = {},
                      const std::atomic<bool>* cancel = nullptr);

}  // namespace kforge
