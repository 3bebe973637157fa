#pragma once
// The verdict of an evaluation, FlashInfer-Bench's statuses plus our own.
#include <optional>
#include <string>
#include <string_view>

#include "model/json_reader.h"

namespace kforge {

enum class Status {
    Passed,
    IncorrectShape,
    IncorrectNumerical,
    IncorrectDtype,
    RuntimeError,
    CompileError,
    Timeout,
    Fault,
    Nondeterministic,
    IncompleteWrite,
    SuspiciousSpeed,
    InvalidConfig,
    InputModified,    // an input's bytes differ after a call
    WorkAfterReturn,  // work still running after kf_run returned: another stream, a background thread
    NotRun,
};
std::string_view statusName(Status s);
std::optional<Status> parseStatus(std::string_view name);

template <>
Status readValue<Status>(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
