#pragma once
// A real HTTP/1.1 server on 127.0.0.1 for tests: it answers every request with
// what the test's script says (status, headers, the body in timed pieces, or a
// connection cut midway), one thread per connection, and records what it was
// sent. It speaks plain sockets so that libcurl is tested end to end.
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kforge::test {

struct ReceivedRequest {
    std::string method;
    std::string path;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

struct ScriptedReply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    struct Piece {
        std::string bytes;
        std::chrono::milliseconds delayBefore{0};
    };
    std::vector<Piece> body;
    bool chunked = false;     // Transfer-Encoding: chunked, else the body ends when the connection closes
    bool cutAfterBody = false;  // close without the final chunk (chunked): the transfer fails midway
    std::chrono::milliseconds stallAfter{0};  // hold the connection open silently after the body
};

class LoopbackHttpServer {
public:
    using Script = std::function<ScriptedReply(const ReceivedRequest&, int index)>;
    explicit LoopbackHttpServer(Script script);
    ~LoopbackHttpServer();

    int port() const { return port_; }
    std::string url(const std::string& path = "") const;
    std::vector<ReceivedRequest> requests() const;
    int maxConcurrent() const { return maxConcurrent_.load(); }

private:
    void acceptLoop();
    void serve(int fd, int index);

    Script script_;
    int listenFd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    mutable std::mutex mutex_;
    std::vector<ReceivedRequest> requests_;
    std::vector<std::thread> workers_;
    std::atomic<int> active_{0};
    std::atomic<int> maxConcurrent_{0};
    int nextIndex_ = 0;
};

// Ready-made bodies in the two wire formats.
ScriptedReply openAiStream(const std::vector<std::string>& pieces, int inputTokens = 100, int outputTokens = 50,
                           const std::string& finish = "stop");
ScriptedReply anthropicStream(const std::vector<std::string>& pieces, int inputTokens = 100, int outputTokens = 50,
                              const std::string& stop = "end_turn");
ScriptedReply jsonReply(int status, const std::string& body, std::vector<std::pair<std::string, std::string>> headers = {});

}  // namespace kforge::test
