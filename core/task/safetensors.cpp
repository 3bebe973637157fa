#include "task/safetensors.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>

#include "util/error.h"
#include "util/json_input.h"
#include "util/text.h"

namespace kforge {
namespace {

struct StDType {
    std::string_view name;
    uint64_t bytes;
    std::optional<DType> ours;
};

// Every dtype the format defines, so that a file is checked whole even where
// KernelForge has no type for an entry nobody uses.
constexpr std::array<StDType, 15> kStTypes = {{
    {"BOOL", 1, DType::Bool},
    {"U8", 1, std::nullopt},
    {"I8", 1, DType::Int8},
    {"F8_E5M2", 1, DType::Float8E5M2},
    {"F8_E4M3", 1, DType::Float8E4M3FN},
    {"I16", 2, DType::Int16},
    {"U16", 2, std::nullopt},
    {"F16", 2, DType::Float16},
    {"BF16", 2, DType::BFloat16},
    {"I32", 4, DType::Int32},
    {"U32", 4, std::nullopt},
    {"F32", 4, DType::Float32},
    {"F64", 8, std::nullopt},
    {"I64", 8, DType::Int64},
    {"U64", 8, std::nullopt},
}};

const StDType* findType(std::string_view name) {
    for (const auto& t : kStTypes)
        if (t.name == name) return &t;
    return nullptr;
}

std::ifstream openAt(const std::filesystem::path& path, uint64_t offset) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot be opened");
    in.seekg(static_cast<std::streamoff>(offset));
    if (!in) throw Error(path.string() + ": cannot seek to byte " + std::to_string(offset));
    return in;
}

}  // namespace

std::optional<DType> dtypeFromSafetensors(std::string_view name) {
    const StDType* t = findType(name);
    return t ? t->ours : std::nullopt;
}

std::string_view safetensorsDTypeName(DType type) {
    for (const auto& t : kStTypes)
        if (t.ours == type) return t.name;
    return "?";
}

