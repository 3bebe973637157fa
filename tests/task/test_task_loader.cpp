#include <QtTest>

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>

#include "eval/evaluator.h"
#include "eval/paths.h"
#include "task/json_locate.h"
#include "task/task.h"
#include "util/error.h"

using namespace kforge;
namespace fs = std::filesystem;

namespace {

const char* kDefinition = R"({
  "name": "t",
  "op_type": "elementwise",
  "axes": {"N": {"type": "var"}, "H": {"type": "const", "value": 8}},
  "inputs": {"x": {"shape": ["N", "H"], "dtype": "float32"}, "w": {"shape": ["H"], "dtype": "bfloat16"}},
  "outputs": {"y": {"shape": ["N", "H"], "dtype": "float32"}},
  "constraints": ["N % 2 == 0"],
  "kforge": {"bytes": "8 * N * H + 2 * H", "flops": "2 * N * H",
             "native": {"cpu": {"reference": "ref.cpp"}}}
})";

const char* kWorkloads = R"({"uuid": "a", "axes": {"N": 4}, "inputs": {"x": {"type": "random"}, "w": {"type": "random"}}}
{"uuid": "b", "axes": {"N": 1024}, "inputs": {"x": {"type": "random"}, "w": {"type": "random"}}, "backends": ["cuda"]}
)";

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p);
    out << text;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at == std::string::npos) throw std::runtime_error("test bug: '" + from + "' not in text");
    return s.replace(at, from.size(), to);
}

}  // namespace

class TestTaskLoader : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    int counter_ = 0;

    // A task directory with the definition and workloads given.
    fs::path makeTask(const std::string& definition, const std::string& workloads = kWorkloads) {
        const fs::path dir = fs::path(tmp_.path().toStdString()) / ("task" + std::to_string(counter_++));
        fs::create_directories(dir);
        write(dir / "definition.json", definition);
        write(dir / "workloads.jsonl", workloads);
        write(dir / "ref.cpp", "// reference\n");
        return dir;
    }
    // Loading must fail with a message holding every needle.
    void expectError(const fs::path& dir, std::initializer_list<const char*> needles) {
        try {
            loadTask(dir);
            QFAIL("the task loaded");
        } catch (const Error& e) {
            const std::string msg = e.what();
            for (const char* n : needles) QVERIFY2(msg.find(n) != std::string::npos, (msg + "  [missing: " + n + "]").c_str());
        }
    }

