// `standalone`: the node as one source file (what `kforge best` writes), with
// kf_abi.h beside it and a README naming the build command.
#include "export/export_format.h"
#include "export/torch_sources.h"
#include "session/standalone_source.h"

namespace kforge {

namespace {

class StandaloneFormat final : public ExportFormat {
public:
    std::string name() const override { return "standalone"; }
    Phrase description() const override {
        return phrase(QT_TRANSLATE_NOOP("Phrase", "the kernel as one source file with its configuration, build command and measurements"));
    }
    Phrase unsupported(Backend) const override { return {}; }

    std::vector<ExportFile> files(const ExportPlan& p) const override {
        SessionTree tree;
        std::vector<ExportFile> f;
        std::string list;
        for (const auto& v : p.variants) {
            // standaloneSource reads the node from a tree; the plan holds the one it needs.
            Node n;
            n.id = v.nodeId;
            n.sourceHash = v.sourceHash;
            n.config = v.config;
            n.fitness = v.fitness;
            for (const auto& w : p.workloads)
                if (p.variants[w.variant].nodeId == v.nodeId) {
                    if (!n.evaluation) n.evaluation = EvalReport{};
                    n.evaluation->workloads.push_back(w.measured);
                }
            CompileResult c;
            c.command = v.compileCommand;
            n.compile = c;
            tree.putSource(v.sourceHash, v.source);
            f.push_back({v.sourceFile, standaloneSource(p.session, tree, n)});
            list += "- `" + v.sourceFile + "`: node " + std::to_string(v.nodeId) + "\n";
        }
        f.push_back({"kf_abi.h", p.abiHeader});
        const std::string build = std::string(backendInfo(p.backend()).sharedObjectCommand) + p.primary().sourceFile + " -o " + p.opName + ".so";
        f.push_back({"README.md", "# " + p.task.name + " (KernelForge export, session " + std::to_string(p.session.id) + ")\n\n" + list +
                                      "\nEach file exports `int kf_run(const kf_call*)` (resources/include/kf_abi.h, beside it) in destination-passing style.\n"
                                      "Build a shared object (the file's header has the exact command KernelForge ran):\n\n```sh\n" + build + "\n```\n\n" +
                                      dispatchMarkdown(p)});
        return f;
    }
};

}  // namespace

const ExportFormat& standaloneExportFormat() {
    static const StandaloneFormat format;
    return format;
}

}  // namespace kforge