SafetensorsFile readSafetensorsHeader(const std::filesystem::path& path) {
    const std::string file = path.string();
    auto fail = [&](const std::string& what) -> void { throw Error(file + ": " + what); };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) fail("not found (or not a regular file)");
    SafetensorsFile st;
    st.path = path;
    st.fileBytes = std::filesystem::file_size(path, ec);
    if (ec) fail("cannot read its size: " + ec.message());
    if (st.fileBytes > SafetensorsLimits::maxFileBytes)
        fail(std::to_string(st.fileBytes) + " bytes, more than the limit of " + std::to_string(SafetensorsLimits::maxFileBytes));
    if (st.fileBytes < 8) fail("truncated: " + std::to_string(st.fileBytes) + " bytes, too short for the 8-byte header length");

    std::ifstream in = openAt(path, 0);
    std::array<unsigned char, 8> lengthBytes{};
    if (!in.read(reinterpret_cast<char*>(lengthBytes.data()), 8)) fail("cannot read the header length");
    uint64_t headerBytes = 0;
    for (int i = 7; i >= 0; --i) headerBytes = headerBytes << 8 | lengthBytes[static_cast<size_t>(i)];
    if (headerBytes > SafetensorsLimits::maxHeaderBytes)
        fail("header length " + std::to_string(headerBytes) + " is more than the limit of " +
             std::to_string(SafetensorsLimits::maxHeaderBytes) + " bytes (not a safetensors file?)");
    if (headerBytes > st.fileBytes - 8)
        fail("truncated: the header says it is " + std::to_string(headerBytes) + " bytes, but only " +
             std::to_string(st.fileBytes - 8) + " follow the length");
    std::string header(headerBytes, '\0');
    if (!in.read(header.data(), static_cast<std::streamsize>(headerBytes))) fail("cannot read the header");
    if (header.empty() || header.front() != '{') fail("the header is not a JSON object (it must start with '{')");
    const std::string where = file + ": header";
    JsonLimits limits;
    limits.maxBytes = static_cast<size_t>(headerBytes);
    limits.maxDepth = 4;
    const nlohmann::json j = parseJsonInput(header, where, limits);
    if (!j.is_object()) fail("the header is not a JSON object");
    if (j.size() > SafetensorsLimits::maxTensors)
        fail("the header lists " + std::to_string(j.size()) + " entries, more than the limit of " +
             std::to_string(SafetensorsLimits::maxTensors));

    const uint64_t dataStart = 8 + headerBytes;
    const uint64_t dataBytes = st.fileBytes - dataStart;
    for (const auto& [key, spec] : j.items()) {
        const std::string at = "header." + printable(key);
        auto bad = [&](const std::string& field, const std::string& what) -> void { fail(at + field + ": " + what); };
        if (key == "__metadata__") {  // free-form string to string, not a tensor
            if (!spec.is_object()) bad("", "must be an object of strings");
            for (const auto& [k, v] : spec.items())
                if (!v.is_string()) bad("." + printable(k), "metadata values must be strings");
            continue;
        }
        if (!spec.is_object()) bad("", "must be an object {dtype, shape, data_offsets}");
        for (const auto& [k, v] : spec.items())
            if (k != "dtype" && k != "shape" && k != "data_offsets") bad("." + printable(k), "unknown field (dtype, shape, data_offsets)");
        SafetensorsEntry e;
        const auto dt = spec.find("dtype");
        if (dt == spec.end() || !dt->is_string()) bad(".dtype", "missing or not a string");
        e.dtype = dt->get<std::string>();
        const StDType* type = findType(e.dtype);
        if (!type) bad(".dtype", "unknown safetensors dtype '" + printable(e.dtype) + "'");
        const auto sh = spec.find("shape");
        if (sh == spec.end() || !sh->is_array()) bad(".shape", "missing or not an array");
        if (sh->size() > SafetensorsLimits::maxDims) bad(".shape", "more than " + std::to_string(SafetensorsLimits::maxDims) + " dimensions");
        uint64_t elements = 1;
        bool overflow = false;
        for (const auto& d : *sh) {
            if (!d.is_number_unsigned()) bad(".shape", "extents must be non-negative integers, not " + d.dump().substr(0, 40));
            const uint64_t extent = d.get<uint64_t>();
            if (extent > (uint64_t{1} << 50) || __builtin_mul_overflow(elements, extent, &elements)) overflow = true;
            e.shape.push_back(static_cast<int64_t>(std::min(extent, uint64_t{1} << 50)));  // larger fails below
        }
        uint64_t expected = 0;
        if (overflow || __builtin_mul_overflow(elements, type->bytes, &expected)) bad(".shape", "its size overflows");
        const auto off = spec.find("data_offsets");
        if (off == spec.end() || !off->is_array() || off->size() != 2 || !(*off)[0].is_number_unsigned() ||
            !(*off)[1].is_number_unsigned())
            bad(".data_offsets", "must be [begin, end], two non-negative integers");
        const uint64_t begin = (*off)[0].get<uint64_t>(), end = (*off)[1].get<uint64_t>();
        if (begin > end) bad(".data_offsets", "begin " + std::to_string(begin) + " is after end " + std::to_string(end));
        if (end > dataBytes)
            bad(".data_offsets", "truncated file: the tensor ends at data byte " + std::to_string(end) + ", but the data holds " +
                                     std::to_string(dataBytes) + " bytes");
        if (end - begin != expected)
            bad(".data_offsets", std::to_string(end - begin) + " bytes, but a " + e.dtype + " tensor of this shape is " +
                                     std::to_string(expected));
        e.offset = dataStart + begin;
        e.bytes = expected;
        st.tensors.emplace(key, std::move(e));
    }
    return st;
}

std::vector<uint8_t> readSafetensorsBytes(const SafetensorsFile& file, const SafetensorsEntry& entry) {
    std::error_code ec;
    const uint64_t now = std::filesystem::file_size(file.path, ec);
    if (ec || now != file.fileBytes)
        throw Error(file.path.string() + ": changed since its header was read (was " + std::to_string(file.fileBytes) +
                    " bytes, now " + (ec ? ec.message() : std::to_string(now)) + ")");
    std::vector<uint8_t> bytes(entry.bytes);
    std::ifstream in = openAt(file.path, entry.offset);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(entry.bytes)))
        throw Error(file.path.string() + ": truncated: cannot read " + std::to_string(entry.bytes) + " bytes at " +
                    std::to_string(entry.offset));
    return bytes;
}

}  // namespace kforge