private slots:
    void collectingReportsEveryBadWorkloadLine() {
        // kforge check lists every broken line, not only the first; the good lines still load.
        const std::string workloads = std::string(kWorkloads) +
            R"({"uuid": "c", "axes": {"N": 5}, "inputs": {"x": {"type": "random"}, "w": {"type": "random"}}})" "\n"
            R"({"uuid": "d", "axes": {"N": 6}, "inputs": {"x": {"type": "random"}, "w": {"type": "random"}, "z": {"type": "random"}}})" "\n"
            R"({"uuid": "e", "axes": {"N": 8}, "inputs": {"x": {"type": "random"}, "w": {"type": "random"}}})" "\n";
        const fs::path dir = makeTask(kDefinition, workloads);
        expectError(dir, {"workloads.jsonl:3", "does not hold"});  // the plain loader still stops at the first
        std::vector<TaskProblem> problems;
        const Task t = loadTaskCollecting(dir, problems);
        QCOMPARE(t.workloads.size(), size_t(3));
        QCOMPARE(problems.size(), size_t(2));
        QCOMPARE(problems[0].line, 3);
        QCOMPARE(problems[0].file.filename().string(), std::string("workloads.jsonl"));
        QVERIFY2(problems[0].message.find("'N % 2 == 0' does not hold") != std::string::npos, problems[0].message.c_str());
        QVERIFY2(problems[0].message.find("workloads.jsonl") == std::string::npos, "the location is split off the message");
        QCOMPARE(problems[1].line, 4);
        QVERIFY2(problems[1].message.find("inputs.z") != std::string::npos, problems[1].message.c_str());
    }
    void inputBoundsRejectAContradictingDistribution() {
        // An eps the reference takes the square root of must not be drawn from [-1, 1].
        const std::string withInputs = replaced(kDefinition, "\"native\"", "\"inputs\": {INPUTS}, \"native\"");
        auto def = [&](const std::string& inputs) { return replaced(withInputs, "{INPUTS}", inputs); };
        expectError(makeTask(def(R"({"x": {"positive": true}})")),
                    {"kforge.inputs.x.low", "uniform [-1, 1)", "must be positive"});
        expectError(makeTask(def(R"({"x": {"distribution": "uniform", "low": -0.5, "high": 2, "min": 0}})")),
                    {"kforge.inputs.x.low", "goes below min 0"});
        expectError(makeTask(def(R"({"x": {"distribution": "uniform", "low": 0.5, "high": 2, "max": 1}})")),
                    {"kforge.inputs.x.high", "goes above max 1"});
        expectError(makeTask(def(R"({"x": {"distribution": "normal", "mean": 5, "std": 1, "positive": true}})")),
                    {"kforge.inputs.x.distribution", "normal distribution can give any value"});
        expectError(makeTask(def(R"({"x": {"positive": 1}})")), {"kforge.inputs.x.positive", "true or false"});
        expectError(makeTask(def(R"({"x": {"min": 2, "max": 1, "low": 1, "high": 2}})")), {"kforge.inputs.x", "min 2 is above max 1"});
        expectError(makeTask(def(R"({"x": {"postive": true}})")), {"kforge.inputs.x.postive", "unknown field"});
        // Inside the bounds it loads, and keeps them.
        const Task t = loadTask(makeTask(def(R"({"x": {"distribution": "uniform", "low": 1e-6, "high": 1e-3, "positive": true, "max": 1}})")));
        QVERIFY(t.inputs[0].bounds.positive);
        QCOMPARE(*t.inputs[0].bounds.max, 1.0);
    }
    void integerRangesAreTheirFloors() {
        // An int32 index tensor drawn from uniform [0, 64) holds 0 .. 63: max 63 holds, max 62 does not.
        const std::string def = replaced(replaced(kDefinition, "\"native\"", "\"inputs\": {INPUTS}, \"native\""),
                                         "\"w\": {\"shape\": [\"H\"], \"dtype\": \"bfloat16\"}",
                                         "\"w\": {\"shape\": [\"H\"], \"dtype\": \"int32\"}");
        loadTask(makeTask(replaced(def, "{INPUTS}", R"({"w": {"low": 0, "high": 64, "min": 0, "max": 63}})")));
        expectError(makeTask(replaced(def, "{INPUTS}", R"({"w": {"low": 0, "high": 64, "min": 0, "max": 62}})")),
                    {"kforge.inputs.w.high", "gives 0 .. 63", "goes above max 62"});
    }
    void scalarWorkloadInputsObeyTheBounds() {
        const std::string def = replaced(replaced(kDefinition, "\"w\": {\"shape\": [\"H\"], \"dtype\": \"bfloat16\"}",
                                                  "\"w\": {\"shape\": [], \"dtype\": \"float32\"}"),
                                         "\"native\"", "\"inputs\": {\"w\": {\"low\": 0.5, \"high\": 1, \"positive\": true}}, \"native\"");
        const std::string wl = R"({"uuid": "a", "axes": {"N": 4}, "inputs": {"x": {"type": "random"}, "w": {"type": "scalar", "value": VALUE}}})" "\n";
        loadTask(makeTask(def, replaced(wl, "VALUE", "0.25")));
        expectError(makeTask(def, replaced(wl, "VALUE", "-1e-5")), {"workloads.jsonl:1", "inputs.w.value", "must be positive"});
    }
    void fieldLinesAreFound() {
        QCOMPARE(lineOfField(kDefinition, "kforge.native.cpu.reference"), 9);
        QCOMPARE(lineOfField(kDefinition, "inputs.w.dtype"), 5);
        QCOMPARE(lineOfField(kDefinition, "constraints[0]"), 7);
        QCOMPARE(lineOfField(kDefinition, "kforge.flops"), 8);
        QCOMPARE(lineOfField(kDefinition, "axes.H.value"), 4);
        // A key that only appears as a value ("N" in a shape) is not taken for the field.
        QCOMPARE(lineOfField("{\n\"a\": [\"N\"],\n\"N\": 1}", "N"), 3);
        QCOMPARE(lineOfField(kDefinition, "nothing.here"), 0);
    }
    void aLocalDirectoryShadowingABuiltinIsTold() {
        const AppPaths paths = AppPaths::discover();
        const fs::path root = fs::path(tmp_.path().toStdString()) / "shadow";
        fs::create_directories(root / "vector_add_fp32");
        const fs::path before = fs::current_path();
        fs::current_path(root);
        const std::string notice = shadowedBuiltinNotice("vector_add_fp32", paths);
        const std::string viaPath = shadowedBuiltinNotice("./vector_add_fp32", paths);
        const std::string noBuiltin = shadowedBuiltinNotice("my_own_op", paths);
        fs::current_path(before);
        QVERIFY2(notice.find((root / "vector_add_fp32").string()) != std::string::npos, notice.c_str());
        QVERIFY2(notice.find((paths.tasksDirectory() / "vector_add_fp32").string()) != std::string::npos, notice.c_str());
        QVERIFY2(viaPath.empty(), "a path is what the user meant");
        QVERIFY(noBuiltin.empty());
        // Run from elsewhere, the name is the built-in and nothing is said.
        QVERIFY(shadowedBuiltinNotice("vector_add_fp32", paths).empty());
    }
    void loadsAWellFormedTask() {
        const Task t = loadTask(makeTask(kDefinition));
        QCOMPARE(t.name, std::string("t"));
        QCOMPARE(t.inputs.size(), size_t{2});
        QCOMPARE(t.inputs[0].name, std::string("x"));  // definition order, not alphabetical
        QCOMPARE(t.inputs[1].dtype, DType::BFloat16);
        QCOMPARE(t.workloads.size(), size_t{2});
        QCOMPARE(t.workloadsFor(Backend::Cpu).size(), size_t{1});
        QCOMPARE(t.workloadsFor(Backend::Cuda).size(), size_t{2});
        const auto& w = t.workloads[1];
        QCOMPARE(t.shapeOf(t.inputs[0], w), (std::vector<int64_t>{1024, 8}));
        QCOMPARE(t.tensorBytes(t.inputs[1], w), uint64_t{16});
        QCOMPARE(t.bytesMoved(w).value(), 8.0 * 1024 * 8 + 16);
        QCOMPARE(t.flopCount(w).value(), 2.0 * 1024 * 8);
        QCOMPARE(t.toleranceFor(t.outputs[0]).rtol, 1e-4);
        QVERIFY(t.native.at(Backend::Cpu).reference.filename() == "ref.cpp");
    }
    // FlashInfer-Bench writes a Python scalar as "shape": null: a 0-d input here,
    // for every task, given a value by a scalar workload input (int, float or bool).
    void nullShapeIsAScalar() {
        const std::string def = replaced(kDefinition, "\"w\": {\"shape\": [\"H\"], \"dtype\": \"bfloat16\"}",
                                         "\"w\": {\"shape\": null, \"dtype\": \"float32\"}");
        const std::string wl = "{\"uuid\": \"a\", \"axes\": {\"N\": 4}, \"inputs\": {\"x\": {\"type\": \"random\"}, \"w\": {\"type\": \"scalar\", \"value\": 3}}}\n"
                               "{\"uuid\": \"b\", \"axes\": {\"N\": 2}, \"inputs\": {\"x\": {\"type\": \"random\"}, \"w\": {\"type\": \"scalar\", \"value\": true}}}\n";
        const Task t = loadTask(makeTask(def, wl));
        QVERIFY(t.inputs[1].shape.empty());
        QCOMPARE(t.shapeOf(t.inputs[1], t.workloads[0]), std::vector<int64_t>{});
        QCOMPARE(t.tensorBytes(t.inputs[1], t.workloads[0]), uint64_t{4});
        QCOMPARE(t.workloads[0].inputs.at("w").scalar, 3.0);
        QCOMPARE(t.workloads[1].inputs.at("w").scalar, 1.0);
        expectError(makeTask(replaced(def, "\"shape\": null", "\"shape\": \"H\"")), {"inputs.w.shape", "array of axis names or null"});
        expectError(makeTask(replaced(def, "\"shape\": null, ", "")), {"inputs.w.shape", "missing"});
    }
    void everyBuiltinTaskLoads() {
        const AppPaths paths = AppPaths::discover();
        const auto names = builtinTaskNames(paths);
        QVERIFY2(names.size() >= 10, "expected at least ten built-in tasks");
        for (const auto& name : names) {
            const Task t = loadTask(paths.tasksDirectory() / name);
            for (Backend b : {Backend::Cpu, Backend::Cuda}) {
                QVERIFY2(t.native.count(b), (name + " lacks a native implementation").c_str());
                QVERIFY2(t.workloadsFor(b).size() >= 3, (name + " has fewer than three workloads on a backend").c_str());
                QVERIFY2(!t.native.at(b).templ().empty(), (name + " has no tunable template").c_str());
            }
            QVERIFY2(t.bytes && t.flops, (name + " lacks bytes or flops").c_str());
        }
    }
    void badJsonNamesTheLine() {
        expectError(makeTask("{\n  \"name\": \"t\",\n  \"axes\": {,}\n}"), {"definition.json", "invalid JSON at line 3"});
    }
    void unknownDtype() {
        expectError(makeTask(replaced(kDefinition, "\"bfloat16\"", "\"bfloat17\"")),
                    {"definition.json", "inputs.w.dtype", "unknown dtype 'bfloat17'", "bfloat16"});
    }
    void undeclaredAxis() {
        expectError(makeTask(replaced(kDefinition, "\"shape\": [\"H\"]", "\"shape\": [\"K\"]")),
                    {"inputs.w.shape[0]", "axis 'K' is not declared"});
    }
    void missingReferenceFile() {
        expectError(makeTask(replaced(kDefinition, "ref.cpp", "missing.cpp")),
                    {"kforge.native.cpu.reference", "file 'missing.cpp' not found"});
    }
    void missingRequiredField() {
        expectError(makeTask(replaced(kDefinition, "\"outputs\"", "\"outputz\"")), {"outputs: missing (required)"});
    }
    void wrongFieldType() {
        expectError(makeTask(replaced(kDefinition, "\"value\": 8", "\"value\": \"8\"")), {"axes.H.value", "integer"});
    }
    void expressionErrors() {
        expectError(makeTask(replaced(kDefinition, "\"2 * N * H\"", "\"2 * N * Q\"")), {"kforge.flops", "'Q'"});
        expectError(makeTask(replaced(kDefinition, "\"2 * N * H\"", "\"2 * (N\"")), {"kforge.flops", "cannot parse"});
    }
    void negativeSize() {
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"N\": 4}", "\"N\": -4}")),
                    {"workloads.jsonl:1", "axes.N", "must be positive"});
        expectError(makeTask(replaced(kDefinition, "\"value\": 8", "\"value\": 0")), {"axes.H.value", "must be positive"});
    }
    void overflowingSize() {
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"N\": 4}", "\"N\": 4611686018427387904}")),
                    {"workloads.jsonl:1", "too large"});
    }
    void constraintViolation() {
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"N\": 4}", "\"N\": 5}")),
                    {"workloads.jsonl:1", "constraint 'N % 2 == 0' does not hold", "N = 5"});
    }
    void workloadProblems() {
        expectError(makeTask(kDefinition, replaced(kWorkloads, ", \"w\": {\"type\": \"random\"}}}\n{", "}}\n{")),
                    {"workloads.jsonl:1", "no entry for input 'w'"});
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"uuid\": \"b\"", "\"uuid\": \"a\"")),
                    {"workloads.jsonl:2", "'a' appears twice"});
        expectError(makeTask(kDefinition, replaced(kWorkloads, "{\"N\": 4}", "{\"N\": 4, \"H\": 8}")),
                    {"axes.H", "const axis"});
        expectError(makeTask(kDefinition, replaced(kWorkloads, "[\"cuda\"]", "[\"tpu\"]")), {"workloads.jsonl:2", "unknown backend"});
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"type\": \"random\"}, \"w\"", "\"type\": \"safetensors\"}, \"w\"")),
                    {"workloads.jsonl:1", "inputs.x.path: missing (required)"});
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"type\": \"random\"}, \"w\"",
                                                   "\"type\": \"safetensors\", \"path\": \"nowhere.safetensors\", \"tensor_key\": \"x\"}, \"w\"")),
                    {"workloads.jsonl:1", "inputs.x.path", "nowhere.safetensors: not found"});
        expectError(makeTask(kDefinition, replaced(kWorkloads, "\"type\": \"random\"}, \"w\"", "\"type\": \"random\", \"seed\": 1}, \"w\"")),
                    {"workloads.jsonl:1", "inputs.x.seed: unknown field"});
        expectError(makeTask(kDefinition, "{\"uuid\": \"a\", \n"), {"workloads.jsonl:1", "invalid JSON"});
        expectError(makeTask(kDefinition, "\n\n"), {"holds no workloads"});
    }
    void missingFiles() {
        const fs::path dir = makeTask(kDefinition);
        fs::remove(dir / "workloads.jsonl");
        expectError(dir, {"workloads.jsonl", "not found"});
        expectError(fs::path(tmp_.path().toStdString()) / "nowhere", {"definition.json", "not found"});
    }
    void unknownTaskName() {
        try {
            resolveTask("no_such_task", AppPaths::discover());
            QFAIL("resolved");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("unknown task 'no_such_task'") != std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestTaskLoader)
#include "test_task_loader.moc"
