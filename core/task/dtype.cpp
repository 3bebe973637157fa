#include "task/dtype.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace kforge {
namespace {

constexpr std::array<DTypeInfo, 10> kTypes = {{
    {DType::Float32, "float32", 4, true, 1e-4, 1e-4},
    {DType::Float16, "float16", 2, true, 1e-2, 1e-2},
    {DType::BFloat16, "bfloat16", 2, true, 1e-2, 1e-2},
    {DType::Float8E4M3FN, "float8_e4m3fn", 1, true, 1.25e-1, 1.25e-1},
    {DType::Float8E5M2, "float8_e5m2", 1, true, 2.5e-1, 2.5e-1},
    {DType::Int64, "int64", 8, false, 0, 0},
    {DType::Int32, "int32", 4, false, 0, 0},
    {DType::Int16, "int16", 2, false, 0, 0},
    {DType::Int8, "int8", 1, false, 0, 0},
    {DType::Bool, "bool", 1, false, 0, 0},
}};

// A binary float of 1 sign, E exponent and M mantissa bits. `ieee` formats
// reserve the top exponent for inf/NaN; float8_e4m3fn has no inf and only the
// all-ones pattern is NaN.
struct MiniFloat {
    int E;
    int M;
    bool ieee;
};

constexpr MiniFloat kHalf{5, 10, true};
constexpr MiniFloat kBf16{8, 7, true};
constexpr MiniFloat kE4M3{4, 3, false};
constexpr MiniFloat kE5M2{5, 2, true};

double decodeMini(uint32_t bits, MiniFloat f) {
    const uint32_t sign = bits >> (f.E + f.M) & 1u;
    const uint32_t exp = bits >> f.M & ((1u << f.E) - 1);
    const uint32_t man = bits & ((1u << f.M) - 1);
    const int bias = (1 << (f.E - 1)) - 1;
    const uint32_t expMax = (1u << f.E) - 1;
    double value;
    if (f.ieee && exp == expMax) value = man ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
    else if (!f.ieee && exp == expMax && man == (1u << f.M) - 1) value = std::numeric_limits<double>::quiet_NaN();
    else if (exp == 0) value = std::ldexp(static_cast<double>(man), 1 - bias - f.M);
    else value = std::ldexp(static_cast<double>(man | (1u << f.M)), static_cast<int>(exp) - bias - f.M);
    return sign ? -value : value;
}

uint32_t encodeMini(double v, MiniFloat f) {
    const uint32_t signBit = std::signbit(v) ? 1u << (f.E + f.M) : 0u;
    const uint32_t expMax = (1u << f.E) - 1;
    const uint32_t nan = expMax << f.M | ((1u << f.M) - 1);
    if (std::isnan(v)) return signBit | nan;
    const uint32_t overflow = f.ieee ? signBit | expMax << f.M : signBit | nan;
    const double a = std::fabs(v);
    if (std::isinf(a)) return overflow;
    if (a == 0) return signBit;
    const int bias = (1 << (f.E - 1)) - 1;
    int e = std::ilogb(a);
    if (e < 1 - bias) e = 1 - bias;  // subnormal range shares the smallest exponent
    double m = std::nearbyint(std::ldexp(a, f.M - e));  // default rounding mode: to nearest even
    if (m >= std::ldexp(1.0, f.M + 1)) {
        m /= 2;
        ++e;
    }
    const uint32_t mant = static_cast<uint32_t>(m);
    uint32_t biased = mant >= (1u << f.M) ? static_cast<uint32_t>(e + bias) : 0u;
    const uint32_t frac = mant & ((1u << f.M) - 1);
    const uint32_t topExp = f.ieee ? expMax - 1 : expMax;
    if (biased > topExp || (!f.ieee && biased == expMax && frac == (1u << f.M) - 1)) return overflow;
    return signBit | biased << f.M | frac;
}

template <typename T>
T load(const void* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
template <typename T>
void store(void* p, T v) {
    std::memcpy(p, &v, sizeof v);
}

template <typename T>
T clampToInt(double v) {
    if (std::isnan(v)) return 0;
    const double lo = static_cast<double>(std::numeric_limits<T>::min());
    const double hi = static_cast<double>(std::numeric_limits<T>::max());
    return static_cast<T>(std::nearbyint(std::fmin(std::fmax(v, lo), hi)));
}

}  // namespace

const DTypeInfo& dtypeInfo(DType type) { return kTypes[static_cast<size_t>(type)]; }

std::optional<DType> parseDType(std::string_view name) {
    for (const auto& t : kTypes)
        if (t.name == name) return t.type;
    return std::nullopt;
}

std::string_view dtypeNames() {
    return "float32, float16, bfloat16, float8_e4m3fn, float8_e5m2, int64, int32, int16, int8, bool";
}

float bf16ToFloat(uint16_t bits) { return std::bit_cast<float>(static_cast<uint32_t>(bits) << 16); }

uint16_t floatToBf16(float value) {
    const uint32_t u = std::bit_cast<uint32_t>(value);
    if (std::isnan(value)) return static_cast<uint16_t>((u >> 16) | 0x40);  // keep it a (quiet) NaN
    const uint32_t rounding = 0x7fff + ((u >> 16) & 1);
    return static_cast<uint16_t>((u + rounding) >> 16);
}

double decodeElement(DType type, const void* p) {
    switch (type) {
        case DType::Float32: return static_cast<double>(load<float>(p));
        case DType::Float16: return decodeMini(load<uint16_t>(p), kHalf);
        case DType::BFloat16: return static_cast<double>(bf16ToFloat(load<uint16_t>(p)));
        case DType::Float8E4M3FN: return decodeMini(load<uint8_t>(p), kE4M3);
        case DType::Float8E5M2: return decodeMini(load<uint8_t>(p), kE5M2);
        case DType::Int64: return static_cast<double>(load<int64_t>(p));
        case DType::Int32: return load<int32_t>(p);
        case DType::Int16: return load<int16_t>(p);
        case DType::Int8: return load<int8_t>(p);
        case DType::Bool: return load<uint8_t>(p) ? 1.0 : 0.0;
    }
    return 0;
}

void encodeElement(DType type, double v, void* p) {
    switch (type) {
        case DType::Float32: store(p, static_cast<float>(v)); return;
        case DType::Float16: store(p, static_cast<uint16_t>(encodeMini(v, kHalf))); return;
        case DType::BFloat16: store(p, static_cast<uint16_t>(encodeMini(v, kBf16))); return;
        case DType::Float8E4M3FN: store(p, static_cast<uint8_t>(encodeMini(v, kE4M3))); return;
        case DType::Float8E5M2: store(p, static_cast<uint8_t>(encodeMini(v, kE5M2))); return;
        case DType::Int64: store(p, clampToInt<int64_t>(v)); return;
        case DType::Int32: store(p, clampToInt<int32_t>(v)); return;
        case DType::Int16: store(p, clampToInt<int16_t>(v)); return;
        case DType::Int8: store(p, clampToInt<int8_t>(v)); return;
        case DType::Bool: store(p, static_cast<uint8_t>(v != 0)); return;
    }
}

}  // namespace kforge
