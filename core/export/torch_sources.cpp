#include "export/torch_sources.h"

#include <nlohmann/json.hpp>
#include <cstdio>
#include <set>
#include <sstream>

#include "task/tune_space.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge {

namespace {

using Json = nlohmann::json;

const char* atenDtype(DType t) {
    switch (t) {
        case DType::Float32: return "at::kFloat";
        case DType::Float16: return "at::kHalf";
        case DType::BFloat16: return "at::kBFloat16";
        case DType::Float8E4M3FN: return "at::kFloat8_e4m3fn";
        case DType::Float8E5M2: return "at::kFloat8_e5m2";
        case DType::Int64: return "at::kLong";
        case DType::Int32: return "at::kInt";
        case DType::Int16: return "at::kShort";
        case DType::Int8: return "at::kChar";
        case DType::Bool: return "at::kBool";
    }
    return "at::kFloat";
}

const char* kfDtype(DType t) {
    switch (t) {
        case DType::Float32: return "KF_FLOAT32";
        case DType::Float16: return "KF_FLOAT16";
        case DType::BFloat16: return "KF_BFLOAT16";
        case DType::Float8E4M3FN: return "KF_FLOAT8_E4M3FN";
        case DType::Float8E5M2: return "KF_FLOAT8_E5M2";
        case DType::Int64: return "KF_INT64";
        case DType::Int32: return "KF_INT32";
        case DType::Int16: return "KF_INT16";
        case DType::Int8: return "KF_INT8";
        case DType::Bool: return "KF_BOOL";
    }
    return "KF_FLOAT32";
}

size_t axisIndex(const Task& t, const std::string& name) {
    for (size_t i = 0; i < t.axes.size(); ++i)
        if (t.axes[i].name == name) return i;
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "task %1: shape names an unknown axis %2"), t.name, name));
}

// Where each var axis is first read from: (input index, dimension).
std::map<std::string, std::pair<size_t, size_t>> axisSources(const Task& t) {
    std::map<std::string, std::pair<size_t, size_t>> out;
    for (size_t i = 0; i < t.inputs.size(); ++i)
        for (size_t d = 0; d < t.inputs[i].shape.size(); ++d) out.emplace(t.inputs[i].shape[d], std::make_pair(i, d));
    for (const auto& a : t.axes)
        if (!a.isConst && !out.count(a.name))
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase",
                                                 "task %1: axis %2 appears in no input's shape, so an op cannot read it from its "
                                                 "arguments; this task cannot be exported as a torch op"),
                               t.name, a.name));
    if (t.inputs.empty())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "task %1 has no inputs; it cannot be exported as a torch op"), t.name));
    return out;
}

std::string cstr(const std::string& s) { return Json(s).dump(); }

std::string opDecl(const ExportPlan& p) {
    std::string ret = p.task.outputs.size() == 1 ? "at::Tensor" : "std::tuple<";
    if (p.task.outputs.size() > 1) {
        for (size_t i = 0; i < p.task.outputs.size(); ++i) ret += (i ? ", " : "") + std::string("at::Tensor");
        ret += ">";
    }
    std::string args;
    for (size_t i = 0; i < p.task.inputs.size(); ++i) args += (i ? ", " : "") + std::string("const at::Tensor& in_") + p.task.inputs[i].name;
    return ret + " " + p.opName + "(" + args + ")";
}

std::string outDecl(const ExportPlan& p) {
    std::string args;
    for (const auto& t : p.task.inputs) args += (args.empty() ? "" : ", ") + std::string("const at::Tensor& in_") + t.name;
    for (const auto& t : p.task.outputs) args += ", at::Tensor& out_" + t.name;
    return "void " + p.opName + "_out(" + args + ")";
}

}  // namespace

std::string fillTemplate(std::string text, const std::map<std::string, std::string>& values) {
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t a = text.find('@', pos);
        if (a == std::string::npos) break;
        const size_t b = text.find('@', a + 1);
        if (b == std::string::npos) break;
        const std::string key = text.substr(a + 1, b - a - 1);
        const auto it = values.find(key);
        const bool isKey = !key.empty() && key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") == std::string::npos;
        if (!isKey) {
            out += text.substr(pos, b - pos);
            pos = b;
            continue;
        }
        if (it == values.end()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "export template: no value for @%1@"), key));
        out += text.substr(pos, a - pos) + it->second;
        pos = b + 1;
    }
    return out + text.substr(pos);
}

