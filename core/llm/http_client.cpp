#include "llm/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <memory>
#include <mutex>

#include "util/clock.h"

namespace kforge {
namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        // With CURLOPT_NOSIGNAL, a TLS write to a closed socket can raise SIGPIPE (libcurl's
        // documentation): it must give an error, not end the process.
        std::signal(SIGPIPE, SIG_IGN);
        curl_global_init(CURL_GLOBAL_DEFAULT);
    });
}

struct Transfer {
    const HttpRequest* request = nullptr;
    const BodyHandler* onBody = nullptr;
    const std::atomic<bool>* cancel = nullptr;
    CURL* curl = nullptr;
    HttpResponse* response = nullptr;
    std::chrono::steady_clock::time_point start;
    HttpFailure stoppedBy = HttpFailure::None;
};

size_t onWrite(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    HttpResponse& r = *t->response;
    if (r.firstByteSeconds < 0) r.firstByteSeconds = secondsSince(t->start);
    if (r.status == 0) curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &r.status);
    if (r.body.size() + n > t->request->maxResponseBytes) {
        t->stoppedBy = HttpFailure::TooLarge;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    if (*t->onBody && !(*t->onBody)(r, std::string_view(data, n))) {
        t->stoppedBy = HttpFailure::Refused;
        return 0;
    }
    r.body.append(data, n);
    return n;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    std::string_view line(data, n);
    if (line.starts_with("HTTP/")) {
        // A new response (after a 100 Continue or a redirect): forget the last one's headers.
        t->response->headers.clear();
        return n;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front()))) value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.remove_suffix(1);
    t->response->headers[name] = std::string(value);
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    if (t->cancel && t->cancel->load()) {
        t->stoppedBy = HttpFailure::Cancelled;
        return 1;  // aborts with CURLE_ABORTED_BY_CALLBACK
    }
    return 0;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string_view httpFailureName(HttpFailure f) {
    switch (f) {
    case HttpFailure::None: return "none";
    case HttpFailure::Network: return "network";
    case HttpFailure::Timeout: return "timeout";
    case HttpFailure::Cancelled: return "cancelled";
    case HttpFailure::TooLarge: return "too large";
    case HttpFailure::Refused: return "refused";
    }
    return "unknown";
}

HttpResponse httpPost(const HttpRequest& request, const BodyHandler& onBody, const std::atomic<bool>* cancel) {
    initCurlOnce();
    HttpResponse response;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        response.failure = HttpFailure::Network;
        response.error = "libcurl could not start a transfer";
        return response;
    }
    Transfer t;
    t.request = &request;
    t.onBody = &onBody;
    t.cancel = cancel;
    t.curl = curl.get();
    t.response = &response;
    t.start = std::chrono::steady_clock::now();

    curl_slist* raw = nullptr;
    for (const auto& [name, value] : request.headers) raw = curl_slist_append(raw, (name + ": " + value).c_str());
    // curl would otherwise send "Expect: 100-continue" for large prompts and wait for it.
    raw = curl_slist_append(raw, "Expect:");
    std::unique_ptr<curl_slist, SlistDeleter> headers(raw);

    char errorBuffer[CURL_ERROR_SIZE] = {};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onWrite);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: we run on many threads
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.totalTimeout.count()));
    // Silence: less than one byte a second for the idle period ends the transfer.
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, std::max(1L, static_cast<long>(request.idleTimeout.count() / 1000)));
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);   // a redirect would resend the key elsewhere

    const CURLcode code = curl_easy_perform(c);
    response.seconds = secondsSince(t.start);
    if (response.status == 0) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    if (code == CURLE_OK) return response;

    if (t.stoppedBy != HttpFailure::None) {
        response.failure = t.stoppedBy;
        switch (t.stoppedBy) {
        case HttpFailure::Cancelled: response.error = "cancelled"; break;
        case HttpFailure::TooLarge:
            response.error = "the answer passed the limit of " + std::to_string(request.maxResponseBytes) + " bytes";
            break;
        default: response.error = "the answer was refused while it arrived"; break;
        }
        return response;
    }
    response.failure = code == CURLE_OPERATION_TIMEDOUT ? HttpFailure::Timeout : HttpFailure::Network;
    response.error = errorBuffer[0] ? std::string(errorBuffer) : std::string(curl_easy_strerror(code));
    return response;
}

}  // namespace kforge
