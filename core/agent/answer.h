#pragma once
// Reading a model's answer: the one source file it proposes, and a one-line
// account of what it changed. An answer that does not hold exactly one usable
// source is a recorded refusal, never an exception.
#include <optional>
#include <string>

namespace kforge {

struct ExtractedAnswer {
    std::optional<std::string> source;  // the candidate, when usable
    std::string refusal;                // why not, for the record and the next prompt
    std::string change;                 // the answer's "Change:" line, or its first sentence
};

struct AnswerLimits {
    size_t maxSourceBytes = 256u << 10;
};

// `truncated`: the model hit its output limit (the code may stop midway).
ExtractedAnswer extractAnswer(const std::string& answer, bool truncated, const AnswerLimits& limits = {});

// Whether `source` defines the ABI entry point (KF_EXPORT int kf_run(...) or an
// extern "C" kf_run).
bool definesEntryPoint(const std::string& source);

}  // namespace kforge
