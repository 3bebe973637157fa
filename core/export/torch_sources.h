#pragma once
// The pieces the torch and kernel-builder formats share: a kernel variant as a
// translation unit of its own (configuration fixed, entry point renamed), the
// op's C++ launcher (checks, kf_call, dispatch, stream), its TORCH_LIBRARY
// schema, and the Python side (fake kernels, test, benchmark, metadata).
#include <map>
#include <string>
#include <vector>

#include "export/export_plan.h"

namespace kforge {

// Text with every @KEY@ replaced from `values`; throws kforge::Error for an
// unknown key (a template bug, not the user's).
std::string fillTemplate(std::string text, const std::map<std::string, std::string>& values);

// A variant as its own translation unit: its -D values as #defines, kf_run
// renamed to the variant's symbol, the source's system includes first and the
// source itself inside an unnamed namespace, so that several configurations
// of one template link into one library. `sourcePath` is how it includes the
// kernel source.
std::string kernelVariantUnit(const ExportPlan& plan, const ExportVariant& v, const std::string& sourcePath);

// The op's launcher: `NS::OP(inputs) -> outputs` and `NS::OP_out(inputs, outputs)`
// as C++ functions in namespace kforge_export, with TORCH_CHECKs, the dispatch
// table and the kf_call. Throws kforge::Error when the task's shapes cannot be
// read back from its inputs.
std::string torchLauncher(const ExportPlan& plan, const std::string& bindingHeader);
// The declarations the launcher defines (the kernel-builder's torch_binding.h).
std::string torchLauncherHeader(const ExportPlan& plan);
// The two schemas, as m.def takes them.
std::string opSchema(const ExportPlan& plan);
std::string outOpSchema(const ExportPlan& plan);
// The dispatch key the op is registered under ("CPU" or "CUDA").
std::string dispatchKey(const ExportPlan& plan);

// Python: the package's fake (meta) kernels, its test helpers, the test and the benchmark.
std::string pythonFake(const ExportPlan& plan);
std::string pythonTesting(const ExportPlan& plan, const std::string& importName);
std::string pythonTest(const ExportPlan& plan, const std::string& importName);
std::string pythonBenchmark(const ExportPlan& plan, const std::string& importName);
// kforge.json: session, nodes, variants, dispatch, per-workload measurements,
// tensor specs and tolerances; the tests and the benchmark read it.
std::string exportMetadataJson(const ExportPlan& plan);
// The README's dispatch table and measurements (Markdown).
std::string dispatchMarkdown(const ExportPlan& plan);
// Compiler flags for the extension, per backend (from the node's compile command where it says).
std::vector<std::string> extensionCxxFlags(const ExportPlan& plan);
std::vector<std::string> extensionDeviceFlags(const ExportPlan& plan);
std::vector<std::string> extensionLibraries(const ExportPlan& plan);
// A Python list literal of strings.
std::string pyList(const std::vector<std::string>& items);

}  // namespace kforge
