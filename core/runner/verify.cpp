#include "runner/verify.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <mutex>

#include "runner/parallel.h"
#include "util/text.h"

namespace kforge {
namespace {

// A double: INFINITY is a float, which clang's -Wdouble-promotion refuses.
constexpr double kInfinity = std::numeric_limits<double>::infinity();

void merge(Comparison& total, const Comparison& part) {
    total.checked += part.checked;
    total.mismatches += part.mismatches;
    total.maxAbs = std::fmax(total.maxAbs, part.maxAbs);
    total.maxRel = std::fmax(total.maxRel, part.maxRel);
    if (part.firstBad >= 0 && (total.firstBad < 0 || part.firstBad < total.firstBad)) {
        total.firstBad = part.firstBad;
        total.expected = part.expected;
        total.actual = part.actual;
    }
}

bool allBytes(const uint8_t* p, size_t n, uint8_t v) {
    for (size_t i = 0; i < n; ++i)
        if (p[i] != v) return false;
    return true;
}

// Elements per block whose bytes are compared before any element is decoded.
constexpr size_t kBlockElements = 4096;

// check(i, Comparison&) examines element i. Blocks where `a` and `b` hold the
// same bytes are only counted: every check here passes on equal elements.
template <typename Check>
Comparison scan(size_t elements, size_t width, std::span<const uint8_t> a, std::span<const uint8_t> b, Check check) {
    std::vector<Comparison> parts(parallelChunkCount(elements));
    parallelChunks(elements, [&](size_t c, size_t begin, size_t end) {
        // Counted in a local and stored once: the threads' parts share cache
        // lines, and updating them per element made every core fight over them
        // (1.8 GB/s instead of memory speed on an H200 host's 16 cores).
        Comparison p;
        for (size_t block = begin; block < end; block += kBlockElements) {
            const size_t blockEnd = std::min(end, block + kBlockElements);
            if (std::memcmp(&a[block * width], &b[block * width], (blockEnd - block) * width) == 0) {
                p.checked += blockEnd - block;
                continue;
            }
            for (size_t i = block; i < blockEnd; ++i) check(i, p);
        }
        parts[c] = p;
    });
    Comparison total;
    for (const auto& p : parts) merge(total, p);
    return total;
}

}  // namespace

Comparison compareToReference(DType type, std::span<const uint8_t> actual, std::span<const uint8_t> expected,
                              Tolerance tol) {
    const size_t width = dtypeInfo(type).bytes;
    const size_t n = expected.size() / width;
    return scan(n, width, actual, expected, [&](size_t i, Comparison& p) {
        const double a = type == DType::Float32 ? static_cast<double>(*reinterpret_cast<const float*>(&actual[i * 4]))
                                                : decodeElement(type, &actual[i * width]);
        const double e = type == DType::Float32 ? static_cast<double>(*reinterpret_cast<const float*>(&expected[i * 4]))
                                                : decodeElement(type, &expected[i * width]);
        ++p.checked;
        bool bad;
        double diff = 0;
        if (std::isnan(e) || std::isnan(a)) {
            bad = std::isnan(e) != std::isnan(a);
            diff = bad ? kInfinity : 0;
        } else if (std::isinf(e) || std::isinf(a)) {
            bad = a != e;
            diff = bad ? kInfinity : 0;
        } else {
            diff = std::fabs(a - e);
            bad = diff > tol.atol + tol.rtol * std::fabs(e);
            p.maxAbs = std::fmax(p.maxAbs, diff);
            if (e != 0) p.maxRel = std::fmax(p.maxRel, diff / std::fabs(e));
        }
        if (bad) {
            if (p.firstBad < 0) {
                p.firstBad = static_cast<int64_t>(i);
                p.expected = e;
                p.actual = a;
            }
            ++p.mismatches;
            if (std::isinf(diff)) p.maxAbs = kInfinity;
        }
    });
}

Comparison findUnwritten(DType type, std::span<const uint8_t> run1, std::span<const uint8_t> run2) {
    const size_t width = dtypeInfo(type).bytes;
    const size_t n = run1.size() / width;
    return scan(n, width, run1, run2, [&](size_t i, Comparison& p) {
        const uint8_t* a = &run1[i * width];
        const uint8_t* b = &run2[i * width];
        ++p.checked;
        const bool same = std::memcmp(a, b, width) == 0;
        const bool unwritten = !same && (allBytes(a, width, kPoisonA) || allBytes(b, width, kPoisonB));
        if (unwritten) {
            if (p.firstBad < 0) {
                p.firstBad = static_cast<int64_t>(i);
                p.expected = decodeElement(type, b);
                p.actual = decodeElement(type, a);
            }
            ++p.mismatches;
        }
    });
}

bool bytesEqual(std::span<const uint8_t> a, std::span<const uint8_t> b) {
    if (a.size() != b.size()) return false;
    const size_t chunks = parallelChunkCount(a.size());
    std::vector<char> same(chunks, 1);
    parallelChunks(a.size(), [&](size_t c, size_t begin, size_t end) {
        same[c] = std::memcmp(&a[begin], &b[begin], end - begin) == 0;
    });
    for (char s : same)
        if (!s) return false;
    return true;
}

// Records a failed check: the verdict, a message, and where the first bad element is.
void recordMismatch(WorkloadOutcome& outcome, Status status, const Phrase& what, const std::string& output, const Comparison& c,
                    uint64_t seed, const Tolerance* tolerance) {
    outcome.status = status;
    const Phrase found =
        phrase(QT_TRANSLATE_NOOP("Phrase", "%1: output '%2', seed %3: %4 of %5 elements; first at index %6 (expected %7, got %8)"),
               what, output, seed, c.mismatches, c.checked, c.firstBad, formatNumber("%.9g", c.expected), formatNumber("%.9g", c.actual));
    outcome.message = tolerance ? phrase(QT_TRANSLATE_NOOP("Phrase", "%1 (atol %2, rtol %3)"), found, formatNumber("%g", tolerance->atol),
                                         formatNumber("%g", tolerance->rtol))
                                : found;
    VerifyStats& v = outcome.verify;
    v.mismatches = c.mismatches;
    v.firstBadIndex = c.firstBad;
    v.firstBadOutput = output;
    v.firstBadSeed = seed;
    v.expected = c.expected;
    v.actual = c.actual;
}

Phrase inputWrittenPhrase(const Phrase& when, const std::string& input) {
    return phrase(QT_TRANSLATE_NOOP("Phrase", "%1: input '%2' is not what it was before the call: a candidate must not write its inputs"),
                  when, input);
}

}  // namespace kforge