std::string pyList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + Json(items[i]).dump();
    return out + "]";
}

std::string dispatchKey(const ExportPlan& p) { return std::string(backendInfo(p.backend()).torchDispatchKey); }

std::string kernelVariantUnit(const ExportPlan& p, const ExportVariant& v, const std::string& sourcePath) {
    std::ostringstream out;
    out << "// KernelForge export: variant " << v.symbol << " = session " << p.session.id << " node " << v.nodeId
        << (v.config.empty() ? "" : ", " + describeConfig(v.config)) << ".\n"
        << "// Its configuration is fixed here and kf_run renamed, so that several variants link into one library;\n"
        << "// the source's system headers come first and the source itself inside an unnamed namespace, so that\n"
        << "// its other symbols (templates, helpers) stay private to this variant.\n";
    for (const auto& [k, val] : v.config) out << "#define " << k << " " << val << "\n";
    out << "#define kf_run " << v.symbol << "\n";
    std::istringstream in(v.source);
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first != std::string::npos && line.compare(first, 8, "#include") == 0 && line.find('<') != std::string::npos)
            out << line.substr(first) << "\n";
    }
    out << "#include <kf_abi.h>\n\nnamespace {\n#include \"" << sourcePath << "\"\n}  // namespace\n";
    return out.str();
}

std::string opSchema(const ExportPlan& p) {
    std::string s = p.opName + "(";
    for (size_t i = 0; i < p.task.inputs.size(); ++i) s += (i ? ", " : "") + std::string("Tensor ") + p.task.inputs[i].name;
    s += ") -> ";
    if (p.task.outputs.size() == 1) return s + "Tensor";
    s += "(";
    for (size_t i = 0; i < p.task.outputs.size(); ++i) s += (i ? ", " : "") + std::string("Tensor");
    return s + ")";
}

std::string outOpSchema(const ExportPlan& p) {
    std::string s = p.opName + "_out(";
    for (size_t i = 0; i < p.task.inputs.size(); ++i) s += (i ? ", " : "") + std::string("Tensor ") + p.task.inputs[i].name;
    for (size_t i = 0; i < p.task.outputs.size(); ++i)
        s += ", Tensor(" + std::string(1, static_cast<char>('a' + i)) + "!) " + p.task.outputs[i].name;
    return s + ") -> ()";
}

std::string torchLauncherHeader(const ExportPlan& p) {
    std::ostringstream out;
    out << "#pragma once\n// The " << p.opNamespace << "::" << p.opName << " op's C++ functions (KernelForge export).\n"
        << "#include <ATen/ATen.h>\n#include <tuple>\n\nnamespace kforge_export {\n\n"
        << "// Returns new outputs.\n" << opDecl(p) << ";\n"
        << "// Writes into the given outputs (shape, dtype, device and contiguity checked).\n" << outDecl(p) << ";\n\n"
        << "}  // namespace kforge_export\n";
    return out.str();
}

