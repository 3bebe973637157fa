// The command line as scripts use it: subcommands, JSON fields, exit codes.
#include <QtTest>

#include <nlohmann/json.hpp>

#include "util/process.h"

using namespace kforge;
using Json = nlohmann::json;

class TestCli : public QObject {
    Q_OBJECT
    static ProcessResult kforge(std::vector<std::string> args) {
        args.insert(args.begin(), qEnvironmentVariable("KFORGE_CLI").toStdString());
        RunOptions o;
        o.timeout = std::chrono::minutes(5);
        return runProcess(args, o);
    }
    static std::string data(const std::string& rel) { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString() + "/" + rel; }
    static Json parse(const ProcessResult& r) {
        // stderr is interleaved; the JSON object is the stdout part starting at the first '{' or '['.
        const auto start = r.output.find_first_of("{[");
        return Json::parse(r.output.substr(start == std::string::npos ? 0 : start));
    }

private slots:
    void tasksListsTheLibrary() {
        const auto r = kforge({"tasks", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QVERIFY(j.size() >= 10);
        for (const auto& t : j) QVERIFY(t.at("workloads").size() >= 3);
        const auto text = kforge({"tasks"});
        QVERIFY(text.ok());
        QVERIFY(text.output.find("gemm_bf16") != std::string::npos);
    }
    void devicesAlwaysHasTheCpu() {
        const auto r = kforge({"devices", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        bool cpu = false;
        for (const auto& d : parse(r))
            if (d.at("backend") == "cpu") {
                cpu = d.at("available").get<bool>();
                QVERIFY(d.at("facts").at("copy_bandwidth_gbps").get<double>() > 0);
            }
        QVERIFY(cpu);
    }
    void evalJsonCarriesTheFields() {
        const auto r = kforge({"eval", "vector_add_fp32", "baseline", "--backend", "cpu", "--json", "--budget-ms", "20"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QVERIFY2(j.at("status").get<std::string>() == "PASSED", (j.at("status").get<std::string>() + ": " + j.value("message", "")).c_str());
        QVERIFY(j.at("workloads").size() >= 3);
        for (const auto& w : j.at("workloads")) {
            QVERIFY(w.at("median_ms").get<double>() > 0);
            QVERIFY(w.at("speedup").get<double>() > 0);
            QVERIFY(w.at("achieved_gbps").get<double>() > 0);
            QVERIFY(w.at("fraction_of_floor").get<double>() > 0);
            QVERIFY(w.at("samples_ms").size() >= 10);
            QVERIFY(w.contains("p20_ms") && w.contains("p80_ms") && w.contains("cv") && w.contains("min_ms"));
        }
    }
    void evalTableIsReadable() {
        const auto r = kforge({"eval", "vector_add_fp32", "template", "--backend", "cpu", "-D", "THREADS=2", "--budget-ms", "20"});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY(r.output.find("verdict: PASSED") != std::string::npos);
        QVERIFY(r.output.find("THREADS=2") != std::string::npos);
    }
    void badCandidateIsAVerdictNotAnError() {
        const auto r = kforge({"eval", "vector_add_fp32", data("faults/cpu/compile_error.cpp"), "--backend", "cpu", "--json"});
        QCOMPARE(r.status.code, 0);
        const Json j = parse(r);
        QCOMPARE(j.at("status").get<std::string>(), std::string("COMPILE_ERROR"));
        QCOMPARE(j.at("compile").at("diagnostics")[0].at("line").get<int>(), 5);
    }
    void brokenConstraintIsInvalidConfig() {
        const auto r = kforge({"eval", "vector_add_fp32", data("data/constrained.cpp"), "--backend", "cpu", "--json", "-D", "UNROLL=4"});
        QCOMPARE(r.status.code, 0);
        const Json j = parse(r);
        QCOMPARE(j.at("status").get<std::string>(), std::string("INVALID_CONFIG"));
        QVERIFY(j.at("message").get<std::string>().find("UNROLL < 4") != std::string::npos);
    }
    void inputErrorsExitNonZeroWithOneLine() {
        for (const auto& args : std::vector<std::vector<std::string>>{
                 {"eval", "no_such_task", "x.cpp"},
                 {"eval", "vector_add_fp32", "/nonexistent/candidate.cpp", "--backend", "cpu"},
                 {"eval", "vector_add_fp32", "baseline", "--backend", "tpu"},
                 {"eval", "vector_add_fp32", "baseline", "--backend", "cpu", "-D", "=3"},
                 {"frobnicate"}}) {
            const auto r = kforge(args);
            QVERIFY2(!r.ok() && r.status.exited, r.output.c_str());
            QVERIFY2(r.status.code != 0, r.output.c_str());
        }
        const auto r = kforge({"eval", "no_such_task", "x.cpp"});
        QCOMPARE(r.status.code, 2);
        QVERIFY(r.output.find("kforge: error: unknown task 'no_such_task'") != std::string::npos);
        QCOMPARE(std::count(r.output.begin(), r.output.end(), '\n'), 1L);
    }
    void workloadTooLargeForTheDevice() {
        const auto r = kforge({"eval", data("data/huge_add_fp32"), "baseline", "--backend", "cpu"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("workloads.jsonl:2: workload too-large needs 768.00 GiB for its tensors") != std::string::npos,
                 r.output.c_str());
    }
    void compileOnlyForHip() {
        const auto probe = runProcess({"sh", "-c", "command -v hipcc"});
        if (!probe.ok()) QSKIP("hipcc not found");
        const auto r = kforge({"compile", data("data/hip/vector_add.hip"), "--backend", "hip", "--arch", "gfx90a", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY(parse(r).at("ok").get<bool>());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
