// A streamed LLM answer: server-sent events, parsed as the network delivers
// them, then read by both wire formats as llm_client does. The stream is fed
// whole and again in pieces whose sizes the input picks; the events must be
// the same either way, since where the network splits a stream is chance.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "llm/provider_config.h"
#include "llm/sse_parser.h"
#include "llm/wire_format.h"

namespace {

struct Seen {
    std::vector<kforge::SseEvent> events;
    bool unfinished = false;
};

Seen parse(std::string_view stream, std::string_view cuts) {
    Seen seen;
    kforge::SseParser parser([&](const kforge::SseEvent& e) { seen.events.push_back(e); });
    size_t at = 0, cut = 0;
    while (at < stream.size()) {
        const size_t n = cuts.empty() ? stream.size() : 1 + static_cast<unsigned char>(cuts[cut++ % cuts.size()]) % 16;
        parser.feed(stream.substr(at, n));
        at += n;
    }
    seen.unfinished = parser.finish();
    return seen;
}

bool same(const Seen& a, const Seen& b) {
    if (a.unfinished != b.unfinished || a.events.size() != b.events.size()) return false;
    for (size_t i = 0; i < a.events.size(); ++i)
        if (a.events[i].event != b.events[i].event || a.events[i].data != b.events[i].data || a.events[i].id != b.events[i].id)
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 4) return 0;
    const std::string_view cuts(reinterpret_cast<const char*>(data), 4);
    const std::string_view stream(reinterpret_cast<const char*>(data + 4), size - 4);
    const Seen whole = parse(stream, {});
    if (!same(whole, parse(stream, cuts))) std::abort();
    for (const auto api : {kforge::LlmApi::OpenAiChat, kforge::LlmApi::AnthropicMessages}) {
        const auto wire = kforge::makeWireFormat(api);
        kforge::AnswerState state;
        for (const auto& e : whole.events) {
            try {
                wire->onEvent(e, state);
            } catch (const nlohmann::json::exception&) {
                break;  // llm_client records "a malformed event in the stream" and stops reading
            }
        }
    }
    return 0;
}
