// Tasks with several templates (task.h TemplateVariant): the definition's
// "template" may list files, each a kernel shape with its own @tune space; the
// loader names them by file stem and refuses an empty list, a missing file and
// two of one name; a session starts from every template and the tuner tunes
// each in its own space, so the best can come from any; `kforge eval TASK
// template:NAME` measures one.
#include <QtTest>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "store/store.h"
#include "task/task.h"
#include "util/process.h"

using namespace kforge;

class TestVariants : public QObject {
    Q_OBJECT
    std::filesystem::path dir_;

    static std::string env(const char* name) { return qEnvironmentVariable(name).toStdString(); }
    static std::filesystem::path task() { return env("KFORGE_TEST_DATA") + "/data/variant_add_fp32"; }
    static ProcessResult kforge(std::vector<std::string> args) {
        args.insert(args.begin(), env("KFORGE_CLI"));
        RunOptions o;
        o.timeout = std::chrono::minutes(5);
        return runProcess(args, o);
    }
    // The task's definition with its cpu "template" replaced by `templates` (JSON).
    std::filesystem::path variantOf(const std::string& name, const std::string& templates) const {
        const auto d = dir_ / name;
        std::filesystem::create_directories(d);
        for (const char* f : {"slow.cpp", "fast.cpp", "workloads.jsonl"})
            std::filesystem::copy_file(task() / f, d / f, std::filesystem::copy_options::overwrite_existing);
        std::ifstream in(task() / "definition.json");
        std::string text((std::istreambuf_iterator<char>(in)), {});
        // Empty: no template at all.
        const std::string from = templates.empty() ? ", \"template\": [\"slow.cpp\", \"fast.cpp\"]" : "\"template\": [\"slow.cpp\", \"fast.cpp\"]";
        text.replace(text.find(from), from.size(), templates.empty() ? "" : "\"template\": " + templates);
        const std::string ref = "../../../resources/";
        for (size_t at; (at = text.find(ref)) != std::string::npos;)
            text.replace(at, ref.size(), env("KFORGE_RESOURCES") + "/");
        std::ofstream(d / "definition.json") << text;
        return d / "definition.json";
    }
    void refused(const std::string& name, const std::string& templates, const std::string& expected) {
        try {
            loadTask(variantOf(name, templates));
            QFAIL(("accepted " + templates).c_str());
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
        }
    }

private slots:
    void initTestCase() {
        dir_ = std::filesystem::path(QDir::tempPath().toStdString()) / ("kforge-test-variants-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void cleanupTestCase() { std::filesystem::remove_all(dir_); }

    void loaderNamesTemplatesByStem() {
        const Task t = loadTask(task() / "definition.json");
        const NativeImpl& cpu = t.native.at(Backend::Cpu);
        QCOMPARE(cpu.templates.size(), size_t{2});
        QCOMPARE(cpu.templates[0].name, std::string("slow"));
        QCOMPARE(cpu.templates[1].name, std::string("fast"));
        QCOMPARE(cpu.templ(), cpu.templates[0].path);  // the first is the default
        QCOMPARE(cpu.findTemplate("fast")->path, cpu.templates[1].path);
        QCOMPARE(cpu.findTemplate("")->name, std::string("slow"));
        QVERIFY(!cpu.findTemplate("medium"));
        // One file, the old form: one template named by its stem.
        const Task one = loadTask(variantOf("one", "\"fast.cpp\""));
        QCOMPARE(one.native.at(Backend::Cpu).templates.size(), size_t{1});
        QCOMPARE(one.native.at(Backend::Cpu).findTemplate("template")->name, std::string("fast"));
    }

    void loaderRefusesBadLists() {
        refused("empty", "[]", "native.cpu.template: an empty list");
        refused("missing", "[\"slow.cpp\", \"nowhere.cpp\"]", "native.cpu.template[1]: file 'nowhere.cpp' not found");
        refused("twice", "[\"slow.cpp\", \"./slow.cpp\"]", "has the name 'slow' of another template");
        refused("number", "[\"slow.cpp\", 7]", "native.cpu.template[1]: must be a string");
    }

    void sessionTunesEveryTemplate() {
        const std::string db = (dir_ / "ws.db").string();
        const auto r = kforge({"optimize", task().string(), "--backend", "cpu", "--tuner", "grid", "--budget", "8", "--budget-ms",
                               "20", "--warmup-ms", "5", "--torch-baselines", "none", "--speedup-against", "native",
                               "--no-tuning-cache", "--db", db});
        QVERIFY2(r.ok(), r.output.c_str());
        Store store(db);
        const SessionRecord s = store.sessions().at(0);
        const std::vector<Node> nodes = store.nodes(s.id);
        std::map<std::string, std::string> sourceOf;  // template file stem -> its source hash
        for (const auto& n : nodes)
            if (n.generator == "template") sourceOf[std::filesystem::path(n.input.file).stem().string()] = n.sourceHash;
        QCOMPARE(sourceOf.size(), size_t{2});
        QVERIFY(nodes.at(1).parent && *nodes.at(1).parent == 1);  // the second template beside the first
        // Tuned configurations of both sources.
        std::set<std::string> tunedSources;
        for (const auto& n : nodes)
            if (n.generator == "tuner") tunedSources.insert(n.sourceHash);
        QCOMPARE(tunedSources, (std::set<std::string>{sourceOf["slow"], sourceOf["fast"]}));
        // The best is the fast template's (PASSES=1 does an eighth of the work or less).
        QVERIFY(s.bestNode);
        const Node& best = nodes.at(static_cast<size_t>(*s.bestNode - 1));
        QCOMPARE(best.sourceHash, sourceOf["fast"]);
        QCOMPARE(best.config.at("PASSES"), std::string("1"));
    }

    // The seed round: each template's @seed configurations are measured before
    // any strategy's, also those of a template the policy would not pick (the
    // slow one, with --strategy best).
    void seedsOfEveryTemplateComeFirst() {
        const auto def = variantOf("seeded", "[\"slow.cpp\", \"fast.cpp\"]");
        std::ofstream(def.parent_path() / "slow.cpp", std::ios::app) << "// @tune UNUSED 1 2 3\n// @seed PASSES=8 UNUSED=2\n";
        std::ofstream(def.parent_path() / "fast.cpp", std::ios::app) << "// @seed PASSES=1 CHUNK=65536\n// @seed PASSES=4 CHUNK=65536\n";
        const std::string db = (dir_ / "seeded.db").string();
        const auto r = kforge({"optimize", def.parent_path().string(), "--backend", "cpu", "--tuner", "grid", "--strategy", "best",
                               "--budget", "5", "--budget-ms", "20", "--warmup-ms", "5", "--torch-baselines", "none",
                               "--speedup-against", "native", "--no-tuning-cache", "--db", db});
        QVERIFY2(r.ok(), r.output.c_str());
        Store store(db);
        const std::vector<Node> nodes = store.nodes(store.sessions().at(0).id);
        std::map<std::string, int> seedsOf;  // source hash -> seeds measured
        int tuned = 0;
        for (const auto& n : nodes) {
            if (n.generator != "tuner") continue;
            ++tuned;
            QCOMPARE(n.input.strategy, std::string("seed"));
            ++seedsOf[n.sourceHash];
        }
        QCOMPARE(tuned, 3);
        QCOMPARE(seedsOf.size(), size_t{2});
    }

    // Without a template the session starts from the baseline, which declares
    // no @tune: the stop reason says there was nothing to tune, and how to fix it.
    void nothingToTuneIsSaid() {
        const auto def = variantOf("untunable", "");
        const auto r = kforge({"optimize", def.parent_path().string(), "--backend", "cpu", "--budget", "4", "--budget-ms", "20",
                               "--warmup-ms", "5", "--torch-baselines", "none", "--speedup-against", "native", "--no-tuning-cache",
                               "--db", (dir_ / "untunable.db").string()});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY2(r.output.find("nothing to tune: no source in the session declares @tune parameters (the task has no tunable "
                               "template for cpu)") != std::string::npos,
                 r.output.c_str());
    }

    void evalNamesATemplate() {
        const auto r = kforge({"eval", task().string(), "template:fast", "--backend", "cpu", "--budget-ms", "20", "--warmup-ms", "5",
                               "--torch-baselines", "none", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY2(r.output.find("fast.cpp") != std::string::npos, r.output.c_str());
        const auto bad = kforge({"eval", task().string(), "template:medium", "--backend", "cpu"});
        QVERIFY(!bad.ok());
        QVERIFY2(bad.output.find("the task has no template 'medium' for cpu (it has slow, fast)") != std::string::npos,
                 bad.output.c_str());
    }
};

QTEST_GUILESS_MAIN(TestVariants)
#include "test_variants.moc"
