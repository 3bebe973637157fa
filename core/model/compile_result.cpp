#include "model/compile_result.h"

namespace kforge {

using Json = nlohmann::json;

std::string CompileResult::firstError() const {
    for (const auto& d : diagnostics)
        if (d.severity == "error") {
            std::string where = d.file.empty() ? "" : d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": ";
            return where + d.message;
        }
    return log.size() > 400 ? log.substr(log.size() - 400) : log;
}

Json toJson(const KernelResources& k) {
    return {{"kernel", k.kernel},           {"registers", k.registers},     {"spill_store_bytes", k.spillStoreBytes},
            {"spill_load_bytes", k.spillLoadBytes}, {"stack_bytes", k.stackBytes}, {"shared_bytes", k.sharedBytes},
            {"constant_bytes", k.constantBytes}};
}

Json toJson(const CompileResult& r, CompileScope scope) {
    Json diags = Json::array();
    for (const auto& d : r.diagnostics)
        diags.push_back({{"file", d.file}, {"line", d.line}, {"column", d.column}, {"severity", d.severity}, {"message", d.message}});
    Json kernels = Json::array();
    for (const auto& k : r.kernels) kernels.push_back(toJson(k));
    Json j = {{"ok", r.ok}, {"diagnostics", diags}, {"kernels", kernels}, {"command", r.command}, {"seconds", r.seconds}};
    if (scope == CompileScope::Cache) j["log"] = r.log;
    else j["cache_hit"] = r.cacheHit;
    return j;
}

namespace {

Diagnostic diagnosticFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    Diagnostic d;
    d.file = r.required<std::string>("file");
    d.line = r.required<int>("line");
    d.column = r.required<int>("column");
    d.severity = r.required<std::string>("severity");
    d.message = r.required<std::string>("message");
    r.finish();
    return d;
}

KernelResources kernelFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    KernelResources k;
    k.kernel = r.required<std::string>("kernel");
    k.registers = r.required<int>("registers");
    k.spillStoreBytes = r.required<int>("spill_store_bytes");
    k.spillLoadBytes = r.required<int>("spill_load_bytes");
    k.stackBytes = r.required<int>("stack_bytes");
    k.sharedBytes = r.required<int>("shared_bytes");
    k.constantBytes = r.required<int>("constant_bytes");
    r.finish();
    return k;
}

}  // namespace

CompileResult compileResultFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    CompileResult c;
    c.ok = r.required<bool>("ok");
    c.diagnostics = readArray<Diagnostic>(r.array("diagnostics"), r.childPath("diagnostics"), diagnosticFromJson);
    c.kernels = readArray<KernelResources>(r.array("kernels"), r.childPath("kernels"), kernelFromJson);
    c.command = r.required<std::string>("command");
    c.seconds = r.required<double>("seconds");
    c.log = r.optionalOr<std::string>("log", "");
    c.cacheHit = r.optionalOr<bool>("cache_hit", false);
    r.finish();
    return c;
}

}  // namespace kforge
