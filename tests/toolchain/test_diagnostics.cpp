#include <QtTest>

#include "toolchain/diagnostics.h"

using namespace kforge;

class TestDiagnostics : public QObject {
    Q_OBJECT
private slots:
    void gnuFormat() {
        const auto d = parseDiagnostics(
            "k.cpp: In function 'int kf_run(const kf_call*)':\n"
            "k.cpp:5:12: error: 'sum' was not declared in this scope\n"
            "    5 |     c[0] = sum;\n"
            "k.cpp:7:3: warning: unused variable 'x' [-Wunused-variable]\n"
            "k.cpp:2:1: note: in expansion of macro\n"
            "In file included from k.cpp:1:\n"
            "/x/kf_abi.h:9:9: fatal error: nope.h: No such file or directory\n");
        QCOMPARE(d.size(), size_t{4});
        QCOMPARE(d[0].file, std::string("k.cpp"));
        QCOMPARE(d[0].line, 5);
        QCOMPARE(d[0].column, 12);
        QCOMPARE(d[0].severity, std::string("error"));
        QCOMPARE(d[0].message, std::string("'sum' was not declared in this scope"));
        QCOMPARE(d[1].severity, std::string("warning"));
        QCOMPARE(d[2].severity, std::string("note"));
        QCOMPARE(d[3].severity, std::string("error"));  // fatal error is an error
    }
    void nvccFrontEndFormatWithCaretColumn() {
        const auto d = parseDiagnostics(
            "e.cu(2): error: identifier \"y\" is undefined\n"
            "      x[threadIdx.x] = y;\n"
            "                       ^\n"
            "\n"
            "e.cu(9): warning #550-D: variable \"a\" was set but never used\n"
            "Remark: The warnings can be suppressed with \"-diag-suppress <warning-number>\"\n"
            "1 error detected in the compilation of \"e.cu\".\n");
        QCOMPARE(d.size(), size_t{2});
        QCOMPARE(d[0].file, std::string("e.cu"));
        QCOMPARE(d[0].line, 2);
        QCOMPARE(d[0].column, 22);  // 'y' in "    x[threadIdx.x] = y;"
        QCOMPARE(d[0].message, std::string("identifier \"y\" is undefined"));
        QCOMPARE(d[1].severity, std::string("warning"));
        QCOMPARE(d[1].line, 9);
    }
    void locationlessToolErrors() {
        const auto d = parseDiagnostics(
            "ptxas error   : Entry function '_Z1kv' uses too much shared data (0x20000 bytes, 0xc000 max)\n"
            "/usr/bin/ld: k.o: in function `kf_run':\n"
            "k.cpp:(.text+0x1d): undefined reference to `missing_fn'\n");
        QCOMPARE(d.size(), size_t{2});
        QVERIFY(d[0].message.find("too much shared data") != std::string::npos);
        QVERIFY(d[1].message.find("undefined reference") != std::string::npos);
    }
    void ptxasResourceUsage() {
        const auto k = parseResourceUsage(
            "ptxas info    : 0 bytes gmem\n"
            "ptxas info    : Compiling entry function '_Z16vector_add_tunedPKfS0_Pfl' for 'sm_90a'\n"
            "ptxas info    : Function properties for _Z16vector_add_tunedPKfS0_Pfl\n"
            "    16 bytes stack frame, 8 bytes spill stores, 4 bytes spill loads\n"
            "ptxas info    : Used 40 registers, used 1 barriers, 4096 bytes smem, 368 bytes cmem[0]\n"
            "ptxas info    : Compiling entry function '_Z5otherv' for 'sm_90a'\n"
            "ptxas info    : Function properties for _Z5otherv\n"
            "    0 bytes stack frame, 0 bytes spill stores, 0 bytes spill loads\n"
            "ptxas info    : Used 8 registers\n");
        QCOMPARE(k.size(), size_t{2});
        QCOMPARE(k[0].kernel, std::string("vector_add_tuned(float const*, float const*, float*, long)"));
        QCOMPARE(k[0].registers, 40);
        QCOMPARE(k[0].sharedBytes, 4096);
        QCOMPARE(k[0].constantBytes, 368);
        QCOMPARE(k[0].stackBytes, 16);
        QCOMPARE(k[0].spillStoreBytes, 8);
        QCOMPARE(k[0].spillLoadBytes, 4);
        QCOMPARE(k[1].kernel, std::string("other()"));
        QCOMPARE(k[1].registers, 8);
    }
    void amdResourceRemarks() {
        const auto k = parseResourceUsage(
            "k.hip:2:1: remark: Function Name: _Z1kPf [-Rpass-analysis=kernel-resource-usage]\n"
            "k.hip:2:1: remark:     SGPRs: 6 [-Rpass-analysis=kernel-resource-usage]\n"
            "k.hip:2:1: remark:     VGPRs: 12 [-Rpass-analysis=kernel-resource-usage]\n"
            "k.hip:2:1: remark:     ScratchSize [bytes/lane]: 16 [-Rpass-analysis=kernel-resource-usage]\n"
            "k.hip:2:1: remark:     VGPRs Spill: 2 [-Rpass-analysis=kernel-resource-usage]\n"
            "k.hip:2:1: remark:     LDS Size [bytes/block]: 1024 [-Rpass-analysis=kernel-resource-usage]\n");
        QCOMPARE(k.size(), size_t{1});
        QCOMPARE(k[0].kernel, std::string("k(float*)"));
        QCOMPARE(k[0].registers, 12);
        QCOMPARE(k[0].stackBytes, 16);
        QCOMPARE(k[0].spillStoreBytes, 8);
        QCOMPARE(k[0].sharedBytes, 1024);
        // Remarks are not diagnostics.
        QCOMPARE(parseDiagnostics("k.hip:2:1: remark: Function Name: _Z1kPf\n").size(), size_t{0});
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "test_diagnostics.moc"
