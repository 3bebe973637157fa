#include "llm/wire_format.h"

#include "llm/wire_anthropic.h"
#include "llm/wire_openai.h"

#include <cmath>

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

std::optional<int64_t> tokenCount(const nlohmann::json& usage, const char* key) {
    constexpr double kMax = 1e15;
    const auto it = usage.find(key);
    if (it == usage.end()) return std::nullopt;
    if (it->is_number_unsigned()) {
        const auto v = it->get<uint64_t>();
        return v <= static_cast<uint64_t>(kMax) ? std::optional<int64_t>(static_cast<int64_t>(v)) : std::nullopt;
    }
    if (it->is_number_integer()) {
        const auto v = it->get<int64_t>();
        return v >= 0 && v <= static_cast<int64_t>(kMax) ? std::optional<int64_t>(v) : std::nullopt;
    }
    if (it->is_number_float()) {
        const double v = it->get<double>();
        if (!(v >= 0 && v <= kMax) || v != std::floor(v)) return std::nullopt;  // NaN fails the range test
        return static_cast<int64_t>(v);
    }
    return std::nullopt;
}

}  // namespace kforge
