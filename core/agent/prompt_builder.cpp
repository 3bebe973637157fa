#include "agent/prompt_builder.h"

#include <algorithm>
#include <sstream>

#include "util/text.h"

namespace kforge {
namespace {

std::string cut(const std::string& s, size_t max) {
    return s.size() <= max ? s : s.substr(0, max) + "\n[... " + std::to_string(s.size() - max) + " more bytes cut ...]\n";
}

std::string num(double v, const char* format = "%.4g") { return formatNumber(format, v); }

std::string shapeText(const TensorDef& t) {
    std::string s = "[";
    for (const auto& a : t.shape) s += (s.size() > 1 ? "," : "") + a;
    return s + "]";
}

bool failed(const Node& n) { return n.state == NodeState::Done && n.status != Status::Passed; }


std::string outcomeOf(const Node& n, const Node& parent) {
    if (n.state == NodeState::Pending) return "not measured yet";
    if (n.passed()) {
        const double gain = parent.passed() && parent.fitness > 0 ? n.fitness / parent.fitness : 0;
        return "correct, speedup " + num(n.fitness, "%.3g") + "x" + (gain > 0 ? " (" + num(gain, "%.3g") + "x its parent)" : "");
    }
    std::string m = std::string(statusName(n.status));
    if (!n.message.empty()) m += ": " + cut(n.message.english(), 200);
    return m;
}

const char* kSystem = R"(You are an expert performance engineer who writes compute kernels (CUDA, HIP and C++ for CPUs) for KernelForge. Each answer you give is compiled, verified against a reference implementation on fresh random inputs for every workload, and timed; only correct kernels count, and faster is better.

Rules for the source you write:
- One complete, self-contained source file. It includes <kf_abi.h> and defines the entry point `KF_EXPORT int kf_run(const kf_call* call)` that reads inputs from call->inputs[i], writes every element of call->outputs[i], takes sizes from kf_axis(call, "NAME"), and returns 0 (or kf_fail(call, "why")). On CUDA/HIP, launch on call->stream and do not synchronize.
- Correct for every workload listed, including odd sizes and tails; keep within the task's tolerance.
- No file, process or network access and no dynamic loading: such code is refused before it is compiled.
- Tunable parameters are declared in comments as `// @tune NAME default other values...` (the first value is the default) and arrive as macros; `// @constraint EXPR` limits their combinations. Every allowed combination must be correct.

Answer format: first one line `Change: <what you changed and why, in one sentence>`, then exactly one fenced code block with the whole file. Nothing after the code block.)";

// The node's profiler counters, when a profile of it measured any.
std::optional<NodeProfile> countersOf(const Node& node) {
    return node.profile && node.profile->ok() ? node.profile : std::nullopt;
}

}  // namespace

std::string_view agentModeName(AgentMode m) {
    switch (m) {
    case AgentMode::Fix: return "fix";
    case AgentMode::Optimize: return "optimize";
    case AgentMode::Explore: return "explore";
    case AgentMode::ExposeParameters: return "expose-parameters";
    }
    return "optimize";
}

AgentMode chooseMode(const Node& parent, const SessionTree& tree, const std::string& parentSource, bool tunerPresent) {
    if (failed(parent)) return AgentMode::Fix;
    int optimizeTries = 0, optimizeGains = 0;
    bool exposed = false;
    for (const auto& n : tree.nodes()) {
        if (n.parent != parent.id || n.generator != "llm") continue;
        const std::string& mode = n.input.mode;
        if (mode == "expose-parameters") exposed = true;
        if (mode == "optimize" && n.state == NodeState::Done) {
            ++optimizeTries;
            if (n.passed() && n.fitness > parent.fitness * 1.02) ++optimizeGains;
        }
    }
    if (tunerPresent && !exposed && parentSource.find("@tune") == std::string::npos) return AgentMode::ExposeParameters;
    if (optimizeTries >= 2 && optimizeGains == 0) return AgentMode::Explore;
    return AgentMode::Optimize;
}

