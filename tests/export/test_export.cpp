// `kforge export` end to end on the CPU backend: every format is produced for a
// short row_sum_fp32 session, the torch package builds with Debian's
// python3-torch and its test passes against the reference (the kernel-builder
// layout too, through its setup.py), the kernel-builder layout and the FIB JSON validate (tests/support/validate_export.py), and bad
// input writes nothing.
#include <QtTest>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/process.h"

using namespace kforge;
using Json = nlohmann::json;

class TestExport : public QObject {
    Q_OBJECT
    std::filesystem::path dir_;
    std::string db_;
    std::string session_ = "1";

    static ProcessResult run(std::vector<std::string> args, int minutes = 8) {
        RunOptions o;
        o.timeout = std::chrono::minutes(minutes);
        return runProcess(args, o);
    }
    static ProcessResult kforge(std::vector<std::string> args) {
        args.insert(args.begin(), qEnvironmentVariable("KFORGE_CLI").toStdString());
        return run(args);
    }
    static std::string data(const std::string& rel) { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString() + "/" + rel; }
    std::string out(const std::string& name) const { return (dir_ / name).string(); }
    static bool haveTorch() { return run({"/usr/bin/python3", "-c", "import torch, torch.utils.cpp_extension"}).ok(); }

private slots:
    void initTestCase() {
        dir_ = std::filesystem::path(QDir::tempPath().toStdString()) / ("kforge-test-export-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        db_ = out("ws.db");
        const auto r = kforge({"optimize", "row_sum_fp32", "--backend", "cpu", "--budget", "4", "--budget-ms", "30", "--warmup-ms", "5",
                               "--torch-baselines", "none", "--json", "--db", db_});
        QVERIFY2(r.ok(), r.output.c_str());
    }
    void cleanupTestCase() { std::filesystem::remove_all(dir_); }

    void listsFormats() {
        const auto r = kforge({"export", "--formats"});
        QVERIFY2(r.ok(), r.output.c_str());
        for (const char* f : {"standalone", "torch", "kernel-builder", "fib"}) QVERIFY(r.output.find(f) != std::string::npos);
    }

    void everyFormat_data() {
        QTest::addColumn<QString>("format");
        for (const char* f : {"standalone", "torch", "kernel-builder", "fib"}) QTest::newRow(f) << f;
    }
    void everyFormat() {
        QFETCH(QString, format);
        const std::string dir = out("fmt-" + format.toStdString());
        const auto r = kforge({"export", session_, "--format", format.toStdString(), "--out", dir, "--db", db_});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY(std::filesystem::is_directory(dir));
        const auto v = run({"python3", data("support/validate_export.py"), format.toStdString(), dir});
        QVERIFY2(v.ok(), v.output.c_str());
    }

    // The torch package, and the kernel-builder layout through the setup.py
    // it ships for machines without Nix: the same sources kernel-builder's
    // build.toml lists, built by setuptools against Debian's PyTorch.
    void packageBuildsAndPassesItsTest_data() {
        QTest::addColumn<QString>("format");
        for (const char* f : {"torch", "kernel-builder"}) QTest::newRow(f) << f;
    }
    void packageBuildsAndPassesItsTest() {
        QFETCH(QString, format);
        if (!haveTorch()) QSKIP("no /usr/bin/python3 with torch (Debian: python3-torch libtorch-dev)");
        const std::string dir = out("fmt-" + format.toStdString());
        QVERIFY(std::filesystem::is_directory(dir));
        const std::string target = out("site-" + format.toStdString());
        const auto b = run({"/usr/bin/python3", "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index", "--target", target, dir}, 15);
        QVERIFY2(b.ok(), b.output.c_str());
        RunOptions o;
        o.timeout = std::chrono::minutes(5);
        o.extraEnv = {{"PYTHONPATH", target}};
        const auto t = runProcess({"/usr/bin/python3", dir + "/tests/test_row_sum_fp32.py", "-v"}, o);
        QVERIFY2(t.ok(), t.output.c_str());
        if (format == "kernel-builder") {
            // Built from what build.toml names, nothing else.
            const auto listed = run({"python3", "-c",
                                     "import sys, tomllib; t = tomllib.load(open(sys.argv[1], 'rb'));"
                                     "print('\\n'.join(t['torch']['src'] + [s for k in t['kernel'].values() for s in k['src']]))",
                                     dir + "/build.toml"});
            QVERIFY2(listed.ok(), listed.output.c_str());
            std::ifstream setup(dir + "/setup.py");
            const std::string py(std::istreambuf_iterator<char>(setup), {});
            std::istringstream names(listed.output);
            for (std::string name; std::getline(names, name);)
                if (name.ends_with(".cpp") || name.ends_with(".cu"))
                    QVERIFY2(py.find("\"" + name + "\"") != std::string::npos, (name + " is not in setup.py").c_str());
        }
        const auto bench = runProcess({"/usr/bin/python3", dir + "/benchmarks/benchmark_row_sum_fp32.py", "--reps", "3", "--warmup", "1", "--json"}, o);
        QVERIFY2(bench.ok(), bench.output.c_str());
        const Json rows = Json::parse(bench.output.substr(bench.output.find('[')));
        QVERIFY(!rows.empty());
        for (const auto& row : rows) {
            QCOMPARE(row.at("reps").get<int>(), 3);  // given, else KernelForge's own count
            QVERIFY(row.at("kforge_ms").get<double>() > 0 && row.at("op_out_ms").get<double>() > 0);
        }
    }

    void badInputWritesNothing() {
        const std::string dir = out("bad");
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"export", session_, "999", "--format", "torch", "--out", dir, "--db", db_},       // unknown node
                 {"export", "42", "--format", "torch", "--out", dir, "--db", db_},                  // unknown session
                 {"export", session_, "--format", "onnx", "--out", dir, "--db", db_}}) {            // unknown format
            const auto r = kforge(args);
            QVERIFY2(!r.ok(), r.output.c_str());
            QVERIFY2(r.output.find("kforge: error:") != std::string::npos, r.output.c_str());
            QVERIFY(!std::filesystem::exists(dir));
        }
        // An existing, non-empty --out is refused, not overwritten.
        const auto again = kforge({"export", session_, "--format", "standalone", "--out", out("fmt-standalone"), "--db", db_});
        QVERIFY(!again.ok());
        for (const auto& e : std::filesystem::directory_iterator(dir_))
            QVERIFY2(e.path().filename().string().find(".partial-") == std::string::npos, e.path().c_str());
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"
