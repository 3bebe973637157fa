#pragma once
// A session record written straight to a workspace, as the GUI tests seed the
// sessions their windows open: a CPU device named "Test CPU", a baseline
// source, the given budget. The caller adds the nodes.
#include <string>

#include "store/store.h"

namespace kforge::test {

SessionRecord createStoredSession(Store& store, const std::string& name, const std::string& task, int evaluations);

}  // namespace kforge::test
