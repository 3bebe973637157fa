#pragma once
// A synthetic optimization session at GUI scale, shared by the GUI
// benchmarks: a root, `families` children of it, and the rest spread over
// the families as a UCB search grows them, with verdicts in roughly the
// proportions a tuner session on a GPU produces. With `chain`, the last
// `chain` nodes form one line (the deepest tree a session makes).
#include "model/session_tree.h"

namespace kforge::bench {

SessionTree syntheticSession(int nodes, int families, int chain, unsigned seed);

}  // namespace kforge::bench
