#pragma once
// A bounded reader of the safetensors format, which FlashInfer-Bench workloads
// use for recorded inputs: 8 bytes of little-endian header length, a JSON
// header {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__":
// {...}}, then the raw bytes (offsets count from the end of the header).
// Only the header is read to validate; a tensor's bytes are read on demand.
// Every failure is a kforge::Error that names the file and what is wrong.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "task/dtype.h"

namespace kforge {

struct SafetensorsLimits {
    // The format's own reference implementation refuses headers above 100 MB.
    static constexpr uint64_t maxHeaderBytes = uint64_t{100} << 20;
    static constexpr uint64_t maxFileBytes = uint64_t{1} << 40;
    static constexpr size_t maxTensors = 100000;
    static constexpr size_t maxDims = 8;
};

struct SafetensorsEntry {
    std::string dtype;            // the format's spelling: F32, BF16, I64, ...
    std::vector<int64_t> shape;
    uint64_t offset = 0;          // of the first byte, from the start of the file
    uint64_t bytes = 0;
};

struct SafetensorsFile {
    std::filesystem::path path;
    uint64_t fileBytes = 0;
    std::map<std::string, SafetensorsEntry> tensors;
};

// Reads and checks the header: its length against the file, the JSON, every
// entry's dtype, shape and offsets (inside the data, sized as the shape says).
SafetensorsFile readSafetensorsHeader(const std::filesystem::path& path);

// The format's dtype as ours; nullopt for one KernelForge has no type for (F64, U16, ...).
std::optional<DType> dtypeFromSafetensors(std::string_view name);
std::string_view safetensorsDTypeName(DType type);

// Exactly entry.bytes bytes from the file; fails if the file changed size since
// the header was read.
std::vector<uint8_t> readSafetensorsBytes(const SafetensorsFile& file, const SafetensorsEntry& entry);

}  // namespace kforge
