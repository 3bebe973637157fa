#include "store/schema.h"

#include <array>
#include <string>

#include "util/error.h"

namespace kforge {

namespace {

// Append only: a released migration is never edited, a change is a new entry.
constexpr std::array<const char*, 1> kMigrations = {
    // 1: sessions, their nodes, and the sources both point at (content-addressed,
    // so the hundred configurations of one template share one text).
    R"sql(
CREATE TABLE sources(
  hash TEXT PRIMARY KEY,
  text TEXT NOT NULL
);
CREATE TABLE sessions(
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  task TEXT NOT NULL,
  task_ref TEXT NOT NULL,
  task_hash TEXT NOT NULL,
  task_definition TEXT NOT NULL,
  task_workloads TEXT NOT NULL,
  backend TEXT NOT NULL,
  device TEXT NOT NULL,
  config TEXT NOT NULL,
  baseline_name TEXT NOT NULL,
  baseline_hash TEXT REFERENCES sources(hash),
  baseline TEXT NOT NULL,
  status TEXT NOT NULL,
  stop_reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  active_seconds REAL NOT NULL DEFAULT 0,
  evaluations INTEGER NOT NULL DEFAULT 0,
  best_node INTEGER,
  best_speedup REAL NOT NULL DEFAULT 0
);
CREATE TABLE nodes(
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  parent INTEGER,
  generator TEXT NOT NULL,
  input TEXT NOT NULL,
  source_hash TEXT NOT NULL REFERENCES sources(hash),
  extension TEXT NOT NULL,
  config TEXT NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('pending', 'done')),
  status TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  fitness REAL NOT NULL DEFAULT 0,
  compile TEXT NOT NULL DEFAULT '{}',
  evaluation TEXT NOT NULL DEFAULT '{}',
  seconds REAL NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  evaluated_at TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(session_id, id),
  FOREIGN KEY(session_id, parent) REFERENCES nodes(session_id, id),
  UNIQUE(session_id, source_hash, config)
);
CREATE INDEX nodes_by_parent ON nodes(session_id, parent);
)sql",
};

}  // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int migrate(Database& db) {
    int version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    if (version > latestSchemaVersion())
        throw Error(db.file().string() + ": the workspace was written by a newer KernelForge (schema " + std::to_string(version) +
                    "; this one knows up to " + std::to_string(latestSchemaVersion()) + ")");
    while (version < latestSchemaVersion()) {
        Transaction t(db);
        // Another process may have migrated while this one waited for the lock.
        version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
        if (version >= latestSchemaVersion()) break;
        db.exec(kMigrations[static_cast<size_t>(version)]);
        ++version;
        db.exec("PRAGMA user_version = " + std::to_string(version));
        t.commit();
    }
    return version;
}

}  // namespace kforge
