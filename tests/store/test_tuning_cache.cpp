// The tuning cache: the faster entry wins a key, entries measured on another
// device or toolchain come back as stale (never usable), clearing by task,
// a newer cache's file is refused; and the tuner proposes the cache's
// configurations first, once each, skipping those outside the declared space.
#include <QTemporaryDir>
#include <QtTest>

#include <set>

#include "export/tuning_notes.h"
#include "session/tuner_generator.h"
#include "store/tuning_cache.h"
#include "util/error.h"
#include "util/sha256.h"

using namespace kforge;

namespace {

TuningEntry entry(const std::string& axes, double ms, const std::string& device = "GPU A", const std::string& toolchain = "nvcc 13.0",
                  TuneConfig config = {{"A", "2"}, {"B", "1"}}) {
    TuningEntry e;
    e.key = {"taskhash", axes, device, "sm_90", toolchain, "src"};
    e.task = "row_sum";
    e.workload = "w-" + axes;
    e.config = std::move(config);
    e.medianMs = ms;
    e.samples = 100;
    e.session = "uuid";
    e.node = 7;
    e.recordedAt = "2026-12-06T00:00:00Z";
    return e;
}

const char* kTunable =
    "// @tune A 1 2 3 4\n"
    "// @tune B 1 2 3\n"
    "// @constraint A * B <= 8\n"
    "int x;\n";

// A measured, passed node of the tunable source `hash`.
Node passedNode(int64_t id, std::optional<int64_t> parent, const std::string& hash, const TuneConfig& config) {
    Node n;
    n.id = id;
    n.parent = parent;
    n.sourceHash = hash;
    n.sourceExtension = ".cpp";
    n.config = config;
    n.state = NodeState::Done;
    n.status = Status::Passed;
    n.fitness = 1;
    return n;
}

}  // namespace

class TestTuningCache : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int n_ = 0;
    std::filesystem::path fresh() { return std::filesystem::path(dir_.path().toStdString()) / ("t" + std::to_string(n_++) + ".db"); }

