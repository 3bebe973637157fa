// The runner recognises the tools that inject themselves into the CUDA driver,
// so that times taken under them are marked void and the work-after-return
// check does not fail honest candidates there.
#include <QtTest>

#include "runner/instrumentation.h"

using namespace kforge;

class TestInstrumentation : public QObject {
    Q_OBJECT
private slots:
    void noEvidenceIsNoTool() {
        QVERIFY(cudaInstrumentationTool({}).empty());
        // An ordinary process: the driver, libstdc++, an ASan runtime.
        const char* maps =
            "7f1c2a000000-7f1c2a200000 r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libcuda.so.580.95.05\n"
            "7f1c2b000000-7f1c2b100000 r-xp 00000000 08:01 124 /usr/lib/x86_64-linux-gnu/libasan.so.8.0.0\n"
            "7ffd1000-7ffd2000 rw-p 00000000 00:00 0 [stack]\n";
        QVERIFY(cudaInstrumentationTool({"", "", maps}).empty());
        QVERIFY(cudaInstrumentationTool({"", "/usr/lib/libjemalloc.so.2", ""}).empty());
    }
    void namesTheToolsByTheirHook() {
        QCOMPARE(cudaInstrumentationTool(
                     {"/opt/nvidia/nsight-compute/2025.3.0/target/linux-desktop-glibc_2_11_3-x64/libTreeLauncherTargetInjection.so",
                      "", ""}),
                 std::string("Nsight Compute"));
        QCOMPARE(cudaInstrumentationTool({"/opt/nvidia/nsight-systems/2025.1/target-linux-x64/libToolsInjection64.so", "", ""}),
                 std::string("Nsight Systems"));
        // Whatever an unknown hook is, it sits between the candidate and the driver.
        QCOMPARE(cudaInstrumentationTool({"/home/me/libmytracer.so", "", ""}),
                 std::string("a CUDA injection library (libmytracer.so)"));
    }
    void findsComputeSanitizerAmongTheMappedLibraries() {
        const char* maps =
            "7f1c2a000000-7f1c2a200000 r-xp 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libcuda.so.580.95.05\n"
            "7f1c2c000000-7f1c2c400000 r-xp 00000000 08:01 125 "
            "/usr/local/cuda-13.0/compute-sanitizer/libsanitizer-collection.so\n";
        QCOMPARE(cudaInstrumentationTool({"", "", maps}), std::string("compute-sanitizer"));
        QCOMPARE(cudaInstrumentationTool({"", "/lib/libfoo.so:/usr/local/cuda/compute-sanitizer/libsanitizer-public.so", ""}),
                 std::string("compute-sanitizer"));
    }
};

QTEST_APPLESS_MAIN(TestInstrumentation)
#include "test_instrumentation.moc"
