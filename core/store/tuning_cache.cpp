#include "store/tuning_cache.h"

#include <cstdlib>
#include <vector>

#include "util/cache_directory.h"
#include "util/error.h"

namespace kforge {
namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kColumns =
    "id, task_hash, axes, device, arch, toolchain, source_hash, task, workload, config, median_ms, cv, samples, session, node, "
    "recorded_at";

}  // namespace

std::string tuningArch(const DeviceFacts& device) {
    if (device.gpu) {
        if (!device.gpu->gcnArch.empty()) return device.gpu->gcnArch;
        return "sm_" + std::to_string(device.gpu->ccMajor) + std::to_string(device.gpu->ccMinor);
    }
    return std::string(backendName(device.backend));
}

std::string tuningToolchain(const std::string& versionOutput) {
    std::vector<std::string> lines;
    for (size_t at = 0; at < versionOutput.size();) {
        size_t nl = versionOutput.find('\n', at);
        if (nl == std::string::npos) nl = versionOutput.size();
        std::string line = versionOutput.substr(at, nl - at);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) lines.push_back(std::move(line));
        at = nl + 1;
    }
    // nvcc's first line names the driver, not the release.
    for (const auto& l : lines)
        if (l.find("release") != std::string::npos) return l;
    return lines.empty() ? std::string() : lines.front();
}

std::string tuningAxes(const std::vector<std::pair<std::string, int64_t>>& axes) {
    std::string s;
    for (const auto& [name, value] : axes) s += (s.empty() ? "" : ",") + name + "=" + std::to_string(value);
    return s;
}

TuningCache::TuningCache(const std::filesystem::path& file) : db_(file) {
    const int64_t version = db_.scalarInt("PRAGMA user_version");
    if (version > kSchemaVersion)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: a tuning cache of a newer KernelForge (schema %2); use that version, "
                                                       "or another KFORGE_CACHE_DIR"),
                           file.string(), version));
    db_.exec(R"(CREATE TABLE IF NOT EXISTS tuning (
        id INTEGER PRIMARY KEY,
        task_hash TEXT NOT NULL, axes TEXT NOT NULL, device TEXT NOT NULL, arch TEXT NOT NULL,
        toolchain TEXT NOT NULL, source_hash TEXT NOT NULL,
        task TEXT NOT NULL, workload TEXT NOT NULL, config TEXT NOT NULL,
        median_ms REAL NOT NULL, cv REAL NOT NULL, samples INTEGER NOT NULL,
        session TEXT NOT NULL, node INTEGER NOT NULL, recorded_at TEXT NOT NULL,
        UNIQUE (task_hash, axes, device, arch, toolchain, source_hash));
      CREATE INDEX IF NOT EXISTS tuning_by_source ON tuning (task_hash, source_hash);
      PRAGMA user_version = 1;)");
}

std::filesystem::path TuningCache::defaultFile() {
    if (const char* f = std::getenv("KFORGE_TUNING_CACHE"); f && *f) return f;
    return cacheDirectory() / "tuning.db";
}

bool TuningCache::offer(const TuningEntry& e) {
    if (!(e.medianMs > 0))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "tuning cache: an entry needs a positive median, not %1"), e.medianMs));
    const TuningKey& k = e.key;
    Transaction t(db_);
    auto find = db_.prepare("SELECT median_ms FROM tuning WHERE task_hash = ?1 AND axes = ?2 AND device = ?3 AND arch = ?4 "
                            "AND toolchain = ?5 AND source_hash = ?6");
    find.bind(1, k.taskHash).bind(2, k.axes).bind(3, k.device).bind(4, k.arch).bind(5, k.toolchain).bind(6, k.sourceHash);
    if (find.step() && find.real(0) <= e.medianMs) return false;
    auto put = db_.prepare(
        "INSERT INTO tuning (task_hash, axes, device, arch, toolchain, source_hash, task, workload, config, median_ms, cv, "
        "samples, session, node, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT (task_hash, axes, device, arch, toolchain, source_hash) DO UPDATE SET task = excluded.task, "
        "workload = excluded.workload, config = excluded.config, median_ms = excluded.median_ms, cv = excluded.cv, "
        "samples = excluded.samples, session = excluded.session, node = excluded.node, recorded_at = excluded.recorded_at");
    put.bind(1, k.taskHash).bind(2, k.axes).bind(3, k.device).bind(4, k.arch).bind(5, k.toolchain).bind(6, k.sourceHash);
    put.bind(7, e.task).bind(8, e.workload).bind(9, toJson(e.config).dump()).bind(10, e.medianMs).bind(11, e.cv);
    put.bind(12, e.samples).bind(13, e.session).bind(14, e.node).bind(15, e.recordedAt);
    put.run();
    t.commit();
    return true;
}

