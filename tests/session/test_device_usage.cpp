// session/device_usage: the busy time of a device is the union of the
// runners' windows on it, and a window that begins before an earlier one on
// the same device ended is counted as an overlap (what the evaluator's
// per-device lock must prevent); windows on different devices never are.
#include <QtTest>

#include "session/device_usage.h"

using namespace kforge;

class TestDeviceUsage : public QObject {
    Q_OBJECT
private slots:
    void takingTurnsNeverOverlaps() {
        const auto u = deviceUsage({{"cuda:0", {0, 10.0, 11.0}}, {"cuda:0", {1, 11.0, 12.5}}, {"cuda:0", {0, 13.0, 13.5}}});
        QCOMPARE(u.size(), size_t{1});
        QCOMPARE(u[0].measurements, 3);
        QCOMPARE(u[0].runners, (std::set<int>{0, 1}));
        QCOMPARE(u[0].overlaps, 0);
        QCOMPARE(u[0].busySeconds, 3.0);
        QCOMPARE(u[0].firstFrom, 10.0);
        QCOMPARE(u[0].lastTo, 13.5);
        QCOMPARE(u[0].idleFraction(4.0), 0.25);
        QVERIFY(describeDeviceUsage(u[0], 4.0).find("never overlapped") != std::string::npos);
    }

    void overlapsAreCountedAndTimed() {
        // Given out of order: the second starts inside the first, the third
        // lies wholly inside the first.
        const auto u = deviceUsage({{"cuda:0", {1, 10.5, 12.0}}, {"cuda:0", {0, 10.0, 11.0}}, {"cuda:0", {2, 10.6, 10.8}}});
        QCOMPARE(u.at(0).overlaps, 2);
        QCOMPARE(u[0].busySeconds, 2.0);
        QVERIFY(qFuzzyCompare(u[0].overlapSeconds, 0.5 + 0.2));
        QVERIFY(describeDeviceUsage(u[0], 2.0).find("2 requests OVERLAPPED") != std::string::npos);
    }

    void devicesAreApart() {
        const auto u = deviceUsage({{"cuda:0", {0, 10.0, 11.0}}, {"cuda:1", {1, 10.0, 11.0}}});
        QCOMPARE(u.size(), size_t{2});
        QCOMPARE(u[0].device, std::string("cuda:0"));
        QCOMPARE(u[1].overlaps, 0);
        QVERIFY(deviceUsage({}).empty());
        QCOMPARE(u[0].idleFraction(0), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestDeviceUsage)
#include "test_device_usage.moc"
