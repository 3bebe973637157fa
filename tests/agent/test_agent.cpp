// The agent's pieces that need no model: reading answers, screening code,
// the knowledge base, the prompt, and the records it keeps.
#include <QtTest>

#include "agent/answer.h"
#include "agent/code_screen.h"
#include "agent/knowledge_base.h"
#include "agent/prompt_builder.h"
#include "eval/paths.h"
#include "store/agent_records.h"
#include "store/schema.h"
#include "store/store.h"
#include "task/task.h"
#include "util/error.h"

using namespace kforge;

namespace {

const std::string kKernel =
    "#include <kf_abi.h>\n"
    "KF_EXPORT int kf_run(const kf_call* call) {\n"
    "    (void)call;\n"
    "    return 0;\n"
    "}\n";

std::string fenced(const std::string& code, const std::string& lang = "cpp") { return "```" + lang + "\n" + code + "```\n"; }

std::string guide(const std::string& tags, const std::string& sections) {
    return "---\ntitle: T\n" + tags + "\n---\n# T\n\n" + sections;
}

}  // namespace

class TestAgent : public QObject {
    Q_OBJECT

private slots:
    void answersWithOneKernelAreTaken() {
        const auto a = extractAnswer("Change: fused the loads into float4.\n\n" + fenced(kKernel) + "\n", false);
        QVERIFY2(a.source.has_value(), a.refusal.c_str());
        QCOMPARE(*a.source, kKernel);
        QCOMPARE(a.change, std::string("fused the loads into float4."));
        // A helper snippet beside the kernel is fine: the block with kf_run is the file.
        const auto b = extractAnswer("Some text first.\n```cpp\nint helper();\n```\nThen:\n" + fenced(kKernel, "cuda"), false);
        QVERIFY(b.source.has_value());
        QCOMPARE(b.change, std::string("Some text first."));
        // No fence, but plainly one source file.
        QVERIFY(extractAnswer(kKernel, false).source.has_value());
        QVERIFY(definesEntryPoint("extern \"C\" __attribute__((visibility(\"default\"))) int kf_run(const kf_call* c) {"));
    }

    void badAnswersAreRefusedWithAReason() {
        auto refusal = [](const std::string& answer, bool truncated = false) { return extractAnswer(answer, truncated).refusal; };
        QCOMPARE(refusal("   \n"), std::string("the answer is empty"));
        QCOMPARE(refusal("I would use shared memory tiling here."), std::string("the answer holds no code block"));
        QVERIFY(refusal(fenced(kKernel) + fenced(kKernel)).find("2 code blocks that each define kf_run") != std::string::npos);
        QVERIFY(refusal(fenced("int x;\n")).find("no code block defines the entry point") != std::string::npos);
        QVERIFY(refusal("```cpp\n" + kKernel.substr(0, 40), true).find("output-token limit") != std::string::npos);
        QVERIFY(refusal("```cpp\n" + kKernel).find("before its code block closed") != std::string::npos);
        QVERIFY(refusal(fenced("#include \"helpers.cuh\"\n" + kKernel)).find("\"helpers.cuh\"") != std::string::npos);
        const std::string huge = kKernel + "// " + std::string(300 * 1024, 'x') + "\n";
        QVERIFY(refusal(fenced(huge)).find("at most 262144") != std::string::npos);
    }

    void screenFindsHostCallsWithTheirPlace() {
        const std::string code =
            "#include <kf_abi.h>\n"
            "#include <fstream>\n"
            "// system(\"comment only\") is no call\n"
            "static const char* s = \"popen(in a string)\";\n"
            "KF_EXPORT int kf_run(const kf_call* call) {\n"
            "    std::system(\"curl evil\");\n"
            "  FILE* f = fopen(\"/etc/passwd\", \"r\");\n"
            "    int fd = socket(2, 1, 0);\n"
            "    q.open(1); obj->connect(2);\n"
            "    void* h = dlopen(\"x.so\", 1);\n"
            "}\n";
        const auto f = screenSource(code);
        const std::string d = describeFindings(f);
        QCOMPARE(f.size(), size_t(5));
        QVERIFY2(d.find("line 2:1: #include <fstream>") != std::string::npos, d.c_str());
        QVERIFY2(d.find("line 6:10: system( (process)") != std::string::npos, d.c_str());
        QVERIFY2(d.find("line 7:13: fopen( (file)") != std::string::npos, d.c_str());
        QVERIFY2(d.find("line 8:14: socket( (network)") != std::string::npos, d.c_str());
        QVERIFY2(d.find("line 10:15: dlopen( (dynamic loading)") != std::string::npos, d.c_str());
        QVERIFY(screenSource(kKernel).empty());
    }

