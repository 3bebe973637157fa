#include "llm/wire_format.h"

#include "llm/wire_anthropic.h"
#include "llm/wire_openai.h"

namespace kforge {

std::unique_ptr<WireFormat> makeWireFormat(LlmApi api) {
    if (api == LlmApi::AnthropicMessages) return std::make_unique<AnthropicWire>();
    return std::make_unique<OpenAiWire>();
}

std::string errorMessageOf(const nlohmann::json& body) {
    if (!body.is_object() || !body.contains("error")) return {};
    const auto& e = body.at("error");
    if (e.is_string()) return e.get<std::string>();
    if (e.is_object() && e.contains("message") && e.at("message").is_string()) {
        std::string m = e.at("message").get<std::string>();
        if (e.contains("type") && e.at("type").is_string()) m = e.at("type").get<std::string>() + ": " + m;
        return m;
    }
    return e.is_null() ? std::string{} : e.dump().substr(0, 300);
}

}  // namespace kforge
