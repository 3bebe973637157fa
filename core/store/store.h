#pragma once
// The workspace: one SQLite database holding every session, its nodes and
// their sources. Everything is written as it happens, each change in its own
// transaction, so a killed kforge leaves a consistent database behind.
// One Store is one connection: use it from one thread (open another Store for
// another thread; WAL lets readers and the writer proceed together).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "model/node.h"
#include "model/session_config.h"
#include "model/session_tree.h"
#include "store/session_file.h"
#include "store/sqlite.h"

namespace kforge {

class Store {
public:
    explicit Store(const std::filesystem::path& file);
    // $KFORGE_DB, else $XDG_DATA_HOME/kernelforge/workspace.db (~/.local/share when unset).
    static std::filesystem::path defaultPath();

    Database& database() { return db_; }
    int schemaVersion() { return static_cast<int>(db_.scalarInt("PRAGMA user_version")); }

    std::string putSource(std::string_view text);  // returns its SHA-256
    std::string source(const std::string& hash);

    // Assigns id (and uuid and timestamps when empty).
    void createSession(SessionRecord& record);
    void saveSession(SessionRecord& record);  // every mutable field; stamps updated_at
    SessionRecord session(int64_t id);        // throws kforge::Error for an unknown id
    std::vector<SessionRecord> sessions();
    void renameSession(int64_t id, const std::string& name);
    void deleteSession(int64_t id);  // with its nodes; sources nothing else uses go too

    void insertNode(int64_t sessionId, const Node& node);
    void updateNode(int64_t sessionId, const Node& node);
    // Keeps a profile with a measured node (throws kforge::Error for an unknown node).
    void setNodeProfile(int64_t sessionId, int64_t nodeId, const NodeProfile& profile);
    // Summary leaves out each node's compile result and evaluation (its
    // timing samples and statistics), most of a node's bytes: what a view of a
    // 10,000-node session loads, fetching a node in full with node() when needed.
    enum class NodeDetail { Full, Summary };
    std::vector<Node> nodes(int64_t sessionId, NodeDetail detail = NodeDetail::Full);
    Node node(int64_t sessionId, int64_t nodeId);  // in full; throws kforge::Error for an unknown node
    // The nodes with every source they use.
    SessionTree loadTree(int64_t sessionId, NodeDetail detail = NodeDetail::Full);

    // One self-contained JSON document: the session, its nodes and sources.
    nlohmann::json exportSession(int64_t id);
    // Adds an exported session under a new id; refuses one already here (same uuid).
    int64_t importSession(const nlohmann::json& document);
    int64_t importSession(const SessionFile& file);

private:
    SessionRecord readSession(Statement& s);
    Database db_;
};

}  // namespace kforge
