#pragma once
// A session record written straight to a workspace, as the GUI tests seed the
// sessions their windows open: a CPU device named "Test CPU", a baseline
// source, the given budget. The caller adds the nodes.
#include <string>

#include "store/store.h"

namespace kforge::test {

SessionRecord createStoredSession(Store& store, const std::string& name, const std::string& task, int evaluations);

// Stores `node` as the engine does: proposed (pending), then measured, with
// `status` and, when PASSED, `fitness`.
void storeMeasuredNode(Store& store, int64_t session, Node node, Status status, double fitness);

}  // namespace kforge::test
