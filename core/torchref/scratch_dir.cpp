#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "torchref/torch_run.h"
#include "util/error.h"

namespace kforge {

ScratchDir::ScratchDir(const std::string& prefix, const std::filesystem::path& parent) {
    const auto under = parent.empty() ? std::filesystem::temp_directory_path() : parent;
    std::string pattern = (under / (prefix + "XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) throw Error(pattern + ": cannot create a scratch directory");
    path_ = buf.data();
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace kforge
