#pragma once
// One line a runner reads, decoded and validated completely before anything
// acts on it (runner/protocol.h has the format). Kept apart from the runner's
// main loop so that what decides "is this request acceptable" has no side
// effects: the unit tests and fuzz/fuzz_runner_request.cpp call exactly what
// kforge-runner calls.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "runner/protocol.h"

namespace kforge {

struct RunnerRequest {
    enum class Command { Hello, Measure, Evaluate, WriteInputs, Stage, Quit };
    Command command = Command::Hello;
    EvaluateSpec spec;  // evaluate, write-inputs
    std::string dir;    // write-inputs
    std::string sha256;  // stage: the file's SHA-256, hex
    std::string data;    // stage: its bytes, base64 (StagedFiles checks both)
};

struct DecodedRequest {
    // The id the reply carries: the request's own, 0 when it has none, null
    // when the line is not a readable request or its id is unusable.
    nlohmann::json id;
    std::optional<RunnerRequest> request;  // set when the line is acceptable
    std::string error;                     // otherwise what is wrong, naming the field
};

// Never throws for anything in `line` (std::bad_alloc aside): every problem
// becomes `error`. Lines over RequestLimits::maxLineBytes are refused.
DecodedRequest decodeRequest(std::string_view line);

}  // namespace kforge
