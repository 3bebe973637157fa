#include "loopback_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kforge::test {
namespace {

bool sendAll(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

std::string reasonOf(int status) {
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// Reads one request (headers, then Content-Length bytes); false when the peer closed.
bool readRequest(int fd, ReceivedRequest& r) {
    std::string data;
    char buffer[65536];
    size_t headerEnd = std::string::npos;
    while ((headerEnd = data.find("\r\n\r\n")) == std::string::npos) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        data.append(buffer, static_cast<size_t>(n));
    }
    const std::string head = data.substr(0, headerEnd);
    size_t lineEnd = head.find("\r\n");
    const std::string first = head.substr(0, lineEnd);
    const size_t sp1 = first.find(' '), sp2 = first.rfind(' ');
    r.method = first.substr(0, sp1);
    r.path = first.substr(sp1 + 1, sp2 - sp1 - 1);
    size_t at = lineEnd + 2;
    while (at < head.size()) {
        size_t end = head.find("\r\n", at);
        if (end == std::string::npos) end = head.size();
        const std::string line = head.substr(at, end - at);
        const size_t colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(' '));
            r.headers[name] = value;
        }
        at = end + 2;
    }
    const size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    r.body = data.substr(headerEnd + 4);
    while (r.body.size() < length) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        r.body.append(buffer, static_cast<size_t>(n));
    }
    return true;
}

std::string hex(size_t n) {
    char b[32];
    std::snprintf(b, sizeof b, "%zx", n);
    return b;
}

std::string sse(const std::string& event, const nlohmann::json& data) {
    return (event.empty() ? "" : "event: " + event + "\n") + "data: " + data.dump() + "\n\n";
}

}  // namespace

LoopbackHttpServer::LoopbackHttpServer(Script script) : script_(std::move(script)) {
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listenFd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listenFd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listenFd_, 64) != 0)
        throw std::runtime_error("bind/listen on 127.0.0.1 failed");
    socklen_t len = sizeof addr;
    ::getsockname(listenFd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
}

LoopbackHttpServer::~LoopbackHttpServer() {
    stopping_ = true;
    ::shutdown(listenFd_, SHUT_RDWR);
    acceptor_.join();
    ::close(listenFd_);
    for (auto& w : workers_) w.join();
}

std::string LoopbackHttpServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<ReceivedRequest> LoopbackHttpServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

void LoopbackHttpServer::acceptLoop() {
    while (!stopping_) {
        pollfd p{listenFd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        const int fd = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        std::lock_guard lock(mutex_);
        const int index = nextIndex_++;
        workers_.emplace_back([this, fd, index] { serve(fd, index); });
    }
}

void LoopbackHttpServer::serve(int fd, int index) {
    const int now = ++active_;
    int seen = maxConcurrent_.load();
    while (now > seen && !maxConcurrent_.compare_exchange_weak(seen, now)) {}
    // A connection stops counting just before the reply's last bytes go out:
    // the client can finish (and let the next request in) only after that, so
    // the count never overlaps two requests a client ran one after the other.
    bool counted = true;
    auto uncount = [&] {
        if (counted) --active_;
        counted = false;
    };
    ReceivedRequest request;
    if (readRequest(fd, request)) {
        {
            std::lock_guard lock(mutex_);
            requests_.push_back(request);
        }
        const ScriptedReply reply = script_(request, index);
        std::string head = "HTTP/1.1 " + std::to_string(reply.status) + " " + reasonOf(reply.status) + "\r\n";
        for (const auto& [k, v] : reply.headers) head += k + ": " + v + "\r\n";
        head += reply.chunked ? "Transfer-Encoding: chunked\r\n" : "";
        head += "Connection: close\r\n\r\n";
        bool alive = sendAll(fd, head);
        const bool terminated = reply.chunked && !reply.cutAfterBody;
        for (size_t i = 0; i < reply.body.size(); ++i) {
            const auto& piece = reply.body[i];
            if (!alive || stopping_) break;
            if (piece.delayBefore.count() > 0) std::this_thread::sleep_for(piece.delayBefore);
            if (i + 1 == reply.body.size() && !terminated) uncount();
            alive = sendAll(fd, reply.chunked ? hex(piece.bytes.size()) + "\r\n" + piece.bytes + "\r\n" : piece.bytes);
        }
        if (terminated) uncount();
        if (alive && terminated) sendAll(fd, "0\r\n\r\n");
        // A stall ends early when the client hangs up (poll sees the close).
        const auto until = std::chrono::steady_clock::now() + reply.stallAfter;
        while (alive && !stopping_ && std::chrono::steady_clock::now() < until) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 50) > 0) {
                char c;
                if (::recv(fd, &c, 1, MSG_DONTWAIT) <= 0) break;
            }
        }
    }
    uncount();
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

ScriptedReply openAiStream(const std::vector<std::string>& pieces, int inputTokens, int outputTokens, const std::string& finish) {
    ScriptedReply r;
    r.headers = {{"Content-Type", "text/event-stream"}};
    r.body.push_back({": keep-alive\n\n", {}});
    for (const auto& p : pieces)
        r.body.push_back({sse("", {{"id", "c1"}, {"model", "scripted-model"}, {"choices", {{{"index", 0}, {"delta", {{"content", p}}}}}}}), {}});
    r.body.push_back({sse("", {{"id", "c1"}, {"choices", {{{"index", 0}, {"delta", nlohmann::json::object()}, {"finish_reason", finish}}}}}), {}});
    r.body.push_back({sse("", {{"id", "c1"}, {"choices", nlohmann::json::array()},
                               {"usage", {{"prompt_tokens", inputTokens}, {"completion_tokens", outputTokens}}}}),
                      {}});
    r.body.push_back({"data: [DONE]\n\n", {}});
    return r;
}

ScriptedReply anthropicStream(const std::vector<std::string>& pieces, int inputTokens, int outputTokens, const std::string& stop) {
    ScriptedReply r;
    r.headers = {{"Content-Type", "text/event-stream"}};
    r.body.push_back({sse("message_start", {{"type", "message_start"},
                                            {"message", {{"id", "m1"}, {"model", "scripted-claude"}, {"role", "assistant"},
                                                         {"usage", {{"input_tokens", inputTokens}, {"output_tokens", 1}}}}}}),
                      {}});
    r.body.push_back({sse("content_block_start", {{"type", "content_block_start"}, {"index", 0},
                                                  {"content_block", {{"type", "text"}, {"text", ""}}}}),
                      {}});
    r.body.push_back({sse("ping", {{"type", "ping"}}), {}});
    for (const auto& p : pieces)
        r.body.push_back({sse("content_block_delta", {{"type", "content_block_delta"}, {"index", 0},
                                                      {"delta", {{"type", "text_delta"}, {"text", p}}}}),
                          {}});
    r.body.push_back({sse("content_block_stop", {{"type", "content_block_stop"}, {"index", 0}}), {}});
    r.body.push_back({sse("message_delta", {{"type", "message_delta"}, {"delta", {{"stop_reason", stop}}},
                                            {"usage", {{"output_tokens", outputTokens}}}}),
                      {}});
    r.body.push_back({sse("message_stop", {{"type", "message_stop"}}), {}});
    return r;
}

ScriptedReply jsonReply(int status, const std::string& body, std::vector<std::pair<std::string, std::string>> headers) {
    ScriptedReply r;
    r.status = status;
    r.headers = std::move(headers);
    r.headers.emplace_back("Content-Type", "application/json");
    r.headers.emplace_back("Content-Length", std::to_string(body.size()));
    r.body.push_back({body, {}});
    return r;
}

}  // namespace kforge::test
