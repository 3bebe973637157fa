// `fib`: a FlashInfer-Bench dataset tree: the definition, the workloads, a
// Solution (sources inline, entry point file::function, torch binding,
// destination-passing style) and one Trace per measured workload.
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/export_format.h"
#include "export/torch_sources.h"
#include "task/tune_space.h"

namespace kforge {

namespace {

using Json = nlohmann::json;

Json finiteOrString(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

std::string hardwareName(const ExportPlan& p) {
    std::string h = p.session.device.name.empty() ? std::string(backendName(p.backend())) : p.session.device.name;
    for (char& c : h)
        if (c == ' ') c = '_';
    return h;
}

Json workloadJson(const ExportWorkload& w) {
    Json axes = Json::object();
    for (const auto& [k, v] : w.workload.axes) axes[k] = v;
    Json inputs = Json::object();
    for (const auto& [name, in] : w.workload.inputs) {
        switch (in.kind) {
            case WorkloadInput::Kind::Scalar: inputs[name] = {{"type", "scalar"}, {"value", in.scalar}}; break;
            // The recorded file is named where it lies (absolute); the export does not copy it.
            case WorkloadInput::Kind::Safetensors:
                inputs[name] = {{"type", "safetensors"}, {"path", in.file.string()}, {"tensor_key", in.tensorKey}};
                break;
            case WorkloadInput::Kind::Random: inputs[name] = {{"type", "random"}}; break;
        }
    }
    return {{"uuid", w.workload.uuid}, {"axes", axes}, {"inputs", inputs}};
}

class FibFormat final : public ExportFormat {
public:
    std::string name() const override { return "fib"; }
    Phrase description() const override {
        return phrase(QT_TRANSLATE_NOOP("Phrase", "a FlashInfer-Bench dataset: definition, workloads, Solution and Trace JSON"));
    }
    Phrase unsupported(Backend b) const override {
        const BackendInfo& info = backendInfo(b);
        if (!info.fibLanguage.empty()) return {};
        return phrase(QT_TRANSLATE_NOOP("Phrase", "FlashInfer-Bench's languages are python, triton, cpp, cuda and tilelang; it has no %1"),
                      std::string(info.title));
    }

    std::vector<ExportFile> files(const ExportPlan& p) const override {
        const std::string opType = p.task.opType.empty() ? "misc" : p.task.opType;
        const std::string def = p.task.name;
        const std::string solution = p.packageName + "_s" + std::to_string(p.session.id) + "_n" + std::to_string(p.nodeId);
        Json sources = Json::array();
        sources.push_back({{"path", "kf_abi.h"}, {"content", p.abiHeader}});
        for (const auto& v : p.variants) {
            sources.push_back({{"path", "kernels/" + v.sourceFile}, {"content", v.source}});
            sources.push_back({{"path", v.sourceFile.substr(0, v.sourceFile.rfind('.')) + "_unit" + std::string(backendInfo(p.backend()).unitExtension)},
                               {"content", kernelVariantUnit(p, v, "kernels/" + v.sourceFile)}});
        }
        sources.push_back({{"path", p.opName + "_op.h"}, {"content", torchLauncherHeader(p)}});
        sources.push_back({{"path", p.opName + "_op.cpp"}, {"content", torchLauncher(p, p.opName + "_op.h")}});
        // FlashInfer-Bench's torch builder loads the sources as an extension and calls the entry
        // point with inputs then outputs (destination-passing style): the op's _out form.
        sources.push_back({{"path", "binding.cpp"},
                           {"content", "// The entry point FlashInfer-Bench calls: " + p.opName + "(inputs..., outputs...).\n"
                                       "#include <torch/extension.h>\n\n#include \"" + p.opName + "_op.h\"\n\n"
                                       "PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {\n    m.def(\"" + p.opName + "\", &kforge_export::" + p.opName +
                                       "_out, \"" + p.task.name + " (KernelForge), destination-passing style\");\n}\n"}});
        std::ostringstream desc;
        desc << "KernelForge session " << p.session.id << " node " << p.nodeId << " (" << backendName(p.backend()) << ", tuned on "
             << hardwareName(p) << ")";
        for (const auto& v : p.variants)
            if (!v.config.empty()) desc << "; node " << v.nodeId << ": " << describeConfig(v.config);
        if (p.dispatches()) desc << "; dispatches per shape to the variant of the nearest tuned workload";
        desc << ". Trace reference latencies are KernelForge's " << p.session.baselineName << ".";
        Json spec = {{"language", std::string(backendInfo(p.backend()).fibLanguage)},
                     {"target_hardware", Json::array({hardwareName(p)})},
                     {"entry_point", "binding.cpp::" + p.opName},
                     {"dependencies", Json::array()},
                     {"destination_passing_style", true},
                     {"binding", "torch"}};
        const Json sol = {{"name", solution}, {"definition", def}, {"author", "kernelforge"}, {"description", desc.str()}, {"spec", spec}, {"sources", sources}};

        std::string workloads, traces;
        for (const auto& w : p.workloads) {
            workloads += Json{{"definition", def}, {"workload", workloadJson(w)}, {"solution", nullptr}, {"evaluation", nullptr}}.dump() + "\n";
            const auto& m = w.measured;
            Json libs = Json::object();
            const auto& cmd = p.variants[w.variant].compileCommand;
            if (!cmd.empty()) libs["compiler"] = cmd.substr(0, cmd.find(' '));
            libs["kernelforge_abi"] = "1";
            Json eval = {{"status", "PASSED"},
                         {"log", ""},
                         {"environment", {{"hardware", hardwareName(p)}, {"libs", libs}}},
                         {"timestamp", p.session.updatedAt.empty() ? p.exportedAt : p.session.updatedAt},
                         {"correctness", {{"max_relative_error", finiteOrString(m.verify.maxRelError)}, {"max_absolute_error", finiteOrString(m.verify.maxAbsError)}}},
                         {"performance", {{"latency_ms", m.timing.median},
                                          {"reference_latency_ms", m.baseline ? m.baseline->median : 0.0},
                                          {"speedup_factor", m.speedup}}}};
            traces += Json{{"definition", def}, {"workload", workloadJson(w)}, {"solution", solution}, {"evaluation", eval}}.dump() + "\n";
        }
        std::vector<ExportFile> f;
        f.push_back({"definitions/" + opType + "/" + def + ".json", p.session.taskDefinition});
        f.push_back({"workloads/" + opType + "/" + def + ".jsonl", workloads});
        f.push_back({"solutions/kernelforge/" + opType + "/" + def + "/" + solution + ".json", sol.dump(2) + "\n"});
        f.push_back({"traces/" + opType + "/" + def + ".jsonl", traces});
        f.push_back({"README.md", "# FlashInfer-Bench dataset: " + def + " (KernelForge export)\n\n"
                                  "```python\nfrom flashinfer_bench import TraceSet\ntraces = TraceSet.from_path(\".\")\n```\n\n" +
                                  dispatchMarkdown(p)});
        return f;
    }
};

}  // namespace

const ExportFormat& fibExportFormat() {
    static const FibFormat format;
    return format;
}

}  // namespace kforge
