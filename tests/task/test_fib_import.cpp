// `kforge import fib`: a FlashInfer-Bench definition with a var axis, a scalar
// input written "shape": null and a recorded (safetensors) input becomes a task
// that evaluates against its PyTorch reference; the recorded bytes reach the
// candidate exactly; bad definitions, workloads and safetensors files give
// errors that name the file, the line and the field.
#include <QtTest>

#include <QTemporaryDir>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "runner/protocol.h"
#include "task/safetensors.h"
#include "task/task.h"
#include "torchref/torch_python.h"
#include "util/error.h"
#include "util/process.h"

using namespace kforge;
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

ProcessResult kforgeCli(std::vector<std::string> args) {
    args.insert(args.begin(), qEnvironmentVariable("KFORGE_CLI").toStdString());
    RunOptions o;
    o.timeout = std::chrono::minutes(10);
    return runProcess(args, o);
}

fs::path data(const std::string& rel) { return fs::path(qEnvironmentVariable("KFORGE_TEST_DATA").toStdString()) / "data/fib" / rel; }

std::string readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes; }

Json parseReport(const ProcessResult& r) {
    const auto start = r.output.find('{');
    return Json::parse(r.output.substr(start == std::string::npos ? 0 : start));
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at == std::string::npos) throw std::runtime_error("test bug: '" + from + "' not in text");
    return s.replace(at, from.size(), to);
}

// make_safetensors.py's formula: w[i][j] = (8*i + j) / 2 - 7.75.
float recorded(size_t flatIndex) { return static_cast<float>(static_cast<double>(flatIndex) / 2 - 7.75); }

}  // namespace

class TestFibImport : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    int counter_ = 0;
    std::optional<TorchPython> python_;
    std::string why_;

    // A copy of the fixture (definition, workloads, safetensors) to spoil.
    fs::path source() {
        const fs::path dir = fs::path(tmp_.path().toStdString()) / ("src" + std::to_string(counter_++));
        fs::create_directories(dir);
        for (const char* f : {"definition.json", "workloads.jsonl", "w.safetensors"}) fs::copy_file(data(f), dir / f);
        return dir;
    }
    fs::path freshOut() { return fs::path(tmp_.path().toStdString()) / ("out" + std::to_string(counter_++)); }

    void expectImportError(const fs::path& src, std::initializer_list<std::string> needles) {
        const auto r = kforgeCli({"import", "fib", (src / "definition.json").string(), "--out", freshOut().string()});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("kforge: error: ") != std::string::npos, r.output.c_str());
        for (const auto& n : needles) QVERIFY2(r.output.find(n) != std::string::npos, (r.output + "  [missing: " + n + "]").c_str());
        QVERIFY2(r.output.find("Segmentation") == std::string::npos && r.output.find("terminate") == std::string::npos, r.output.c_str());
    }

