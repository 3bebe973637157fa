#include "session/session_tuning_cache.h"

#include <algorithm>
#include <set>

#include "task/tune_space.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/sha256.h"
#include "util/text.h"

namespace kforge {

SessionTuningCache::SessionTuningCache(const SessionRecord& record, std::function<std::string()> toolchainVersion, Say say)
    : record_(record), toolchainVersion_(std::move(toolchainVersion)), say_(std::move(say)) {}

SessionTuningCache::~SessionTuningCache() = default;

void SessionTuningCache::fail(const Phrase& what) {
    if (failed_) return;
    failed_ = true;
    cache_.reset();
    say_(phrase(QT_TRANSLATE_NOOP("Phrase", "tuning cache: %1; the session goes on without it"), what));
}

TuningCache* SessionTuningCache::cache() {
    if (failed_) return nullptr;
    if (!cache_) {
        const auto file = TuningCache::defaultFile();
        try {
            cache_ = std::make_unique<TuningCache>(file);
        } catch (const std::exception& e) {
            fail(errorPhrase(e));
            return nullptr;
        }
    }
    return cache_.get();
}

TuningKey SessionTuningCache::keyFor(const std::string& sourceHash, const std::string& axes) {
    // A key names the definition, not the workloads file: adding a workload
    // keeps the others' entries.
    if (taskHash_.empty()) taskHash_ = sha256Hex(record_.taskDefinition);
    if (toolchain_.empty()) toolchain_ = tuningToolchain(toolchainVersion_());
    return {taskHash_, axes, record_.device.name, tuningArch(record_.device), toolchain_, sourceHash};
}

std::vector<TuneConfig> SessionTuningCache::priors(const std::string& sourceHash, const TuneConfig& rootConfig) {
    if (!record_.device.known()) return {};
    TuningCache* c = cache();
    if (!c) return {};
    const TuningKey k = keyFor(sourceHash, {});
    TuningLookup found;
    try {
        found = c->lookup(k.taskHash, sourceHash, k.device, k.arch, k.toolchain);
    } catch (const std::exception& e) {
        fail(errorPhrase(e));
        return {};
    }
    if (!found.stale.empty()) {
        std::set<std::string> where;
        for (const auto& e : found.stale) where.insert(e.key.device + " (" + e.key.arch + ", " + e.key.toolchain + ")");
        std::string list;
        for (const auto& w : where) list += (list.empty() ? "" : "; ") + w;
        say_(phrase(QT_TRANSLATE_NOOP("Phrase", "tuning cache: %1 entries of this source were measured on another device or toolchain "
                                                "and are not used: %2"),
                    found.stale.size(), list));
    }
    // Each entry is the fastest configuration of one workload: the one that
    // wins the most workloads goes first (ties: as the cache listed them).
    std::vector<std::pair<TuneConfig, int>> wins;
    for (const auto& e : found.usable) {
        auto at = std::find_if(wins.begin(), wins.end(), [&](const auto& w) { return w.first == e.config; });
        if (at == wins.end()) wins.emplace_back(e.config, 1);
        else ++at->second;
    }
    // The root measures the defaults whatever the cache says: they are neither
    // offered again nor counted as where the tuner starts.
    std::erase_if(wins, [&](const auto& w) { return w.first == rootConfig; });
    std::stable_sort(wins.begin(), wins.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<TuneConfig> configs;
    for (auto& [config, n] : wins) configs.push_back(std::move(config));
    if (!configs.empty())
        say_(phrase(QT_TRANSLATE_NOOP("Phrase", "tuning cache: the tuner starts from %1 measured before on %2 with %3 (first: %4, the "
                                                "fastest on %5 of %6 workloads; `kforge cache list` shows them)"),
                    configs.size() == 1 ? phrase(QT_TRANSLATE_NOOP("Phrase", "1 configuration"))
                                        : phrase(QT_TRANSLATE_NOOP("Phrase", "%1 configurations"), configs.size()),
                    k.device, k.toolchain, describeConfig(configs.front()), wins.front().second, found.usable.size()));
    return configs;
}

void SessionTuningCache::feed(const Node& node, const EvalReport& report) {
    if (node.status != Status::Passed || !record_.device.known() || failed_) return;
    TuningCache* c = cache();
    if (!c) return;
    try {
        for (const WorkloadReport& w : report.workloads) {
            if (w.status != Status::Passed || w.timing.count == 0 || !(w.timing.median > 0)) continue;
            TuningEntry e;
            e.key = keyFor(node.sourceHash, tuningAxes(w.axes));
            e.task = record_.task;
            e.workload = w.uuid;
            e.config = node.config;
            e.medianMs = w.timing.median;
            e.cv = w.timing.robustCv();
            e.samples = w.timing.count;
            e.session = record_.uuid;
            e.node = node.id;
            e.recordedAt = isoNowUtc();
            c->offer(e);
        }
    } catch (const std::exception& e) {
        fail(errorPhrase(e));
    }
}

}  // namespace kforge
