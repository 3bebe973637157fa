#include "llm/sse_parser.h"

namespace kforge {

void SseParser::feed(std::string_view bytes) {
    for (char c : bytes) {
        // A line ends at CRLF, LF or CR; a CRLF split across two pieces must not
        // count as two line ends.
        if (c == '\n' && lastWasCr_) {
            lastWasCr_ = false;
            continue;
        }
        lastWasCr_ = c == '\r';
        if (c == '\n' || c == '\r') {
            line(buffer_);
            buffer_.clear();
        } else {
            buffer_.push_back(c);
        }
    }
}

bool SseParser::finish() {
    const bool unfinished = !buffer_.empty() || hasFields_;
    buffer_.clear();
    pending_ = SseEvent{};
    hasData_ = hasFields_ = false;
    return unfinished;
}

void SseParser::line(std::string_view l) {
    if (l.empty()) {
        dispatch();
        return;
    }
    if (l.front() == ':') return;  // a comment, often a keep-alive
    const size_t colon = l.find(':');
    std::string_view field = l.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view{} : l.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    hasFields_ = true;
    if (field == "data") {
        if (hasData_) pending_.data.push_back('\n');
        pending_.data.append(value);
        hasData_ = true;
    } else if (field == "event") {
        pending_.event = value;
    } else if (field == "id") {
        pending_.id = value;
    }
    // "retry" and unknown fields are ignored: the client has its own retry policy.
}

void SseParser::dispatch() {
    if (hasData_) {
        if (pending_.event.empty()) pending_.event = "message";
        ++events_;
        onEvent_(pending_);
    }
    pending_ = SseEvent{};
    hasData_ = hasFields_ = false;
}

}  // namespace kforge
