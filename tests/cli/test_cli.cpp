// The command line as scripts use it: subcommands, JSON fields, exit codes.
#include <QtTest>

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "util/process.h"

using namespace kforge;
using Json = nlohmann::json;

class TestCli : public QObject {
    Q_OBJECT
    static ProcessResult kforge(std::vector<std::string> args, const std::string& workingDirectory = {}) {
        args.insert(args.begin(), qEnvironmentVariable("KFORGE_CLI").toStdString());
        RunOptions o;
        o.timeout = std::chrono::minutes(5);
        o.workingDirectory = workingDirectory;
        return runProcess(args, o);
    }
    static std::string builtin(const std::string& rel) { return qEnvironmentVariable("KFORGE_RESOURCES").toStdString() + "/tasks/" + rel; }
    static void write(const std::filesystem::path& p, const std::string& text) {
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p) << text;
    }
    static bool has(const ProcessResult& r, const std::string& needle) { return r.output.find(needle) != std::string::npos; }
    // vector_add_fp32's files in a directory of the user's, CPU only, one small workload.
    static std::filesystem::path userTask(const std::filesystem::path& dir) {
        namespace fs = std::filesystem;
        fs::create_directories(dir / "cpu");
        for (const char* f : {"reference.cpp", "baseline.cpp", "template.cpp"})
            fs::copy_file(builtin("vector_add_fp32/cpu/") + f, dir / "cpu" / f, fs::copy_options::overwrite_existing);
        write(dir / "definition.json", R"({
  "name": "my_add",
  "axes": {"N": {"type": "var"}},
  "inputs": {"a": {"shape": ["N"], "dtype": "float32"},
             "b": {"shape": ["N"], "dtype": "float32"}},
  "outputs": {"c": {"shape": ["N"], "dtype": "float32"}},
  "kforge": {"bytes": "12 * N", "flops": "N",
             "native": {"cpu": {"reference": "cpu/reference.cpp", "baseline": "cpu/baseline.cpp", "template": "cpu/template.cpp"}}}
}
)");
        write(dir / "workloads.jsonl", R"({"uuid": "small", "axes": {"N": 4096}, "inputs": {"a": {"type": "random"}, "b": {"type": "random"}}})" "\n");
        return dir;
    }
    QTemporaryDir tmp_;
    std::filesystem::path tmp() const { return tmp_.path().toStdString(); }
    static std::string data(const std::string& rel) { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString() + "/" + rel; }
    static Json parse(const ProcessResult& r) {
        // stderr is interleaved; the JSON object is the stdout part starting at the first '{' or '['.
        const auto start = r.output.find_first_of("{[");
        return Json::parse(r.output.substr(start == std::string::npos ? 0 : start));
    }

