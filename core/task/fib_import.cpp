#include "task/fib_import.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "util/error.h"
#include "util/file_path.h"
#include "util/json_input.h"
#include "util/text.h"

namespace kforge {
namespace {

using Json = nlohmann::ordered_json;  // the definition keeps its order: inputs are passed in it

constexpr size_t kMaxDefinitionBytes = size_t{16} << 20;  // as loadTask's limit

std::filesystem::path findWorkloads(const FibImport& r, const std::filesystem::path& definition) {
    if (!r.workloads.empty()) return canonicalPath(r.workloads);
    // FIB keeps definitions/<op>/<name>.json and workloads/<op>/<name>.jsonl apart;
    // beside the definition, either name is taken.
    for (const auto& name : {definition.stem().string() + ".jsonl", std::string("workloads.jsonl")}) {
        const auto p = definition.parent_path() / name;
        if (isRegularFile(p)) return p;
    }
    throw Error(located(definition.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "no %1.jsonl or workloads.jsonl beside it "
                                                                                "(give the workloads with --workloads)"),
                                                    definition.stem().string())));
}

// The source definition with a "kforge" object: imported tasks have no native
// reference, their PyTorch reference judges.
Json withKforge(const Json& source, const std::string& file) {
    if (!source.is_object())
        throw Error(
            located(file + ": definition", phrase(QT_TRANSLATE_NOOP("Phrase", "must be an object, not %1"), source.type_name())));
    Json def = source;
    const auto ref = def.find("reference");
    if (ref == def.end() || !ref->is_string() || ref->get<std::string>().find("def run") == std::string::npos)
        throw Error(located(file + ": reference",
                            ref == def.end()
                                ? phrase(QT_TRANSLATE_NOOP("Phrase", "missing (an imported task is judged by its PyTorch reference)"))
                                : phrase(QT_TRANSLATE_NOOP("Phrase", "not Python source with run(...) "
                                                                     "(an imported task is judged by its PyTorch reference)"))));
    // Early FIB definitions spell op_type "type".
    if (!def.contains("op_type") && def.contains("type") && def["type"].is_string()) def["op_type"] = def["type"];
    if (!def.contains("kforge")) def["kforge"] = Json::object();
    if (!def["kforge"].is_object())
        throw Error(located(file + ": kforge", phrase(QT_TRANSLATE_NOOP("Phrase", "must be an object"))));
    if (def["kforge"].contains("native"))
        throw Error(located(file + ": kforge.native",
                            phrase(QT_TRANSLATE_NOOP("Phrase", "an imported task is judged by its PyTorch reference; "
                                                               "remove the native reference or use the task directory as it is"))));
    return def;
}

// An integral value stays an integer in the file (FIB's int scalars).
Json scalarJson(double v) {
    if (std::nearbyint(v) == v && std::fabs(v) < 9.0e15) return static_cast<int64_t>(v);
    return v;
}

// Copies each file once; a second file of the same name gets a numbered one.
class FileCopies {
public:
    explicit FileCopies(std::filesystem::path dir) : dir_(std::move(dir)) {}
    std::string relativePath(const std::filesystem::path& source) {
        if (const auto it = copied_.find(source); it != copied_.end()) return it->second;
        std::string name = source.filename().string();
        for (int n = 2; used_.count(name); ++n) name = source.stem().string() + "-" + std::to_string(n) + source.extension().string();
        used_.insert(name);
        std::filesystem::create_directories(dir_);
        std::error_code ec;
        std::filesystem::copy_file(source, dir_ / name, std::filesystem::copy_options::none, ec);
        if (ec)
            throw Error(located(source.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot be copied to %1: %2"),
                                                        (dir_ / name).string(), ec.message())));
        const std::string rel = dir_.filename().string() + "/" + name;
        copied_.emplace(source, rel);
        return rel;
    }
    size_t count() const { return copied_.size(); }

private:
    std::filesystem::path dir_;
    std::map<std::filesystem::path, std::string> copied_;
    std::set<std::string> used_;
};

