// The float conversions kf_abi.h offers candidates, checked over every
// bfloat16 and float16 bit pattern against references that do not share
// their bit tricks: float16 against the compiler's _Float16 (which converts
// with the hardware's rounding), bfloat16 against exact arithmetic in double.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <vector>

// kf_abi.h is plain C (nvcc and hipcc read it too): its C casts and integer
// promotions are right there and only warned about here, under C++ warnings.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wuseless-cast"
#include <kf_abi.h>
#pragma GCC diagnostic pop

namespace {

uint32_t bitsOf(float f) {
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}
float floatOf(uint32_t u) {
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}
uint16_t halfBits(_Float16 h) {
    uint16_t u;
    std::memcpy(&u, &h, sizeof u);
    return u;
}
_Float16 halfOf(uint16_t u) {
    _Float16 h;
    std::memcpy(&h, &u, sizeof h);
    return h;
}

// bfloat16 by definition: the nearest of the two bfloat16 values around x
// (the truncation and the next one up in magnitude), ties to the even one.
uint16_t bf16Reference(float x) {
    const uint32_t u = bitsOf(x);
    const uint16_t down = static_cast<uint16_t>(u >> 16);
    const uint16_t up = static_cast<uint16_t>(down + 1);  // next magnitude; 0x7f7f + 1 is Inf, as it should be
    const double dx = std::fabs(static_cast<double>(x));
    const double dDown = std::fabs(static_cast<double>(kf_bf16_to_float(down)));
    const double dUp = (static_cast<uint32_t>(up) & 0x7fffu) == 0x7f80u ? std::ldexp(1.0, 128) : std::fabs(static_cast<double>(kf_bf16_to_float(up)));
    if (dx - dDown < dUp - dx) return down;
    if (dx - dDown > dUp - dx) return up;
    return (static_cast<uint32_t>(down) & 1u) ? up : down;
}

// Floats that test a narrowing: each 16-bit value, the midpoints between
// neighbours (the ties) and the floats just either side of them.
template <typename Widen>
std::vector<float> probesAround(Widen widen) {
    std::vector<float> out;
    for (uint32_t h = 0; h < 0x10000u; ++h) {
        const float v = widen(static_cast<uint16_t>(h));
        if (std::isnan(v)) continue;
        out.push_back(v);
        const float next = widen(static_cast<uint16_t>(h + 1));
        if ((h & 0x7fffu) == 0x7fffu || std::isnan(next) || std::isinf(v)) continue;
        const float mid = static_cast<float>((static_cast<double>(v) + static_cast<double>(next)) / 2);
        out.push_back(mid);
        out.push_back(std::nextafter(mid, 0.0f));
        out.push_back(std::nextafter(mid, mid > 0 ? INFINITY : -INFINITY));
    }
    return out;
}

}  // namespace

class TestKfAbi : public QObject {
    Q_OBJECT
private slots:
    void bf16WidensExactly() {
        for (uint32_t h = 0; h < 0x10000u; ++h) {
            const float f = kf_bf16_to_float(static_cast<uint16_t>(h));
            QCOMPARE(bitsOf(f), h << 16);  // bfloat16 is float's upper half: NaN payloads included
        }
    }
    void bf16NarrowsToNearestEven() {
        for (float x : probesAround(kf_bf16_to_float)) {
            const uint16_t got = kf_float_to_bf16(x), want = bf16Reference(x);
            if (got != want) QFAIL(qPrintable(QString("bf16(%1 = 0x%2): 0x%3, want 0x%4").arg(double(x), 0, 'g', 9)
                                                  .arg(bitsOf(x), 8, 16, QChar('0')).arg(got, 4, 16).arg(want, 4, 16)));
        }
        // Overflow rounds to Inf; the largest finite bfloat16 stays.
        QCOMPARE(kf_float_to_bf16(3.4e38f), uint16_t(0x7f80));
        QCOMPARE(kf_float_to_bf16(floatOf(0x7f7f0000u)), uint16_t(0x7f7f));
        QCOMPARE(kf_float_to_bf16(-INFINITY), uint16_t(0xff80));
    }
    void bf16KeepsNaN() {
        // Every NaN float pattern's upper half is a NaN once made quiet, and
        // never rounds up into Inf (0x7f80ffff would, by the plain rounding).
        for (uint32_t hi = 0; hi < 0x10000u; ++hi)
            for (uint32_t lo : {0x0000u, 0x0001u, 0x8000u, 0xffffu}) {
                const float x = floatOf(hi << 16 | lo);
                if (!std::isnan(x)) continue;
                const uint16_t got = kf_float_to_bf16(x);
                QVERIFY(std::isnan(kf_bf16_to_float(got)));
                QCOMPARE(static_cast<uint32_t>(got) & 0x8000u, hi & 0x8000u);
            }
    }
    void fp16WidensLikeTheCompiler() {
        for (uint32_t h = 0; h < 0x10000u; ++h) {
            const float got = kf_fp16_to_float(static_cast<uint16_t>(h));
            const float want = static_cast<float>(halfOf(static_cast<uint16_t>(h)));
            if (std::isnan(want)) {
                QVERIFY2(std::isnan(got), qPrintable(QString::number(h, 16)));
                QCOMPARE(bitsOf(got) >> 31, h >> 15);
            } else if (bitsOf(got) != bitsOf(want)) {
                QFAIL(qPrintable(QString("fp16 0x%1: %2, want %3").arg(h, 4, 16).arg(double(got)).arg(double(want))));
            }
        }
    }
    void fp16NarrowsLikeTheCompiler() {
        std::vector<float> probes = probesAround(kf_fp16_to_float);
        // And a sweep over the whole float range: overflow, tiny values, subnormals.
        for (uint64_t u = 0; u <= 0xffffffffu; u += 4093) probes.push_back(floatOf(static_cast<uint32_t>(u)));
        for (float x : probes) {
            const uint16_t got = kf_float_to_fp16(x);
            if (std::isnan(x)) {
                QVERIFY(std::isnan(kf_fp16_to_float(got)));
                continue;
            }
            const uint16_t want = halfBits(static_cast<_Float16>(x));
            if (got != want) QFAIL(qPrintable(QString("fp16(%1 = 0x%2): 0x%3, want 0x%4").arg(double(x), 0, 'g', 9)
                                                  .arg(bitsOf(x), 8, 16, QChar('0')).arg(got, 4, 16).arg(want, 4, 16)));
        }
    }
    void roundTripsAreExact() {
        for (uint32_t h = 0; h < 0x10000u; ++h) {
            const auto b = static_cast<uint16_t>(h);
            if (!std::isnan(kf_bf16_to_float(b))) QCOMPARE(kf_float_to_bf16(kf_bf16_to_float(b)), b);
            if (!std::isnan(kf_fp16_to_float(b))) QCOMPARE(kf_float_to_fp16(kf_fp16_to_float(b)), b);
        }
    }
};

QTEST_APPLESS_MAIN(TestKfAbi)
#include "test_kf_abi.moc"
