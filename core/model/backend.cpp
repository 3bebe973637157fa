#include "model/backend.h"

namespace kforge {

using Json = nlohmann::json;

std::string_view backendName(Backend b) {
    switch (b) {
        case Backend::Cpu: return "cpu";
        case Backend::Cuda: return "cuda";
        case Backend::Hip: return "hip";
    }
    return "?";
}

std::optional<Backend> parseBackend(std::string_view name) {
    if (name == "cpu") return Backend::Cpu;
    if (name == "cuda") return Backend::Cuda;
    if (name == "hip") return Backend::Hip;
    return std::nullopt;
}

template <>
Backend readValue<Backend>(const Json& j, const std::string& path) {
    const std::string name = readValue<std::string>(j, path);
    const auto b = parseBackend(name);
    if (!b) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown backend '%1' (cpu, cuda or hip)"), name));
    return *b;
}

}  // namespace kforge
