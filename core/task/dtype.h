#pragma once
// The one place that knows element types: names, sizes, default tolerances and
// conversions to and from double (round to nearest even, as hardware does).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kforge {

// Numbered as kf_dtype in resources/include/kf_abi.h.
enum class DType : int32_t {
    Float32 = 0,
    Float16 = 1,
    BFloat16 = 2,
    Float8E4M3FN = 3,
    Float8E5M2 = 4,
    Int64 = 5,
    Int32 = 6,
    Int16 = 7,
    Int8 = 8,
    Bool = 9,
};

struct DTypeInfo {
    DType type;
    std::string_view name;  // FlashInfer-Bench spelling
    size_t bytes;
    bool isFloat;
    double atol;  // default tolerances for verification
    double rtol;
};

const DTypeInfo& dtypeInfo(DType type);
std::optional<DType> parseDType(std::string_view name);
std::string_view dtypeNames();  // "float32, float16, ..." for error messages

double decodeElement(DType type, const void* element);
void encodeElement(DType type, double value, void* element);

// Fast paths used in bulk loops.
float bf16ToFloat(uint16_t bits);
uint16_t floatToBf16(float value);

}  // namespace kforge
