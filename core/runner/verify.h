#pragma once
// Output checks on host copies: against the reference (tolerance by dtype, NaN
// and Inf positions must match), between two runs (determinism), and against
// the poison patterns written before each run (unwritten elements).
#include <cstdint>
#include <span>

#include "runner/protocol.h"

namespace kforge {

inline constexpr uint8_t kPoisonA = 0xFF;  // NaN for every float type, -1 for integers
inline constexpr uint8_t kPoisonB = 0x7F;  // a different pattern, so "unwritten" is unambiguous

struct Comparison {
    uint64_t checked = 0;
    uint64_t mismatches = 0;
    double maxAbs = 0;
    double maxRel = 0;
    int64_t firstBad = -1;
    double expected = 0;
    double actual = 0;
};

// |actual - expected| <= atol + rtol * |expected|, NaN matches NaN, Inf matches the same Inf.
// Stretches that are bytewise identical are counted without decoding them, so
// the usual case (a candidate that matches its reference or its own repeat
// bit for bit) runs at memory bandwidth.
Comparison compareToReference(DType type, std::span<const uint8_t> actual, std::span<const uint8_t> expected,
                              Tolerance tol);
// Elements that still hold the poison of their run although the other run wrote something else.
Comparison findUnwritten(DType type, std::span<const uint8_t> run1, std::span<const uint8_t> run2);
// Same size and same bytes (compared on all cores).
bool bytesEqual(std::span<const uint8_t> a, std::span<const uint8_t> b);

// Records a failed check in `outcome`: the verdict, a message naming the
// output, seed and first bad element, and the verification figures.
// `tolerance`, when given, is named too (the check against the reference).
void recordMismatch(WorkloadOutcome& outcome, Status status, const Phrase& what, const std::string& output, const Comparison& c,
                    uint64_t seed, const Tolerance* tolerance = nullptr);

// "WHEN: input 'NAME' is not what it was before the call ...": the verdict
// INPUT_MODIFIED explained, for the verification runs and the timed calls alike.
Phrase inputWrittenPhrase(const Phrase& when, const std::string& input);

}  // namespace kforge
