// Timing a candidate so that the time is of computing the result, every time.
//
// A generated kernel finds whatever the measurement does not look at, so
// every timed call is a call that could be checked:
// - its outputs are poisoned first, with a pattern picked at random per call,
//   so a stale answer left in place from an earlier call is never there;
// - its inputs are one of several seeds' sets, picked at random per call, and
//   (where the runner's own reference can judge) patched at a random place,
//   so no two calls see the same inputs and a cache keyed on their content,
//   sampled or whole, never hits;
// - a random sample of calls (always the first, one in the middle and the
//   last) is compared with the reference's outputs for exactly those inputs;
// - the inputs must be unchanged after the call, the kf_call as it was
//   given, and no work may still be running on the device once the stream
//   passed in is done;
// - a workload whose samples spread too much is timed again.
#include <algorithm>
#include <array>
#include <chrono>
#include <random>
#include <thread>

#include "runner/inputs.h"
#include "runner/runner_library.h"
#include "runner/runner_service.h"
#include "runner/verify.h"

namespace kforge {

namespace {

using Clock = std::chrono::steady_clock;

// NaN or a huge value in every float type (so never a plausible result), and
// different from each other, so an element left unwritten shows.
constexpr std::array<uint8_t, 4> kTimedPoisons{0xFF, 0x7F, 0xFE, 0x7E};
constexpr size_t kMaxInputSets = 3;
// Contiguous elements a patch replaces: enough that the outputs they feed
// change beyond any tolerance, few enough to cost nothing to write.
constexpr uint64_t kMinPatchElements = 8;
constexpr uint64_t kMaxPatchElements = 256;
// Verified calls beyond the first, middle and last may take this share of the
// timing budget (their time is not counted in the budget itself).
constexpr double kVerifyShare = 0.25;
constexpr double kSwitchProbability = 0.25;
// A call whose device work went on this long after its stream was done left
// work elsewhere; a few such calls may be the host being preempted, most of
// them never are.
constexpr double kLingerFloorMs = 0.02;
constexpr double kLingerFraction = 0.25;

std::string ms3(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g ms", ms);
    return buf;
}

}  // namespace

void RunnerService::timeWorkload(const TimingJob& job, WorkloadOutcome& outcome) {
    const EvaluateSpec& spec = job.spec;
    const WorkloadSpec& w = job.w;
    WorkloadBuffers& buffers = job.buffers;
    const bool cpu = device_->backend() == "cpu";
    progress_(w.uuid + ": timing");

    // Unpredictable to the candidate: it shares the process, not this seed.
    std::random_device entropy;
    std::mt19937_64 rng((static_cast<uint64_t>(entropy()) << 32) ^ entropy());
    auto below = [&](uint64_t n) { return n <= 1 ? uint64_t{0} : rng() % n; };
    auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    TimedCallChecks checks;
    std::vector<Phrase> limits;
    // Under an injected tool every check on the results still holds; the
    // times and the work-after-return check (which would see the tool's own
    // work after every call) do not.
    const std::string tool = device_->instrumentedBy();
    if (!tool.empty())
        limits.push_back(phrase(
            QT_TRANSLATE_NOOP("Phrase", "timed under %1: the times include the tool's work, and work left running after a call is not checked"),
            tool));

    // The input sets: the first seeds whose inputs the device can keep side by side.
    std::vector<uint64_t> sets;
    uint64_t current = spec.seeds.front();
    for (uint64_t seed : spec.seeds) {
        if (sets.size() == kMaxInputSets) break;
        job.placeInputs(seed);
        current = seed;
        sets.push_back(seed);
    }
    std::erase_if(sets, [&](uint64_t seed) { return !job.snapshotted(seed); });
    if (sets.size() < 2) {
        sets = {current};
        if (spec.seeds.size() > 1)
            limits.push_back(phrase(QT_TRANSLATE_NOOP(
                "Phrase", "one input set: a second seed's inputs do not fit beside the first within the runner's snapshot budget")));
        else
            limits.push_back(phrase(QT_TRANSLATE_NOOP("Phrase", "one input set: the request has one seed")));
    }
    checks.inputSets = static_cast<int>(sets.size());
    checks.extraInputBytes = (sets.size() - 1) * buffers.inputBytes();

    // Patching needs the reference's outputs for exactly the patched inputs.
    std::vector<size_t> patchable;
    for (size_t i = 0; i < spec.inputs.size(); ++i)
        // Recorded data (an input file) stays as recorded: random values could break what it encodes.
        if (dtypeInfo(spec.inputs[i].dtype).isFloat && !w.scalars[i] && (i >= w.files.size() || w.files[i].empty()) &&
            buffers.inputs()[i].bytes > 0)
            patchable.push_back(i);
    if (!job.reference)
        limits.push_back(phrase(
            QT_TRANSLATE_NOOP("Phrase", "inputs not patched: the PyTorch reference judged, and its outputs exist only for the seeds it ran")));
    else if (patchable.empty())
        limits.push_back(phrase(QT_TRANSLATE_NOOP("Phrase", "inputs not patched: no input is random floating-point data")));
    const bool patching = job.reference && !patchable.empty();
    checks.patched = patching;

    struct Patch {
        bool active = false;
        size_t input = 0, offset = 0, elements = 0;
        std::vector<uint8_t> original, values;
    } patch;
    auto undoPatch = [&] {
        if (!patch.active) return;
        buffers.writeInput(patch.input, patch.offset, patch.original.data(), patch.original.size());
        patch.active = false;
    };
    auto applyPatch = [&] {
        const size_t i = patchable[below(patchable.size())];
        const size_t size = dtypeInfo(spec.inputs[i].dtype).bytes;
        const uint64_t n = buffers.inputs()[i].bytes / size;
        const uint64_t count = std::min<uint64_t>(n, kMinPatchElements + below(kMaxPatchElements - kMinPatchElements + 1));
        const uint64_t first = below(n - count + 1);
        generateInput(spec.inputs[i], rng(), static_cast<uint32_t>(i), count, patch.values);
        patch.original.resize(count * size);
        buffers.readInput(i, first * size, patch.original.data(), patch.original.size());
        buffers.writeInput(i, first * size, patch.values.data(), patch.values.size());
        patch = {true, i, static_cast<size_t>(first * size), static_cast<size_t>(count), std::move(patch.original),
                 std::move(patch.values)};
    };
    auto inputsModified = [&](const Phrase& when) {
        undoPatch();
        if (const int changed = job.changedInput(current); changed >= 0) {
            outcome.status = Status::InputModified;
            outcome.message = inputWrittenPhrase(when, spec.inputs[static_cast<size_t>(changed)].name);
            return true;
        }
        return false;
    };

    // The next call's inputs and poisoned outputs; false with the verdict set
    // when the inputs it leaves behind were written.
    const kf_call* call = nullptr;
    auto prepare = [&](const Phrase& when) {
        undoPatch();
        // Switching sets costs a copy of every input, so it happens on a
        // random quarter of the calls rather than on every one; the patch
        // already makes each call's inputs new.
        const uint64_t seed = chance(kSwitchProbability) ? sets[below(sets.size())] : current;
        if (seed != current) {
            // On the CPU the inputs are read-only; on a GPU the check is a device-side compare.
            if (!cpu && inputsModified(when)) return false;
            job.placeInputs(seed);
            current = seed;
        }
        if (patching) applyPatch();
        buffers.poison(kTimedPoisons[below(kTimedPoisons.size())]);
        call = buffers.freshCall();
        return true;
    };
    // Timed calls are not asked for the runtime's launch error: that is a
    // symbol lookup and a call per repetition, and verification asked it.
    auto callFailed = [&](const TimedCall& t, const Phrase& when) { return !callAccepted(buffers, t.rc, {}, outcome, when); };

    // Compares the outputs of the call just made with the reference's for
    // the inputs it saw; false with the verdict set when they differ.
    auto verifyCall = [&](size_t index) {
        const Phrase when =
            patch.active ? phrase(QT_TRANSLATE_NOOP("Phrase", "timed call %1 (seed %2, input '%3' patched at %4 elements)"), index + 1,
                                  current, spec.inputs[patch.input].name, patch.elements)
                         : phrase(QT_TRANSLATE_NOOP("Phrase", "timed call %1 (seed %2)"), index + 1, current);
        // timeCall waited for all device work, and a thread still writing
        // shows here as elements not yet written (the second look after a
        // grace period is for the verification runs, where it costs less).
        buffers.download(run1_);
        if (!canariesIntact(buffers, spec, outcome, when)) return false;
        std::vector<std::span<const uint8_t>> expected;
        if (patch.active) {
            WorkloadOutcome ref;
            if (!runOnce(*job.reference, buffers, spec, w, kPoisonA, ref, phrase(QT_TRANSLATE_NOOP("Phrase", "reference on the patched inputs"))))
                throw std::runtime_error("the task's reference failed on patched inputs: " + ref.message.english());
            device_->synchronize();
            buffers.download(expected_);
            for (size_t o = 0; o < spec.outputs.size(); ++o) expected.push_back(expected_[o].view());
            ++checks.patchedVerified;
        } else {
            for (const auto& e : job.expected(current)) expected.emplace_back(e.data(), e.size());
        }
        for (size_t o = 0; o < spec.outputs.size(); ++o) {
            const Comparison c = compareToReference(spec.outputs[o].dtype, run1_[o].view(), expected[o], spec.outputs[o].tolerance);
            if (c.mismatches) {
                recordMismatch(outcome, Status::IncorrectNumerical, phrase(QT_TRANSLATE_NOOP("Phrase", "%1, mismatches"), when),
                               spec.outputs[o].name, c, current, &spec.outputs[o].tolerance);
                return false;
            }
        }
        ++checks.verifiedCalls;
        return !inputsModified(when);
    };

    auto timed = [&] { return job.candidate.run(call); };
    std::vector<double> best;
    double bestSpread = 0;
    double perCallMs = 0;
    for (int attempt = 1; attempt <= spec.timing.maxAttempts; ++attempt) {
        checks.attempts = attempt;
        if (attempt == 1) {
            // Warm-up: the same calls, untimed, to load code and settle clocks.
            const auto warmStart = Clock::now();
            const auto warmEnd = warmStart + std::chrono::duration<double, std::milli>(spec.timing.warmupMs);
            int warm = 0;
            while (warm < 3 || Clock::now() < warmEnd) {
                const Phrase when = phrase(QT_TRANSLATE_NOOP("Phrase", "warm-up call %1"), warm + 1);
                if (!prepare(when)) return;
                if (callFailed(device_->timeCall(timed), when)) return;
                ++warm;
            }
            perCallMs = std::chrono::duration<double, std::milli>(Clock::now() - warmStart).count() / warm;
        }
        const double planned = std::clamp(spec.timing.budgetMs / std::max(perCallMs, 1e-3), double(spec.timing.minReps),
                                          double(spec.timing.maxReps));
        // "One in the middle": of the calls planned, and (since the plan is an
        // estimate and the loop may end sooner) of the minimum count, which it never does.
        const size_t middle = static_cast<size_t>(planned / 4) + below(static_cast<uint64_t>(planned / 2) + 1);
        const auto minReps = static_cast<uint64_t>(spec.timing.minReps);
        const size_t early = minReps >= 3 ? 1 + below(minReps - 2) : 0;
        double verifyProbability = 1;  // set from the first verified call's cost
        std::vector<double> samples, lingers;
        auto budgetEnd = Clock::now() + std::chrono::duration<double, std::milli>(spec.timing.budgetMs);
        bool lastVerified = false;
        while (static_cast<int>(samples.size()) < spec.timing.minReps ||
               (Clock::now() < budgetEnd && static_cast<int>(samples.size()) < spec.timing.maxReps)) {
            const size_t index = samples.size();
            const Phrase when = phrase(QT_TRANSLATE_NOOP("Phrase", "timed call %1"), index + 1);
            if (!prepare(when)) return;
            device_->flushCache();
            const TimedCall t = device_->timeCall(timed);
            if (callFailed(t, when)) return;
            samples.push_back(t.ms);
            lingers.push_back(t.lingerMs);
            lastVerified = index == 0 || index == middle || index == early || chance(verifyProbability);
            if (lastVerified) {
                const auto start = Clock::now();
                if (!verifyCall(index)) return;
                const auto spent = Clock::now() - start;
                budgetEnd += spent;  // checking is not the candidate's time
                if (index == 0) {
                    const double costMs = std::chrono::duration<double, std::milli>(spent).count();
                    verifyProbability = std::clamp(kVerifyShare * spec.timing.budgetMs / (costMs * planned), 0.0, 1.0);
                }
            }
        }
        if (!lastVerified && !verifyCall(samples.size() - 1)) return;
        if (inputsModified(phrase(QT_TRANSLATE_NOOP("Phrase", "after the timed calls")))) return;
        checks.timedCalls += static_cast<int>(samples.size());

        std::vector<double> lingering;
        for (size_t i = 0; i < samples.size() && tool.empty(); ++i)
            if (lingers[i] > std::max(kLingerFloorMs, kLingerFraction * samples[i])) lingering.push_back(lingers[i]);
        if (lingering.size() >= 3 && lingering.size() * 10 >= samples.size()) {
            outcome.status = Status::WorkAfterReturn;
            outcome.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 of %2 timed calls left work running on the device after the stream "
                                                                 "passed in was done (median %3 more): launch only on call->stream (not "
                                                                 "another stream, not the legacy default stream)"),
                                     lingering.size(), samples.size(), ms3(summarize(lingering).median));
            return;
        }
        const double spread = summarize(samples).robustCv();
        if (best.empty() || spread < bestSpread) {
            best = std::move(samples);
            bestSpread = spread;
        }
        if (bestSpread <= spec.timing.noiseThreshold) break;
        progress_(w.uuid + ": timing again, the spread was " + std::to_string(static_cast<int>(spread * 100)) + "%");
    }
    undoPatch();
    checks.noisy = bestSpread > spec.timing.noiseThreshold;
    if (!limits.empty()) checks.limits = joinPhrases(limits, "; ");
    outcome.samplesMs = std::move(best);
    outcome.checks = checks;
}

}  // namespace kforge
