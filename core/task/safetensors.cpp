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
    if (!in) throw Error(located(path.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot be opened"))));
    in.seekg(static_cast<std::streamoff>(offset));
    if (!in) throw Error(located(path.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot seek to byte %1"), offset)));
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
    auto fail = [&](const Phrase& what) -> void { throw Error(located(file, what)); };
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "not found (or not a regular file)")));
    SafetensorsFile st;
    st.path = path;
    st.fileBytes = std::filesystem::file_size(path, ec);
    if (ec) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot read its size: %1"), ec.message()));
    if (st.fileBytes > SafetensorsLimits::maxFileBytes)
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "%1 bytes, more than the limit of %2"), st.fileBytes,
                    SafetensorsLimits::maxFileBytes));
    if (st.fileBytes < 8)
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "truncated: %1 bytes, too short for the 8-byte header length"), st.fileBytes));

    std::ifstream in = openAt(path, 0);
    std::array<unsigned char, 8> lengthBytes{};
    if (!in.read(reinterpret_cast<char*>(lengthBytes.data()), 8))
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot read the header length")));
    uint64_t headerBytes = 0;
    for (int i = 7; i >= 0; --i) headerBytes = headerBytes << 8 | lengthBytes[static_cast<size_t>(i)];
    if (headerBytes > SafetensorsLimits::maxHeaderBytes)
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "header length %1 is more than the limit of %2 bytes (not a safetensors file?)"),
                    headerBytes, SafetensorsLimits::maxHeaderBytes));
    if (headerBytes > st.fileBytes - 8)
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "truncated: the header says it is %1 bytes, but only %2 follow the length"),
                    headerBytes, st.fileBytes - 8));
    std::string header(headerBytes, '\0');
    if (!in.read(header.data(), static_cast<std::streamsize>(headerBytes)))
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot read the header")));
    if (header.empty() || header.front() != '{')
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "the header is not a JSON object (it must start with '{')")));
    const std::string where = file + ": header";
    JsonLimits limits;
    limits.maxBytes = static_cast<size_t>(headerBytes);
    limits.maxDepth = 4;
    const nlohmann::json j = parseJsonInput(header, where, limits);
    if (!j.is_object()) fail(phrase(QT_TRANSLATE_NOOP("Phrase", "the header is not a JSON object")));
    if (j.size() > SafetensorsLimits::maxTensors)
        fail(phrase(QT_TRANSLATE_NOOP("Phrase", "the header lists %1 entries, more than the limit of %2"), j.size(),
                    SafetensorsLimits::maxTensors));

    const uint64_t dataStart = 8 + headerBytes;
    const uint64_t dataBytes = st.fileBytes - dataStart;
    for (const auto& [key, spec] : j.items()) {
        const std::string at = "header." + printable(key);
        auto bad = [&](const std::string& field, const Phrase& what) -> void { fail(located(at + field, what)); };
        if (key == "__metadata__") {  // free-form string to string, not a tensor
            if (!spec.is_object()) bad("", phrase(QT_TRANSLATE_NOOP("Phrase", "must be an object of strings")));
            for (const auto& [k, v] : spec.items())
                if (!v.is_string())
                    bad("." + printable(k), phrase(QT_TRANSLATE_NOOP("Phrase", "metadata values must be strings")));
            continue;
        }
        if (!spec.is_object()) bad("", phrase(QT_TRANSLATE_NOOP("Phrase", "must be an object {dtype, shape, data_offsets}")));
        for (const auto& [k, v] : spec.items())
            if (k != "dtype" && k != "shape" && k != "data_offsets")
                bad("." + printable(k), phrase(QT_TRANSLATE_NOOP("Phrase", "unknown field (dtype, shape, data_offsets)")));
        SafetensorsEntry e;
        const auto dt = spec.find("dtype");
        if (dt == spec.end() || !dt->is_string()) bad(".dtype", phrase(QT_TRANSLATE_NOOP("Phrase", "missing or not a string")));
        e.dtype = dt->get<std::string>();
        const StDType* type = findType(e.dtype);
        if (!type) bad(".dtype", phrase(QT_TRANSLATE_NOOP("Phrase", "unknown safetensors dtype '%1'"), printable(e.dtype)));
        const auto sh = spec.find("shape");
        if (sh == spec.end() || !sh->is_array()) bad(".shape", phrase(QT_TRANSLATE_NOOP("Phrase", "missing or not an array")));
        if (sh->size() > SafetensorsLimits::maxDims)
            bad(".shape", phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 dimensions"), SafetensorsLimits::maxDims));
        uint64_t elements = 1;
        bool overflow = false;
        for (const auto& d : *sh) {
            if (!d.is_number_unsigned())
                bad(".shape", phrase(QT_TRANSLATE_NOOP("Phrase", "extents must be non-negative integers, not %1"),
                                     d.dump().substr(0, 40)));
            const uint64_t extent = d.get<uint64_t>();
            if (extent > (uint64_t{1} << 50) || __builtin_mul_overflow(elements, extent, &elements)) overflow = true;
            e.shape.push_back(static_cast<int64_t>(std::min(extent, uint64_t{1} << 50)));  // larger fails below
        }
        uint64_t expected = 0;
        if (overflow || __builtin_mul_overflow(elements, type->bytes, &expected))
            bad(".shape", phrase(QT_TRANSLATE_NOOP("Phrase", "its size overflows")));
        const auto off = spec.find("data_offsets");
        if (off == spec.end() || !off->is_array() || off->size() != 2 || !(*off)[0].is_number_unsigned() ||
            !(*off)[1].is_number_unsigned())
            bad(".data_offsets", phrase(QT_TRANSLATE_NOOP("Phrase", "must be [begin, end], two non-negative integers")));
        const uint64_t begin = (*off)[0].get<uint64_t>(), end = (*off)[1].get<uint64_t>();
        if (begin > end) bad(".data_offsets", phrase(QT_TRANSLATE_NOOP("Phrase", "begin %1 is after end %2"), begin, end));
        if (end > dataBytes)
            bad(".data_offsets",
                phrase(QT_TRANSLATE_NOOP("Phrase", "truncated file: the tensor ends at data byte %1, but the data holds %2 bytes"),
                       end, dataBytes));
        if (end - begin != expected)
            bad(".data_offsets", phrase(QT_TRANSLATE_NOOP("Phrase", "%1 bytes, but a %2 tensor of this shape is %3"), end - begin,
                                        e.dtype, expected));
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
        throw Error(located(file.path.string(),
                            phrase(QT_TRANSLATE_NOOP("Phrase", "changed since its header was read (was %1 bytes, now %2)"),
                                   file.fileBytes, ec ? ec.message() : std::to_string(now))));
    std::vector<uint8_t> bytes(entry.bytes);
    std::ifstream in = openAt(file.path, entry.offset);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(entry.bytes)))
        throw Error(located(file.path.string(),
                            phrase(QT_TRANSLATE_NOOP("Phrase", "truncated: cannot read %1 bytes at %2"), entry.bytes, entry.offset)));
    return bytes;
}

}  // namespace kforge
