// `torch`: a pip-installable package with the node as a PyTorch custom op.
#include <sstream>

#include "export/export_format.h"
#include "export/torch_sources.h"
#include "task/tune_space.h"

namespace kforge {

namespace {

std::string pyInit() {
    return R"(
// An importable module with nothing of its own: importing it loads this
// library, whose static initialisers register the ops with the dispatcher.
#define KFORGE_CONCAT_(a, b) a##b
#define KFORGE_CONCAT(a, b) KFORGE_CONCAT_(a, b)
#define KFORGE_STRING_(a) #a
#define KFORGE_STRING(a) KFORGE_STRING_(a)
PyMODINIT_FUNC KFORGE_CONCAT(PyInit_, TORCH_EXTENSION_NAME)(void) {
    static PyModuleDef module = {PyModuleDef_HEAD_INIT, KFORGE_STRING(TORCH_EXTENSION_NAME), nullptr, -1, nullptr,
                                 nullptr, nullptr, nullptr, nullptr};
    return PyModule_Create(&module);
}
)";
}

class TorchFormat final : public ExportFormat {
public:
    std::string name() const override { return "torch"; }
    Phrase description() const override {
        return phrase(QT_TRANSLATE_NOOP("Phrase", "a pip-installable PyTorch op package (TORCH_LIBRARY, cpp_extension, register_fake, test, benchmark)"));
    }
    Phrase unsupported(Backend) const override { return {}; }

