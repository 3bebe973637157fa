#include "store/schema.h"

#include <array>
#include <string>

#include "util/error.h"

namespace kforge {

namespace {

// Append only: a released migration is never edited, a change is a new entry.
constexpr std::array<const char*, 9> kMigrations = {
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
    // 2: the agent's records. Every exchange with a model, kept with the node it
    // produced (none when its answer was refused); what each evaluated node
    // taught (memories outlive their session: later sessions of the same
    // op_type read them); the engineers' own knowledge notes.
    R"sql(
CREATE TABLE llm_exchanges(
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  node_id INTEGER,
  parent_id INTEGER NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  mode TEXT NOT NULL,
  request TEXT NOT NULL,
  response TEXT NOT NULL,
  outcome TEXT NOT NULL,
  refusal TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  attempts TEXT NOT NULL DEFAULT '[]',
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  tokens_estimated INTEGER NOT NULL DEFAULT 0,
  cost REAL NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL,
  seconds REAL NOT NULL DEFAULT 0,
  first_token_seconds REAL NOT NULL DEFAULT -1
);
CREATE INDEX llm_exchanges_by_node ON llm_exchanges(session_id, node_id);
CREATE TABLE memories(
  id INTEGER PRIMARY KEY,
  session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
  node_id INTEGER NOT NULL,
  task TEXT NOT NULL,
  op_type TEXT NOT NULL,
  device_family TEXT NOT NULL,
  generator TEXT NOT NULL,
  change TEXT NOT NULL,
  outcome TEXT NOT NULL,
  speedup_before REAL NOT NULL,
  speedup_after REAL NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX memories_by_op ON memories(op_type, device_family);
CREATE TABLE knowledge_notes(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  devices TEXT NOT NULL,
  op_types TEXT NOT NULL,
  bottlenecks TEXT NOT NULL,
  created_at TEXT NOT NULL
);
)sql",
    // 3: a node's profile (Nsight Compute counters on one workload; '{}' when
    // never profiled), collected on demand and kept with the node.
    R"sql(
ALTER TABLE nodes ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';
)sql",
    // 4: what limited the parent when a memory's change was made (memory,
    // compute, occupancy, latency, launch; '' when unknown or the parent
    // failed), so that later sessions are offered what worked in the same
    // situation first.
    R"sql(
ALTER TABLE memories ADD COLUMN bottleneck TEXT NOT NULL DEFAULT '';
)sql",
    // 5: typed node records (core/model/): "not yet" is JSON null, not '{}',
    // for a node's compile result and profile. The codecs still read '{}' in
    // session files exported before.
    R"sql(
UPDATE nodes SET compile = 'null' WHERE compile = '{}';
UPDATE nodes SET profile = 'null' WHERE profile = '{}';
)sql",
    // 6: the PyTorch baselines (eager, torch.compile, vendor) a session measured
    // when it was created, per workload: a resumed session compares new nodes
    // with the same numbers ('{}' for sessions that had none).
    R"sql(
ALTER TABLE sessions ADD COLUMN torch_baselines TEXT NOT NULL DEFAULT '{}';
)sql",
    // 7: why a session stopped, as data (session/stop_conditions.h), beside
    // the English stop_reason, so that the GUI words it in the user's language
    // ('[]' for sessions from before).
    R"sql(
ALTER TABLE sessions ADD COLUMN stop_causes TEXT NOT NULL DEFAULT '[]';
)sql",
    // 8: why a node failed as a phrase (model/phrase.h), beside the English
    // message, so that the GUI words it in the user's language ('null' for
    // nodes from before, and for messages that are data, such as a compiler's).
    R"sql(
ALTER TABLE nodes ADD COLUMN message_phrase TEXT NOT NULL DEFAULT 'null';
)sql",
    // 9: the native baseline on each other device model a session's runners
    // had (model/baselines.h DeviceBaselines; '[]' for sessions on one model).
    R"sql(
ALTER TABLE sessions ADD COLUMN device_baselines TEXT NOT NULL DEFAULT '[]';
)sql",
};

}  // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int migrate(Database& db) {
    int version = static_cast<int>(db.scalarInt("PRAGMA user_version"));
    if (version > latestSchemaVersion())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: the workspace was written by a newer KernelForge (schema %2; "
                                                       "this one knows up to %3)"),
                           db.file().string(), version, latestSchemaVersion()));
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
