#pragma once
// `kforge import fib`: a FlashInfer-Bench definition and its workloads as a
// KernelForge task directory, judged by the definition's PyTorch reference.
// KernelForge's definition.json is the FIB schema plus a "kforge" object, so
// the import validates both files completely (through loadTask, with errors
// naming the source files and their lines), adds the kforge object (a bytes
// estimate from the tensor sizes when there is none), writes the workloads as
// KernelForge reads them, and copies every safetensors file they use.
#include <filesystem>

#include "task/task.h"

namespace kforge {

struct FibImport {
    std::filesystem::path definition;
    // Empty: <definition's stem>.jsonl, else workloads.jsonl, beside the definition.
    std::filesystem::path workloads;
    // Empty: the definition's name in the current directory. Must not exist, or be empty.
    std::filesystem::path out;
    // Where relative safetensors paths resolve. Empty: the dataset's root when
    // the workloads lie in a FlashInfer-Bench dataset (the nearest folder above
    // them that holds blob/; FIB writes paths like ./blob/workloads/...), else
    // the workloads file's directory.
    std::filesystem::path root;
};

struct FibImportResult {
    Task task;                 // as loaded back from the written directory
    size_t copiedFiles = 0;    // safetensors files copied into it
};

FibImportResult importFib(const FibImport& request);

// The directory relative safetensors paths of `workloads` resolve against (FibImport::root's rule).
std::filesystem::path fibDataRoot(const std::filesystem::path& workloads, const std::filesystem::path& root);

// The bytes a call moves when every input is read and every output written
// once: "4*M*K + 4*K*N + ..." over the axes, for the physics floor.
std::string tensorBytesExpression(const Task& task);

}  // namespace kforge
