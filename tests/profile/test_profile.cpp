// Profiles: reading Nsight Compute's raw CSV (a real one, recorded on an H200),
// what the counters are said to mean, the prompt section the agent reads,
// keeping profiles in the store (schema 3, export and import), and the
// runner's one-shot profiled run. On a CUDA machine with ncu, a session's node
// is profiled for real.
#include <QtTest>

#include <filesystem>

#include "agent/builtin_generators.h"
#include "agent/prompt_builder.h"
#include "profile/ncu.h"
#include "profile/profile.h"
#include "session/session_launch.h"
#include "store/schema.h"
#include "store/store.h"
#include "util/error.h"
#include "util/process.h"
#include "util/text.h"

using namespace kforge;

namespace {

std::filesystem::path testData() { return std::filesystem::path(qEnvironmentVariable("KFORGE_TEST_DATA").toStdString()) / "data"; }

std::string recordedCsv() { return readTextFile(testData() / "ncu" / "h200_vector_add_transpose_raw.csv"); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (contains(l, part)) return true;
    return false;
}

NodeProfile recordedProfile() {
    NodeProfile p;
    p.tool = "Nsight Compute 2025.3.1.0";
    p.workload = "w-big";
    p.axes = {{"N", 16777216}};
    p.kernels = parseNcuCsv(recordedCsv()).kernels;
    p.seconds = 4.2;
    return p;
}

KernelProfile synthetic(double sm, double memory, double theoretical, double waves = 10) {
    KernelProfile k;
    k.name = "k";
    k.metrics = {{"sm_throughput", sm}, {"memory_throughput", memory}, {"theoretical_occupancy", theoretical},
                 {"achieved_occupancy", theoretical * 0.9}, {"waves", waves}, {"duration", 1000}};
    return k;
}

}  // namespace

