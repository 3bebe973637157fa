// The runner's output checks, on host buffers: the block fast path (identical
// bytes are counted without decoding) must give the same verdicts, counts and
// first-bad locations as checking every element.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <vector>

#include "runner/verify.h"
#include "task/dtype.h"

using namespace kforge;

namespace {

std::vector<uint8_t> floats(const std::vector<float>& v) {
    std::vector<uint8_t> bytes(v.size() * sizeof(float));
    std::memcpy(bytes.data(), v.data(), bytes.size());
    return bytes;
}

std::vector<float> ramp(size_t n) {
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<float>(i % 1000) * 0.25f - 100.0f;
    return v;
}

}  // namespace

class TestVerify : public QObject {
    Q_OBJECT
private slots:
    void identicalOutputsCountEveryElement() {
        const auto a = floats(ramp(1'000'003));  // not a multiple of the block or chunk size
        const Comparison c = compareToReference(DType::Float32, a, a, Tolerance{0, 0});
        QCOMPARE(c.checked, uint64_t{1'000'003});
        QCOMPARE(c.mismatches, uint64_t{0});
        QCOMPARE(c.firstBad, int64_t{-1});
        QCOMPARE(c.maxAbs, 0.0);
        QVERIFY(bytesEqual(a, a));
    }

    void oneBadElementDeepInsideIsFoundAndLocated() {
        auto expected = ramp(3'000'000);
        auto actual = expected;
        actual[2'345'678] += 1.0f;
        actual[2'999'999] += 1e-7f;  // within tolerance: counted in maxAbs, not a mismatch
        const auto e = floats(expected), a = floats(actual);
        QVERIFY(!bytesEqual(a, e));
        const Comparison c = compareToReference(DType::Float32, a, e, Tolerance{1e-5, 1e-5});
        QCOMPARE(c.checked, uint64_t{3'000'000});
        QCOMPARE(c.mismatches, uint64_t{1});
        QCOMPARE(c.firstBad, int64_t{2'345'678});
        QCOMPARE(c.expected, static_cast<double>(expected[2'345'678]));
        QCOMPARE(c.actual, static_cast<double>(actual[2'345'678]));
        QVERIFY(c.maxAbs >= 1.0);
    }

    void firstBadIsTheLowestIndexAcrossChunks() {
        auto expected = ramp(2'000'000);
        auto actual = expected;
        actual[1'900'000] = -5000.0f;
        actual[70'000] = 5000.0f;
        const Comparison c = compareToReference(DType::Float32, floats(actual), floats(expected), Tolerance{1e-3, 1e-3});
        QCOMPARE(c.mismatches, uint64_t{2});
        QCOMPARE(c.firstBad, int64_t{70'000});
    }

    void nanMustMatchNanPositions() {
        auto expected = ramp(10'000);
        expected[17] = NAN;
        auto actual = expected;
        QCOMPARE(compareToReference(DType::Float32, floats(actual), floats(expected), Tolerance{0, 0}).mismatches, uint64_t{0});
        actual[17] = 1.0f;
        actual[18] = NAN;
        const Comparison c = compareToReference(DType::Float32, floats(actual), floats(expected), Tolerance{1, 1});
        QCOMPARE(c.mismatches, uint64_t{2});
        QCOMPARE(c.firstBad, int64_t{17});
        QVERIFY(std::isinf(c.maxAbs));
    }

    void bfloat16UsesItsOwnDecoding() {
        const size_t n = 50'000;
        std::vector<uint8_t> expected(n * 2), actual;
        for (size_t i = 0; i < n; ++i) encodeElement(DType::BFloat16, static_cast<double>(i % 64), &expected[i * 2]);
        actual = expected;
        encodeElement(DType::BFloat16, 1000.0, &actual[12'345 * 2]);
        const Comparison c = compareToReference(DType::BFloat16, actual, expected, Tolerance{1e-2, 1e-2});
        QCOMPARE(c.mismatches, uint64_t{1});
        QCOMPARE(c.firstBad, int64_t{12'345});
        QCOMPARE(c.actual, 1000.0);
    }

    void unwrittenElementsKeepTheirRunsPoison() {
        const size_t n = 200'000;
        auto run1 = floats(ramp(n)), run2 = run1;
        QCOMPARE(findUnwritten(DType::Float32, run1, run2).mismatches, uint64_t{0});
        std::memset(&run1[150'001 * 4], kPoisonA, 4);
        std::memset(&run2[150'001 * 4], kPoisonB, 4);
        const Comparison c = findUnwritten(DType::Float32, run1, run2);
        QCOMPARE(c.mismatches, uint64_t{1});
        QCOMPARE(c.firstBad, int64_t{150'001});
        QVERIFY(!bytesEqual(run1, run2));
    }

    void bytesEqualRejectsDifferentSizes() {
        const std::vector<uint8_t> a(100, 1), b(101, 1);
        QVERIFY(!bytesEqual(a, b));
        QVERIFY(bytesEqual(std::span<const uint8_t>(b).first(100), a));
    }
};

QTEST_APPLESS_MAIN(TestVerify)
#include "test_verify.moc"