std::string torchLauncher(const ExportPlan& p, const std::string& bindingHeader) {
    const Task& t = p.task;
    const bool gpu = backendInfo(p.backend()).gpu;
    const auto sources = axisSources(t);
    const auto vars = p.varAxes();
    const std::string opLabel = p.opNamespace + "::" + p.opName;
    std::ostringstream o;
    o << "// The " << opLabel << " op (KernelForge export of session " << p.session.id << ", task " << t.name << ").\n"
      << "// Checks its arguments, reads the axes from the inputs' shapes, picks the variant tuned for\n"
      << "// the nearest workload and calls it through KernelForge's kf_run ABI"
      << (gpu ? " on the current stream" : "") << ".\n"
      << "#include \"" << bindingHeader << "\"\n\n#include <cmath>\n#include <cstdint>\n#include <tuple>\n#include <vector>\n";
    if (gpu) o << "\n#include <ATen/cuda/CUDAContext.h>\n#include <c10/cuda/CUDAGuard.h>\n";
    o << "\n#include \"kf_abi.h\"\n\n";
    for (const auto& v : p.variants) o << "extern \"C\" int " << v.symbol << "(const kf_call* call);\n";
    o << "\nnamespace kforge_export {\nnamespace {\n\n";
    o << "constexpr const char* kOp = " << cstr(opLabel) << ";\n";
    o << "constexpr int kAxes = " << t.axes.size() << ";\n";
    o << "const char* const kAxisNames[kAxes > 0 ? kAxes : 1] = {";
    for (size_t i = 0; i < t.axes.size(); ++i) o << (i ? ", " : "") << cstr(t.axes[i].name);
    if (t.axes.empty()) o << "nullptr";
    o << "};\n\nstruct Variant {\n    const char* name;\n    int (*run)(const kf_call*);\n};\nconst Variant kVariants[] = {\n";
    for (const auto& v : p.variants)
        o << "    {" << cstr("node " + std::to_string(v.nodeId) + (v.config.empty() ? "" : " (" + describeConfig(v.config) + ")")) << ", &"
          << v.symbol << "},\n";
    o << "};\n\n// The tuned workloads: their var axes (" ;
    for (size_t i = 0; i < vars.size(); ++i) o << (i ? ", " : "") << vars[i];
    o << ") and the variant that measured fastest on each.\nconstexpr int kVarAxes = " << vars.size()
      << ";\nstruct Tuned {\n    int64_t axes[kVarAxes > 0 ? kVarAxes : 1];\n    int variant;\n};\nconst Tuned kTuned[] = {\n";
    for (const auto& w : p.workloads) {
        o << "    {{";
        bool first = true;
        for (const auto& name : vars) {
            o << (first ? "" : ", ") << w.workload.axes.at(name);
            first = false;
        }
        if (vars.empty()) o << "0";
        o << "}, " << w.variant << "},  // " << w.workload.uuid << "\n";
    }
    o << "};\n\n"
      << "// The nearest tuned workload by the sum over var axes of |log2(call) - log2(tuned)|; an exact\n"
      << "// match is distance 0, ties go to the earlier workload. Calls outside every tuned shape still run\n"
      << "// (the kernel handles any shape), on the variant of the nearest one.\n"
      << "int pickVariant(const int64_t* axes) {\n"
      << "    int best = 0;\n    double bestDistance = -1;\n"
      << "    for (const Tuned& w : kTuned) {\n        double d = 0;\n"
      << "        for (int i = 0; i < kVarAxes; ++i)\n"
      << "            d += std::fabs(std::log2(static_cast<double>(axes[i] < 1 ? 1 : axes[i])) - std::log2(static_cast<double>(w.axes[i] < 1 ? 1 : w.axes[i])));\n"
      << "        if (bestDistance < 0 || d < bestDistance) {\n            bestDistance = d;\n            best = w.variant;\n        }\n    }\n"
      << "    return best;\n}\n\n";
    o << "int32_t kfDtypeOf(at::ScalarType type) {\n    switch (type) {\n";
    std::set<DType> used;
    for (const auto& x : t.inputs) used.insert(x.dtype);
    for (const auto& x : t.outputs) used.insert(x.dtype);
    for (const DType d : used) o << "        case " << atenDtype(d) << ": return " << kfDtype(d) << ";\n";
    o << "        default: return -1;\n    }\n}\n\n";
    o << "void checkTensor(const at::Tensor& t, const char* what, at::ScalarType dtype, int64_t ndim, const at::Device& device) {\n"
      << "    TORCH_CHECK(t.defined(), kOp, \": \", what, \" is undefined\");\n"
      << "    TORCH_CHECK(t.scalar_type() == dtype, kOp, \": \", what, \" must be \", dtype, \", got \", t.scalar_type());\n"
      << "    TORCH_CHECK(t.dim() == ndim, kOp, \": \", what, \" must have \", ndim, \" dimensions, got \", t.dim(), \" (shape \", t.sizes(), \")\");\n"
      << "    TORCH_CHECK(t.device() == device, kOp, \": \", what, \" is on \", t.device(), \" but the first input is on \", device);\n"
      << "    TORCH_CHECK(t.is_contiguous(), kOp, \": \", what, \" must be contiguous (row-major); call .contiguous() first\");\n";
    if (gpu)
        o << "    TORCH_CHECK(t.is_cuda(), kOp, \": \", what, \" must be a GPU tensor, got one on \", t.device());\n";
    else
        o << "    TORCH_CHECK(t.is_cpu(), kOp, \": \", what, \" must be a CPU tensor (this export was tuned on the CPU)\");\n";
    o << "}\n\n"
      << "void checkDim(const at::Tensor& t, const char* what, int64_t dim, const char* axis, int64_t expected) {\n"
      << "    TORCH_CHECK(t.size(dim) == expected, kOp, \": \", what, \" has size \", t.size(dim), \" in dimension \", dim, \", but axis \", axis,\n"
      << "                \" is \", expected, \" (shape \", t.sizes(), \")\");\n}\n\n"
      << "kf_tensor describe(const at::Tensor& t) {\n    kf_tensor d{};\n    d.data = t.data_ptr();\n    d.dtype = kfDtypeOf(t.scalar_type());\n"
      << "    d.ndim = static_cast<int32_t>(t.dim());\n"
      << "    for (int64_t i = 0; i < t.dim() && i < KF_MAX_DIMS; ++i) {\n        d.shape[i] = t.size(i);\n        d.strides[i] = t.stride(i);\n    }\n"
      << "    return d;\n}\n\n";
    // Axes from the inputs, with every input checked.
    std::string inArgs, inNames;
    for (size_t i = 0; i < t.inputs.size(); ++i) {
        inArgs += (i ? ", " : "") + std::string("const at::Tensor& in_") + t.inputs[i].name;
        inNames += (i ? ", " : "") + std::string("in_") + t.inputs[i].name;
    }
    o << "struct Axes {\n    int64_t values[kAxes > 0 ? kAxes : 1];\n};\n\n";
    o << "Axes axesOf(" << inArgs << ") {\n    Axes a{};\n";
    for (size_t i = 0; i < t.axes.size(); ++i)
        if (t.axes[i].isConst) o << "    a.values[" << i << "] = " << t.axes[i].value << ";  // " << t.axes[i].name << " (const)\n";
    const std::string first = "in_" + t.inputs.front().name;
    for (size_t i = 0; i < t.inputs.size(); ++i) {
        const auto& x = t.inputs[i];
        o << "    checkTensor(in_" << x.name << ", " << cstr(x.name) << ", " << atenDtype(x.dtype) << ", " << x.shape.size() << ", " << first
          << ".device());\n";
        for (size_t d = 0; d < x.shape.size(); ++d) {
            const size_t ai = axisIndex(t, x.shape[d]);
            const auto src = sources.find(x.shape[d]);
            const bool reads = !t.axes[ai].isConst && src != sources.end() && src->second == std::make_pair(i, d);
            if (reads)
                o << "    a.values[" << ai << "] = in_" << x.name << ".size(" << d << ");  // " << x.shape[d] << "\n";
            else
                o << "    checkDim(in_" << x.name << ", " << cstr(x.name) << ", " << d << ", " << cstr(x.shape[d]) << ", a.values[" << ai << "]);\n";
        }
    }
    o << "    return a;\n}\n\n";
    // Output checks and the call.
    std::string outArgs;
    for (const auto& x : t.outputs) outArgs += ", at::Tensor& out_" + x.name;
    o << "void checkOutputs(const Axes& a, const at::Device& device" << outArgs << ") {\n";
    for (const auto& x : t.outputs) {
        o << "    checkTensor(out_" << x.name << ", " << cstr(x.name) << ", " << atenDtype(x.dtype) << ", " << x.shape.size() << ", device);\n";
        for (size_t d = 0; d < x.shape.size(); ++d)
            o << "    checkDim(out_" << x.name << ", " << cstr(x.name) << ", " << d << ", " << cstr(x.shape[d]) << ", a.values["
              << axisIndex(t, x.shape[d]) << "]);\n";
    }
    o << "}\n\n";
    o << "void launch(const Axes& a, const std::vector<at::Tensor>& inputs, const std::vector<at::Tensor>& outputs) {\n"
      << "    std::vector<kf_tensor> in, out;\n    for (const auto& x : inputs) in.push_back(describe(x));\n"
      << "    for (const auto& x : outputs) out.push_back(describe(x));\n"
      << "    char error[1024] = {0};\n    kf_call call{};\n    call.abi_version = KF_ABI_VERSION;\n"
      << "    call.num_inputs = static_cast<int32_t>(in.size());\n    call.num_outputs = static_cast<int32_t>(out.size());\n"
      << "    call.num_axes = kAxes;\n    call.inputs = in.data();\n    call.outputs = out.data();\n"
      << "    call.axis_names = kAxisNames;\n    call.axis_values = a.values;\n    call.error = error;\n    call.error_capacity = sizeof error;\n";
    if (gpu)
        o << "    const c10::cuda::OptionalCUDAGuard guard(inputs.front().device());\n"
          << "    call.stream = static_cast<void*>(at::cuda::getCurrentCUDAStream().stream());\n";
    o << "    int64_t var[kVarAxes > 0 ? kVarAxes : 1] = {";
    {
        bool firstVar = true;
        for (size_t i = 0; i < t.axes.size(); ++i)
            if (!t.axes[i].isConst) {
                o << (firstVar ? "" : ", ") << "a.values[" << i << "]";
                firstVar = false;
            }
        if (firstVar) o << "0";
    }
    o << "};\n    const Variant& v = kVariants[pickVariant(var)];\n"
      << "    const int rc = v.run(&call);\n"
      << "    TORCH_CHECK(rc == 0, kOp, \": the kernel (\", v.name, \") failed: \", error[0] ? error : \"it gave no message\");\n}\n\n";
    o << "}  // namespace\n\n";
    // The two entry points.
    o << opDecl(p) << " {\n    const Axes a = axesOf(" << inNames << ");\n";
    for (const auto& x : t.outputs) {
        o << "    at::Tensor out_" << x.name << " = at::empty({";
        for (size_t d = 0; d < x.shape.size(); ++d) o << (d ? ", " : "") << "a.values[" << axisIndex(t, x.shape[d]) << "]";
        o << "}, " << first << ".options().dtype(" << atenDtype(x.dtype) << "));\n";
    }
    std::string outNames;
    for (const auto& x : t.outputs) outNames += (outNames.empty() ? "" : ", ") + std::string("out_") + x.name;
    o << "    launch(a, {" << inNames << "}, {" << outNames << "});\n";
    if (t.outputs.size() == 1) o << "    return " << outNames << ";\n}\n\n";
    else o << "    return {" << outNames << "};\n}\n\n";
    o << outDecl(p) << " {\n    const Axes a = axesOf(" << inNames << ");\n    checkOutputs(a, " << first << ".device(), " << outNames
      << ");\n    launch(a, {" << inNames << "}, {" << outNames << "});\n}\n\n}  // namespace kforge_export\n";
    return o.str();
}

