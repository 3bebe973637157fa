#pragma once
// Server-sent events (the WHATWG "event stream" format both OpenAI and
// Anthropic stream answers in), parsed incrementally: bytes arrive in whatever
// pieces the network delivers, and an event is complete at its blank line.
#include <functional>
#include <string>
#include <string_view>

namespace kforge {

struct SseEvent {
    std::string event;  // "message" when the stream names none
    std::string data;   // the data lines joined with '\n'
    std::string id;
};

class SseParser {
public:
    using Handler = std::function<void(const SseEvent&)>;
    explicit SseParser(Handler onEvent) : onEvent_(std::move(onEvent)) {}

    void feed(std::string_view bytes);
    // The stream ended: a last event without its blank line is dropped, as the
    // format says; returns whether such an unfinished event was pending.
    bool finish();
    size_t events() const { return events_; }

private:
    void line(std::string_view l);
    void dispatch();

    Handler onEvent_;
    std::string buffer_;  // an unfinished line
    bool lastWasCr_ = false;
    SseEvent pending_;
    bool hasData_ = false;
    bool hasFields_ = false;
    size_t events_ = 0;
};

}  // namespace kforge
