#include "runner/inputs.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <numbers>
#include <stdexcept>

#include "runner/parallel.h"

namespace kforge {
namespace {

inline uint64_t mix(uint64_t z) {  // splitmix64 finalizer
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

inline double unit(uint64_t h) { return static_cast<double>(h >> 11) * 0x1.0p-53; }  // [0, 1)

}  // namespace

void generateInput(const TensorSpec& spec, uint64_t seed, uint32_t inputIndex, uint64_t elements,
                   std::vector<uint8_t>& out) {
    const size_t width = dtypeInfo(spec.dtype).bytes;
    out.resize(elements * width);
    const uint64_t stream = mix(seed * 0x9e3779b97f4a7c15ULL + inputIndex + 1);
    const Distribution d = spec.distribution;
    const bool isFloat = dtypeInfo(spec.dtype).isFloat;
    parallelChunks(elements, [&](size_t, size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) {
            const uint64_t h = mix(stream + i * 0x9e3779b97f4a7c15ULL);
            double v;
            if (d.kind == Distribution::Kind::Normal) {
                // Box-Muller from two independent uniforms.
                const double u1 = unit(h) + 0x1.0p-54, u2 = unit(mix(h ^ 0x5bd1e995));
                v = d.a + d.b * std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
            } else {
                v = d.a + (d.b - d.a) * unit(h);
            }
            if (!isFloat) v = std::floor(v);
            if (spec.dtype == DType::Float32) {
                const float f = static_cast<float>(v);
                std::memcpy(out.data() + i * 4, &f, 4);
            } else if (spec.dtype == DType::BFloat16) {
                const uint16_t b = floatToBf16(static_cast<float>(v));
                std::memcpy(out.data() + i * 2, &b, 2);
            } else {
                encodeElement(spec.dtype, v, out.data() + i * width);
            }
        }
    });
}

void fillScalar(const TensorSpec& spec, double value, uint64_t elements, std::vector<uint8_t>& out) {
    const size_t width = dtypeInfo(spec.dtype).bytes;
    out.resize(elements * width);
    for (size_t i = 0; i < elements; ++i) encodeElement(spec.dtype, value, out.data() + i * width);
}

void readInputFile(const std::string& path, uint64_t bytes, std::vector<uint8_t>& out) {
    std::ifstream in(path, std::ios::binary);
    out.resize(bytes);
    if (!in || !in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(bytes)) ||
        in.peek() != std::ifstream::traits_type::eof())
        throw std::runtime_error("the input file " + path + " is missing or not " + std::to_string(bytes) + " bytes");
}

}  // namespace kforge
