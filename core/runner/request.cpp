#include "runner/request.h"

#include "util/json_input.h"
#include "util/text.h"

namespace kforge {
namespace {

using Json = nlohmann::json;

// A request is an object holding a spec of tensors and workloads: 64 levels
// is far more than it needs and far less than would threaten the stack.
constexpr JsonLimits kRequestLimits{RequestLimits::maxLineBytes, 64};

std::optional<RunnerRequest::Command> commandNamed(const std::string& name) {
    using C = RunnerRequest::Command;
    if (name == "hello") return C::Hello;
    if (name == "measure") return C::Measure;
    if (name == "evaluate") return C::Evaluate;
    if (name == "write-inputs") return C::WriteInputs;
    if (name == "stage") return C::Stage;
    if (name == "quit") return C::Quit;
    return std::nullopt;
}

}  // namespace

DecodedRequest decodeRequest(std::string_view line) {
    DecodedRequest out;
    if (line.size() > RequestLimits::maxLineBytes) {
        out.error = "bad request: the line is longer than " + std::to_string(RequestLimits::maxLineBytes) + " bytes (the limit)";
        return out;
    }
    Json request;
    try {
        request = parseJsonInput(line, "request", kRequestLimits);
    } catch (const Error& e) {
        out.error = std::string("bad request: ") + e.what();
        return out;
    }
    if (!request.is_object()) {
        out.error = std::string("bad request: a request is a JSON object, not ") + request.type_name();
        return out;
    }
    if (const auto it = request.find("id"); it != request.end()) {
        if (!it->is_number_integer()) {
            out.error = std::string("bad request: id must be an integer, not ") + it->type_name();
            return out;
        }
        out.id = it->get<int64_t>();
    } else {
        out.id = 0;
    }
    const auto cmdIt = request.find("cmd");
    if (cmdIt == request.end() || !cmdIt->is_string()) {
        out.error = std::string("bad request: cmd must be a string, not ") + (cmdIt == request.end() ? "missing" : cmdIt->type_name());
        return out;
    }
    const std::string cmd = cmdIt->get<std::string>();
    const auto command = commandNamed(cmd);
    if (!command) {
        out.error = "unknown command '" + printable(cmd) + "'";
        return out;
    }
    RunnerRequest r;
    r.command = *command;
    try {
        if (r.command == RunnerRequest::Command::Evaluate || r.command == RunnerRequest::Command::WriteInputs) {
            const bool evaluate = r.command == RunnerRequest::Command::Evaluate;
            const std::string what = cmd + ": spec";
            if (!request.contains("spec")) throw RequestError(what + ": missing");
            if (!evaluate) {
                const auto dir = request.find("dir");
                if (dir == request.end() || !dir->is_string()) throw RequestError(cmd + ": dir: expected a string");
                r.dir = dir->get<std::string>();
                if (r.dir.empty() || r.dir.size() > RequestLimits::maxTextBytes)
                    throw RequestError(cmd + ": dir: must be 1 to " + std::to_string(RequestLimits::maxTextBytes) + " bytes");
            }
            r.spec = evaluateSpecFromJson(request["spec"], what, /*withLibraries=*/evaluate);
        } else if (r.command == RunnerRequest::Command::Stage) {
            for (const auto& [field, into] : {std::pair<const char*, std::string*>{"sha256", &r.sha256}, {"data", &r.data}}) {
                const auto it = request.find(field);
                if (it == request.end() || !it->is_string()) throw RequestError(std::string("stage: ") + field + ": expected a string");
                *into = it->get<std::string>();
            }
        }
    } catch (const RequestError& e) {
        out.error = e.what();
        return out;
    }
    out.request = std::move(r);
    return out;
}

}  // namespace kforge
