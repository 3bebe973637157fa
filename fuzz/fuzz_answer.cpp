// An LLM's answer as the agent reads it (agent/answer.h), and the source it
// yields through the code screen (agent/code_screen.h), as llm_generator does.
// Both promise a result, never an exception, so nothing is caught here.
#include <cstddef>
#include <cstdint>
#include <string>

#include "agent/answer.h"
#include "agent/code_screen.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const bool truncated = data[0] & 1;
    const std::string answer(reinterpret_cast<const char*>(data + 1), size - 1);
    const kforge::ExtractedAnswer a = kforge::extractAnswer(answer, truncated, kforge::AnswerLimits{4096});
    if (a.source && !a.refusal.empty()) std::abort();  // either a source or the reason there is none
    if (!a.source && a.refusal.empty()) std::abort();
    (void)kforge::definesEntryPoint(answer);
    if (a.source) (void)kforge::describeFindings(kforge::screenSource(*a.source));
    return 0;
}
