// One line kforge-runner reads on stdin, through the decoder it calls
// (runner/request.h). Beyond "no crash": a request the decoder accepts must
// have sizes the runner can compute, and must survive the trip the core's
// side makes (encode, decode) unchanged in meaning.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "runner/protocol.h"
#include "runner/request.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    const kforge::DecodedRequest d = kforge::decodeRequest(line);
    if (!d.request) {
        if (d.error.empty()) std::abort();  // a refusal must say why
        return 0;
    }
    using Command = kforge::RunnerRequest::Command;
    const kforge::RunnerRequest& r = *d.request;
    if (r.command != Command::Evaluate && r.command != Command::WriteInputs) return 0;
    for (const auto& w : r.spec.workloads) {
        (void)kforge::workloadInputBytes(r.spec, w);
        (void)kforge::workloadOutputBytes(r.spec, w);
    }
    const bool withLibraries = r.command == Command::Evaluate;
    const nlohmann::json encoded = kforge::toJson(r.spec);
    const kforge::EvaluateSpec again = kforge::evaluateSpecFromJson(encoded, "again", withLibraries);  // throws: a bug
    if (kforge::toJson(again) != encoded) std::abort();
    return 0;
}
