#pragma once
// Tunable parameters a candidate declares in its own source:
//     // @tune BLOCK 64 128 256        (first value is the default)
//     // @constraint BLOCK * VEC <= 4096
//     // @seed BLOCK=256 VEC=8         (measured first; unnamed ones take their default)
// Seeds are the author's knowledge of the operator class, as Triton's autotune
// config lists are: one configuration per regime the kernel serves (short,
// medium, long rows), so that a short session already has a good candidate
// for each workload before the search strategy takes over.
// The toolchain passes a configuration as -DNAME=VALUE.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/tuning_config.h"
#include "task/expr.h"

namespace kforge {


struct TuneParam {
    std::string name;
    std::vector<std::string> values;
    int line = 0;
};

struct TuneConstraint {
    Expr expr;
    int line = 0;
};

struct TuneSeed {
    TuneConfig config;  // complete: every parameter, the unnamed at their defaults
    int line = 0;
};

struct TuneSpace {
    std::vector<TuneParam> params;
    std::vector<TuneConstraint> constraints;
    std::vector<TuneSeed> seeds;  // in declaration order, each in the space and satisfying the constraints

    bool empty() const { return params.empty(); }
    TuneConfig defaults() const;
    double size() const;  // configurations before constraints
    // The first constraint the configuration breaks, as text; empty when it satisfies all.
    std::string violation(const TuneConfig& config) const;
    // The first constraint the configuration breaks (its line locates it), or null.
    const TuneConstraint* brokenConstraint(const TuneConfig& config) const;
    // Every configuration that satisfies the constraints, in declaration order
    // (grid), up to `limit` of them, among the first maxVisits()
    // configurations: a candidate may declare 64 parameters of 4096 values
    // under a constraint nothing satisfies, and looking for one would not end.
    // The bound is on work, kMaxConstraintChecks constraint evaluations
    // (a tenth of a second; half a second under ASan), so it is tighter the
    // more constraints there are. Real spaces are far smaller (a GEMM
    // template's is a few thousand configurations).
    static constexpr size_t kMaxConstraintChecks = 500'000;
    size_t maxVisits() const;
    std::vector<TuneConfig> enumerate(size_t limit = 1'000'000) const;
};

// Throws kforge::Error "<file>:<line>: what is wrong".
TuneSpace parseTuneSpace(std::string_view source, const std::string& fileName);

TuneSpace parseTuneSpaceFile(const std::filesystem::path& source);
// The space's defaults with the given values laid over them.
TuneConfig withOverrides(const TuneSpace& space, const TuneConfig& overrides);

std::string describeConfig(const TuneConfig& config);  // "BLOCK=128 VEC=4"

// What the CLI checks of a user's -D values before compiling; each throws
// kforge::Error naming the file. A -D of a name no @tune declares would be
// passed to the compiler and silently change nothing the search knows about:
// "<file>: -D BLOK=64: the source declares no @tune BLOK (it declares BLOCK, VEC)".
void checkOverridesDeclared(const TuneSpace& space, const TuneConfig& overrides, const std::string& fileName);
// The tuner never compiles a configuration that breaks a @constraint; neither
// may `kforge compile`: "<file>:<line>: configuration ... breaks @constraint ...".
void checkConstraints(const TuneSpace& space, const TuneConfig& config, const std::string& fileName);

}  // namespace kforge
