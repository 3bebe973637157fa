#pragma once
// Recorded workload inputs (safetensors tensors) as the runner reads them: the
// core parses each file and writes the tensor's raw bytes, once, into a
// directory of its own that the sandboxed runner sees read-only.
//
// Why the core reads the file and the runner gets raw bytes, rather than the
// task's file being bound into the sandbox: a runner is started once per
// Evaluator with a fixed set of binds, while tasks and their files come and
// go (a session, the GUI); the parsing of a file from outside stays in the
// core, where its errors are reported with the workload's line; and the
// runner reads only "exactly N bytes" from a directory no candidate can write,
// so a candidate cannot alter the data that later evaluations, or the PyTorch
// reference through write-inputs, will see. Shipping the bytes inside the
// JSON request instead would bloat the protocol past its line limit.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "task/task.h"
#include "torchref/torch_run.h"

namespace kforge {

class InputStaging {
public:
    InputStaging();
    // The directory the runner must see read-only.
    const std::filesystem::path& directory() const { return dir_->path(); }
    // The staged file holding the input's bytes; checked again against the
    // definition's dtype and this workload's shape (the file may have changed
    // since the task was loaded). Thread-safe; each (file, key) staged once
    // while the file keeps its size and modification time.
    std::string stage(const WorkloadInput& input, const TensorDef& def, const std::vector<int64_t>& shape);

private:
    std::shared_ptr<ScratchDir> dir_;
    std::mutex mutex_;
    using Key = std::tuple<std::string, std::string, uint64_t, int64_t>;  // file, key, size, mtime
    std::map<Key, std::string> staged_;
};

}  // namespace kforge
