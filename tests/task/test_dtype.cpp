#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>

#include "task/dtype.h"

using namespace kforge;

class TestDType : public QObject {
    Q_OBJECT
    static double roundTrip(DType t, double v) {
        unsigned char buf[8] = {};
        encodeElement(t, v, buf);
        return decodeElement(t, buf);
    }
private slots:
    void namesAndSizes() {
        QCOMPARE(parseDType("bfloat16").value(), DType::BFloat16);
        QCOMPARE(dtypeInfo(DType::BFloat16).bytes, size_t{2});
        QCOMPARE(dtypeInfo(DType::Int64).bytes, size_t{8});
        QCOMPARE(dtypeInfo(DType::Float8E4M3FN).bytes, size_t{1});
        QVERIFY(!parseDType("float33"));
        QVERIFY(!parseDType("fp32"));
        // Numbering matches kf_abi.h's kf_dtype.
        QCOMPARE(static_cast<int>(DType::Float32), 0);
        QCOMPARE(static_cast<int>(DType::Bool), 9);
    }
    void exactValuesSurvive() {
        for (DType t : {DType::Float32, DType::Float16, DType::BFloat16, DType::Float8E4M3FN, DType::Float8E5M2})
            for (double v : {0.0, 1.0, -2.0, 0.5, 0.25, -0.125}) QCOMPARE(roundTrip(t, v), v);
        QCOMPARE(roundTrip(DType::Int32, -7.0), -7.0);
        QCOMPARE(roundTrip(DType::Int8, 300.0), 127.0);  // saturates
        QCOMPARE(roundTrip(DType::Bool, 2.0), 1.0);
    }
    void roundsToNearestEven() {
        // bf16 has 8 significant bits: 1 + 2^-8 is halfway between 1 and 1 + 2^-7.
        QCOMPARE(roundTrip(DType::BFloat16, 1.0 + std::ldexp(1.0, -8)), 1.0);
        QCOMPARE(roundTrip(DType::BFloat16, 1.0 + 3 * std::ldexp(1.0, -8)), 1.0 + std::ldexp(1.0, -6));
        QCOMPARE(roundTrip(DType::Float16, 65504.0), 65504.0);
        QVERIFY(std::isinf(roundTrip(DType::Float16, 70000.0)));
        QCOMPARE(roundTrip(DType::Float8E4M3FN, 448.0), 448.0);
        QVERIFY(std::isnan(roundTrip(DType::Float8E4M3FN, 1000.0)));  // e4m3fn has no infinity
        QCOMPARE(roundTrip(DType::Float16, std::ldexp(1.0, -24)), std::ldexp(1.0, -24));  // smallest subnormal
    }
    void fastBf16PathAgreesWithGeneric() {
        for (float f : {1.0f, -3.14159f, 1e-20f, 65504.0f, 1.00390625f, 1.01171875f, -0.0f}) {
            unsigned char generic[2];
            encodeElement(DType::BFloat16, static_cast<double>(f), generic);
            const uint16_t fast = floatToBf16(f);
            QCOMPARE(std::memcmp(generic, &fast, 2), 0);
            QCOMPARE(static_cast<double>(bf16ToFloat(fast)), decodeElement(DType::BFloat16, generic));
        }
        QVERIFY(std::isnan(bf16ToFloat(floatToBf16(std::nanf("")))));
    }
    void nanAndInfinity() {
        QVERIFY(std::isnan(roundTrip(DType::BFloat16, std::nan(""))));
        QVERIFY(std::isnan(roundTrip(DType::Float8E5M2, std::nan(""))));
        QVERIFY(std::isinf(roundTrip(DType::Float8E5M2, std::numeric_limits<double>::infinity())));
        QVERIFY(std::signbit(roundTrip(DType::Float16, -0.0)));
    }
};

QTEST_GUILESS_MAIN(TestDType)
#include "test_dtype.moc"