std::string workloadLine(const Task& task, const Workload& w, FileCopies& copies) {
    Json axes = Json::object(), inputs = Json::object();
    for (const auto& [name, value] : w.axes) axes[name] = value;
    for (const auto& t : task.inputs) {  // definition order
        const WorkloadInput& in = w.inputs.at(t.name);
        switch (in.kind) {
            case WorkloadInput::Kind::Random: inputs[t.name] = {{"type", "random"}}; break;
            case WorkloadInput::Kind::Scalar:
                inputs[t.name] = {{"type", "scalar"}, {"value", scalarJson(in.scalar)}};
                break;
            case WorkloadInput::Kind::Safetensors:
                inputs[t.name] = {{"type", "safetensors"}, {"path", copies.relativePath(in.file)}, {"tensor_key", in.tensorKey}};
                break;
        }
    }
    Json j = {{"uuid", w.uuid}, {"axes", axes}, {"inputs", inputs}};
    if (!w.backends.empty()) {
        Json b = Json::array();
        for (Backend x : w.backends) b.push_back(std::string(backendName(x)));
        j["backends"] = b;
    }
    if (w.weight != 1) j["weight"] = w.weight;
    return j.dump();
}

}  // namespace

std::filesystem::path fibDataRoot(const std::filesystem::path& workloads, const std::filesystem::path& root) {
    if (!root.empty()) {
        const auto r = canonicalPath(root);
        if (!isDirectory(r))
            throw Error(located(root.string() + ": --root", phrase(QT_TRANSLATE_NOOP("Phrase", "not a directory"))));
        return r;
    }
    std::error_code ec;
    for (auto dir = workloads.parent_path(); !dir.empty(); dir = dir.parent_path()) {
        if (std::filesystem::is_directory(dir / "blob", ec)) return dir;
        if (dir == dir.parent_path()) break;
    }
    return workloads.parent_path();
}

std::string tensorBytesExpression(const Task& task) {
    std::string expr;
    for (const auto* list : {&task.inputs, &task.outputs})
        for (const auto& t : *list) {
            std::string term = std::to_string(dtypeInfo(t.dtype).bytes);
            for (const auto& axis : t.shape) term += "*" + axis;
            expr += (expr.empty() ? "" : " + ") + term;
        }
    return expr;
}

FibImportResult importFib(const FibImport& request) {
    const auto definition = canonicalPath(request.definition);
    const std::string file = definition.string();
    if (!isRegularFile(definition)) throw Error(located(file, phrase(QT_TRANSLATE_NOOP("Phrase", "not found"))));
    const auto workloads = findWorkloads(request, definition);
    const Json source = parseOrderedJsonInput(
        readTextFile(definition, kMaxDefinitionBytes, phrase(QT_TRANSLATE_NOOP("Phrase", "a task definition"))), file);
    Json def = withKforge(source, file);

    // Everything is checked against the source files before anything is written.
    const TaskFiles files{definition, workloads, definition.parent_path(), fibDataRoot(workloads, request.root)};
    Task checked = loadTask(def.dump(2), files);
    if (!checked.bytes) def["kforge"]["bytes"] = tensorBytesExpression(checked);
    checked = loadTask(def.dump(2), files);  // the estimate evaluates for every workload

    const auto out = std::filesystem::absolute(request.out.empty() ? std::filesystem::path(checked.name) : request.out);
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !(std::filesystem::is_directory(out, ec) && std::filesystem::is_empty(out, ec)))
        throw Error(located(out.string(),
                            phrase(QT_TRANSLATE_NOOP("Phrase", "exists and is not an empty directory (choose another --out)"))));
    std::filesystem::create_directories(out, ec);
    if (ec) throw Error(located(out.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot be created: %1"), ec.message())));

    FileCopies copies(out / "safetensors");
    std::string lines;
    for (const auto& w : checked.workloads) lines += workloadLine(checked, w, copies) + "\n";
    writeTextFileAtomically(out / "workloads.jsonl", lines);
    writeTextFileAtomically(out / "definition.json", def.dump(2) + "\n");

    FibImportResult result;
    result.task = loadTask(out);  // what was written loads, or the error says why
    result.copiedFiles = copies.count();
    return result;
}

}  // namespace kforge
