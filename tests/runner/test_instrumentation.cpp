// The runner recognises the tools that inject themselves into the CUDA driver
// from CUDA_INJECTION64_PATH, so that times taken under them are marked void
// and the work-after-return check does not fail honest candidates there.
#include <QtTest>

#include "runner/instrumentation.h"

using namespace kforge;

class TestInstrumentation : public QObject {
    Q_OBJECT
private slots:
    void noInjectionIsNoTool() {
        QVERIFY(cudaInstrumentationTool(nullptr).empty());
        QVERIFY(cudaInstrumentationTool("").empty());
    }
    void namesTheKnownTools() {
        QCOMPARE(cudaInstrumentationTool("/usr/local/cuda-13.0/compute-sanitizer/libsanitizer-collection.so"),
                 std::string("compute-sanitizer"));
        QCOMPARE(cudaInstrumentationTool("/opt/nvidia/nsight-compute/2025.3.0/target/linux-desktop-glibc_2_11_3-x64/"
                                         "libTreeLauncherTargetInjection.so"),
                 std::string("Nsight Compute"));
        QCOMPARE(cudaInstrumentationTool("/opt/nvidia/nsight-systems/2025.1/target-linux-x64/libToolsInjection64.so"),
                 std::string("Nsight Systems"));
    }
    void anUnknownLibraryIsStillATool() {
        // Whatever it is, it sits between the candidate and the driver: its
        // times are not the kernel's.
        QCOMPARE(cudaInstrumentationTool("/home/me/libmytracer.so"),
                 std::string("a CUDA injection library (libmytracer.so)"));
    }
};

QTEST_APPLESS_MAIN(TestInstrumentation)
#include "test_instrumentation.moc"
