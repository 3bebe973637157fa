#include "import_commands.h"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "eval/paths.h"
#include "task/fib_import.h"
#include "task/task.h"
#include "torchref/torch_python.h"
#include "util/error.h"
#include "util/process.h"

namespace kforge::cli {

using Json = nlohmann::json;

ImportCommands::ImportCommands(CLI::App& app) {
    auto* imp = app.add_subcommand("import", "Make a task directory from another benchmark's problem");
    imp->require_subcommand(1);
    kernelbench_ = imp->add_subcommand("kernelbench", "A KernelBench problem file (class Model, get_inputs, get_init_inputs)");
    kernelbench_->add_option("PROBLEM", problem_, "the problem's .py file")->required();
    kernelbench_->add_option("--out", out_, "the task directory to write (default: the problem's name in the current directory)");
    kernelbench_->add_option("--seed", seed_, "torch.manual_seed before the module is made (its parameters' distributions)");
    kernelbench_->add_option("--python", python_, "an interpreter with PyTorch to try first");
    fib_ = imp->add_subcommand("fib", "A FlashInfer-Bench definition and its workloads (random, scalar and safetensors inputs)");
    fib_->add_option("DEFINITION", problem_, "the definition's .json file")->required();
    fib_->add_option("--workloads", workloads_,
                     "the workloads (.jsonl, bare workloads or FIB workload traces; default: <name>.jsonl or workloads.jsonl "
                     "beside the definition)");
    fib_->add_option("--root", root_,
                     "where relative safetensors paths resolve (default: the FlashInfer-Bench dataset's root, the nearest folder "
                     "above the workloads that holds blob/, else the workloads file's directory)");
    fib_->add_option("--out", out_, "the task directory to write (default: the definition's name in the current directory)");
}

std::optional<int> ImportCommands::run() {
    if (fib_->parsed()) return runFib();
    if (!kernelbench_->parsed()) return std::nullopt;
    std::string why;
    const auto python = findTorchPython(python_, why);
    if (!python) throw Error("importing a KernelBench problem runs it with PyTorch: " + why);
    const std::filesystem::path problem = std::filesystem::absolute(problem_);
    const std::filesystem::path out =
        std::filesystem::absolute(out_.empty() ? std::filesystem::path(problem.stem()) : std::filesystem::path(out_));
    const AppPaths paths = AppPaths::discover();
    RunOptions options;
    options.timeout = std::chrono::minutes(5);
    const std::string bootstrap = "import sys; sys.path.insert(0, sys.argv[1]); from kforge_torch.kernelbench import main; "
                                  "sys.exit(main(sys.argv[1:]))";
    const ProcessResult r = runProcess({python->executable, "-c", bootstrap, (paths.resources / "python").string(), problem.string(),
                                        out.string(), std::to_string(seed_)},
                                       options);
    Json reply;
    for (size_t at = 0; at < r.output.size();) {  // the last JSON line is the answer; the rest is the problem's own output
        const size_t nl = std::min(r.output.find('\n', at), r.output.size());
        const std::string line = r.output.substr(at, nl - at);
        if (!line.empty() && line.front() == '{') try {
                const Json j = Json::parse(line);
                if (j.contains("ok")) reply = j;
            } catch (const std::exception&) {
            }
        at = nl + 1;
    }
    if (reply.is_null())
        throw Error(problem.string() + ": the importer failed (" + r.status.describe() + "): " +
                    r.output.substr(r.output.size() > 1500 ? r.output.size() - 1500 : 0));
    if (!reply.at("ok").get<bool>()) throw Error(reply.at("error").get<std::string>());
    const Task task = loadTask(out);  // what was written loads, or the error says why
    std::cout << "imported " << problem.filename().string() << " as task " << task.name << " in " << out.string() << " ("
              << task.inputs.size() << " inputs, " << task.outputs.size() << " outputs; judged by its PyTorch reference)\n"
              << "  kforge eval " << out.string() << " CANDIDATE.cpp --backend cpu\n"
              << "  kforge optimize " << out.string() << " --from CANDIDATE.cpp --backend cpu\n";
    return 0;
}

int ImportCommands::runFib() {
    // No Python here: the files are JSON and safetensors; PyTorch runs the reference when the task is evaluated.
    const FibImportResult r = importFib({problem_, workloads_, out_, root_});
    const std::string dir = r.task.directory.string();
    std::cout << "imported " << std::filesystem::path(problem_).filename().string() << " as task " << r.task.name << " in " << dir
              << " (" << r.task.inputs.size() << " inputs, " << r.task.outputs.size() << " outputs, " << r.task.workloads.size()
              << " workloads, " << r.copiedFiles << " safetensors files copied; judged by its PyTorch reference)\n"
              << "  kforge eval " << dir << " CANDIDATE.cpp --backend cpu\n"
              << "  kforge optimize " << dir << " --from CANDIDATE.cpp --backend cpu\n";
    return 0;
}

}  // namespace kforge::cli