class TestProfile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("KFORGE_TEST_DATA").isEmpty(), "run under CTest (KFORGE_TEST_DATA)"); }

    void readsRecordedNcuCsv() {
        const NcuCsv csv = parseNcuCsv(recordedCsv());
        QVERIFY2(csv.error.empty(), csv.error.c_str());
        QCOMPARE(csv.kernels.size(), size_t(2));
        const KernelProfile& add = csv.kernels[0];
        const KernelProfile& transpose = csv.kernels[1];
        QCOMPARE(add.name, std::string("vector_add(const float *, const float *, float *, int)"));
        QCOMPARE(add.grid, std::string("(65536, 1, 1)"));
        QCOMPARE(add.block, std::string("(256, 1, 1)"));
        QCOMPARE(add.metric("duration").value_or(0), 58912.0);          // ns, "58,912" in the file
        QCOMPARE(add.metric("dram_read").value_or(0), 134227968.0);      // bytes
        QCOMPARE(add.metric("dram_throughput").value_or(0), 66.77);
        QCOMPARE(add.metric("registers").value_or(0), 16.0);
        QCOMPARE(add.metric("waves").value_or(0), 62.06);
        QCOMPARE(add.metric("stall_long_scoreboard").value_or(0), 53.5);
        QCOMPARE(transpose.metric("bank_conflicts").value_or(0), 16380580.0);
        QCOMPARE(transpose.metric("shared_static").value_or(0), 4096.0);
        // Metrics the recorded run did not ask for stay absent rather than zero.
        QVERIFY(!add.metric("global_load_sectors"));
    }

    void scalesUnitsAndSkipsToolMessages() {
        const std::string text =
            "==PROF== Connected to process 7 (/x/kforge-runner)\n"
            "\"ID\",\"Kernel Name\",\"Grid Size\",\"Block Size\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\"\n"
            "\"\",\"\",\"\",\"\",\"usecond\",\"Kbyte\"\n"
            "\"0\",\"void k<int, 4>(float *, int)\",\"(2, 1, 1)\",\"(64, 1, 1)\",\"1.5\",\"2,048\"\n"
            "==PROF== Disconnected from process 7\n";
        const NcuCsv csv = parseNcuCsv(text);
        QVERIFY2(csv.error.empty(), csv.error.c_str());
        QCOMPARE(csv.kernels.size(), size_t(1));
        QCOMPARE(csv.kernels[0].name, std::string("void k<int, 4>(float *, int)"));
        QCOMPARE(csv.kernels[0].metric("duration").value_or(0), 1500.0);
        QCOMPARE(csv.kernels[0].metric("dram_read").value_or(0), 2048000.0);
        QVERIFY(!parseNcuCsv("==PROF== nothing profiled\n").error.empty());
        QVERIFY(!parseNcuCsv("\"ID\",\"Process ID\"\n\"0\",\"1\"\n").error.empty());  // no kernel column
    }

    void recognisesNcuFailures() {
        const std::vector<std::string> asked{"gpu__time_duration.sum", "smsp__made_up.sum"};
        QCOMPARE(unknownNcuMetrics("==ERROR== Failed to find metric smsp__made_up.sum\n", asked),
                 std::vector<std::string>{"smsp__made_up.sum"});
        QVERIFY(unknownNcuMetrics("==PROF== Disconnected\n", asked).empty());
        QVERIFY(contains(ncuToolFailure("==ERROR== ERR_NVGPUCTRPERM - The user does not have permission to access NVIDIA GPU "
                                        "Performance Counters on the target device 0.\n"),
                         "ERR_NVGPUCTRPERM"));
        QVERIFY(contains(ncuToolFailure("==ERROR== Failed to initialize the profiler: LibraryNotLoaded\r\n"), "LibraryNotLoaded"));
        QVERIFY(ncuToolFailure(recordedCsv()).empty());
    }

    void observationsSayWhereTheTimeGoes() {
        const NodeProfile p = recordedProfile();
        const auto add = profileObservations(p.kernels[0]);
        QVERIFY2(anyContains(add, "memory-bound: DRAM throughput at 67% of peak"), add.empty() ? "" : add[0].c_str());
        QVERIFY(anyContains(profileObservations(p.kernels[1]), "memory-bound inside the chip"));
        QVERIFY(anyContains(add, "long scoreboard"));
        const auto transpose = profileObservations(p.kernels[1]);
        QVERIFY(anyContains(transpose, "16380580 shared-memory bank conflicts"));
        QVERIFY(anyContains(add, "warps mostly stall on global/local memory (long scoreboard)"));
        // The transpose takes the most time, so it decides.
        QCOMPARE(profileBottleneck(p), std::string("memory"));

        QVERIFY(anyContains(profileObservations(synthetic(20, 30, 100)), "latency-bound"));
        QVERIFY(anyContains(profileObservations(synthetic(80, 30, 100)), "compute-bound"));
        QVERIFY(anyContains(profileObservations(synthetic(20, 30, 100, 0.5)), "fills only 50% of one wave"));
        QVERIFY(anyContains(profileObservations(synthetic(20, 30, 25)), "theoretical occupancy 25%"));
        NodeProfile latency;
        latency.kernels = {synthetic(20, 30, 100)};
        QCOMPARE(profileBottleneck(latency), std::string("latency"));
        latency.kernels = {synthetic(20, 30, 25)};
        QCOMPARE(profileBottleneck(latency), std::string("occupancy"));
        QCOMPARE(profileBottleneck(NodeProfile{}), std::string());
    }

    void describesAndRoundTrips() {
        const NodeProfile p = recordedProfile();
        const std::string text = describeProfile(p);
        // The longest kernel first, with its share of the time.
        QVERIFY2(text.find("transpose_conflicts") < text.find("vector_add"), text.c_str());
        QVERIFY(contains(text, "68% of the kernels' time"));
        QVERIFY(contains(text, "DRAM throughput 66.8%"));
        QVERIFY(contains(text, "duration 58.91 us"));

        const auto back = std::optional<NodeProfile>(nodeProfileFromJson(toJson(p), "profile"));
        QCOMPARE(back->kernels.size(), size_t(2));
        QCOMPARE(back->kernels[1].metrics, p.kernels[1].metrics);
        QCOMPARE(back->axes, p.axes);
        QCOMPARE(describeProfile(*back), text);
        QVERIFY_THROWS_EXCEPTION(ModelError, nodeProfileFromJson(nlohmann::json::object(), "profile"));

        NodeProfile failed;
        failed.error = "ncu cannot profile on this machine: LibraryNotLoaded";
        failed.toolUnavailable = true;
        const auto f = std::optional<NodeProfile>(nodeProfileFromJson(toJson(failed), "profile"));
        QVERIFY(!f->ok() && f->toolUnavailable);
        QVERIFY(contains(describeProfile(*f), "not profiled: ncu cannot profile"));
    }

    void promptCarriesTheProfile() {
        const Task task = loadTask(AppPaths::discover().tasksDirectory() / "vector_add_fp32");
        Node parent;
        parent.id = 1;
        parent.generator = "template";
        parent.state = NodeState::Done;
        parent.status = Status::Passed;
        parent.fitness = 1.0;
        parent.evaluation = EvalReport{};
        WorkloadReport w;
        w.status = Status::Passed;
        w.timing.count = 10;
        w.timing.median = 0.1;
        w.bytes = 2e8;
        w.fractionOfFloor = 0.7;
        w.floor = Floor{0.07, 0.0};
        parent.evaluation->workloads.push_back(w);
        PromptInputs in;
        in.task = &task;
        in.backend = "cuda";
        in.device.name = "NVIDIA H200";
        in.device.backend = Backend::Cuda;
        in.device.gpu = GpuFacts{};
        in.device.gpu->computeCapability = "9.0";
        in.parent = &parent;
        in.parentSource = "// kernel\n";
        in.mode = AgentMode::Optimize;
        const std::string without = buildPrompt(in).messages.at(0).content;
        QVERIFY(!contains(without, "# Profile"));
        parent.profile = recordedProfile();
        const std::string with = buildPrompt(in).messages.at(0).content;
        QVERIFY2(contains(with, "# Profile (Nsight Compute 2025.3.1.0, one run on the workload N=16777216)"), with.c_str());
        QVERIFY(contains(with, "Bottleneck as measured: memory (from the profiler's counters)"));
        QVERIFY(contains(with, "shared-memory bank conflicts"));
    }

    void storeKeepsProfilesAndMigrates() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "w.db";
        int64_t sessionId = 0;
        {
            Store store(file);
            QCOMPARE(store.schemaVersion(), latestSchemaVersion());
            SessionRecord s;
            s.name = "s";
            s.task = "t";
            store.createSession(s);
            sessionId = s.id;
            Node n;
            n.id = 1;
            n.generator = "template";
            n.sourceHash = store.putSource("// k\n");
            n.sourceExtension = ".cu";
            n.createdAt = "2026-12-03T00:00:00Z";
            store.insertNode(sessionId, n);
            QVERIFY(!store.node(sessionId, 1).profile);
            store.setNodeProfile(sessionId, 1, recordedProfile());
            QVERIFY_THROWS_EXCEPTION(Error, store.setNodeProfile(sessionId, 9, NodeProfile{}));
            const Node back = store.node(sessionId, 1);
            QCOMPARE(back.profile->kernels.size(), size_t(2));
            // Summaries leave the profile out, like the other heavy columns.
            QVERIFY(!store.nodes(sessionId, Store::NodeDetail::Summary).at(0).profile);
            // Export and import carry it; an export from before schema 3 has none.
            nlohmann::json exported = store.exportSession(sessionId);
            QCOMPARE(exported.at("nodes").at(0).at("profile"), toJson(*back.profile));
            QTemporaryDir other;
            Store elsewhere(std::filesystem::path(other.path().toStdString()) / "w.db");
            const int64_t copy = elsewhere.importSession(exported);
            QCOMPARE(toJson(*elsewhere.node(copy, 1).profile), toJson(*back.profile));
            exported.at("nodes").at(0).erase("profile");
            exported.at("session").at("uuid") = "00000000-0000-4000-8000-000000000001";
            QVERIFY(!elsewhere.node(elsewhere.importSession(exported), 1).profile);
            // Make it a schema-2 workspace again, as an older KernelForge left it.
            store.database().exec("ALTER TABLE nodes DROP COLUMN profile; ALTER TABLE memories DROP COLUMN bottleneck; "
                                  "ALTER TABLE sessions DROP COLUMN torch_baselines; ALTER TABLE sessions DROP COLUMN stop_causes; "
                                  "ALTER TABLE nodes DROP COLUMN message_phrase; "
                                  "ALTER TABLE sessions DROP COLUMN device_baselines; "
                                  "PRAGMA user_version = 2");
        }
        Store reopened(file);
        QCOMPARE(reopened.schemaVersion(), latestSchemaVersion());
        QVERIFY(!reopened.node(sessionId, 1).profile);
    }

    // The one-shot profiled run works on any backend; ncu only adds the counters.
    void runnerProfilesOnceAndReports() {
        QTemporaryDir dir;
        const std::filesystem::path tmp(dir.path().toStdString());
        Store store(tmp / "w.db");
        const AppPaths paths = AppPaths::discover();
        Evaluator evaluator(paths);
        SessionLaunch launch(evaluator, store, paths, builtinGenerators());
        SessionConfig config;
        config.backend = Backend::Cpu;
        config.seeds = 1;
        config.timing.warmupMs = 1;
        config.timing.budgetMs = 5;
        config.timing.minReps = 2;
        config.stop.evaluations = 1;
        // A deliberately slow root: a fast one can measure under the floor on a busy VM.
        const auto slow = testData() / "llm" / "slow_add.cpp";
        launch.create("vector_add_fp32", config, "profile", slow);
        launch.engine().run();
        const Node& root = launch.engine().tree().at(1);
        QVERIFY2(root.passed(), (std::string(statusName(root.status)) + ": " + root.message.english()).c_str());
        // On the CPU there is no Nsight Compute: a located refusal, kept with the node.
        const NodeProfile cpu = launch.engine().profileNode(1);
        QVERIFY(!cpu.ok() && cpu.toolUnavailable);
        QVERIFY2(contains(cpu.error, "needs the CUDA backend"), cpu.error.c_str());
        QVERIFY(!store.node(launch.engine().record().id, 1).profile->ok());
        QVERIFY_THROWS_EXCEPTION(Error, launch.engine().profileNode(7));

        // The runner itself: run the root's library once in the profiled range.
        const Task& task = launch.task();
        const PreparedTask prepared = evaluator.prepare(task, Backend::Cpu);
        const CompileResult lib = evaluator.compile(prepared, slow, {});
        QVERIFY2(lib.ok, lib.log.c_str());
        const Workload& w = *prepared.workloads.front();
        EvaluateSpec spec;
        spec.library = lib.library.string();
        spec.reference = prepared.reference.library.string();
        spec.axisNames = {"N"};
        auto tensor = [](const char* name) {
            TensorSpec t;
            t.name = name;
            t.shape = {"N"};
            return t;
        };
        spec.inputs = {tensor("a"), tensor("b")};
        spec.outputs = {tensor("c")};
        WorkloadSpec ws;
        ws.uuid = w.uuid;
        const int64_t n = task.axisValues(w).at(0).second;
        ws.axisValues = {n};
        ws.inputShapes = {{n}, {n}};
        ws.outputShapes = {{n}};
        ws.scalars = {std::nullopt, std::nullopt};
        spec.workloads = {ws};
        spec.seeds = {1};
        writeTextFileAtomically(tmp / "request.json", nlohmann::json{{"spec", toJson(spec)}}.dump());
        auto runOnce = [&](const std::string& result) {
            return runProcess({paths.runner.string(), "--backend", "cpu", "--profile", (tmp / "request.json").string(), "--result",
                               (tmp / result).string()});
        };
        const ProcessResult ok = runOnce("ok.json");
        QVERIFY2(ok.ok(), ok.output.c_str());
        const auto okResult = nlohmann::json::parse(readTextFile(tmp / "ok.json"));
        QCOMPARE(okResult.value("status", ""), std::string("PASSED"));
        QVERIFY(contains(ok.output, "profiled run"));  // its progress, on stderr

        spec.library = (tmp / "missing.so").string();
        writeTextFileAtomically(tmp / "request.json", nlohmann::json{{"spec", toJson(spec)}}.dump());
        QVERIFY(runOnce("missing.json").ok());
        const auto missing = nlohmann::json::parse(readTextFile(tmp / "missing.json"));
        QCOMPARE(missing.value("status", ""), std::string("RUNTIME_ERROR"));
        QVERIFY(contains(missing.value("message", ""), "cannot load the compiled candidate"));
    }

    // On a CUDA machine with Nsight Compute: the template of vector_add,
    // profiled for real, reads as memory-bound.
    void cudaNodeProfiledWithNcu() {
        const AppPaths paths = AppPaths::discover();
        Evaluator evaluator(paths);
        kforge::Phrase why;
        if (!evaluator.runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why.english()).c_str());
        std::string noNcu;
        if (!findNcu(noNcu)) QSKIP(noNcu.c_str());
        QTemporaryDir dir;
        Store store(std::filesystem::path(dir.path().toStdString()) / "w.db");
        SessionLaunch launch(evaluator, store, paths, builtinGenerators());
        SessionConfig config;
        config.backend = Backend::Cuda;
        config.stop.evaluations = 1;
        launch.create("vector_add_fp32", config, "ncu");
        launch.engine().run();
        QVERIFY(launch.engine().tree().at(1).passed());
        const NodeProfile p = launch.engine().profileNode(1);
        QVERIFY2(p.ok(), p.error.c_str());
        qInfo("%s", describeProfile(p).c_str());
        QVERIFY(!p.kernels.empty());
        // Only the candidate's launches: not the runner's copy probe or the reference.
        for (const auto& k : p.kernels) QVERIFY2(!contains(k.name, "kf_copy16") && !contains(k.name, "reference"), k.name.c_str());
        QVERIFY(p.kernels[0].metric("duration").value_or(0) > 0);
        QVERIFY(p.kernels[0].metric("dram_throughput").value_or(0) > 20);
        QCOMPARE(profileBottleneck(p), std::string("memory"));
        QVERIFY(store.node(launch.engine().record().id, 1).profile->ok());
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "test_profile.moc"
