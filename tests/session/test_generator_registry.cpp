// session/generator_registry: a session config naming an unknown generator
// fails with where it was named and the names that are known; a name cannot be
// registered twice; the built-ins (tuner, manual, llm) are all there, and the
// LLM's factory refuses a config without a provider and reports a missing key
// as GeneratorUnavailable (a stored session still opens without it).
#include <QTemporaryDir>
#include <QtTest>

#include "agent/builtin_generators.h"
#include "agent/llm_generator.h"
#include "session/session_generators.h"
#include "session/tuner_generator.h"
#include "store/store.h"

using namespace kforge;

namespace {

// The text of the kforge::Error `f` throws; empty when it throws none.
template <class F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class TestGeneratorRegistry : public QObject {
    Q_OBJECT
private slots:
    void unknownNameIsLocatedAndListsTheKnownOnes() {
        const std::string e = errorOf([] { builtinGenerators().at("tunr", "session 3's generators"); });
        QVERIFY2(contains(e, "session 3's generators: unknown generator 'tunr'"), e.c_str());
        for (const char* known : {"tuner", "manual", "llm"}) QVERIFY2(contains(e, known), e.c_str());
        QVERIFY(!builtinGenerators().find("tunr"));
        QVERIFY(contains(errorOf([] { GeneratorRegistry{}.at("tuner", "here"); }), "none are registered"));
    }

    void aNameIsRegisteredOnce() {
        GeneratorRegistry r;
        registerSessionGenerators(r);
        const std::string e = errorOf([&] {
            r.add({"tuner", "another tuner", false, [](const GeneratorContext&) { return std::unique_ptr<Generator>(); }});
        });
        QVERIFY2(contains(e, "'tuner' is registered already"), e.c_str());
        QVERIFY(contains(errorOf([&] { registerBuiltinGenerators(r); }), "registered already"));
        QVERIFY(contains(errorOf([&] { r.add({"", "nameless", false, {}}); }), "needs a name"));
        QVERIFY(contains(errorOf([&] { r.add({"x", "no factory", false, {}}); }), "no factory"));
        QCOMPARE(r.all().size(), size_t{2});  // nothing half-registered
    }

    void theBuiltinsAreAllThere() {
        const GeneratorRegistry& r = builtinGenerators();
        QCOMPARE(r.all().size(), size_t{3});
        for (std::string_view name : {kTunerGenerator, kManualGenerator, kLlmGenerator}) {
            const GeneratorRegistration* g = r.find(name);
            QVERIFY(g);
            QVERIFY(!g->description.empty());
            QVERIFY(g->make);
        }
        QVERIFY(r.find(kLlmGenerator)->needsLlmSettings);
        QVERIFY(!r.find(kTunerGenerator)->needsLlmSettings);
        QCOMPARE(r.namesText(), std::string("tuner, manual and llm"));
    }

    void factoriesBuildWhatTheConfigAsks() {
        QTemporaryDir dir;
        Store store(std::filesystem::path(dir.path().toStdString()) / "w.db");
        AgentRecords records(store.database());
        Task task;
        SessionRecord record;
        // No tuning cache, no engine to wake, stream to or profile with.
        const GeneratorContext context{.task = task,
                                       .record = record,
                                       .records = records,
                                       .knowledgeDirectory = {},
                                       .openTuningCache = {},
                                       .wake = {},
                                       .onStream = {},
                                       .profile = {}};
        const GeneratorRegistry& r = builtinGenerators();

        QVERIFY(!r.at(kManualGenerator, "test").make(context));  // edits come through addManual()
        const auto tuner = r.at(kTunerGenerator, "test").make(context);
        QVERIFY(tuner && tuner->name() == kTunerGenerator && !tuner->asynchronous());

        QVERIFY(contains(errorOf([&] { r.at(kLlmGenerator, "test").make(context); }), "needs a provider"));
        LlmSettings llm;
        llm.provider.name = "p";
        llm.provider.keyEnv = "KFORGE_TEST_REGISTRY_KEY_THAT_IS_NOT_SET";
        record.config.llm = llm;
        qunsetenv(llm.provider.keyEnv.c_str());
        bool unavailable = false;
        try {
            r.at(kLlmGenerator, "test").make(context);
        } catch (const GeneratorUnavailable& e) {
            unavailable = contains(e.what(), llm.provider.keyEnv);
        }
        QVERIFY(unavailable);
    }
};

QTEST_APPLESS_MAIN(TestGeneratorRegistry)
#include "test_generator_registry.moc"
