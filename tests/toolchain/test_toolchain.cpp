#include <QtTest>

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>

#include "eval/paths.h"
#include "toolchain/compile_cache.h"
#include "toolchain/compile_pool.h"

using namespace kforge;
namespace fs = std::filesystem;

class TestToolchain : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::unique_ptr<CompileCache> cache_;
    AppPaths paths_ = AppPaths::discover();

    fs::path writeSource(const std::string& name, const std::string& text) {
        const fs::path p = fs::path(tmp_.path().toStdString()) / name;
        std::ofstream(p) << text;
        return p;
    }
    std::unique_ptr<Toolchain> toolchain(Backend b) {
        return makeToolchain(b, ToolchainPaths::fromEnvironment(paths_.abiInclude()));
    }
    static fs::path testData() { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString(); }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        cache_ = std::make_unique<CompileCache>(fs::path(tmp_.path().toStdString()) / "cache");
    }

    void hostCompileThenCacheHit() {
        auto tc = toolchain(Backend::Cpu);
        QVERIFY2(tc->available(), "no host C++ compiler");
        const CompileRequest req{paths_.tasksDirectory() / "vector_add_fp32/cpu/template.cpp",
                                 {{"THREADS", "2"}, {"CHUNK", "4096"}}, {}, "native"};
        const CompileResult first = cache_->compile(*tc, req);
        QVERIFY2(first.ok, first.log.c_str());
        QVERIFY(!first.cacheHit);
        QVERIFY(fs::is_regular_file(first.library));
        QVERIFY(first.command.find("-DTHREADS=2") != std::string::npos);
        QVERIFY(first.command.find("-march=native") != std::string::npos);
        QVERIFY(first.command.find("-fopenmp") != std::string::npos);

        const CompileResult again = cache_->compile(*tc, req);
        QVERIFY(again.ok);
        QVERIFY(again.cacheHit);
        QCOMPARE(again.seconds, 0.0);
        QCOMPARE(again.library, first.library);

        // Another flag value is another binary.
        CompileRequest other = req;
        other.defines["CHUNK"] = "1024";
        const CompileResult third = cache_->compile(*tc, other);
        QVERIFY(third.ok);
        QVERIFY(!third.cacheHit);
        QVERIFY(third.library != first.library);
    }

    void compileErrorsAreStructuredAndCached() {
        auto tc = toolchain(Backend::Cpu);
        const fs::path src = testData() / "faults/cpu/compile_error.cpp";
        const CompileResult r = cache_->compile(*tc, {src, {}, {}, "native"});
        QVERIFY(!r.ok);
        bool found = false;
        for (const auto& d : r.diagnostics)
            if (d.severity == "error" && d.line == 5 && d.column == 12 && d.message.find("sum") != std::string::npos &&
                fs::path(d.file).filename() == "compile_error.cpp")
                found = true;
        QVERIFY2(found, r.log.c_str());
        QVERIFY(r.firstError().find("compile_error.cpp:5:12") != std::string::npos);
        QVERIFY(cache_->compile(*tc, {src, {}, {}, "native"}).cacheHit);
    }

    void sourceChangeMissesTheCache() {
        auto tc = toolchain(Backend::Cpu);
        const fs::path src = writeSource("k.cpp", "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call*) { return 0; }\n");
        QVERIFY(cache_->compile(*tc, {src, {}, {}, "native"}).ok);
        QVERIFY(cache_->compile(*tc, {src, {}, {}, "native"}).cacheHit);
        writeSource("k.cpp", "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call*) { return 1; }\n");
        QVERIFY(!cache_->compile(*tc, {src, {}, {}, "native"}).cacheHit);
    }

    void relativeSourceCompilesFromItsDirectory() {
        // A bare file name once gave an empty -I (its parent path), which took
        // the next flag as a directory, and the failure was cached.
        auto tc = toolchain(Backend::Cpu);
        writeSource("relative_header.h", "#define KF_RELATIVE_RESULT 0\n");
        writeSource("relative.cpp", "#include <kf_abi.h>\n#include <relative_header.h>\n"
                                    "KF_EXPORT int kf_run(const kf_call*) { return KF_RELATIVE_RESULT; }\n");
        const fs::path before = fs::current_path();
        fs::current_path(tmp_.path().toStdString());
        const CompileResult r = cache_->compile(*tc, {"relative.cpp", {}, {}, "native"});
        fs::current_path(before);
        QVERIFY2(r.ok, (r.command + "\n" + r.log).c_str());
        QVERIFY2(r.command.find("-I ") == std::string::npos, r.command.c_str());
    }

    void aCachedFailureNamesTheFileAskedFor() {
        // The same bytes in two places share a cache entry; the hit's errors
        // must point at the second file, not at where the first compile ran.
        auto tc = toolchain(Backend::Cpu);
        const std::string text = "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call*) {\n    return not_declared_here;\n}\n";
        const fs::path first = writeSource("copy_one.cpp", text), second = writeSource("copy_two.cpp", text);
        const CompileResult a = cache_->compile(*tc, {first, {}, {}, "native"});
        const CompileResult b = cache_->compile(*tc, {second, {}, {}, "native"});
        QVERIFY(!a.ok && !b.ok);
        QVERIFY(b.cacheHit);
        QVERIFY(!b.diagnostics.empty());
        QCOMPARE(b.diagnostics.front().file, second.string());
        QCOMPARE(b.diagnostics.front().line, 3);
        QVERIFY2(b.firstError().find(second.string() + ":3:") == 0, b.firstError().c_str());
        QVERIFY(b.log.find(first.string()) == std::string::npos);
    }

    void environmentFailuresAreNotCached() {
        // A library this machine lacks is not the source's fault: the next
        // compile (after the library is installed) must try again.
        auto tc = toolchain(Backend::Cpu);
        const fs::path src = writeSource("links.cpp", "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call*) { return 0; }\n");
        const CompileRequest req{src, {}, {"kforge_no_such_library"}, "native"};
        const CompileResult first = cache_->compile(*tc, req);
        QVERIFY(!first.ok);
        QVERIFY(!first.cacheHit);
        const CompileResult second = cache_->compile(*tc, req);
        QVERIFY(!second.ok);
        QVERIFY2(!second.cacheHit, "a missing library was cached as if the source had failed");
        // While an error located in the source is cached (compileErrorsAreStructuredAndCached).
    }

    void cudaCompileOnlyReportsResources() {
        auto tc = toolchain(Backend::Cuda);
        if (!tc->available()) QSKIP("nvcc not found");
        const CompileRequest req{paths_.tasksDirectory() / "vector_add_fp32/cuda/template.cu",
                                 {{"BLOCK", "256"}, {"VEC", "4"}, {"ITEMS", "2"}}, {}, "sm_90a"};
        const CompileResult r = cache_->compile(*tc, req);
        QVERIFY2(r.ok, r.log.c_str());
        QVERIFY(r.command.find("-gencode=arch=compute_90a,code=sm_90a") != std::string::npos);
        QVERIFY(r.command.find("-Xptxas -v") != std::string::npos);
        QCOMPARE(r.kernels.size(), size_t{1});
        QVERIFY(r.kernels[0].kernel.find("vector_add_tuned") != std::string::npos);
        QVERIFY(r.kernels[0].registers > 0);
        QCOMPARE(r.kernels[0].spillStoreBytes, 0);
    }

    void cudaCompileErrorHasLineAndColumn() {
        auto tc = toolchain(Backend::Cuda);
        if (!tc->available()) QSKIP("nvcc not found");
        const CompileResult r = cache_->compile(*tc, {testData() / "faults/cuda/compile_error.cu", {}, {}, "sm_90a"});
        QVERIFY(!r.ok);
        QVERIFY(!r.diagnostics.empty());
        QCOMPARE(r.diagnostics[0].line, 5);
        QCOMPARE(r.diagnostics[0].column, 12);
        QVERIFY(r.diagnostics[0].message.find("\"sum\" is undefined") != std::string::npos);
    }

    void cudaArchFollowsTheDevice() {
        QCOMPARE(cudaArchFor(9, 0), std::string("sm_90a"));
        QCOMPARE(cudaArchFor(8, 9), std::string("sm_89"));
        QCOMPARE(cudaArchFor(10, 0), std::string("sm_100"));
    }

    void hipCompileOnlyForAConfiguredArch() {
        auto tc = toolchain(Backend::Hip);
        if (!tc->available()) QSKIP("hipcc not found");
        const CompileRequest req{testData() / "data/hip/vector_add.hip", {{"BLOCK", "128"}}, {}, "gfx90a"};
        const CompileResult r = cache_->compile(*tc, req);
        QVERIFY2(r.ok, r.log.c_str());
        QVERIFY(r.command.find("--offload-arch=gfx90a") != std::string::npos);
        QVERIFY(fs::is_regular_file(r.library));
        QCOMPARE(r.kernels.size(), size_t{1});
        QVERIFY(r.kernels[0].kernel.find("vector_add") != std::string::npos);
        QVERIFY(r.kernels[0].registers > 0);
        // A broken HIP source gives located diagnostics too.
        const fs::path bad = writeSource("bad.hip", "#include <hip/hip_runtime.h>\n__global__ void k(float* x) { x[0] = y; }\n");
        const CompileResult e = cache_->compile(*tc, {bad, {}, {}, "gfx90a"});
        QVERIFY(!e.ok);
        QVERIFY(!e.diagnostics.empty());
        QCOMPARE(e.diagnostics[0].line, 2);
    }

    void missingCompilerIsAnError() {
        ToolchainPaths p = ToolchainPaths::fromEnvironment(paths_.abiInclude());
        p.nvcc = "/nonexistent/nvcc";
        auto tc = makeToolchain(Backend::Cuda, p);
        QVERIFY(!tc->available());
        const CompileResult r = cache_->compile(*tc, {testData() / "faults/cuda/good.cu", {}, {}, "sm_90a"});
        QVERIFY(!r.ok);
        QVERIFY(r.firstError().find("was not found") != std::string::npos);
    }

    void poolCompilesInParallel() {
        auto tc = toolchain(Backend::Cpu);
        CompilePool pool(*cache_, 2);
        std::vector<std::future<CompileResult>> results;
        for (int i = 0; i < 6; ++i) {
            const fs::path src = writeSource("p" + std::to_string(i) + ".cpp",
                                             "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call*) { return " +
                                                 std::to_string(i) + "; }\n");
            results.push_back(pool.submit(*tc, {src, {}, {}, "native"}));
        }
        for (auto& f : results) QVERIFY(f.get().ok);
    }
};

QTEST_GUILESS_MAIN(TestToolchain)
#include "test_toolchain.moc"
