#include "model/backend.h"

#include <array>

namespace kforge {

using Json = nlohmann::json;

namespace {

// The one place that knows what each backend is. A new backend is a row here
// (and its toolchain in toolchain/toolchain.cpp); tests/model/test_backends.cpp
// checks that every enum value has exactly one row.
constexpr std::array<BackendInfo, 3> kBackends = {{
    {.backend = Backend::Cuda,
     .name = "cuda",
     .title = "CUDA",
     .gpu = true,
     .profilable = true,
     .sourceExtension = ".cu",
     .unitExtension = ".cu",
     .inlineHeaderExtension = ".cuh",
     .codeFence = "cuda",
     .compileDefine = "-DKFORGE_CUDA",
     .sharedObjectCommand = "nvcc -std=c++20 -O3 -Xcompiler -fPIC -shared -I. ",
     .torchDevice = "cuda",
     .torchDispatchKey = "CUDA",
     .torchExtension = "CUDAExtension",
     .torchExtensionNote = "",
     .kernelBuilderBackend = "cuda",
     .fibLanguage = "cuda"},
    {.backend = Backend::Hip,
     .name = "hip",
     .title = "HIP",
     .gpu = true,
     .profilable = false,
     .sourceExtension = ".cu",
     .unitExtension = ".hip",
     .inlineHeaderExtension = ".cuh",
     .codeFence = "hip",
     .compileDefine = "-DKFORGE_HIP",
     .sharedObjectCommand = "hipcc -std=c++20 -O3 -fPIC -shared -I. ",
     .torchDevice = "cuda",
     .torchDispatchKey = "CUDA",
     .torchExtension = "CUDAExtension",
     .torchExtensionNote = "; on ROCm builds of torch CUDAExtension compiles with hipcc",
     .kernelBuilderBackend = "rocm",
     .fibLanguage = ""},
    {.backend = Backend::Cpu,
     .name = "cpu",
     .title = "CPU",
     .gpu = false,
     .profilable = false,
     .sourceExtension = ".cpp",
     .unitExtension = ".cpp",
     .inlineHeaderExtension = ".h",
     .codeFence = "cpp",
     .compileDefine = "",
     .sharedObjectCommand = "c++ -std=c++20 -O3 -march=native -fopenmp -fPIC -shared -I. ",
     .torchDevice = "cpu",
     .torchDispatchKey = "CPU",
     .torchExtension = "CppExtension",
     .torchExtensionNote = "",
     .kernelBuilderBackend = "cpu",
     .fibLanguage = "cpp"},
}};

}  // namespace

std::span<const BackendInfo> backends() { return kBackends; }

const BackendInfo& backendInfo(Backend b) {
    for (const BackendInfo& info : kBackends)
        if (info.backend == b) return info;
    // Unreachable while every enum value has a row (tests/model/test_backends.cpp).
    return kBackends.back();
}

std::vector<std::string> backendNames() {
    std::vector<std::string> names;
    for (const BackendInfo& info : kBackends) names.emplace_back(info.name);
    return names;
}

std::string_view backendName(Backend b) { return backendInfo(b).name; }

std::optional<Backend> parseBackend(std::string_view name) {
    for (const BackendInfo& info : kBackends)
        if (info.name == name) return info.backend;
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