private slots:
    void checkPassesAGoodTask() {
        const auto r = kforge({"check", builtin("vector_add_fp32"), "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QVERIFY(j.at("ok").get<bool>());
        QVERIFY(j.at("problems").empty());
        bool ran = false;
        for (const auto& p : j.at("passed"))
            ran = ran || p.get<std::string>().find("cpu template on workload vector_add_fp32-n4k: runs and matches") != std::string::npos;
        QVERIFY2(ran, r.output.c_str());
    }
    void checkListsEveryProblemWithItsLine() {
        const auto dir = userTask(tmp() / "broken");
        write(dir / "workloads.jsonl",
              R"({"uuid": "small", "axes": {"N": 4096}, "inputs": {"a": {"type": "random"}, "b": {"type": "random"}}})" "\n"
              R"({"uuid": "negative", "axes": {"N": -1}, "inputs": {"a": {"type": "random"}, "b": {"type": "random"}}})" "\n"
              R"({"uuid": "no_b", "axes": {"N": 64}, "inputs": {"a": {"type": "random"}}})" "\n");
        write(dir / "cpu/baseline.cpp", "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call* call) {\n    (void)call;\n    return undeclared_name;\n}\n");
        write(dir / "cpu/template.cpp", "// @tune THREADS 8 1\n// @tune CHUNK 1024\n// @constraint THREADS <= 4\n" +
                                            std::string("#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call*) { return THREADS - THREADS + CHUNK - CHUNK; }\n"));
        const auto r = kforge({"check", dir.string()});
        QCOMPARE(r.status.code, 1);
        const std::string wl = (dir / "workloads.jsonl").string();
        QVERIFY2(has(r, wl + ":2: axes.N: must be positive"), r.output.c_str());
        QVERIFY2(has(r, wl + ":3: inputs: no entry for input 'b'"), r.output.c_str());
        QVERIFY2(has(r, (dir / "cpu/template.cpp").string() + ":3: the defaults (CHUNK=1024 THREADS=8"), r.output.c_str());
        QVERIFY2(has(r, (dir / "cpu/baseline.cpp").string() + ":4: cpu baseline does not compile"), r.output.c_str());
        QVERIFY2(has(r, "4 problem(s)"), r.output.c_str());
        // `kforge tasks DIR` is the same check.
        const auto viaTasks = kforge({"tasks", dir.string(), "--json"});
        QCOMPARE(viaTasks.status.code, 1);
        QCOMPARE(parse(viaTasks).at("problems").size(), size_t(4));

        // Sources fixed but the template wrong: the run on the smallest workload
        // finds it, and the bad workload lines are still listed beside it.
        userTask(dir / "unused");  // fresh copies of the sources
        std::filesystem::copy_file(dir / "unused/cpu/baseline.cpp", dir / "cpu/baseline.cpp", std::filesystem::copy_options::overwrite_existing);
        write(dir / "cpu/template.cpp", "#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call* call) {\n"
                                        "    const float* a = static_cast<const float*>(call->inputs[0].data);\n"
                                        "    float* c = static_cast<float*>(call->outputs[0].data);\n"
                                        "    for (int64_t i = 0; i < kf_axis(call, \"N\"); ++i) c[i] = a[i];\n    return 0;\n}\n");
        const auto run = kforge({"check", dir.string(), "--json"});
        QCOMPARE(run.status.code, 1);
        const Json problems = parse(run).at("problems");
        QCOMPARE(problems.size(), size_t(3));
        QCOMPARE(problems[2].at("line").get<int>(), 1);
        QVERIFY2(problems[2].at("message").get<std::string>().find("cpu template on workload small: ") == 0, run.output.c_str());
    }
    void checkLocatesADefinitionField() {
        const auto dir = userTask(tmp() / "baddtype");
        std::string def;
        {
            std::ifstream in(dir / "definition.json");
            def.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        def.replace(def.find("\"float32\"}},"), 9, "\"float33\"");
        write(dir / "definition.json", def);
        const auto r = kforge({"check", dir.string()});
        QCOMPARE(r.status.code, 1);
        QVERIFY2(has(r, (dir / "definition.json").string() + ":5: inputs.b.dtype: unknown dtype 'float33'"), r.output.c_str());
    }
    void undeclaredDefineIsAnError() {
        const auto r = kforge({"eval", "vector_add_fp32", "template", "--backend", "cpu", "-D", "THREAD=2"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(has(r, "-D THREAD=2: the source declares no @tune THREAD (it declares THREADS, CHUNK)"), r.output.c_str());
        const auto c = kforge({"compile", builtin("vector_add_fp32/cpu/template.cpp"), "-D", "THREAD=2"});
        QCOMPARE(c.status.code, 2);
        QVERIFY2(has(c, "no @tune THREAD"), c.output.c_str());
    }
    void compileRefusesABrokenConstraint() {
        const auto r = kforge({"compile", data("data/constrained.cpp"), "-D", "UNROLL=4"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(has(r, "constrained.cpp:3: configuration UNROLL=4 breaks @constraint UNROLL < 4"), r.output.c_str());
        // A configuration inside the constraint compiles.
        const auto src = tmp() / "blocked.cpp";
        write(src, "// @tune BLOCK 64 128\n// @constraint BLOCK <= 64\n#include <kf_abi.h>\n"
                   "KF_EXPORT int kf_run(const kf_call*) { return BLOCK - 64; }\n");
        const auto ok = kforge({"compile", src.string(), "-D", "BLOCK=64"});
        QVERIFY2(ok.ok(), ok.output.c_str());
        const auto broken = kforge({"compile", src.string(), "-D", "BLOCK=128"});
        QCOMPARE(broken.status.code, 2);
        QVERIFY2(has(broken, src.string() + ":2: configuration BLOCK=128 breaks @constraint BLOCK <= 64"), broken.output.c_str());
    }
    void compileTakesARelativePath() {
        const auto r = kforge({"compile", "template.cpp", "--json"}, builtin("vector_add_fp32/cpu"));
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY(parse(r).at("ok").get<bool>());
    }
    void aShadowedBuiltinIsNamed() {
        const auto root = tmp() / "cwd";
        userTask(root / "vector_add_fp32");
        const auto r = kforge({"eval", "vector_add_fp32", "baseline", "--backend", "cpu", "--budget-ms", "5", "--torch-baselines", "none"},
                              root.string());
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY2(has(r, "kforge: note: task 'vector_add_fp32': using " + (root / "vector_add_fp32").string() +
                            " in the current directory, not the built-in task"), r.output.c_str());
        QVERIFY2(has(r, "my_add on cpu"), "the local task was used");
    }
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
        QVERIFY2(has(r, "of floor: the floor divided by the median"), r.output.c_str());
        QVERIFY2(has(r, "beyond 167% on cpu the result is SUSPICIOUS_SPEED"), r.output.c_str());
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
