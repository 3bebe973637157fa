#pragma once
// A session file (kforge session-export writes it; kforge session-import and
// the GUI's Import read it). It comes from another machine or person, so it is
// read with the bounded JSON reader and decoded whole, every field checked
// and every source against its hash, before anything reaches a workspace.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/node.h"
#include "model/session_config.h"
#include "store/agent_records.h"

namespace kforge {

struct SessionFile {
    SessionRecord session;
    std::vector<std::pair<std::string, std::string>> sources;  // hash, text; each hash matches its text
    std::vector<Node> nodes;
    std::vector<LlmExchange> exchanges;  // none in files from before the agent
};

struct SessionFileLimits {
    // A 10,000-node session with its sources and LLM exchanges is some
    // hundreds of megabytes; a file past this is not one of ours.
    static constexpr size_t maxBytes = size_t{1} << 30;
    // Exchanges carry the provider's request body (messages in a list in an
    // object); nothing of ours nests deeper than a dozen levels.
    static constexpr int maxDepth = 64;
};

// Throws kforge::Error "<where>: what is wrong" for text that is not a
// session file of a version this KernelForge reads.
SessionFile readSessionFile(std::string_view text, const std::string& where);
// The decoding half, for a document already parsed; errors do not name a file.
SessionFile sessionFileFromJson(const nlohmann::json& doc);

}  // namespace kforge
