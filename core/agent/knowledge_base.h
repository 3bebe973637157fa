#pragma once
// What the agent is told about the hardware and the craft: the bundled guides
// (resources/knowledge/*.md) and the engineers' own notes, split into sections
// and searched with SQLite's FTS5 (bm25), filtered by the device family and
// the operator type the guides are tagged with.
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/device_facts.h"
#include "session/node_memory.h"  // deviceFamilyOf: the device tags guides are filtered by

namespace kforge {

class Database;

struct KnowledgeChunk {
    std::string source;   // "hopper.md" or "note 3"
    std::string title;    // the guide's title
    std::string heading;  // the section's heading
    std::string body;
    std::vector<std::string> devices;      // hopper, ampere, ada, cdna3, cpu, any
    std::vector<std::string> opTypes;      // elementwise, reduction, ..., any
    std::vector<std::string> bottlenecks;  // memory, compute, latency, occupancy, launch, any
};

struct KnowledgeQuery {
    std::string deviceFamily;  // empty: any
    std::string opType;        // empty: any
    std::string bottleneck;    // preferred, not required
    std::string text;          // free words (the task's description, the parent's problem)
    int limit = 4;
};

// The tag vocabularies; a guide or note using another word is refused.
const std::vector<std::string>& knowledgeDeviceFamilies();
const std::vector<std::string>& knowledgeOpTypes();
const std::vector<std::string>& knowledgeBottlenecks();

// "cpu, hopper" as tags of `key` (devices, op_types or bottlenecks); throws
// kforge::Error naming `where` and the unknown tag.
std::vector<std::string> parseKnowledgeTags(const std::string& key, const std::string& list, const std::string& where);

// One guide file's sections. Throws kforge::Error naming `where` and the line
// when the front matter is missing or malformed or a tag is unknown.
std::vector<KnowledgeChunk> parseGuide(const std::string& text, const std::string& where);

class KnowledgeBase {
public:
    KnowledgeBase();  // an empty in-memory index
    ~KnowledgeBase();
    KnowledgeBase(const KnowledgeBase&) = delete;
    KnowledgeBase& operator=(const KnowledgeBase&) = delete;

    // Every *.md guide in `dir` except README.md; returns how many sections were added.
    size_t addGuides(const std::filesystem::path& dir);
    void add(const KnowledgeChunk& chunk);
    size_t size() const;

    // The best sections for the query: tags must fit (or be "any"), the
    // bottleneck's sections first, then bm25 over the query's words.
    std::vector<KnowledgeChunk> search(const KnowledgeQuery& query) const;

private:
    std::unique_ptr<Database> db_;
};

class AgentRecords;
// The bundled guides in `guides` (when the directory exists) and every
// engineer's note from `records`: what the agent and `kforge knowledge search` read.
std::unique_ptr<KnowledgeBase> openKnowledgeBase(const std::filesystem::path& guides, AgentRecords& records);

}  // namespace kforge
