// kforge's agent commands end to end: providers.json, masked keys, an
// `optimize --llm-provider` run against a loopback model, `exchanges`, and
// the knowledge notes, each through the real executable.
#include <QtTest>

#include <nlohmann/json.hpp>

#include "support/loopback_http_server.h"
#include "util/process.h"

using namespace kforge;
using namespace kforge::test;
using Json = nlohmann::json;

namespace {

const char* kSecret = "sk-cli-test-9876543210SECRET";

}  // namespace

class TestAgentCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::filesystem::path dir_;

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    ProcessResult kforge(std::vector<std::string> args) {
        args.insert(args.begin(), qEnvironmentVariable("KFORGE_CLI").toStdString());
        RunOptions o;
        o.timeout = std::chrono::minutes(5);
        o.extraEnv = {{"KFORGE_PROVIDERS", path("providers.json")}, {"KFORGE_DB", path("w.db")}, {"KFORGE_TEST_SECRET", kSecret}};
        return runProcess(args, o);
    }
    static Json parse(const ProcessResult& r) {
        const auto start = r.output.find_first_of("{[");
        return Json::parse(r.output.substr(start == std::string::npos ? 0 : start));
    }

private slots:
    void initTestCase() {
        QVERIFY(tmp_.isValid());
        dir_ = tmp_.path().toStdString();
    }

    void providersAreAddedAndKeysMasked() {
        auto r = kforge({"llm", "add-provider", "--preset", "deepseek", "--key-env", "KFORGE_TEST_SECRET"});
        QVERIFY2(r.ok(), r.output.c_str());
        r = kforge({"llm", "providers", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY2(r.output.find(kSecret) == std::string::npos, r.output.c_str());
        const Json list = parse(r);
        QCOMPARE(list.at(0).at("key").get<std::string>(), std::string("sk-…CRET from environment variable KFORGE_TEST_SECRET"));
        QFile file(QString::fromStdString(path("providers.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(kSecret));
        r = kforge({"llm", "add-provider", "--preset", "nope"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("no preset 'nope'") != std::string::npos, r.output.c_str());
    }

    void optimizeWithAScriptedModel() {
        const std::string fast =
            "Change: drop the redundant work\n```cpp\n#include <kf_abi.h>\nKF_EXPORT int kf_run(const kf_call* call) {\n"
            "    const int64_t n = kf_axis(call, \"N\");\n"
            "    const float* a = static_cast<const float*>(call->inputs[0].data);\n"
            "    const float* b = static_cast<const float*>(call->inputs[1].data);\n"
            "    float* c = static_cast<float*>(call->outputs[0].data);\n"
            "    for (int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i];\n    return 0;\n}\n```\n";
        LoopbackHttpServer server([&](const ReceivedRequest&, int) { return openAiStream({fast.substr(0, 30), fast.substr(30)}); });
        auto r = kforge({"llm", "add-provider", "--name", "loop", "--api", "openai", "--base-url", server.url("/v1"), "--model", "m",
                         "--key-env", "KFORGE_TEST_SECRET", "--concurrency", "1", "--price-in", "1", "--price-out", "2"});
        QVERIFY2(r.ok(), r.output.c_str());
        r = kforge({"llm", "test", "loop"});
        QVERIFY2(r.ok(), r.output.c_str());

        const std::string root = qEnvironmentVariable("KFORGE_TEST_DATA").toStdString() + "/data/llm/slow_add.cpp";
        r = kforge({"optimize", "vector_add_fp32", "--backend", "cpu", "--from", root, "--llm-provider", "loop", "--generators", "llm",
                    "--budget", "2", "--max-in-flight", "1", "--budget-ms", "20", "--warmup-ms", "2", "--json", "--verbose"});
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY2(r.output.find("Change: drop the redundant work") != std::string::npos, r.output.c_str());  // --verbose streamed it
        QVERIFY2(r.output.find(kSecret) == std::string::npos, r.output.c_str());
        // The streamed answer (stderr) comes before the summary (stdout): the summary is the last top-level object.
        const Json summary = Json::parse(r.output.substr(r.output.rfind("\n{\n") + 1));
        QCOMPARE(summary.at("evaluations").get<int>(), 2);
        QCOMPARE(summary.at("best_node").get<int>(), 2);
        // The key went to the server in the header, and nowhere else.
        QCOMPARE(server.requests().back().headers.at("authorization"), std::string("Bearer ") + kSecret);

        const std::string session = std::to_string(summary.at("session").get<int>());
        r = kforge({"exchanges", session, "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json exchanges = parse(r);
        QCOMPARE(exchanges.size(), size_t(1));
        QCOMPARE(exchanges.at(0).at("node_id").get<int>(), 2);
        QCOMPARE(exchanges.at(0).at("mode").get<std::string>(), std::string("optimize"));
        r = kforge({"exchanges", session, "2", "--full"});
        QVERIFY2(r.output.find("--- answer ---") != std::string::npos, r.output.c_str());
        QVERIFY2(r.output.find("What to do now") != std::string::npos, r.output.c_str());

        r = kforge({"session-export", session, "--out", path("s.kfsession")});
        QVERIFY2(r.ok(), r.output.c_str());
        QFile exported(QString::fromStdString(path("s.kfsession")));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray text = exported.readAll();
        QVERIFY(text.contains("\"exchanges\""));
        QVERIFY(!text.contains(kSecret));
    }

    void knowledgeNotes() {
        auto r = kforge({"knowledge", "add", "--title", "Prefer float4", "--body", "Our allocator kfalloc aligns to 512 bytes.", "--devices",
                         "hopper,cpu"});
        QVERIFY2(r.ok(), r.output.c_str());
        r = kforge({"knowledge", "search", "kfalloc", "--device", "cpu", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        bool found = false;
        for (const auto& c : parse(r)) found = found || c.at("source").get<std::string>() == "note 1";
        QVERIFY2(found, r.output.c_str());
        r = kforge({"knowledge", "add", "--title", "x", "--body", "y", "--op-types", "fft"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("--op-types: 'op_types' has the unknown tag 'fft'") != std::string::npos, r.output.c_str());
        QVERIFY(kforge({"knowledge", "remove", "1"}).ok());
        QCOMPARE(kforge({"knowledge", "remove", "1"}).status.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestAgentCli)
#include "test_agent_cli.moc"