std::vector<std::string> extensionCxxFlags(const ExportPlan& p) {
    std::vector<std::string> f = {"-O3", "-std=c++20"};
    const BackendInfo& info = backendInfo(p.backend());
    if (!info.gpu) {
        f.push_back("-march=native");
        f.push_back("-fopenmp");
    }
    if (!info.compileDefine.empty()) f.emplace_back(info.compileDefine);
    return f;
}

std::vector<std::string> extensionDeviceFlags(const ExportPlan& p) {
    std::vector<std::string> f = {"-O3", "-std=c++20"};
    if (const std::string_view define = backendInfo(p.backend()).compileDefine; !define.empty()) f.emplace_back(define);
    // The architecture KernelForge compiled for, read from its command.
    std::istringstream in(p.primary().compileCommand);
    std::string tok;
    while (in >> tok)
        if (tok.rfind("-gencode=", 0) == 0 || tok.rfind("--offload-arch=", 0) == 0) f.push_back(tok);
    return f;
}

std::vector<std::string> extensionLibraries(const ExportPlan& p) {
    const auto it = p.task.native.find(p.backend());
    return it == p.task.native.end() ? std::vector<std::string>{} : it->second.libraries;
}

std::string exportMetadataJson(const ExportPlan& p) {
    Json j;
    j["format"] = "kernelforge-export";
    j["version"] = 1;
    j["task"] = p.task.name;
    j["op"] = p.opNamespace + "::" + p.opName;
    j["backend"] = std::string(backendName(p.backend()));
    j["device"] = p.session.device.name;
    if (p.session.device.gpu) j["compute_capability"] = p.session.device.gpu->computeCapability;
    j["session"] = {{"id", p.session.id}, {"uuid", p.session.uuid}, {"name", p.session.name}};
    j["node"] = p.nodeId;
    j["baseline"] = p.session.baselineName;
    j["exported_at"] = p.exportedAt;
    j["reference"] = p.task.referencePython;
    j["axes"] = Json::array();
    for (const auto& a : p.task.axes) j["axes"].push_back({{"name", a.name}, {"const", a.isConst}, {"value", a.isConst ? Json(a.value) : Json(nullptr)}});
    const auto tensor = [&p](const TensorDef& t, bool output) {
        Json x = {{"name", t.name}, {"shape", t.shape}, {"dtype", std::string(dtypeInfo(t.dtype).name)}};
        if (output) {
            const Tolerance tol = p.task.toleranceFor(t);
            x["atol"] = tol.atol;
            x["rtol"] = tol.rtol;
        } else {
            x["distribution"] = {{"kind", t.distribution.kind == Distribution::Kind::Normal ? "normal" : "uniform"},
                                 {"a", t.distribution.a},
                                 {"b", t.distribution.b}};
        }
        return x;
    };
    j["inputs"] = Json::array();
    for (const auto& t : p.task.inputs) j["inputs"].push_back(tensor(t, false));
    j["outputs"] = Json::array();
    for (const auto& t : p.task.outputs) j["outputs"].push_back(tensor(t, true));
    j["variants"] = Json::array();
    for (const auto& v : p.variants)
        j["variants"].push_back({{"symbol", v.symbol}, {"node", v.nodeId}, {"config", toJson(v.config)}, {"source", v.sourceFile},
                                 {"source_sha256", v.sourceHash}, {"compile_command", v.compileCommand}, {"fitness", v.fitness}});
    j["workloads"] = Json::array();
    for (const auto& w : p.workloads) {
        Json inputs = Json::object();
        for (const auto& [name, in] : w.workload.inputs)
            inputs[name] = in.kind == WorkloadInput::Kind::Scalar ? Json{{"type", "scalar"}, {"value", in.scalar}} : Json{{"type", "random"}};
        Json axes = Json::object();
        for (const auto& [k, v] : w.axes) axes[k] = v;
        const auto& m = w.measured;
        j["workloads"].push_back({{"uuid", w.workload.uuid},
                                  {"axes", axes},
                                  {"inputs", inputs},
                                  {"variant", w.variant},
                                  {"node", p.variants[w.variant].nodeId},
                                  {"measured", {{"median_ms", m.timing.median},
                                                {"samples", m.timing.count},
                                                {"min_ms", m.timing.min},
                                                {"p20_ms", m.timing.p20},
                                                {"p80_ms", m.timing.p80},
                                                {"cv", m.timing.cv},
                                                {"baseline_median_ms", m.baseline ? Json(m.baseline->median) : Json(nullptr)},
                                                {"speedup", m.speedup},
                                                {"max_abs_error", m.verify.maxAbsError},
                                                {"max_rel_error", m.verify.maxRelError}}}});
    }
    Json notes = Json::array();
    for (const Phrase& n : p.notes) notes.push_back(n.english());
    j["notes"] = notes;
    return j.dump(2) + "\n";
}

