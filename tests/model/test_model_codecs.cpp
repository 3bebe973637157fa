// Every model type round-trips through its one codec, and the decoders refuse
// what they were not written to read: an unknown field, a missing one, a value
// of the wrong type, each named by where it is.
#include <QtTest>

#include <stdexcept>
#include <string>

#include "model/compile_result.h"
#include "model/device_facts.h"
#include "model/eval_report.h"
#include "model/node.h"
#include "model/node_profile.h"
#include "model/session_config.h"
#include "util/error.h"

using namespace kforge;
using Json = nlohmann::json;

namespace {

DeviceFacts gpuFacts() {
    DeviceFacts f;
    f.backend = Backend::Cuda;
    f.name = "NVIDIA H200";
    f.memoryBytes = 150ull << 30;
    f.copyBandwidthGbps = 4100;
    f.cacheBandwidthGbps = 9800;
    f.cacheBandwidthSource = "measured: copy kernel over a quarter of L2";
    f.peakTflops = {{"float32", 494.7}, {"bfloat16", 989.4}};
    f.peakSource = "derived";
    f.bandwidthSource = "measured";
    f.ceilingsRemeasured = 2;
    GpuFacts g;
    g.ordinal = 1;
    g.computeCapability = "9.0";
    g.ccMajor = 9;
    g.smCount = 132;
    g.l2Bytes = 50u << 20;
    g.smClockKhz = 1980000;
    g.kernelCopyBandwidthGbps = 4050;
    f.gpu = g;
    return f;
}

CompileResult compiled() {
    CompileResult c;
    c.ok = true;
    c.command = "nvcc -O3 x.cu";
    c.seconds = 1.25;
    c.cacheHit = true;
    c.diagnostics.push_back({"x.cu", 3, 9, "warning", "unused variable 'k'"});
    c.kernels.push_back({"add(float*)", 32, 0, 0, 0, 4096, 0});
    return c;
}

EvalReport report() {
    EvalReport r;
    r.task = "vector_add_fp32";
    r.backend = Backend::Cuda;
    r.device = gpuFacts();
    r.candidate = "/tmp/c.cu";
    r.config = {{"BLOCK", "256"}};
    r.status = Status::Passed;
    r.compile = compiled();
    r.baselineName = "baseline";
    r.speedupGeomean = 3.5;
    r.seconds = 4.5;
    r.runnerRestarts = 1;
    r.sandbox = "none (bubblewrap not found)";
    r.runner = "cuda:0";
    r.window = DeviceWindow{1, 1796000000.25, 1796000001.5};
    r.cpuThreads = 2;
    WorkloadReport w;
    w.uuid = "w1";
    w.axes = {{"M", 8}, {"N", 1024}};  // a JSON object: axes come back in name order
    w.status = Status::Passed;
    w.verify.checked = 8192;
    w.verify.maxAbsError = std::numeric_limits<double>::quiet_NaN();
    w.samplesMs = {0.1, 0.11, 0.12};
    w.timing = summarize(w.samplesMs);
    w.baseline = summarize({0.3, 0.31});
    w.speedup = 2.7;
    w.bytes = 12288;
    w.floor = Floor{0.003, 0.0001, 4100, true, 989};
    w.fractionOfFloor = 0.03;
    TimedCallChecks checks;
    checks.timedCalls = 240;
    checks.verifiedCalls = 5;
    checks.inputSets = 3;
    checks.patched = true;
    checks.patchedVerified = 5;
    checks.extraInputBytes = 24576;
    checks.attempts = 2;
    checks.noisy = true;
    checks.limits = phrase(QT_TRANSLATE_NOOP("Phrase", "one input set: the request has one seed"));
    w.checks = checks;
    w.achievedGbps = 110;
    r.workloads.push_back(w);
    WorkloadReport failed;
    failed.uuid = "w2";
    failed.status = Status::IncorrectNumerical;
    failed.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: output '%2', seed %3: %4 of %5 elements; first at index %6 (expected %7, got %8)"),
                            phrase(QT_TRANSLATE_NOOP("Phrase", "mismatches")), "out", 3, 1, 8, 3, "1", "2");
    r.workloads.push_back(failed);
    return r;
}