    std::vector<ExportFile> files(const ExportPlan& p) const override {
        const std::string pkg = p.packageName;
        const std::string op = p.opName;
        std::vector<ExportFile> f;
        std::vector<std::string> sources;
        f.push_back({"csrc/kf_abi.h", p.abiHeader});
        for (const auto& v : p.variants) {
            f.push_back({"csrc/kernels/" + v.sourceFile, v.source});
            const std::string unit = "csrc/" + v.sourceFile.substr(0, v.sourceFile.rfind('.')) + "_unit" + std::string(backendInfo(p.backend()).unitExtension);
            f.push_back({unit, kernelVariantUnit(p, v, "kernels/" + v.sourceFile)});
            sources.push_back(unit);
        }
        f.push_back({"csrc/" + op + "_op.h", torchLauncherHeader(p)});
        f.push_back({"csrc/" + op + "_op.cpp", torchLauncher(p, op + "_op.h")});
        sources.push_back("csrc/" + op + "_op.cpp");
        std::ostringstream reg;
        reg << "// Registers " << p.opNamespace << "::" << op << " and " << op << "_out (KernelForge export).\n"
            << "// TORCH_LIBRARY_FRAGMENT rather than TORCH_LIBRARY: the namespace is shared, so that several\n"
            << "// exported ops can be imported into one process.\n"
            << "#include <Python.h>\n#include <torch/library.h>\n\n#include \"" << op << "_op.h\"\n\n"
            << "TORCH_LIBRARY_FRAGMENT(" << p.opNamespace << ", m) {\n"
            << "    m.def(\"" << opSchema(p) << "\");\n"
            << "    m.def(\"" << outOpSchema(p) << "\");\n}\n\n"
            << "TORCH_LIBRARY_IMPL(" << p.opNamespace << ", " << dispatchKey(p) << ", m) {\n"
            << "    m.impl(\"" << op << "\", &kforge_export::" << op << ");\n"
            << "    m.impl(\"" << op << "_out\", &kforge_export::" << op << "_out);\n}\n"
            << pyInit();
        f.push_back({"csrc/" + op + "_binding.cpp", reg.str()});
        sources.push_back("csrc/" + op + "_binding.cpp");

        f.push_back({pkg + "/__init__.py", initPy(p)});
        f.push_back({pkg + "/_fake.py", pythonFake(p)});
        f.push_back({pkg + "/_testing.py", pythonTesting(p, pkg)});
        f.push_back({pkg + "/kforge.json", exportMetadataJson(p)});
        f.push_back({pkg + "/definition.json", p.session.taskDefinition});
        f.push_back({"tests/test_" + op + ".py", pythonTest(p, pkg)});
        f.push_back({"benchmarks/benchmark_" + op + ".py", pythonBenchmark(p, pkg), true});
        f.push_back({"pyproject.toml", pyproject(p)});
        f.push_back({"setup.py", setupPy(p, sources)});
        f.push_back({"MANIFEST.in", "recursive-include csrc *\ninclude " + pkg + "/*.json\n"});
        f.push_back({"README.md", readme(p)});
        return f;
    }

private:
    static std::string initPy(const ExportPlan& p) {
        std::string args, outArgs;
        for (const auto& t : p.task.inputs) args += (args.empty() ? "" : ", ") + t.name;
        outArgs = args;
        for (const auto& t : p.task.outputs) outArgs += ", " + t.name;
        return fillTemplate(R"PY("""@TASK@ as a PyTorch op, exported by KernelForge from session @SESSION@ (node @NODE@).

    import @PKG@
    y = @PKG@.@OP@(@ARGS@)          # new outputs
    @PKG@.@OP@_out(@OUTARGS@)    # into given outputs

Also registered as torch.ops.@NS@.@OP@ and torch.ops.@NS@.@OP@_out.
"""
import torch

from . import _C  # noqa: F401  (loads the kernels and registers the ops)
from . import _fake

OPS_NAMESPACE = "@NS@"
HAS_FAKE = _fake.register(OPS_NAMESPACE)
_ops = getattr(torch.ops, OPS_NAMESPACE)


def @OP@(@ARGS@):
    """@DESCRIPTION@"""
    return _ops.@OP@(@ARGS@)


def @OP@_out(@OUTARGS@):
    """As @OP@, writing into the given output tensors."""
    _ops.@OP@_out(@OUTARGS@)


__all__ = ["@OP@", "@OP@_out"]
)PY",
                            {{"TASK", p.task.name}, {"SESSION", std::to_string(p.session.id)}, {"NODE", std::to_string(p.nodeId)},
                             {"PKG", p.packageName}, {"OP", p.opName}, {"NS", p.opNamespace}, {"ARGS", args}, {"OUTARGS", outArgs},
                             {"DESCRIPTION", p.task.description.empty() ? p.task.name : p.task.description}});
    }

    static std::string pyproject(const ExportPlan& p) {
        std::string dist = p.packageName;
        for (char& c : dist)
            if (c == '_') c = '-';
        return "[build-system]\n# torch must be the one the package is used with: build with --no-build-isolation.\n"
               "requires = [\"setuptools>=61\", \"wheel\", \"torch\"]\nbuild-backend = \"setuptools.build_meta\"\n\n"
               "[project]\nname = \"" + dist + "\"\nversion = \"1.0.0\"\n"
               "description = \"" + p.task.name + " as a PyTorch op (KernelForge session " + std::to_string(p.session.id) +
               ", node " + std::to_string(p.nodeId) + ")\"\nreadme = \"README.md\"\nrequires-python = \">=3.8\"\ndependencies = [\"torch\"]\n";
    }

    static std::string setupPy(const ExportPlan& p, const std::vector<std::string>& sources) {
        const BackendInfo& info = backendInfo(p.backend());
        std::string args = "{\"cxx\": " + pyList(extensionCxxFlags(p));
        if (info.gpu) args += ", \"nvcc\": " + pyList(extensionDeviceFlags(p));
        args += "}";
        return fillTemplate(R"PY("""Builds @PKG@: the kernel variants, the op's launcher and its registration,
as one torch.utils.cpp_extension library (@EXT@@HIPNOTE@).
pip install --no-build-isolation .    (or: python setup.py build_ext --inplace)
Written by KernelForge."""
import os

from setuptools import setup
from torch.utils.cpp_extension import BuildExtension, @EXT@

HERE = os.path.dirname(os.path.abspath(__file__))

setup(
    packages=["@PKG@"],
    package_data={"@PKG@": ["*.json"]},
    ext_modules=[
        @EXT@(
            "@PKG@._C",
            sources=@SOURCES@,
            include_dirs=[os.path.join(HERE, "csrc")],
            extra_compile_args=@ARGS@,
            extra_link_args=@LINK@,
            libraries=@LIBS@,
        )
    ],
    cmdclass={"build_ext": BuildExtension},
)
)PY",
                            {{"PKG", p.packageName}, {"EXT", std::string(info.torchExtension)},
                             {"HIPNOTE", std::string(info.torchExtensionNote)},
                             {"SOURCES", pyList(sources)}, {"ARGS", args},
                             {"LINK", pyList(info.gpu ? std::vector<std::string>{} : std::vector<std::string>{"-fopenmp"})},
                             {"LIBS", pyList(extensionLibraries(p))}});
    }

    static std::string readme(const ExportPlan& p) {
        std::string args;
        for (const auto& t : p.task.inputs) args += (args.empty() ? "" : ", ") + t.name;
        std::ostringstream o;
        o << "# " << p.packageName << "\n\n" << (p.task.description.empty() ? p.task.name : p.task.description) << "\n\n"
          << "Exported by KernelForge from session " << p.session.id << " (\"" << p.session.name << "\"), node " << p.nodeId << ", tuned on "
          << (p.session.device.name.empty() ? "?" : p.session.device.name) << " (" << backendName(p.backend()) << "), " << p.exportedAt << ".\n\n"
          << "## Build and check\n\n```sh\npip install --no-build-isolation --no-deps .   # builds against the torch you have\n"
          << "python tests/test_" << p.opName << ".py                        # the op against the task's PyTorch reference\n"
          << "python benchmarks/benchmark_" << p.opName << ".py              # the op against eager and torch.compile\n```\n\n"
          << "## Use\n\n```python\nimport torch\nimport " << p.packageName << "\n\n"
          << "y = " << p.packageName << "." << p.opName << "(" << args << ")           # or torch.ops." << p.opNamespace << "." << p.opName << "\n```\n\n"
          << "Inputs must be contiguous, of the definition's dtypes, on one " << (backendInfo(p.backend()).gpu ? "GPU" : "CPU")
          << " device; the op checks and says what is wrong. " << p.opName << "_out writes into given outputs. Under torch >= 2.4 the op has a fake kernel "
          << "(register_fake), so torch.compile traces through it.\n\n## Dispatch and measurements\n\n"
          << dispatchMarkdown(p);
        for (const auto& n : p.notes) o << "\n" << n.english() << "\n";
        return o.str();
    }
};

}  // namespace

const ExportFormat& torchExportFormat() {
    static const TorchFormat format;
    return format;
}

}  // namespace kforge