TuningEntry TuningCache::read(Statement& s) const {
    TuningEntry e;
    e.id = s.int64(0);
    e.key = {s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)};
    e.task = s.text(7);
    e.workload = s.text(8);
    const std::string where = db_.file().string() + ": entry " + std::to_string(e.id) + ": config";
    try {
        e.config = tuneConfigFromJson(nlohmann::json::parse(s.text(9)), where);
    } catch (const nlohmann::json::exception& x) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: entry %2: config: %3"), db_.file().string(), e.id, x.what()));
    }
    e.medianMs = s.real(10);
    e.cv = s.real(11);
    e.samples = static_cast<int>(s.int64(12));
    e.session = s.text(13);
    e.node = s.int64(14);
    e.recordedAt = s.text(15);
    return e;
}

std::vector<TuningEntry> TuningCache::entries(const std::string& taskHash, const std::string& sourceHash) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns +
                         " FROM tuning WHERE task_hash = ?1 AND source_hash = ?2 ORDER BY median_ms, axes");
    s.bind(1, taskHash).bind(2, sourceHash);
    std::vector<TuningEntry> all;
    while (s.step()) all.push_back(read(s));
    return all;
}

TuningLookup TuningCache::lookup(const std::string& taskHash, const std::string& sourceHash, const std::string& device,
                                 const std::string& arch, const std::string& toolchain) {
    TuningLookup found;
    for (TuningEntry& e : entries(taskHash, sourceHash)) {
        const bool here = e.key.device == device && e.key.arch == arch && e.key.toolchain == toolchain;
        (here ? found.usable : found.stale).push_back(std::move(e));
    }
    return found;
}

std::vector<TuningEntry> TuningCache::list(const std::optional<std::string>& task) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns + " FROM tuning WHERE ?1 IS NULL OR task = ?1 " +
                         "ORDER BY task, axes, device, median_ms");
    s.bind(1, task);
    std::vector<TuningEntry> all;
    while (s.step()) all.push_back(read(s));
    return all;
}

std::optional<TuningEntry> TuningCache::entry(int64_t id) {
    auto s = db_.prepare(std::string("SELECT ") + kColumns + " FROM tuning WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read(s);
}

int64_t TuningCache::clear(const std::optional<std::string>& task) {
    auto s = db_.prepare("DELETE FROM tuning WHERE ?1 IS NULL OR task = ?1");
    s.bind(1, task);
    s.run();
    return db_.changes();
}

nlohmann::json toJson(const TuningEntry& e) {
    return {{"id", e.id},
            {"task", e.task},
            {"workload", e.workload},
            {"axes", e.key.axes},
            {"device", e.key.device},
            {"arch", e.key.arch},
            {"toolchain", e.key.toolchain},
            {"task_hash", e.key.taskHash},
            {"source_hash", e.key.sourceHash},
            {"config", toJson(e.config)},
            {"median_ms", e.medianMs},
            {"cv", e.cv},
            {"samples", e.samples},
            {"session", e.session},
            {"node", e.node},
            {"recorded_at", e.recordedAt}};
}

}  // namespace kforge
