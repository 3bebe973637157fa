#pragma once
// The tuning cache: the fastest configuration each tuned source reached on
// each workload, kept across sessions and workspaces, so that a new session of
// the same task on the same machine starts where the last one got to (as
// Kernel Tuner's cache files and Triton's autotune cache do).
//
// An entry is keyed by everything that decides whether its timing still holds:
// the task's definition, the workload's axes, the device (name and
// architecture), the toolchain's version and the source. An entry whose device
// or toolchain differs from the asking session's is stale: lookups return it
// apart, to be reported, never used.
//
// One SQLite file (defaultFile()), shared by concurrent kforge processes (SQLite's locking).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/device_facts.h"
#include "model/tuning_config.h"
#include "store/sqlite.h"

namespace kforge {

struct TuningKey {
    std::string taskHash;    // SHA-256 of the task's definition text
    std::string axes;        // the workload's axes, "M=4096,N=1024" in definition order
    std::string device;      // DeviceFacts::name
    std::string arch;        // tuningArch(): "sm_90", "gfx942", "cpu"
    std::string toolchain;   // tuningToolchain(Toolchain::version())
    std::string sourceHash;  // the tuned source
};

struct TuningEntry {
    int64_t id = 0;
    TuningKey key;
    std::string task;      // the task's name, for listings
    std::string workload;  // the workload's uuid when it was measured
    TuneConfig config;
    double medianMs = 0;
    double cv = 0;
    int samples = 0;
    std::string session;  // the session's uuid and node that measured it
    int64_t node = 0;
    std::string recordedAt;
};

// Entries of one task and source, split by whether they hold for the asker.
struct TuningLookup {
    std::vector<TuningEntry> usable;  // same device, architecture and toolchain; fastest first per workload
    std::vector<TuningEntry> stale;   // measured elsewhere or with another toolchain
};

// The architecture part of a key: "sm_90" on NVIDIA, the gfx name on AMD, "cpu".
std::string tuningArch(const DeviceFacts& device);
// The line of a toolchain's `--version` output that names its release
// ("Cuda compilation tools, release 13.0, V13.0.48", "c++ (Debian 12.2.0-14) 12.2.0"):
// what keys compare and listings show.
std::string tuningToolchain(const std::string& versionOutput);
// A workload's axes as keys spell them.
std::string tuningAxes(const std::vector<std::pair<std::string, int64_t>>& axes);

class TuningCache {
public:
    // Opens (creating) the cache; throws kforge::Error naming the file.
    explicit TuningCache(const std::filesystem::path& file);
    // $KFORGE_TUNING_CACHE, else $KFORGE_CACHE_DIR/tuning.db, else $XDG_CACHE_HOME/kernelforge/tuning.db.
    static std::filesystem::path defaultFile();

    // Keeps `entry` when its key has none yet or a slower one; true when kept.
    bool offer(const TuningEntry& entry);
    // Every entry of one task and source, fastest first.
    std::vector<TuningEntry> entries(const std::string& taskHash, const std::string& sourceHash);
    TuningLookup lookup(const std::string& taskHash, const std::string& sourceHash, const std::string& device,
                        const std::string& arch, const std::string& toolchain);
    // Every entry (of one task's name when `task` is set), by task, workload and device.
    std::vector<TuningEntry> list(const std::optional<std::string>& task = std::nullopt);
    std::optional<TuningEntry> entry(int64_t id);
    // Removes every entry (of one task's name); returns how many.
    int64_t clear(const std::optional<std::string>& task = std::nullopt);

    const std::filesystem::path& file() const { return db_.file(); }

private:
    TuningEntry read(Statement& s) const;
    Database db_;
};

nlohmann::json toJson(const TuningEntry& e);

}  // namespace kforge