    void guidesParseAndMalformedOnesAreLocated() {
        const auto chunks = parseGuide(guide("devices: cpu\nop_types: any\nbottlenecks: memory", "## A\nalpha text\n## B\n```cpp\n## not a heading\n```\n"), "g.md");
        QCOMPARE(chunks.size(), size_t(2));
        QCOMPARE(chunks[1].heading, std::string("B"));
        QVERIFY(chunks[1].body.find("## not a heading") != std::string::npos);
        auto refused = [](const std::string& text, const std::string& expected) {
            try {
                parseGuide(text, "bad.md");
                QFAIL(("accepted: " + text).c_str());
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
            }
        };
        refused("# no front matter", "bad.md:1: a guide starts with a '---' line");
        refused(guide("devices: tpu\nop_types: any\nbottlenecks: any", "## A\nx\n"), "bad.md:3: 'devices' has the unknown tag 'tpu'");
        refused(guide("devices: cpu\nop_types: any", "## A\nx\n"), "lacks 'bottlenecks'");
        refused(guide("devices: cpu\nop_types: any\nbottlenecks: any", "no sections\n"), "no '## ' section");
    }

    void bundledGuidesLoadAndRetrieveByTags() {
        KnowledgeBase kb;
        const size_t n = kb.addGuides(AppPaths::discover().knowledgeDirectory());
        QVERIFY2(n >= 40, std::to_string(n).c_str());
        KnowledgeQuery q;
        q.deviceFamily = "cpu";
        q.opType = "elementwise";
        q.bottleneck = "memory";
        q.text = "vectorize loop";
        const auto cpu = kb.search(q);
        QCOMPARE(cpu.size(), size_t(4));
        for (const auto& c : cpu) {
            const bool fits = std::count(c.devices.begin(), c.devices.end(), "cpu") || std::count(c.devices.begin(), c.devices.end(), "any");
            QVERIFY2(fits, (c.source + ": " + c.heading).c_str());
        }
        q.deviceFamily = "hopper";
        q.opType = "gemm";
        q.bottleneck = "compute";
        q.text = "wgmma tensor cores";
        const auto gemm = kb.search(q);
        QVERIFY(!gemm.empty());
        bool wgmma = false;
        for (const auto& c : gemm) wgmma = wgmma || c.body.find("wgmma") != std::string::npos;
        QVERIFY(wgmma);
        QCOMPARE(deviceFamilyOf("cuda", "9.0"), std::string("hopper"));
        QCOMPARE(deviceFamilyOf("cuda", "8.9"), std::string("ada"));
        QCOMPARE(deviceFamilyOf("cuda", "10.0"), std::string(""));
        QCOMPARE(deviceFamilyOf("hip", "gfx942"), std::string("cdna3"));
    }

    void promptCarriesTheVerdictAndTheMode() {
        const Task task = loadTask(AppPaths::discover().tasksDirectory() / "vector_add_fp32");
        SessionTree tree;
        Node root;
        root.id = 1;
        root.generator = "manual";
        root.sourceHash = "h1";
        root.state = NodeState::Done;
        root.status = Status::Passed;
        root.fitness = 1.5;
        tree.putSource("h1", kKernel);
        tree.put(root);
        Node broken = root;
        broken.id = 2;
        broken.parent = 1;
        broken.generator = "llm";
        broken.input.mode = "optimize";
        broken.input.change = "unrolled by 8";
        broken.status = Status::CompileError;
        broken.fitness = 0;
        broken.message = verbatim("candidate.cpp:7:5: error: 'x' was not declared in this scope");
        broken.compile = CompileResult{};
        broken.compile->diagnostics.push_back({"", 7, 5, "error", "'x' was not declared in this scope"});
        tree.put(broken);

        QCOMPARE(chooseMode(broken, tree, kKernel, true), AgentMode::Fix);
        QCOMPARE(chooseMode(root, tree, kKernel, true), AgentMode::ExposeParameters);
        QCOMPARE(chooseMode(root, tree, "// @tune B 1 2\n" + kKernel, true), AgentMode::Optimize);
        QCOMPARE(chooseMode(root, tree, kKernel, false), AgentMode::Optimize);

        PromptInputs in;
        in.task = &task;
        in.backend = "cpu";
        in.device.name = "Test CPU";
        in.deviceFamily = "cpu";
        in.parent = &broken;
        in.parentSource = kKernel;
        in.mode = AgentMode::Fix;
        in.siblings = siblingSummaries(root, tree);
        in.lastRefusal = "the answer holds no code block";
        const ChatRequest r = buildPrompt(in);
        const std::string& u = r.messages.at(0).content;
        QVERIFY(r.system.find("KF_EXPORT int kf_run") != std::string::npos);
        QVERIFY(u.find("vector_add_fp32") != std::string::npos);
        QVERIFY(u.find("N=16777216") != std::string::npos);
        QVERIFY(u.find("COMPILE_ERROR") != std::string::npos);
        QVERIFY(u.find("line 7:5: error: 'x' was not declared") != std::string::npos);
        QVERIFY(u.find("Fix it") != std::string::npos);
        QVERIFY(u.find("node 2 (llm, optimize): unrolled by 8 -> COMPILE_ERROR") != std::string::npos);
        QVERIFY(u.find("was refused") != std::string::npos);
        QVERIFY(u.find(kKernel) != std::string::npos);
    }