std::string dispatchMarkdown(const ExportPlan& p) {
    std::ostringstream o;
    const auto vars = p.varAxes();
    o << "| workload | ";
    for (const auto& a : vars) o << a << " | ";
    o << "variant | node | configuration | KernelForge median (ms) | " << p.session.baselineName << " median (ms) | speedup |\n|---|";
    for (size_t i = 0; i < vars.size(); ++i) o << "---|";
    o << "---|---|---|---|---|---|\n";
    for (const auto& w : p.workloads) {
        const auto& v = p.variants[w.variant];
        o << "| " << w.workload.uuid << " | ";
        for (const auto& a : vars) o << w.workload.axes.at(a) << " | ";
        char buf[160];
        std::snprintf(buf, sizeof buf, "%.4g | %s | %.2fx |", w.measured.timing.median,
                      w.measured.baseline ? formatNumber("%.4g", w.measured.baseline->median).c_str() : "-", w.measured.speedup);
        o << v.symbol << " | " << v.nodeId << " | " << (v.config.empty() ? "-" : describeConfig(v.config)) << " | " << buf << "\n";
    }
    o << "\n";
    if (p.dispatches())
        o << "The op dispatches on the call's var axes (" << [&] {
            std::string s;
            for (const auto& a : vars) s += (s.empty() ? "" : ", ") + a;
            return s;
        }() << ") to the variant of the nearest tuned workload: distance is the sum over var axes of\n"
            << "|log2(call) - log2(tuned)|, an exact match is 0, ties go to the earlier row. A shape no row matches\n"
            << "runs on the nearest row's variant (the kernel handles any shape; only the tuned shapes were measured).\n";
    else
        o << "One variant serves every shape (node " << p.primary().nodeId << " measured fastest on every workload, or was asked for).\n";
    return o.str();
}

}  // namespace kforge
