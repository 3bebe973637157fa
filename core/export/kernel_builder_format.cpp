// `kernel-builder`: the Hugging Face kernel-builder layout (build.toml,
// torch-ext/), plus a setup.py that builds the same sources with setuptools
// where Nix is not available.
#include <sstream>

#include "export/export_format.h"
#include "export/torch_sources.h"

namespace kforge {

namespace {

std::string tomlList(const std::vector<std::string>& items) { return pyList(items); }

// kernel-builder's registration.h, for builds without kernel-builder (setup.py).
const char* const kCompatRegistration = R"(#pragma once
// What kernel-builder's registration.h provides, for builds with setup.py.
// kernel-builder supplies its own when it builds this package.
#include <Python.h>
#include <torch/library.h>

#define KFORGE_KB_CONCAT_(a, b) a##b
#define KFORGE_KB_CONCAT(a, b) KFORGE_KB_CONCAT_(a, b)
#define KFORGE_KB_STRING_(a) #a
#define KFORGE_KB_STRING(a) KFORGE_KB_STRING_(a)
#define TORCH_LIBRARY_EXPAND(NAME, MODULE) TORCH_LIBRARY(NAME, MODULE)
#define REGISTER_EXTENSION(NAME)                                                                   \
    PyMODINIT_FUNC KFORGE_KB_CONCAT(PyInit_, NAME)(void) {                                         \
        static PyModuleDef module = {PyModuleDef_HEAD_INIT, KFORGE_KB_STRING(NAME), nullptr, -1, nullptr, \
                                     nullptr, nullptr, nullptr, nullptr};                          \
        return PyModule_Create(&module);                                                           \
    }
)";

class KernelBuilderFormat final : public ExportFormat {
public:
    std::string name() const override { return "kernel-builder"; }
    Phrase description() const override {
        return phrase(QT_TRANSLATE_NOOP("Phrase", "the Hugging Face kernel-builder layout (build.toml, torch-ext), buildable with setuptools too"));
    }
    Phrase unsupported(Backend) const override { return {}; }