// The message of the ModelError `f` throws ("" when it throws none).
template <class F>
std::string failure(F f) {
    try {
        f();
    } catch (const ModelError& e) {
        return e.what();
    }
    return {};
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

class TestModelCodecs : public QObject {
    Q_OBJECT
private slots:
    void deviceFactsRoundTrip() {
        const DeviceFacts f = gpuFacts();
        const Json j = toJson(f);
        QCOMPARE(toJson(deviceFactsFromJson(j, "facts")), j);
        QCOMPARE(deviceFactsFromJson(j, "facts").gpu->smCount, 132);
        QCOMPARE(deviceFactsFromJson(j, "facts").lastLevelCacheBytes(), uint64_t(50u << 20));
        // A device named by hand has neither group and still round-trips.
        DeviceFacts bare;
        bare.name = "Test CPU";
        QCOMPARE(toJson(deviceFactsFromJson(toJson(bare), "facts")), toJson(bare));
    }

    void compileResultRoundTrip() {
        const CompileResult c = compiled();
        for (CompileScope scope : {CompileScope::Cache, CompileScope::Report}) {
            const Json j = toJson(c, scope);
            QCOMPARE(toJson(compileResultFromJson(j, "compile"), scope), j);
        }
        QVERIFY(toJson(c, CompileScope::Cache).contains("log"));
        QVERIFY(!toJson(c, CompileScope::Report).contains("log"));
    }

    void evalReportRoundTrip() {
        const EvalReport r = report();
        for (ReportScope scope : {ReportScope::Full, ReportScope::Node}) {
            const Json j = toJson(r, scope);
            const EvalReport back = evalReportFromJson(j, "report", scope);
            QCOMPARE(toJson(back, scope).dump(), j.dump());
            QCOMPARE(back.workloads.at(0).axes.at(1).first, std::string("N"));
            QVERIFY(std::isnan(back.workloads.at(0).verify.maxAbsError));
            QCOMPARE(back.workloads.at(0).floor->bytesMs, 0.003);
            QVERIFY(back.workloads.at(0).floor->cacheResident);
            QCOMPARE(back.workloads.at(0).floor->bandwidthGbps, 4100.0);
            QCOMPARE(back.workloads.at(0).checks->patchedVerified, 5);
            QVERIFY(back.workloads.at(0).checks->noisy);
            QVERIFY(!back.workloads.at(1).checks);
            QVERIFY(!back.workloads.at(1).timed());
            QCOMPARE(back.sandbox, std::string("none (bubblewrap not found)"));
            QVERIFY(back.window && *back.window == *r.window);
        }
        // Reports written before the sandbox existed have no such field.
        Json old = toJson(r, ReportScope::Node);
        old.erase("sandbox");
        QCOMPARE(evalReportFromJson(old, "report", ReportScope::Node).sandbox, std::string());
        // ... and before device windows; a window that ends before it starts is refused.
        old.erase("device_window");
        QVERIFY(!evalReportFromJson(old, "report", ReportScope::Node).window);
        Json backwards = toJson(r, ReportScope::Node);
        backwards["device_window"]["to"] = 1.0;
        QVERIFY_THROWS_EXCEPTION(ModelError, evalReportFromJson(backwards, "report", ReportScope::Node));
        // ... and before the CPU thread limit; a limit under one thread is refused.
        QCOMPARE(evalReportFromJson(toJson(r, ReportScope::Node), "report", ReportScope::Node).cpuThreads, std::optional<int>(2));
        old.erase("cpu_threads");
        QVERIFY(!evalReportFromJson(old, "report", ReportScope::Node).cpuThreads);
        Json noThreads = toJson(r, ReportScope::Node);
        noThreads["cpu_threads"] = 0;
        QVERIFY_THROWS_EXCEPTION(ModelError, evalReportFromJson(noThreads, "report", ReportScope::Node));
        QVERIFY(!toJson(r, ReportScope::Node).contains("device"));
        QCOMPARE(evalReportFromJson(toJson(r, ReportScope::Full), "report", ReportScope::Full).device.name, std::string("NVIDIA H200"));
    }

    void nodeRoundTrip() {
        Node n;
        n.id = 7;
        n.parent = 3;
        n.generator = "llm";
        n.input.mode = "optimize";
        n.input.change = "vectorized by 4";
        n.sourceHash = "abc";
        n.sourceExtension = ".cu";
        n.config = {{"VEC", "4"}};
        n.state = NodeState::Done;
        n.status = Status::Passed;
        n.message = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner died: %1"), phrase(QT_TRANSLATE_NOOP("Phrase", "killed by %1"), "SIGSEGV"));
        n.fitness = 2.5;
        n.compile = compiled();
        n.evaluation = report();
        n.evaluation->device = {};
        n.evaluation->candidate.clear();
        n.evaluation->compile = {};
        NodeProfile p;
        p.tool = "Nsight Compute";
        p.workload = "w1";
        p.axes = {{"N", 1024}};
        p.kernels.push_back({"add", "(4, 1, 1)", "(256, 1, 1)", {{"duration", 1200.0}}});
        n.profile = p;
        n.createdAt = "2026-12-04T00:00:00Z";
        const Json j = toJson(n);
        QCOMPARE(toJson(nodeFromJson(j, "node")), j);
        QCOMPARE(nodeFromJson(j, "node").message, n.message);
        QCOMPARE(j.at("message").get<std::string>(), std::string("the runner died: killed by SIGSEGV"));
        // A pending node: nothing compiled, measured or profiled.
        Node pending;
        pending.id = 1;
        pending.generator = "template";
        pending.input.file = "t.cu";
        const Node back = nodeFromJson(toJson(pending), "node");
        QVERIFY(!back.compile && !back.evaluation && !back.profile);
        QCOMPARE(back.input.file, std::string("t.cu"));
    }

    void unknownFieldsAreErrorsWithTheirPlace() {
        Json j = toJson(report(), ReportScope::Node);
        j["workloads"][1]["median_msec"] = 1.0;
        QCOMPARE(failure([&] { evalReportFromJson(j, "evaluation", ReportScope::Node); }),
                 std::string("evaluation.workloads[1].median_msec: unknown field"));
        Json n = toJson(Node{});
        n["input"]["prompt"] = "hello";
        QCOMPARE(failure([&] { nodeFromJson(n, "node"); }), std::string("node.input.prompt: unknown field"));
    }

    void missingFieldsAreErrorsWithTheirPlace() {
        Json j = toJson(report(), ReportScope::Full);
        j["compile"]["kernels"][0].erase("registers");
        QCOMPARE(failure([&] { evalReportFromJson(j, "report", ReportScope::Full); }),
                 std::string("report.compile.kernels[0].registers: missing"));
        Json f = toJson(gpuFacts());
        f.erase("copy_bandwidth_gbps");
        QCOMPARE(failure([&] { deviceFactsFromJson(f, "hello.facts"); }), std::string("hello.facts.copy_bandwidth_gbps: missing"));
    }

    void wrongTypesAreErrorsWithTheirPlace() {
        Json j = toJson(report(), ReportScope::Node);
        j["workloads"][0]["samples_ms"][1] = "fast";
        QVERIFY(startsWith(failure([&] { evalReportFromJson(j, "e", ReportScope::Node); }), "e.workloads[0].samples_ms[1]: expected a number"));
        j = toJson(report(), ReportScope::Node);
        j["status"] = "GREAT";
        QCOMPARE(failure([&] { evalReportFromJson(j, "e", ReportScope::Node); }), std::string("e.status: unknown status 'GREAT'"));
        j = toJson(report(), ReportScope::Node);
        j["runner_restarts"] = 1.5;
        QVERIFY(startsWith(failure([&] { evalReportFromJson(j, "e", ReportScope::Node); }), "e.runner_restarts: expected an integer"));
        QCOMPARE(failure([&] { nodeFromJson(Json::array(), "node"); }), std::string("node: expected an object, got an array"));
    }

    void phrasesFillEveryPlaceOnceAndRoundTrip() {
        QCOMPARE(fillPattern("%1 of %2 (%1)", {"3", "10"}), std::string("3 of 10 (3)"));
        // A value holding a place marker is not filled again; a place without a value stays.
        QCOMPARE(fillPattern("%1: %2 %3", {"%2", "x"}), std::string("%2: x %3"));
        QCOMPARE(fillPattern("100% of %10", {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}), std::string("100% of j"));
        const Phrase p = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: kf_run returned %2%3"),
                                phrase(QT_TRANSLATE_NOOP("Phrase", "%1, seed %2, run %3"), phrase("candidate"), 7, 1), -3, ": bad");
        QCOMPARE(p.english(), std::string("candidate, seed 7, run 1: kf_run returned -3: bad"));
        QCOMPARE(phraseFromJson(toJson(p), "p"), p);
        QVERIFY(toJson(verbatim("as is")).is_string());
        QCOMPARE(joinPhrases({verbatim("a"), phrase("b")}, "; ").english(), std::string("a; b"));
        QCOMPARE(joinPhrases({verbatim("only")}, "; "), verbatim("only"));
        // A phrase's JSON is checked like any model type's.
        const std::string f = failure([] { phraseFromJson(Json{{"pattern", "x"}, {"values", Json::array()}, {"extra", 1}}, "m"); });
        QVERIFY2(startsWith(f, "m.extra"), f.c_str());
    }

    void errorsKeepTheirPhraseThroughRethrows() {
        // what() is the English the CLI and logs read; the phrase survives a
        // copy and a located rethrow, so that the GUI can translate it.
        const Phrase inner = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 lists no values"), "@tune BLOCK");
        Error copy("unset");
        try {
            try {
                throw Error(inner);
            } catch (const std::exception& e) {
                throw Error(located("kernel.cu:3", errorPhrase(e)));
            }
        } catch (const Error& e) {
            copy = e;
        }
        QCOMPARE(std::string(copy.what()), std::string("kernel.cu:3: @tune BLOCK lists no values"));
        QVERIFY(!copy.phrase().verbatim);
        QCOMPARE(copy.phrase().values.at(1), inner);
        // An error thrown with text, or another exception, is verbatim.
        QCOMPARE(errorPhrase(Error("disk full")), verbatim("disk full"));
        QCOMPARE(errorPhrase(std::out_of_range("vector")), verbatim("vector"));
    }

    void messagesFromBeforePhrasesReadAsVerbatim() {
        // Schema 6 wrote the English alone; a message without its phrase reads as it is.
        Json j = toJson(report(), ReportScope::Node);
        j["workloads"][1].erase("message_phrase");
        const EvalReport back = evalReportFromJson(j, "report", ReportScope::Node);
        QVERIFY(back.workloads[1].message.verbatim);
        QCOMPARE(back.workloads[1].message.english(), report().workloads[1].message.english());
        QVERIFY(!back.workloads[0].checks->limits.verbatim);  // the other fields keep theirs
    }

    void sessionConfigRoundTripsAndIsReadStrictly() {
        SessionConfig c;
        c.backend = Backend::Cuda;
        c.generators = {"tuner", "llm"};
        c.stop.evaluations = 40;
        c.stop.seconds = 90;
        c.timing.budgetMs = 50;
        c.timing.maxAttempts = 2;
        c.tuningCache = true;
        LlmSettings llm;
        llm.provider.name = "local";
        llm.provider.baseUrl = "http://127.0.0.1:8000/v1";
        llm.provider.model = "m";
        llm.profile = false;
        c.llm = llm;
        const Json j = toJson(c);
        QCOMPARE(toJson(sessionConfigFromJson(j)), j);

        Json unknown = j;
        unknown["timing"]["budget_msec"] = 5;
        QCOMPARE(failure([&] { sessionConfigFromJson(unknown); }), std::string("config.timing.budget_msec: unknown field"));
        Json missing = j;
        missing["stop"].erase("require_all");
        QCOMPARE(failure([&] { sessionConfigFromJson(missing, "session.config"); }), std::string("session.config.stop.require_all: missing"));
        Json wrong = j;
        wrong["llm"]["max_fix_depth"] = "two";
        QVERIFY(startsWith(failure([&] { sessionConfigFromJson(wrong); }), "config.llm.max_fix_depth: expected an integer"));
        Json badBackend = j;
        badBackend["backend"] = "tpu";
        QCOMPARE(failure([&] { sessionConfigFromJson(badBackend); }), std::string("config.backend: unknown backend \"tpu\""));

        // What schema 4 stored (tests/data/legacy): none of the later fields.
        Json old = j;
        for (const char* later : {"speedup_against", "torch_baselines", "compile_mode", "tuning_cache", "llm"}) old.erase(later);
        old["timing"].erase("noise_threshold");
        old["timing"].erase("max_attempts");
        const SessionConfig back = sessionConfigFromJson(old);
        QCOMPARE(back.speedupAgainst, SpeedupBasis::Native);
        QVERIFY(!back.tuningCache);
        QVERIFY(!back.llm);
        QCOMPARE(back.timing.maxAttempts, TimingSpec{}.maxAttempts);
        QCOMPARE(back.timing.budgetMs, 50.0);
    }

    void schemaFourShapesStillRead() {
        // What KernelForge wrote before the typed model: no max/mean, no floor parts, axes of a profile as an object.
        const Json w = {{"uuid", "w"},
                        {"axes", {{"N", 4}}},
                        {"status", "PASSED"},
                        {"message", ""},
                        {"verification", toJson(VerifyStats{})},
                        {"runner_seconds", toJson(PhaseSeconds{})},
                        {"median_ms", 1.0},
                        {"min_ms", 0.9},
                        {"p20_ms", 0.95},
                        {"p80_ms", 1.1},
                        {"cv", 0.02},
                        {"count", 10},
                        {"samples_ms", {1.0}},
                        {"floor_ms", 0.5},
                        {"bound", "memory"}};
        const WorkloadReport back = workloadReportFromJson(w, "w");
        QCOMPARE(back.floor->bytesMs, 0.5);
        QCOMPARE(back.timing.mean, 1.0);
        const Json p = {{"tool", "ncu"}, {"workload", "w"}, {"axes", {{"N", 4}}}, {"kernels", Json::array()}, {"seconds", 1.0}, {"collected_at", ""}};
        QCOMPARE(nodeProfileFromJson(p, "p").axes.at(0).second, int64_t(4));
    }
};

QTEST_APPLESS_MAIN(TestModelCodecs)
#include "test_model_codecs.moc"
