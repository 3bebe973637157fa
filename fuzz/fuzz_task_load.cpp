// A task definition and its workloads, as `kforge eval` / `kforge check` load
// them: the input is definition.json, a NUL byte, then workloads.jsonl (NUL
// never appears in JSON text, so the split cannot hide a case).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "task/task.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t split = input.find('\0');
    const std::string definition(input.substr(0, split));
    const std::string workloads(split == std::string_view::npos ? std::string_view{} : input.substr(split + 1));
    kforge::TaskFiles files;
    files.directory = KFORGE_FUZZ_TASK_DIR;
    files.definitionFile = files.directory / "definition.json";
    files.workloadsFile = files.directory / "workloads.jsonl";
    try {
        const kforge::Task task = kforge::loadTask(definition, workloads, files);
        // What every later step asks of a loaded task: it must not fail for
        // any task the loader accepted.
        for (const auto& w : task.workloads) {
            (void)task.totalTensorBytes(w);
            (void)task.bytesMoved(w);
            (void)task.flopCount(w);
            for (const auto& out : task.outputs) (void)task.toleranceFor(out);
        }
    } catch (const kforge::Error&) {
        // A refusal naming the file and field is the expected answer to bad input.
    }
    return 0;
}
