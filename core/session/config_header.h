#pragma once
// A node's configuration written into its source as a header of comment
// lines, one per -D value:
//
//   // -D BLOCK=256
//   // -D VEC=4
//
// The diff editor shows sources this way, so that two tuner siblings (same
// source, other values) differ where the engineer can see it, and an edit of
// the values is an edit like any other: splitting the header off again gives
// the configuration to compile the edited source with.
#include <string>
#include <utility>

#include "task/tune_space.h"

namespace kforge {

// The header (nothing when `config` is empty), then `source` unchanged.
std::string withConfigHeader(const TuneConfig& config, const std::string& source);

struct SplitSource {
    TuneConfig config;   // from the leading "// -D NAME=VALUE" lines
    std::string source;  // what follows them
    bool hadHeader = false;
};
// Reads the header back. Throws kforge::Error naming the line for a header
// line that is not NAME=VALUE with a C identifier for NAME.
SplitSource splitConfigHeader(const std::string& text);

}  // namespace kforge
