// A scripted agent session on the CPU: the LLM generator, served by a loopback
// server that plays a model, writes a faster kernel, a kernel that does not
// compile and then its fix, and a wrong kernel that verification rejects; an
// answer with no code and one that calls system() are refused and recorded.
#include <QtTest>

#include <atomic>
#include <mutex>

#include "agent/builtin_generators.h"
#include "profile/ncu.h"
#include "session/session_launch.h"
#include "support/loopback_http_server.h"
#include "util/error.h"
#include "util/text.h"

using namespace kforge;
using namespace kforge::test;

namespace {

std::string kernel(const std::string& body, const std::string& comment = "") {
    return "// " + comment + "\n#include <kf_abi.h>\n\nKF_EXPORT int kf_run(const kf_call* call) {\n"
           "    const int64_t n = kf_axis(call, \"N\");\n"
           "    const float* __restrict a = static_cast<const float*>(call->inputs[0].data);\n"
           "    const float* __restrict b = static_cast<const float*>(call->inputs[1].data);\n"
           "    float* __restrict c = static_cast<float*>(call->outputs[0].data);\n"
           "#pragma omp simd\n"
           "    for (int64_t i = 0; i < n; ++i) " + body + "\n    return 0;\n}\n";
}

std::string answer(const std::string& change, const std::string& code) {
    return "Change: " + change + "\n\n```cpp\n" + code + "```\n";
}

// The answer split into pieces, as a model streams it.
ScriptedReply streamed(const std::string& text) {
    std::vector<std::string> pieces;
    for (size_t at = 0; at < text.size(); at += 40) pieces.push_back(text.substr(at, 40));
    return openAiStream(pieces, 1000, static_cast<int>(text.size() / 4));
}

class Recorder : public SessionObserver {
public:
    void exchange(const LlmExchange& e) override {
        std::lock_guard lock(mutex);
        exchanges.push_back(e);
    }
    void llmText(int64_t, const ChatStreamEvent& e) override {
        std::lock_guard lock(mutex);
        if (e.kind == ChatStreamEvent::Kind::Text) streamedBytes += e.text.size();
    }
    std::mutex mutex;
    std::vector<LlmExchange> exchanges;
    size_t streamedBytes = 0;
};

SessionConfig agentConfig(const LoopbackHttpServer& server) {
    SessionConfig c;
    c.backend = Backend::Cpu;
    c.generators = {"llm"};
    c.seeds = 1;
    c.timing.warmupMs = 2;
    c.timing.budgetMs = 20;
    c.timing.minReps = 3;
    c.maxInFlight = 1;  // one thing at a time: the script's order is the session's order
    LlmSettings llm;
    llm.provider.name = "scripted";
    llm.provider.baseUrl = server.url("/v1");
    llm.provider.model = "scripted-model";
    llm.provider.maxConcurrent = 1;
    llm.provider.retries = 0;
    llm.provider.prices = {1.0, 2.0};
    c.llm = llm;
    return c;
}

// A workspace of its own and an engine on it, per test.
struct Workspace {
    QTemporaryDir dir;
    Store store{std::filesystem::path(dir.path().toStdString()) / "w.db"};
    AppPaths paths = AppPaths::discover();
    Evaluator evaluator{paths};
    SessionLaunch launch{evaluator, store, paths, builtinGenerators()};
};

std::filesystem::path testData() { return std::filesystem::path(qEnvironmentVariable("KFORGE_TEST_DATA").toStdString()); }

}  // namespace

class TestAgentSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(!qEnvironmentVariable("KFORGE_TEST_DATA").isEmpty(), "run under CTest (KFORGE_TEST_DATA)");
        qputenv("KFORGE_PROVIDERS", QByteArray("/nonexistent/providers.json"));
    }

    void scriptedSessionFixesAndRejects() {
        const std::vector<std::string> script = {
            "I think the loop could be vectorized, but I will not write code today.",
            answer("log the call", kernel("c[i] = a[i] + b[i]; std::system(\"echo hi\");", "with a side effect")),
            answer("a plain vectorized loop without the redundant work", kernel("c[i] = a[i] + b[i];", "fast")),
            answer("unrolled by hand", kernel("c[i] = a[i] + undeclared_b[i];", "broken")),
            answer("declared what was missing", kernel("c[i] = a[i] + b[i];", "fixed")),
            answer("subtract instead", kernel("c[i] = a[i] - b[i];", "wrong")),
        };
        LoopbackHttpServer server([&](const ReceivedRequest&, int i) {
            return streamed(i < static_cast<int>(script.size()) ? script[static_cast<size_t>(i)] : script[2]);
        });
        Workspace w;
        Store& store = w.store;
        SessionLaunch& launch = w.launch;
        SessionConfig config = agentConfig(server);
        config.stop.evaluations = 5;
        const auto& record = launch.create("vector_add_fp32", config, "agent", testData() / "data" / "llm" / "slow_add.cpp");
        const int64_t sessionId = record.id;
        Recorder recorder;
        const SessionRecord done = launch.engine().run(&recorder);
        QCOMPARE(done.stopReason, std::string("budget of 5 evaluations reached"));

        const auto requests = server.requests();
        QCOMPARE(requests.size(), size_t(6));
        const auto& tree = launch.engine().tree();
        QCOMPARE(tree.nodes().size(), size_t(5));
        const Node& root = tree.at(1);
        const Node& fast = tree.at(2);
        const Node& broken = tree.at(3);
        const Node& fixed = tree.at(4);
        const Node& wrong = tree.at(5);
        QVERIFY(root.passed());
        qInfo("root (slow_add.cpp) %.3fx, agent's rewrite %.3fx, its fix %.3fx over the task's baseline", root.fitness, fast.fitness,
              fixed.fitness);
        QVERIFY2(fast.passed() && fast.fitness > root.fitness * 1.5,
                 (std::to_string(fast.fitness) + " vs root " + std::to_string(root.fitness)).c_str());
        QCOMPARE(fast.generator, std::string("llm"));
        QCOMPARE(fast.input.change, std::string("a plain vectorized loop without the redundant work"));
        QCOMPARE(broken.status, Status::CompileError);
        QCOMPARE(fixed.parent.value_or(0), int64_t(3));
        QCOMPARE(fixed.input.mode, std::string("fix"));
        QVERIFY(fixed.passed());
        QCOMPARE(wrong.status, Status::IncorrectNumerical);

        // The fix was asked with the compiler's words in the prompt.
        const auto fixRequest = nlohmann::json::parse(requests[4].body);
        const std::string fixPrompt = fixRequest.at("messages").at(1).at("content").get<std::string>();
        QVERIFY(fixPrompt.find("Fix it") != std::string::npos);
        QVERIFY2(fixPrompt.find("undeclared_b") != std::string::npos, fixPrompt.substr(0, 3000).c_str());
        // The root's prompt after two refusals says why the last one was refused.
        const std::string third = nlohmann::json::parse(requests[2].body).at("messages").at(1).at("content").get<std::string>();
        QVERIFY(third.find("was refused") != std::string::npos);
        QVERIFY(third.find("system(") != std::string::npos);

        AgentRecords records(store.database());
        const auto exchanges = records.exchanges(sessionId);
        QCOMPARE(exchanges.size(), size_t(6));
        QVERIFY(!exchanges[0].nodeId);
        QVERIFY2(exchanges[0].refusal.find("no code block") != std::string::npos, exchanges[0].refusal.c_str());
        QVERIFY(!exchanges[1].nodeId);
        QVERIFY2(exchanges[1].refusal.find("system( (process)") != std::string::npos, exchanges[1].refusal.c_str());
        for (int i = 2; i < 6; ++i) QCOMPARE(exchanges[static_cast<size_t>(i)].nodeId.value_or(0), int64_t(i));
        QCOMPARE(exchanges[4].mode, std::string("fix"));
        QCOMPARE(exchanges[2].response, script[2]);
        QCOMPARE(records.usage(sessionId).inputTokens, int64_t(6000));
        QCOMPARE(recorder.exchanges.size(), size_t(6));
        QVERIFY(recorder.streamedBytes > 0);
        // Every evaluated child left a memory.
        const auto memories = records.sessionMemories(sessionId);
        QCOMPARE(memories.size(), size_t(4));
        // Each remembers what limited its parent then (the root passed; the broken node did not).
        QVERIFY2(!memories[0].bottleneck.empty(), memories[0].change.c_str());
        QCOMPARE(memories[2].bottleneck, std::string());
        // The export carries the exchanges.
        const auto exported = store.exportSession(sessionId);
        QCOMPARE(exported.at("exchanges").size(), size_t(6));
    }

    // On a CUDA machine with Nsight Compute: the agent profiles the correct
    // parent before asking to optimize it, the counters are in the prompt,
    // and the profile stays with the parent node.
    void cudaAgentReadsTheProfile() {
        Workspace w;
        kforge::Phrase why;
        if (!w.evaluator.runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why.english()).c_str());
        std::string noNcu;
        if (!findNcu(noNcu)) QSKIP(noNcu.c_str());
        const std::string cuda = readTextFile(w.paths.tasksDirectory() / "vector_add_fp32" / "cuda" / "baseline.cu");
        LoopbackHttpServer server([&](const ReceivedRequest&, int i) {
            return streamed(answer("one thread per element", "// variant " + std::to_string(i) + "\n" + cuda));
        });
        SessionConfig config = agentConfig(server);
        config.backend = Backend::Cuda;
        config.stop.evaluations = 2;
        const auto& record = w.launch.create("vector_add_fp32", config, "agent on cuda");
        const int64_t sessionId = record.id;
        const SessionRecord done = w.launch.engine().run();
        QCOMPARE(done.evaluations, 2);
        const auto requests = server.requests();
        QVERIFY(!requests.empty());
        const std::string prompt = nlohmann::json::parse(requests[0].body).at("messages").at(1).at("content").get<std::string>();
        QVERIFY2(prompt.find("# Profile (Nsight Compute") != std::string::npos, prompt.c_str());
        QVERIFY(prompt.find("(from the profiler's counters)") != std::string::npos);
        const auto profile = w.store.node(sessionId, 1).profile;
        QVERIFY(profile && profile->ok() && !profile->kernels.empty());
        qInfo("the root's profile as the agent read it:\n%s", describeProfile(*profile).c_str());
        QVERIFY(w.launch.engine().tree().at(2).passed());
    }

    void tokenBudgetStopsTheSession() {
        LoopbackHttpServer server([&](const ReceivedRequest&, int i) {
            return streamed(answer("variant", kernel("c[i] = a[i] + b[i];", "variant " + std::to_string(i))));
        });
        Workspace w;
        SessionLaunch& launch = w.launch;
        SessionConfig config = agentConfig(server);
        config.stop.tokens = 2000;  // each answer costs 1000 prompt tokens and more
        launch.create("vector_add_fp32", config, "budget", testData() / "data" / "llm" / "slow_add.cpp");
        const SessionRecord done = launch.engine().run();
        QVERIFY2(done.stopReason.find("LLM token budget of 2000 reached") != std::string::npos, done.stopReason.c_str());
        QCOMPARE(server.requests().size(), size_t(2));
    }

    void cancelEndsAnAnswerInFlight() {
        LoopbackHttpServer server([&](const ReceivedRequest&, int) {
            ScriptedReply r = openAiStream({"Change: slow\n```cpp\n"});
            r.body.resize(2);
            r.stallAfter = std::chrono::seconds(60);
            return r;
        });
        Workspace w;
        Store& store = w.store;
        SessionLaunch& launch = w.launch;
        const auto& record = launch.create("vector_add_fp32", agentConfig(server), "cancel", testData() / "data" / "llm" / "slow_add.cpp");
        const int64_t sessionId = record.id;
        std::thread stopper([&] {
            while (server.requests().empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            launch.engine().cancel();
        });
        const auto t0 = std::chrono::steady_clock::now();
        const SessionRecord done = launch.engine().run();
        stopper.join();
        QCOMPARE(done.status, std::string("stopped"));
        QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30));
        AgentRecords records(store.database());
        const auto exchanges = records.exchanges(sessionId);
        QCOMPARE(exchanges.size(), size_t(1));
        QCOMPARE(exchanges[0].outcome, std::string("cancelled"));
    }

    void missingKeyIsALocatedError() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) { return openAiStream({"x"}); });
        Workspace w;
        SessionLaunch& launch = w.launch;
        SessionConfig config = agentConfig(server);
        config.llm->provider.keyEnv = "KFORGE_TEST_UNSET_KEY";
        qunsetenv("KFORGE_TEST_UNSET_KEY");
        try {
            launch.create("vector_add_fp32", config);
            QFAIL("created without its key");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("KFORGE_TEST_UNSET_KEY") != std::string::npos, e.what());
        }
    }

    // A stored agent session opens where its key is missing (to add an edit,
    // profile a node or look at it); only running the agent is refused.
    void storedSessionOpensWithoutItsKey() {
        LoopbackHttpServer server([](const ReceivedRequest&, int) { return streamed(answer("same", kernel("c[i] = a[i] + b[i];"))); });
        Workspace w;
        SessionConfig config = agentConfig(server);
        config.llm->provider.keyEnv = "KFORGE_TEST_LATER_UNSET_KEY";
        qputenv("KFORGE_TEST_LATER_UNSET_KEY", "sk-test-key");
        config.stop.evaluations = 1;
        const int64_t id = w.launch.create("vector_add_fp32", config, "key", testData() / "data" / "llm" / "slow_add.cpp").id;
        w.launch.engine().run();
        qunsetenv("KFORGE_TEST_LATER_UNSET_KEY");
        SessionLaunch again(w.evaluator, w.store, w.paths, builtinGenerators());
        again.open(id);
        try {
            again.engine().run();
            QFAIL("the agent ran without its key");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("KFORGE_TEST_LATER_UNSET_KEY") != std::string::npos, e.what());
        }
        again.engine().addManual(1, kernel("c[i] = b[i] + a[i];", "by hand"), ".cpp", "operands swapped");
        const SessionRecord done = again.engine().run(nullptr, SessionEngine::Mode::ManualOnly);
        QCOMPARE(done.evaluations, 2);
    }
};

QTEST_GUILESS_MAIN(TestAgentSession)
#include "test_agent_session.moc"