std::vector<std::string> siblingSummaries(const Node& parent, const SessionTree& tree, int limit) {
    std::vector<std::string> out;
    for (const auto& n : tree.nodes()) {
        if (n.parent != parent.id) continue;
        out.push_back("node " + std::to_string(n.id) + " (" + n.generator +
                      (n.input.mode.empty() ? "" : ", " + n.input.mode) + "): " + describeChange(n, parent) + " -> " +
                      outcomeOf(n, parent));
    }
    // The latest are the most telling.
    if (static_cast<int>(out.size()) > limit) out.erase(out.begin(), out.end() - limit);
    return out;
}

ChatRequest buildPrompt(const PromptInputs& in) {
    const Task& task = *in.task;
    const Node& parent = *in.parent;
    const std::optional<NodeProfile> profile = countersOf(parent);
    std::ostringstream p;

    p << "# Task: " << task.name << " (" << task.opType << ")\n" << task.description << "\n";
    if (!task.referencePython.empty()) p << "\nReference (PyTorch):\n```python\n" << cut(task.referencePython, 4000) << "```\n";
    p << "\nInputs:";
    for (const auto& t : task.inputs) p << " " << t.name << " " << dtypeInfo(t.dtype).name << shapeText(t);
    p << "; outputs:";
    for (const auto& t : task.outputs) p << " " << t.name << " " << dtypeInfo(t.dtype).name << shapeText(t);
    p << "\nWorkloads (all must be correct; the speedup is their weighted geometric mean):\n";
    const Backend backend = parseBackend(in.backend).value_or(Backend::Cpu);
    for (const Workload* w : task.workloadsFor(backend)) {
        p << "-";
        for (const auto& [axis, value] : task.axisValues(*w)) p << " " << axis << "=" << value;
        p << "\n";
    }

    const DeviceFacts& d = in.device;
    p << "\n# Device: " << (d.name.empty() ? in.backend : d.name) << " (" << in.backend;
    if (!in.deviceFamily.empty()) p << ", " << in.deviceFamily;
    p << ")\n";
    if (d.gpu) {
        p << "- compute_capability: " << d.gpu->computeCapability << "\n- sm_count: " << d.gpu->smCount << "\n- l2_bytes: " << d.gpu->l2Bytes
          << "\n- max_shared_per_block_optin: " << d.gpu->maxSharedPerBlockOptin << "\n";
        if (!d.gpu->gcnArch.empty()) p << "- arch: " << d.gpu->gcnArch << "\n";
    }
    if (d.cpu) p << "- cores: " << d.cpu->cores << "\n- llc_bytes: " << d.cpu->llcBytes << "\n";
    if (d.known()) {
        p << "- copy_bandwidth_gbps: " << num(d.copyBandwidthGbps) << "\n- memory_bytes: " << d.memoryBytes << "\n- peak_tflops:";
        for (const auto& [dtype, tflops] : d.peakTflops) p << " " << dtype << "=" << num(tflops);
        p << "\n";
    }

    p << "\n# Current kernel (node " << parent.id << ", made by " << parent.generator << ")\n```"
      << backendInfo(backend).codeFence << "\n"
      << cut(in.parentSource, 48000) << (in.parentSource.ends_with('\n') ? "" : "\n") << "```\n";

    p << "\n# Its verdict: " << statusName(parent.status);
    if (parent.passed()) p << ", speedup " << num(parent.fitness, "%.3g") << "x over the baseline";
    p << "\n";
    if (!parent.message.empty()) p << cut(parent.message.english(), 2000) << "\n";
    if (parent.compile) {
        int shown = 0;
        for (const auto& diag : parent.compile->diagnostics) {
            if (diag.severity == "note" || ++shown > 12) continue;
            p << "- line " << diag.line << ":" << diag.column << ": " << diag.severity << ": " << cut(diag.message, 400) << "\n";
        }
        for (const auto& k : parent.compile->kernels)
            p << "- kernel " << cut(k.kernel, 120) << ": " << k.registers << " registers, " << k.spillStoreBytes << " bytes spilled, "
              << k.sharedBytes << " bytes shared memory\n";
    }
    if (parent.evaluation) {
        p << "\nPer workload (median ms; baseline median ms; fraction of the physical floor; bound):\n";
        for (const auto& w : parent.evaluation->workloads) {
            p << "-";
            for (const auto& [axis, value] : w.axes) p << " " << axis << "=" << value;
            p << ": " << statusName(w.status);
            if (w.timed()) p << ", " << num(w.timing.median) << " ms";
            if (w.baseline) p << "; baseline " << num(w.baseline->median) << " ms";
            if (w.fractionOfFloor > 0) p << "; " << num(100 * w.fractionOfFloor, "%.3g") << "% of floor";
            if (w.floor) p << "; " << (w.floor->computeBound() ? "compute" : "memory");
            if (!w.message.empty()) p << "; " << cut(w.message.english(), 400);
            p << "\n";
        }
        const std::string counted = profile ? profileBottleneck(*profile) : "";
        p << "Bottleneck as measured: " << (counted.empty() ? bottleneckOf(parent) : counted + " (from the profiler's counters)") << "\n";
    }
    if (profile) {
        p << "\n# Profile (" << profile->tool << ", one run on the workload";
        for (const auto& [axis, value] : profile->axes) p << " " << axis << "=" << value;
        p << ")\n" << cut(describeProfile(*profile), 4000);
    }

    if (!in.siblings.empty()) {
        p << "\n# Already tried from this kernel (do not repeat these)\n";
        for (const auto& s : in.siblings) p << "- " << cut(s, 400) << "\n";
    }
    if (!in.pastSuccesses.empty()) {
        p << "\n# What worked in earlier sessions of " << task.opType << " kernels\n";
        for (const auto& m : in.pastSuccesses)
            p << "- " << m.task << " on " << (m.deviceFamily.empty() ? "?" : m.deviceFamily)
              << (m.bottleneck.empty() ? "" : ", " + m.bottleneck + "-bound") << ": " << cut(m.change, 300) << " ("
              << num(m.speedupBefore, "%.3g") << "x -> " << num(m.speedupAfter, "%.3g") << "x)\n";
    }
    if (!in.knowledge.empty()) {
        p << "\n# Notes on the hardware and techniques\n";
        for (const auto& k : in.knowledge) p << "\n## " << k.title << ": " << k.heading << "\n" << cut(k.body, 3000);
    }
    if (!in.lastRefusal.empty())
        p << "\n# Your previous answer for this kernel was refused\n" << cut(in.lastRefusal, 600) << "\nKeep to the answer format.\n";

    p << "\n# What to do now\n";
    switch (in.mode) {
    case AgentMode::Fix:
        p << "The current kernel is not correct (" << statusName(parent.status)
          << "). Fix it: make it compile and produce the right result on every workload, keeping its approach where that is sound.\n";
        break;
    case AgentMode::Optimize:
        p << "The current kernel is correct. Make it faster on these workloads and this device, guided by its profile and bottleneck; keep it correct.\n";
        break;
    case AgentMode::Explore:
        p << "Optimizing this kernel step by step has stopped paying. Write a substantially different approach (another parallel decomposition, "
             "memory layout or algorithm) that could be faster.\n";
        break;
    case AgentMode::ExposeParameters:
        p << "The current kernel is correct but has fixed choices (block size, elements per thread, tile sizes, vector width, unrolling). "
             "Turn the ones that matter into @tune parameters with sensible value lists (and @constraint lines where combinations are "
             "invalid), so that an autotuner can search them. Keep the default values equal to the current choices.\n";
        break;
    }

    ChatRequest r;
    r.system = kSystem;
    r.messages.push_back({"user", p.str()});
    return r;
}

}  // namespace kforge