    void recordsKeepExchangesMemoriesAndNotes() {
        QTemporaryDir dir;
        Store store(std::filesystem::path(dir.path().toStdString()) / "w.db");
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        SessionRecord s;
        s.name = "s";
        s.task = "t";
        store.createSession(s);
        AgentRecords records(store.database());
        LlmExchange e;
        e.sessionId = s.id;
        e.parentId = 1;
        e.provider = "p";
        e.model = "m";
        e.mode = "optimize";
        e.request = {{"system", "sys"}, {"messages", nlohmann::json::array()}};
        e.response = "r";
        e.outcome = "complete";
        e.inputTokens = 100;
        e.outputTokens = 20;
        e.cost = 0.5;
        records.insertExchange(e);
        LlmExchange refused = e;
        refused.nodeId = std::nullopt;
        refused.refusal = "no code";
        records.insertExchange(refused);
        QCOMPARE(records.exchanges(s.id).size(), size_t(2));
        QCOMPARE(records.usage(s.id).tokens(), int64_t(240));
        QCOMPARE(records.usage(s.id).cost, 1.0);
        QCOMPARE(toJson(exchangeFromJson(toJson(e))).dump(), toJson(e).dump());

        MemoryEntry good{0, s.id, 2, "t", "elementwise", "cpu", "llm", "vectorized", "PASSED", 1.0, 2.0, "", "memory"};
        MemoryEntry flat{0, s.id, 3, "t", "elementwise", "cpu", "llm", "unrolled", "PASSED", 2.0, 2.01, "", "memory"};
        MemoryEntry tuner{0, s.id, 4, "t", "elementwise", "cpu", "tuner", "BLOCK 1 -> 2", "PASSED", 1.0, 3.0, "", ""};
        MemoryEntry latency{0, s.id, 5, "t", "elementwise", "cpu", "llm", "more loads in flight", "PASSED", 1.0, 1.5, "", "latency"};
        records.insertMemory(good);
        records.insertMemory(flat);
        records.insertMemory(tuner);
        records.insertMemory(latency);
        // The flat one and the tuner's are no lessons; the biggest gain first...
        const auto any = records.successes("elementwise", "cpu", std::nullopt, 5);
        QCOMPARE(any.size(), size_t(2));
        QCOMPARE(any[0].change, std::string("vectorized"));
        QCOMPARE(any[0].bottleneck, std::string("memory"));
        // ...unless another was made in the same situation as the parent's now.
        QCOMPARE(records.successes("elementwise", "cpu", std::nullopt, 5, 1.05, "latency")[0].change, std::string("more loads in flight"));
        QCOMPARE(records.successes("elementwise", "cpu", s.id, 5).size(), size_t(0));           // not from the session itself
        QCOMPARE(records.successes("gemm", "cpu", std::nullopt, 5).size(), size_t(0));
        store.deleteSession(s.id);
        QCOMPARE(records.successes("elementwise", "cpu", int64_t{99}, 5).size(), size_t(2));  // memories outlive their session
        QCOMPARE(records.exchanges(s.id).size(), size_t(0));

        KnowledgeNote note{0, "Use float4", "Loads of 16 bytes...", {"cpu"}, {"any"}, {"memory"}, ""};
        records.addNote(note);
        QCOMPARE(records.notes().size(), size_t(1));
        QCOMPARE(records.notes()[0].devices, std::vector<std::string>{"cpu"});
        records.deleteNote(note.id);
        QVERIFY_THROWS_EXCEPTION(Error, records.deleteNote(note.id));
    }
};

QTEST_APPLESS_MAIN(TestAgent)
#include "test_agent.moc"
