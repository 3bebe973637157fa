#pragma once
// The kinds of device a candidate runs on, and everything the rest of the
// program needs to know about each: one row per backend in backend.cpp's
// table, read through backendInfo() and backends(). Code asks the row
// (`backendInfo(b).gpu`, `.torchDevice`) instead of testing which backend it
// is. The toolchain of each backend is registered in toolchain/toolchain.cpp.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/json_reader.h"

namespace kforge {

enum class Backend { Cpu, Cuda, Hip };

struct BackendInfo {
    Backend backend;
    std::string_view name;   // "cuda": JSON, the command line, device specs (cuda:0)
    std::string_view title;  // "CUDA": what people read
    // A device of its own, numbered (cuda:1), fed on a stream, with its own
    // memory; the host's CPU otherwise (alone on the machine while measured).
    bool gpu;
    bool profilable;                          // Nsight Compute profiles its kernels
    std::string_view sourceExtension;         // a candidate's source when its node names none
    std::string_view unitExtension;           // an exported translation unit (.cu, .hip)
    std::string_view inlineHeaderExtension;   // a kernel source included by a unit, so no build compiles it alone
    std::string_view codeFence;               // the language of the agent's code blocks
    std::string_view compileDefine;           // what exported builds define for it; empty: nothing
    std::string_view sharedObjectCommand;     // a build of one source into a shared object, up to the source's name
    std::string_view torchDevice;             // torch's device type (ROCm's torch calls its GPUs "cuda" too)
    std::string_view torchDispatchKey;        // the op's dispatch key, c10::k<key>
    std::string_view torchExtension;          // torch.utils.cpp_extension's class for it
    std::string_view torchExtensionNote;      // said of that class in an exported setup.py; may be empty
    std::string_view kernelBuilderBackend;    // kernel-builder's name for it (build.toml)
    std::string_view fibLanguage;             // FlashInfer-Bench's language; empty: it has none
};

// Every backend, in order of preference: the first available one is "auto".
std::span<const BackendInfo> backends();
const BackendInfo& backendInfo(Backend b);
// Their names in the same order ("cuda", "hip", "cpu"), for a command line's choices.
std::vector<std::string> backendNames();
std::string_view backendName(Backend b);
std::optional<Backend> parseBackend(std::string_view name);

template <>
Backend readValue<Backend>(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