private slots:
    void fasterEntryWinsItsKey() {
        TuningCache c(fresh());
        QVERIFY(c.offer(entry("M=4", 2.0)));
        QVERIFY(!c.offer(entry("M=4", 2.5, "GPU A", "nvcc 13.0", {{"A", "4"}, {"B", "2"}})));  // slower: kept out
        QVERIFY(c.offer(entry("M=4", 1.5, "GPU A", "nvcc 13.0", {{"A", "3"}, {"B", "2"}})));
        QVERIFY(c.offer(entry("M=8", 3.0)));
        const auto all = c.list();
        QCOMPARE(all.size(), size_t{2});
        QCOMPARE(all[0].key.axes, std::string("M=4"));
        QCOMPARE(all[0].medianMs, 1.5);
        QCOMPARE(configKey(all[0].config), configKey(TuneConfig{{"A", "3"}, {"B", "2"}}));
        const auto one = c.entry(all[0].id);
        QVERIFY(one);
        QCOMPARE(toJson(*one), toJson(all[0]));
        QVERIFY(!c.entry(999));
        QVERIFY_THROWS_EXCEPTION(Error, c.offer(entry("M=4", 0.0)));  // a median of 0 is no measurement
    }

    void otherDeviceOrToolchainIsStale() {
        TuningCache c(fresh());
        c.offer(entry("M=4", 1.0));
        c.offer(entry("M=4", 0.5, "GPU B"));
        c.offer(entry("M=8", 0.7, "GPU A", "nvcc 12.4"));
        const TuningLookup here = c.lookup("taskhash", "src", "GPU A", "sm_90", "nvcc 13.0");
        QCOMPARE(here.usable.size(), size_t{1});
        QCOMPARE(here.usable[0].key.device, std::string("GPU A"));
        QCOMPARE(here.stale.size(), size_t{2});
        QVERIFY(c.lookup("taskhash", "src", "GPU A", "sm_80", "nvcc 13.0").usable.empty());  // another architecture
        QVERIFY(c.lookup("otherhash", "src", "GPU A", "sm_90", "nvcc 13.0").usable.empty());
        QVERIFY(c.lookup("taskhash", "othersrc", "GPU A", "sm_90", "nvcc 13.0").usable.empty());
    }

    void clearsAllOrOneTask() {
        TuningCache c(fresh());
        c.offer(entry("M=4", 1.0));
        TuningEntry other = entry("M=4", 1.0);
        other.key.taskHash = "other";
        other.task = "softmax";
        c.offer(other);
        QCOMPARE(c.list(std::string("softmax")).size(), size_t{1});
        QCOMPARE(c.clear(std::string("softmax")), int64_t{1});
        QCOMPARE(c.list().size(), size_t{1});
        QCOMPARE(c.clear(), int64_t{1});
        QVERIFY(c.list().empty());
    }

    void persistsAndRefusesANewerSchema() {
        const auto file = fresh();
        { TuningCache(file).offer(entry("M=4", 1.0)); }
        QCOMPARE(TuningCache(file).list().size(), size_t{1});
        { Database(file).exec("PRAGMA user_version = 99"); }
        try {
            TuningCache again(file);
            QFAIL("a newer cache was opened");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("newer KernelForge") != std::string::npos, e.what());
        }
    }

    void keysNameTheArchitecture() {
        DeviceFacts gpu;
        gpu.backend = Backend::Cuda;
        gpu.gpu = GpuFacts{};
        gpu.gpu->ccMajor = 9;
        gpu.gpu->ccMinor = 0;
        QCOMPARE(tuningArch(gpu), std::string("sm_90"));
        gpu.gpu->gcnArch = "gfx942";
        QCOMPARE(tuningArch(gpu), std::string("gfx942"));
        DeviceFacts cpu;
        QCOMPARE(tuningArch(cpu), std::string("cpu"));
        QCOMPARE(tuningAxes({{"M", 4}, {"N", 1024}}), std::string("M=4,N=1024"));
        QCOMPARE(tuningToolchain("nvcc: NVIDIA (R) Cuda compiler driver\nCopyright (c) 2005-2025 NVIDIA Corporation\n"
                                 "Cuda compilation tools, release 13.0, V13.0.48\nBuild cuda_13.0.r13.0\n"),
                 std::string("Cuda compilation tools, release 13.0, V13.0.48"));
        QCOMPARE(tuningToolchain("\nc++ (Debian 12.2.0-14+deb12u1) 12.2.0\r\nCopyright (C) 2022\n"),
                 std::string("c++ (Debian 12.2.0-14+deb12u1) 12.2.0"));
        QCOMPARE(tuningToolchain(""), std::string());
    }

    // An export names a faster configuration the cache holds for a workload it
    // serves (same source and device model), and nothing else.
    void exportNotesAFasterCachedConfiguration() {
        TuningCache c(fresh());
        ExportPlan plan;
        plan.session.taskDefinition = "{}";
        plan.session.device.name = "GPU A";
        plan.session.device.backend = Backend::Cuda;
        plan.session.device.gpu = GpuFacts{};
        plan.session.device.gpu->ccMajor = 9;
        ExportVariant v;
        v.sourceHash = "src";
        v.config = {{"A", "2"}, {"B", "1"}};
        plan.variants.push_back(v);
        for (const char* axes : {"M=4", "M=8"}) {
            ExportWorkload w;
            w.workload.uuid = std::string("w") + axes;
            w.axes = {{"M", std::stoll(axes + 2)}};
            w.measured.timing.median = 1.0;
            w.measured.timing.count = 10;
            plan.workloads.push_back(w);
        }
        auto put = [&](const std::string& axes, double ms, TuneConfig config, const std::string& device = "GPU A") {
            TuningEntry e = entry(axes, ms, device, "nvcc 12.4", std::move(config));
            e.key.taskHash = sha256Hex("{}");
            c.offer(e);
        };
        put("M=4", 0.5, {{"A", "4"}, {"B", "2"}});         // 2x faster, another configuration: noted
        put("M=8", 0.95, {{"A", "4"}, {"B", "2"}});        // within 10%: likely noise, not worth a note
        put("M=8", 0.2, {{"A", "4"}, {"B", "2"}}, "GPU B");  // another device: not comparable
        addTuningCacheNotes(plan, c);
        QCOMPARE(plan.notes.size(), size_t{1});
        const std::string note = plan.notes[0].english();
        QVERIFY2(note.find("workload wM=4 ran 2x faster with A=4 B=2") != std::string::npos, note.c_str());
        QVERIFY2(note.find("nvcc 12.4") != std::string::npos, note.c_str());
        QVERIFY(!plan.notes[0].verbatim);  // a phrase the GUI translates, its values as they are
    }

    void tunerProposesTheCacheFirst() {
        SessionTree tree;
        const std::string hash = sha256Hex(kTunable);
        tree.putSource(hash, kTunable);
        const Node root = passedNode(1, std::nullopt, hash, {{"A", "1"}, {"B", "1"}});
        tree.put(root);
        int asked = 0;
        // (4, 2) is the cache's best; (1, 1) is the root (tried); (4, 3) breaks A * B <= 8; (9, 9) is outside the space.
        TuneConfig offeredRoot;
        TunerGenerator tuner("grid", 1, [&](const std::string& h, const TuneConfig& rootConfig) {
            ++asked;
            offeredRoot = rootConfig;
            return h == hash ? std::vector<TuneConfig>{{{"A", "4"}, {"B", "2"}}, {{"A", "1"}, {"B", "1"}}, {{"A", "4"}, {"B", "3"}},
                                                       {{"A", "9"}, {"B", "9"}}, {{"A", "3"}, {"B", "1"}}, {{"A", "4"}, {"B", "2"}}}
                             : std::vector<TuneConfig>{};
        });
        std::vector<std::string> order;
        std::set<std::string> seen{configKey(root.config)};
        for (int i = 0; i < 9; ++i) {
            const auto p = tuner.propose(tree.at(1), tree);
            QVERIFY(p);
            QVERIFY(seen.insert(configKey(p->config)).second);
            if (i < 2) QCOMPARE(p->input.strategy, std::string(kTuningCacheStrategy));
            else QCOMPARE(p->input.strategy, std::string("grid"));
            order.push_back(configKey(p->config));
            tree.put(passedNode(tree.nextId(), 1, hash, p->config));
        }
        QCOMPARE(order[0], configKey(TuneConfig{{"A", "4"}, {"B", "2"}}));
        QCOMPARE(order[1], configKey(TuneConfig{{"A", "3"}, {"B", "1"}}));
        QVERIFY(!tuner.propose(tree.at(1), tree));  // 10 valid configurations, all tried
        QCOMPARE(asked, 1);                         // once per source
        QCOMPARE(configKey(offeredRoot), configKey(root.config));  // told which configuration the root measures
    }

    void tunerProposesTheCacheThenTheSourcesSeeds() {
        // The seeds come after the cache's configurations, in their order, each
        // once (one the cache already named is not proposed twice), then the strategy.
        const std::string source = std::string(kTunable) + "// @seed A=2 B=3\n// @seed A=4 B=2\n// @seed B=2\n";
        SessionTree tree;
        const std::string hash = sha256Hex(source);
        tree.putSource(hash, source);
        const Node root = passedNode(1, std::nullopt, hash, {{"A", "1"}, {"B", "1"}});
        tree.put(root);
        TunerGenerator tuner("grid", 1, [&](const std::string&, const TuneConfig&) { return std::vector<TuneConfig>{{{"A", "4"}, {"B", "2"}}}; });
        std::vector<std::pair<std::string, std::string>> proposed;
        for (int i = 0; i < 5; ++i) {
            const auto p = tuner.propose(tree.at(1), tree);
            QVERIFY(p);
            proposed.emplace_back(configKey(p->config), p->input.strategy);
            tree.put(passedNode(tree.nextId(), 1, hash, p->config));
        }
        QCOMPARE(proposed[0], std::make_pair(configKey({{"A", "4"}, {"B", "2"}}), std::string(kTuningCacheStrategy)));
        QCOMPARE(proposed[1], std::make_pair(configKey({{"A", "2"}, {"B", "3"}}), std::string(kTemplateSeedStrategy)));
        QCOMPARE(proposed[2], std::make_pair(configKey({{"A", "1"}, {"B", "2"}}), std::string(kTemplateSeedStrategy)));
        QCOMPARE(proposed[3].second, std::string("grid"));
        QCOMPARE(proposed[4].second, std::string("grid"));
    }

    void tunerMeasuresEveryVariantsSeedsBeforeItsStrategy() {
        // Two sources (a task's variants), each with its seeds: the tuner asks
        // for their roots in turns, the source with fewest seeds tried first,
        // until every seed is measured; then it leaves the choice to the policy.
        const std::string a = std::string(kTunable) + "// @seed A=2 B=2\n// @seed A=3 B=1\n// @seed A=4 B=1\n";
        const std::string b = std::string(kTunable) + "// B's variant\n// @seed A=2 B=3\n";
        const std::string c = std::string(kTunable) + "// no seeds\n";
        const std::string broken = std::string(kTunable) + "// broken\n// @seed A=2 B=2\n";
        SessionTree tree;
        for (const auto* s : {&a, &b, &c, &broken}) tree.putSource(sha256Hex(*s), *s);
        tree.put(passedNode(1, std::nullopt, sha256Hex(a), {{"A", "1"}, {"B", "1"}}));
        Node failed = passedNode(2, 1, sha256Hex(b), {{"A", "1"}, {"B", "1"}});
        failed.status = Status::IncorrectNumerical;  // measured: its seeds may still pass
        tree.put(failed);
        tree.put(passedNode(3, 1, sha256Hex(c), {{"A", "1"}, {"B", "1"}}));
        Node noCompile = passedNode(4, 1, sha256Hex(broken), {{"A", "1"}, {"B", "1"}});
        noCompile.status = Status::CompileError;  // its seeds would not compile either
        tree.put(noCompile);
        TunerGenerator tuner("grid", 1);
        std::vector<std::pair<int64_t, std::string>> order;  // (root, configuration)
        while (const auto root = tuner.preferredParent(tree)) {
            const auto p = tuner.propose(tree.at(*root), tree);
            QVERIFY(p);
            QCOMPARE(p->input.strategy, std::string(kTemplateSeedStrategy));
            order.emplace_back(*root, configKey(p->config));
            Node pending = passedNode(tree.nextId(), *root, tree.at(*root).sourceHash, p->config);
            pending.state = NodeState::Pending;  // proposed is tried: the round moves on before it is measured
            tree.put(pending);
            QVERIFY(order.size() <= 4);
        }
        const std::vector<std::pair<int64_t, std::string>> expected{{1, configKey({{"A", "2"}, {"B", "2"}})},
                                                                    {2, configKey({{"A", "2"}, {"B", "3"}})},
                                                                    {1, configKey({{"A", "3"}, {"B", "1"}})},
                                                                    {1, configKey({{"A", "4"}, {"B", "1"}})}};
        QCOMPARE(order, expected);

        // A root still being measured does not hold the round up: its seeds
        // fill the pipeline meanwhile.
        SessionTree waiting;
        waiting.putSource(sha256Hex(a), a);
        Node root = passedNode(1, std::nullopt, sha256Hex(a), {{"A", "1"}, {"B", "1"}});
        root.state = NodeState::Pending;
        waiting.put(root);
        QCOMPARE(tuner.preferredParent(waiting), std::optional<int64_t>(1));
    }
};

QTEST_GUILESS_MAIN(TestTuningCache)
#include "test_tuning_cache.moc"