    std::vector<ExportFile> files(const ExportPlan& p) const override {
        const std::string n = p.opName;
        const std::string kdir = n;  // the kernel's sources
        const std::string extName = "_" + n + "_kforge";
        const BackendInfo& info = backendInfo(p.backend());
        const std::string backend(info.kernelBuilderBackend);
        const std::string unitExt(info.unitExtension);
        const std::string inlExt(info.inlineHeaderExtension);
        std::vector<ExportFile> f;
        std::vector<std::string> src = {kdir + "/kf_abi.h", kdir + "/" + n + "_op.h", kdir + "/" + n + "_op.cpp"};
        std::vector<std::string> built = {kdir + "/" + n + "_op.cpp"};
        f.push_back({kdir + "/kf_abi.h", p.abiHeader});
        for (const auto& v : p.variants) {
            // A header extension, so kernel-builder does not compile the source by itself (the unit does).
            const std::string inl = "kernels/" + v.sourceFile.substr(0, v.sourceFile.rfind('.')) + inlExt;
            const std::string unit = kdir + "/" + v.sourceFile.substr(0, v.sourceFile.rfind('.')) + "_unit" + unitExt;
            f.push_back({kdir + "/" + inl, v.source});
            f.push_back({unit, kernelVariantUnit(p, v, inl)});
            src.push_back(kdir + "/" + inl);
            src.push_back(unit);
            built.push_back(unit);
        }
        f.push_back({kdir + "/" + n + "_op.h", torchLauncherHeader(p)});
        f.push_back({kdir + "/" + n + "_op.cpp", torchLauncher(p, n + "_op.h")});
        f.push_back({"torch-ext/torch_binding.h", torchLauncherHeader(p)});
        std::ostringstream b;
        b << "// Registers " << n << " and " << n << "_out in the extension's own namespace (KernelForge export).\n"
          << "#include <torch/library.h>\n\n#include \"registration.h\"\n#include \"torch_binding.h\"\n\n"
          << "TORCH_LIBRARY_EXPAND(TORCH_EXTENSION_NAME, ops) {\n"
          << "    ops.def(\"" << opSchema(p) << "\");\n"
          << "    ops.impl(\"" << n << "\", c10::k" << dispatchKey(p) << ", &kforge_export::" << n << ");\n"
          << "    ops.def(\"" << outOpSchema(p) << "\");\n"
          << "    ops.impl(\"" << n << "_out\", c10::k" << dispatchKey(p) << ", &kforge_export::" << n << "_out);\n}\n\n"
          << "REGISTER_EXTENSION(TORCH_EXTENSION_NAME)\n";
        f.push_back({"torch-ext/torch_binding.cpp", b.str()});
        f.push_back({"torch-ext/" + n + "/__init__.py", initPy(p, extName)});
        f.push_back({"torch-ext/" + n + "/_fake.py", pythonFake(p)});
        f.push_back({"torch-ext/" + n + "/_testing.py", pythonTesting(p, n)});
        f.push_back({"torch-ext/" + n + "/kforge.json", exportMetadataJson(p)});
        f.push_back({"compat/registration.h", kCompatRegistration});
        f.push_back({"tests/test_" + n + ".py", pythonTest(p, n)});
        f.push_back({"benchmarks/benchmark_" + n + ".py", pythonBenchmark(p, n), true});

        std::ostringstream t;
        t << "# kernel-builder build file (KernelForge export of session " << p.session.id << ", node " << p.nodeId << ").\n"
          << "[general]\nname = \"" << n << "\"\nbackends = [\"" << backend << "\"]\n\n"
          << "[torch]\nsrc = [\"torch-ext/torch_binding.cpp\", \"torch-ext/torch_binding.h\"]\n\n"
          << "[kernel." << n << "]\nbackend = \"" << backend << "\"\ndepends = [\"torch\"]\nsrc = " << tomlList(src) << "\n"
          << "include = [\"" << kdir << "\"]\n";
        // What build.toml says of the target differs in kind from backend to backend.
        switch (p.backend()) {
            case Backend::Cuda: {
                std::string cc = p.session.device.gpu ? p.session.device.gpu->computeCapability : "";
                if (cc.empty()) cc = "9.0";
                t << "cuda-capabilities = [\"" << cc << "\"]\n";
                auto flags = extensionDeviceFlags(p);
                std::vector<std::string> keep;
                for (const auto& fl : flags)
                    if (fl.rfind("-gencode", 0) != 0) keep.push_back(fl);
                t << "cuda-flags = " << tomlList(keep) << "\n";
                break;
            }
            case Backend::Hip: {
                std::string arch = p.session.device.gpu ? p.session.device.gpu->gcnArch : "";
                if (!arch.empty()) t << "rocm-archs = [\"" << arch << "\"]\n";
                break;
            }
            case Backend::Cpu: t << "cxx-flags = " << tomlList({"-O3", "-march=native", "-fopenmp"}) << "\n"; break;
        }
        f.push_back({"build.toml", t.str()});

        std::vector<std::string> sources = {"torch-ext/torch_binding.cpp"};
        sources.insert(sources.end(), built.begin(), built.end());
        std::string args = "{\"cxx\": " + pyList(extensionCxxFlags(p));
        if (info.gpu) args += ", \"nvcc\": " + pyList(extensionDeviceFlags(p));
        args += "}";
        f.push_back({"setup.py", fillTemplate(R"PY("""Builds this kernel-builder package with setuptools, where Nix is not available:
pip install --no-build-isolation --no-deps .   Written by KernelForge."""
import os

from setuptools import setup
from torch.utils.cpp_extension import BuildExtension, @EXT@

HERE = os.path.dirname(os.path.abspath(__file__))

setup(
    name="@DIST@",
    version="1.0.0",
    packages=["@NAME@"],
    package_dir={"@NAME@": "torch-ext/@NAME@"},
    package_data={"@NAME@": ["*.json"]},
    ext_modules=[
        @EXT@(
            "@NAME@.@EXTNAME@",
            sources=@SOURCES@,
            include_dirs=[os.path.join(HERE, d) for d in ("compat", "torch-ext", "@KDIR@")],
            extra_compile_args=@ARGS@,
            extra_link_args=@LINK@,
            libraries=@LIBS@,
        )
    ],
    cmdclass={"build_ext": BuildExtension},
)
)PY",
                                              {{"EXT", std::string(info.torchExtension)}, {"DIST", "kforge-kb-" + n},
                                               {"NAME", n}, {"EXTNAME", extName}, {"SOURCES", pyList(sources)}, {"KDIR", kdir},
                                               {"ARGS", args}, {"LINK", pyList(info.gpu ? std::vector<std::string>{} : std::vector<std::string>{"-fopenmp"})},
                                               {"LIBS", pyList(extensionLibraries(p))}})});
        f.push_back({"README.md", "# " + n + " (kernel-builder layout, KernelForge export)\n\n"
                                  "Build with kernel-builder (`nix run .#build-and-copy`), or with setuptools:\n"
                                  "`pip install --no-build-isolation --no-deps .`, then `python tests/test_" + n + ".py`.\n\n" +
                                  dispatchMarkdown(p)});
        return f;
    }

private:
    static std::string initPy(const ExportPlan& p, const std::string& extName) {
        std::string args, outArgs;
        for (const auto& t : p.task.inputs) args += (args.empty() ? "" : ", ") + t.name;
        outArgs = args;
        for (const auto& t : p.task.outputs) outArgs += ", " + t.name;
        return fillTemplate(R"PY("""@TASK@ (KernelForge export of session @SESSION@, node @NODE@), kernel-builder layout."""
import torch

try:  # built by kernel-builder, which writes _ops.py
    from ._ops import add_op_namespace_prefix, ops

    OPS_NAMESPACE = add_op_namespace_prefix("@OP@").split("::")[0]
except ImportError:  # built with setup.py
    from . import @EXTNAME@  # noqa: F401  (registers the ops)

    OPS_NAMESPACE = "@EXTNAME@"
    ops = getattr(torch.ops, OPS_NAMESPACE)

from . import _fake

HAS_FAKE = _fake.register(OPS_NAMESPACE)


def @OP@(@ARGS@):
    return ops.@OP@(@ARGS@)


def @OP@_out(@OUTARGS@):
    ops.@OP@_out(@OUTARGS@)


__all__ = ["@OP@", "@OP@_out"]
)PY",
                            {{"TASK", p.task.name}, {"SESSION", std::to_string(p.session.id)}, {"NODE", std::to_string(p.nodeId)},
                             {"OP", p.opName}, {"EXTNAME", extName}, {"ARGS", args}, {"OUTARGS", outArgs}});
    }
};

}  // namespace

const ExportFormat& kernelBuilderExportFormat() {
    static const KernelBuilderFormat format;
    return format;
}

}  // namespace kforge
