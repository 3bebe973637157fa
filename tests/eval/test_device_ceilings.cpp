// Every process sees a device's ceilings as the best ever measured on it: a
// busy machine's low measurement is raised, a better one is recorded for the
// next process, other devices are kept apart, and a damaged file is a cache
// started again rather than an error.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

#include "eval/device_ceilings.h"

using namespace kforge;

namespace {

DeviceFacts cpu(double copy, double peak, int cores = 2) {
    DeviceFacts f;
    f.backend = Backend::Cpu;
    f.name = "Intel(R) Xeon(R) Processor";
    f.memoryBytes = uint64_t{24} << 30;
    f.copyBandwidthGbps = copy;
    f.peakTflops["float32"] = peak;
    CpuFacts c;
    c.cores = cores;
    f.cpu = c;
    return f;
}

}  // namespace

class TestDeviceCeilings : public QObject {
    Q_OBJECT
private slots:
    void processesAgreeOnTheBestFigures() {
        QTemporaryDir dir;
        const DeviceCeilings ceilings(std::filesystem::path(dir.path().toStdString()) / "sub" / "ceilings.json");
        DeviceFacts first = cpu(25, 0.30);
        ceilings.reconcile(first);  // recorded
        QCOMPARE(first.peakTflops.at("float32"), 0.30);

        DeviceFacts busy = cpu(20, 0.14);  // the wizard's measurement on a busy machine
        ceilings.reconcile(busy);
        QCOMPARE(busy.peakTflops.at("float32"), 0.30);
        QCOMPARE(busy.copyBandwidthGbps, 25.0);

        DeviceFacts better = cpu(27, 0.25);  // better copy, worse peak
        better.peakTflops["bfloat16"] = 0.6;
        ceilings.reconcile(better);
        QCOMPARE(better.copyBandwidthGbps, 27.0);
        QCOMPARE(better.peakTflops.at("float32"), 0.30);

        DeviceFacts later = cpu(1, 0.01);
        ceilings.reconcile(later);
        QCOMPARE(later.copyBandwidthGbps, 27.0);
        QCOMPARE(later.peakTflops.at("float32"), 0.30);
        QVERIFY(!later.peakTflops.count("bfloat16"));  // a dtype this process did not measure is not invented
    }
    void devicesAreKeptApart() {
        QTemporaryDir dir;
        const DeviceCeilings ceilings(std::filesystem::path(dir.path().toStdString()) / "ceilings.json");
        DeviceFacts big = cpu(25, 0.30, 64);
        ceilings.reconcile(big);
        DeviceFacts small = cpu(10, 0.05, 2);
        ceilings.reconcile(small);
        QCOMPARE(small.peakTflops.at("float32"), 0.05);
        QVERIFY(DeviceCeilings::key(big) != DeviceCeilings::key(small));
        DeviceFacts unknown;  // no device answered: nothing to reconcile
        ceilings.reconcile(unknown);
        QVERIFY(unknown.peakTflops.empty());
    }
    void aDamagedFileIsStartedAgain() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "ceilings.json";
        std::ofstream(file) << "{\"version\": 2, \"devices\": [tru";
        const DeviceCeilings ceilings(file);
        DeviceFacts f = cpu(25, 0.30);
        ceilings.reconcile(f);
        QCOMPARE(f.peakTflops.at("float32"), 0.30);
        std::ifstream in(file);
        const auto j = nlohmann::json::parse(in);
        QCOMPARE(j.at("devices").at(DeviceCeilings::key(f)).at("peak_rates").at("float32").get<double>(), 0.30);

        // Well-formed JSON of the wrong shapes: started again, or left alone, never an exception.
        for (const char* odd : {R"({"version": "one", "devices": {}})", R"({"version": 2, "devices": {"x": 3}})",
                                R"({"version": 2, "devices": {"cpu|Intel(R) Xeon(R) Processor|25769803776|cores 2": {"copy_gbps": "fast", "peak_rates": [1]}}})"}) {
            std::ofstream(file) << odd;
            DeviceFacts g = cpu(25, 0.30);
            ceilings.reconcile(g);
            QCOMPARE(g.copyBandwidthGbps, 25.0);
            QCOMPARE(g.peakTflops.at("float32"), 0.30);
        }
    }
    void anUnwritablePlaceLeavesTheFiguresAlone() {
        const DeviceCeilings ceilings("/proc/kforge-no-such-place/ceilings.json");
        DeviceFacts f = cpu(25, 0.30);
        ceilings.reconcile(f);
        QCOMPARE(f.copyBandwidthGbps, 25.0);
    }
};

QTEST_APPLESS_MAIN(TestDeviceCeilings)
#include "test_device_ceilings.moc"