private slots:
    void initTestCase() { python_ = findTorchPython({}, why_); }

    // The fixture itself: what make_safetensors.py wrote, read by our reader.
    void readerReadsTheFixture() {
        const SafetensorsFile st = readSafetensorsHeader(data("w.safetensors"));
        QCOMPARE(st.tensors.size(), size_t{3});
        const SafetensorsEntry& e = st.tensors.at("w_m6");
        QCOMPARE(e.dtype, std::string("F32"));
        QCOMPARE(e.shape, (std::vector<int64_t>{6, 8}));
        const auto bytes = readSafetensorsBytes(st, e);
        QCOMPARE(bytes.size(), size_t{6 * 8 * 4});
        for (size_t i = 0; i < 48; ++i) {
            float v;
            std::memcpy(&v, bytes.data() + 4 * i, 4);
            QCOMPARE(v, recorded(i));
        }
    }

    void readerRejectsBadFiles_data() {
        QTest::addColumn<int>("cut");          // bytes kept (-1: all)
        QTest::addColumn<QString>("from");     // header text replaced
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << 0 << "" << "" << "truncated: 0 bytes";
        QTest::newRow("short header") << 100 << "" << "" << "truncated: the header says it is";
        QTest::newRow("short data") << 600 << "" << "" << "header.w_i32.data_offsets: truncated file";
        QTest::newRow("not json") << -1 << "{\"__metadata__\"" << "[\"__metadata__\"" << "not a JSON object";
        QTest::newRow("bad json") << -1 << "\"F32\"," << "\"F32\";" << "header";
        QTest::newRow("dtype") << -1 << "\"F32\"" << "\"F31\"" << "header.w_m4.dtype: unknown safetensors dtype 'F31'";
        QTest::newRow("shape") << -1 << "[4,8]" << "[5,8]" << "header.w_m4.data_offsets: 128 bytes, but a F32 tensor of this shape is 160";
        QTest::newRow("field") << -1 << "\"shape\":[4,8]" << "\"shapE\":[4,8]" << "header.w_m4.shapE: unknown field";
    }
    void readerRejectsBadFiles() {
        QFETCH(int, cut);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        std::string bytes = readBytes(data("w.safetensors"));
        if (!from.isEmpty()) bytes = replaced(bytes, from.toStdString(), to.toStdString());  // same length: offsets stay
        if (cut >= 0) bytes.resize(static_cast<size_t>(cut));
        const fs::path p = fs::path(tmp_.path().toStdString()) / ("bad" + std::to_string(counter_++) + ".safetensors");
        writeBytes(p, bytes);
        try {
            readSafetensorsHeader(p);
            QFAIL("the file was accepted");
        } catch (const Error& e) {
            const std::string msg = e.what();
            QVERIFY2(msg.find(p.string()) == 0 && msg.find(expected.toStdString()) != std::string::npos, msg.c_str());
        }
    }

    void readerRejectsAHugeHeaderLength() {
        std::string bytes = readBytes(data("w.safetensors"));
        for (int i = 0; i < 8; ++i) bytes[static_cast<size_t>(i)] = '\xff';
        const fs::path p = fs::path(tmp_.path().toStdString()) / "huge.safetensors";
        writeBytes(p, bytes);
        QVERIFY_THROWS_EXCEPTION(Error, readSafetensorsHeader(p));
    }

    // Import, then evaluate: the candidate that checks every recorded element
    // bit for bit passes (so the runner gave it the file's bytes, and the
    // PyTorch reference, which judges, computed from the same bytes); one that
    // ignores the recorded input fails.
    void importsAndEvaluates() {
        const fs::path out = freshOut();
        const auto imported = kforgeCli({"import", "fib", data("definition.json").string(), "--out", out.string()});
        QVERIFY2(imported.ok(), imported.output.c_str());
        QVERIFY2(imported.output.find("2 workloads, 1 safetensors files copied") != std::string::npos, imported.output.c_str());
        QCOMPARE(readBytes(out / "safetensors/w.safetensors"), readBytes(data("w.safetensors")));
        const Task task = loadTask(out);
        QVERIFY(task.native.empty());
        QVERIFY(task.inputs[1].shape.empty());  // alpha: "shape": null
        QCOMPARE(task.bytesMoved(task.workloads[1]).value(), 4.0 * 6 * 8 * 3 + 4);  // x, w, y and alpha
        QVERIFY(task.workloads[0].inputs.at("w").file == fs::weakly_canonical(out / "safetensors/w.safetensors"));
        const Json def = Json::parse(readBytes(out / "definition.json"));
        QCOMPARE(def.at("kforge").at("bytes").get<std::string>(), std::string("4*M*N + 4 + 4*M*N + 4*M*N"));
        QVERIFY(def.at("inputs").at("alpha").at("shape").is_null());  // the definition is kept as FIB wrote it

        if (!python_) QSKIP(why_.c_str());
        const auto good = kforgeCli({"eval", out.string(), data("scale_add_check_cpu.cpp").string(), "--backend", "cpu", "--json",
                                     "--budget-ms", "20"});
        QVERIFY2(good.ok(), good.output.c_str());
        const Json g = parseReport(good);
        QVERIFY2(g.at("status").get<std::string>() == "PASSED", good.output.c_str());
        QCOMPARE(g.at("torch").at("judge").get<std::string>(), std::string("torch"));
        QCOMPARE(g.at("workloads").size(), size_t{2});
        const auto bad = kforgeCli({"eval", out.string(), data("scale_add_wrong_cpu.cpp").string(), "--backend", "cpu", "--json",
                                    "--budget-ms", "20"});
        const Json b = parseReport(bad);
        QVERIFY2(b.at("status").get<std::string>() == "INCORRECT_NUMERICAL", bad.output.c_str());
    }

    // A FlashInfer-Bench dataset keeps definitions/, workloads/ and blob/ apart,
    // and its workloads name files from the dataset's root (./blob/...).
    void datasetLayoutResolvesFromTheRoot() {
        const fs::path root = fs::path(tmp_.path().toStdString()) / ("dataset" + std::to_string(counter_++));
        for (const char* d : {"definitions/scale", "workloads/scale", "blob/workloads/scale"}) fs::create_directories(root / d);
        fs::copy_file(data("definition.json"), root / "definitions/scale/scale_add.json");
        fs::copy_file(data("w.safetensors"), root / "blob/workloads/scale/w.safetensors");
        std::string lines = readBytes(data("workloads.jsonl"));
        const std::string from = "\"path\": \"w.safetensors\"", to = "\"path\": \"./blob/workloads/scale/w.safetensors\"";
        for (size_t at; (at = lines.find(from)) != std::string::npos;) lines.replace(at, from.size(), to);
        writeBytes(root / "workloads/scale/scale_add.jsonl", lines);
        const auto workloads = (root / "workloads/scale/scale_add.jsonl").string();
        const fs::path out = freshOut();
        const auto r = kforgeCli({"import", "fib", (root / "definitions/scale/scale_add.json").string(), "--workloads", workloads,
                                  "--out", out.string()});
        QVERIFY2(r.ok(), r.output.c_str());
        QCOMPARE(readBytes(out / "safetensors/w.safetensors"), readBytes(data("w.safetensors")));
        // An explicit --root that is not the dataset's: the file is not found, and the error says where it looked.
        const auto wrong = kforgeCli({"import", "fib", (root / "definitions/scale/scale_add.json").string(), "--workloads", workloads,
                                      "--root", (root / "workloads").string(), "--out", freshOut().string()});
        QCOMPARE(wrong.status.code, 2);
        QVERIFY2(wrong.output.find((root / "workloads/blob/workloads/scale/w.safetensors").string() + ": not found") != std::string::npos,
                 wrong.output.c_str());
        const auto missing = kforgeCli({"import", "fib", (root / "definitions/scale/scale_add.json").string(), "--workloads", workloads,
                                        "--root", (root / "nowhere").string(), "--out", freshOut().string()});
        QVERIFY2(missing.output.find("--root: not a directory") != std::string::npos, missing.output.c_str());
    }

    // The same check with a recorded input that does not follow the formula:
    // the checking candidate must now fail, or it proves nothing.
    void changedRecordingFailsTheCheckingCandidate() {
        if (!python_) QSKIP(why_.c_str());
        const fs::path src = source();
        std::string bytes = readBytes(src / "w.safetensors");
        bytes[bytes.size() - 128 - 4] ^= 1;  // the last element of w_m6, lowest mantissa bit
        writeBytes(src / "w.safetensors", bytes);
        const fs::path out = freshOut();
        const auto imported = kforgeCli({"import", "fib", (src / "definition.json").string(), "--out", out.string()});
        QVERIFY2(imported.ok(), imported.output.c_str());
        const auto r = kforgeCli({"eval", out.string(), data("scale_add_check_cpu.cpp").string(), "--backend", "cpu", "--json",
                                  "--budget-ms", "20"});
        const Json j = parseReport(r);
        QVERIFY2(j.at("status").get<std::string>() != "PASSED", r.output.c_str());
    }

    void badDefinitionsAreLocated() {
        auto spoil = [&](const std::string& from, const std::string& to) {
            const fs::path src = source();
            writeBytes(src / "definition.json", replaced(readBytes(src / "definition.json"), from, to));
            return src;
        };
        expectImportError(spoil("\"reference\":", "\"referencE\":"), {"definition.json: reference: missing"});
        expectImportError(spoil("\"dtype\": \"float32\"}", "\"dtype\": \"float31\"}"), {"definition.json: inputs.x.dtype: unknown dtype 'float31'"});
        expectImportError(spoil("\"shape\": null", "\"shape\": 7"), {"definition.json: inputs.alpha.shape"});
        expectImportError(spoil("{\n  \"name\"", "{,\n  \"name\""), {"definition.json", "invalid JSON"});
    }

    void badWorkloadsAreLocated() {
        auto spoil = [&](const std::string& from, const std::string& to) {
            const fs::path src = source();
            writeBytes(src / "workloads.jsonl", replaced(readBytes(src / "workloads.jsonl"), from, to));
            return src;
        };
        expectImportError(spoil("\"tensor_key\": \"w_m6\"", "\"tensor_key\": \"w_i32\""),
                          {"workloads.jsonl:2: inputs.w.tensor_key: 'w_i32' in ", "is I32, but input 'w' is float32"});
        expectImportError(spoil("\"tensor_key\": \"w_m6\"", "\"tensor_key\": \"w_m4\""),
                          {"workloads.jsonl:2: inputs.w.tensor_key", "has shape [4, 8], but input 'w' has shape [6, 8]"});
        expectImportError(spoil("\"tensor_key\": \"w_m6\"", "\"tensor_key\": \"w_m9\""),
                          {"workloads.jsonl:2: inputs.w.tensor_key: 'w_m9' is not in", "w_i32, w_m4, w_m6"});
        expectImportError(spoil("\"path\": \"w.safetensors\", \"tensor_key\": \"w_m4\"", "\"path\": \"x.safetensors\", \"tensor_key\": \"w_m4\""),
                          {"workloads.jsonl:1: inputs.w.path: ", "x.safetensors: not found"});
        expectImportError(spoil("\"definition\": \"scale_add_fib\"", "\"definition\": \"other\""),
                          {"workloads.jsonl:1: definition: 'other' is not this task"});
        expectImportError(spoil("\"solution\": null", "\"solution\": \"s\""), {"workloads.jsonl:1: solution: a trace with a solution"});
        expectImportError(spoil("\"value\": -2", "\"value\": \"-2\""), {"workloads.jsonl:2: inputs.alpha.value"});
        expectImportError(spoil("\"path\": \"w.safetensors\", \"tensor_key\": \"w_m4\"", "\"path\": \"https://x/w.safetensors\", \"tensor_key\": \"w_m4\""),
                          {"workloads.jsonl:1: inputs.w.path", "is a URI"});
    }

    void badSafetensorsAreLocated() {
        const fs::path src = source();
        std::string bytes = readBytes(src / "w.safetensors");
        bytes.resize(bytes.size() - 200);  // w_m6 and w_i32 lose their data
        writeBytes(src / "w.safetensors", bytes);
        expectImportError(src, {"workloads.jsonl:1: inputs.w.path: ", "w.safetensors: header.w_", "truncated file"});
    }

    // The runner protocol carries an input's file; a request is checked whole.
    void protocolCarriesInputFiles() {
        EvaluateSpec spec;
        spec.library = "a.so";
        spec.reference = "b.so";
        spec.axisNames = {"M"};
        TensorSpec w;
        w.name = "w";
        w.shape = {"M"};
        TensorSpec y = w;
        y.name = "y";
        spec.inputs = {w};
        spec.outputs = {y};
        WorkloadSpec ws;
        ws.uuid = "m4";
        ws.axisValues = {4};
        ws.inputShapes = {{4}};
        ws.outputShapes = {{4}};
        ws.scalars = {std::nullopt};
        ws.files = {"/staged/0.bin"};
        spec.workloads = {ws};
        spec.seeds = {1};
        const nlohmann::json j = toJson(spec);
        QCOMPARE(evaluateSpecFromJson(j).workloads[0].files, std::vector<std::string>{"/staged/0.bin"});
        nlohmann::json none = j;
        none["workloads"][0].erase("files");
        QCOMPARE(evaluateSpecFromJson(none).workloads[0].files, std::vector<std::string>{""});  // absent: no file
        nlohmann::json two = j;
        two["workloads"][0]["files"] = {nullptr, nullptr};
        QVERIFY_THROWS_EXCEPTION(RequestError, evaluateSpecFromJson(two));
        nlohmann::json both = j;
        both["workloads"][0]["scalars"] = {1.5};
        try {
            evaluateSpecFromJson(both);
            QFAIL("a scalar with a file was accepted");
        } catch (const RequestError& e) {
            QVERIFY2(std::string(e.what()).find("spec.workloads[0].files[0]: input 'w' has a scalar value and a file") == 0, e.what());
        }
    }

    void outputMustBeNewOrEmpty() {
        const fs::path out = freshOut();
        fs::create_directories(out);
        writeBytes(out / "keep.txt", "mine");
        const auto r = kforgeCli({"import", "fib", data("definition.json").string(), "--out", out.string()});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("exists and is not an empty directory") != std::string::npos, r.output.c_str());
        QCOMPARE(readBytes(out / "keep.txt"), std::string("mine"));
    }
};

QTEST_GUILESS_MAIN(TestFibImport)
#include "test_fib_import.moc"
