#include "model/status.h"

#include <array>
#include <utility>

namespace kforge {

using Json = nlohmann::json;
namespace {

constexpr std::array<std::pair<Status, std::string_view>, 15> kStatusNames{{
    {Status::Passed, "PASSED"},
    {Status::IncorrectShape, "INCORRECT_SHAPE"},
    {Status::IncorrectNumerical, "INCORRECT_NUMERICAL"},
    {Status::IncorrectDtype, "INCORRECT_DTYPE"},
    {Status::RuntimeError, "RUNTIME_ERROR"},
    {Status::CompileError, "COMPILE_ERROR"},
    {Status::Timeout, "TIMEOUT"},
    {Status::Fault, "FAULT"},
    {Status::Nondeterministic, "NONDETERMINISTIC"},
    {Status::IncompleteWrite, "INCOMPLETE_WRITE"},
    {Status::SuspiciousSpeed, "SUSPICIOUS_SPEED"},
    {Status::InvalidConfig, "INVALID_CONFIG"},
    {Status::InputModified, "INPUT_MODIFIED"},
    {Status::WorkAfterReturn, "WORK_AFTER_RETURN"},
    {Status::NotRun, "NOT_RUN"},
}};

}  // namespace

std::string_view statusName(Status s) {
    for (const auto& [k, v] : kStatusNames)
        if (k == s) return v;
    return "UNKNOWN";
}

std::optional<Status> parseStatus(std::string_view name) {
    for (const auto& [k, v] : kStatusNames)
        if (v == name) return k;
    return std::nullopt;
}

template <>
Status readValue<Status>(const Json& j, const std::string& path) {
    const std::string name = readValue<std::string>(j, path);
    const auto s = parseStatus(name);
    if (!s) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown status '%1'"), name));
    return *s;
}

}  // namespace kforge
