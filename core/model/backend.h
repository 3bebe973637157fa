#pragma once
// The kinds of device a candidate runs on. What each one needs (toolchain,
// device, capabilities) is registered in core/eval/backend_registry.h; this is
// only the name.
#include <optional>
#include <string_view>

#include "model/json_reader.h"

namespace kforge {

enum class Backend { Cpu, Cuda, Hip };
std::string_view backendName(Backend b);
std::optional<Backend> parseBackend(std::string_view name);

template <>
Backend readValue<Backend>(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
