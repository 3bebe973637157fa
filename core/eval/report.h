#pragma once
// An evaluation as the user reads it: one JSON object (scripts rely on its
// field names) or a table for the terminal.
#include <nlohmann/json.hpp>
#include <string>

#include "eval/evaluator.h"

namespace kforge {

nlohmann::json reportJson(const EvalReport& report);
std::string reportTable(const EvalReport& report);
// The per-workload table of reportJson()'s "workloads" (also as a session node stores it).
std::string workloadTable(const nlohmann::json& workloads, const std::string& baselineName);
nlohmann::json compileJson(const CompileResult& compile);
std::string describeDevice(const nlohmann::json& facts);  // one line: name, bandwidth, peak

}  // namespace kforge
