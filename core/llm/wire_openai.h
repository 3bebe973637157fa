#pragma once
#include "llm/wire_format.h"

namespace kforge {

class OpenAiWire final : public WireFormat {
public:
    HttpRequest request(const ProviderConfig& provider, const ApiKey& key, const ChatRequest& chat) const override;
    void onEvent(const SseEvent& event, AnswerState& state) const override;
    void onBody(const nlohmann::json& body, AnswerState& state) const override;
};

}  // namespace kforge
