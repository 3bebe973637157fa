#pragma once
// A node as a standalone file, the form `kforge best --out` and the GUI's
// export write: a header naming where it came from (session, node, task,
// device, speedup, dates, the compile command and the measurements per workload), its configuration fixed by #defines (the -D values
// it was compiled with, still overridable), then the source.
#include <string>

#include "model/session_config.h"
#include "model/session_tree.h"

namespace kforge {

// Throws kforge::Error when the tree lacks the node's source.
std::string standaloneSource(const SessionRecord& session, const SessionTree& tree, const Node& node);

}  // namespace kforge
