#include "store/session_file.h"

#include "model/json_reader.h"
#include "util/error.h"
#include "util/json_input.h"
#include "util/sha256.h"
#include "util/text.h"

namespace kforge {

using Json = nlohmann::json;

SessionFile sessionFileFromJson(const Json& doc) {
    if (!doc.is_object() || doc.value("format", Json()) != Json("kernelforge-session"))
        throw Error(
            phrase(QT_TRANSLATE_NOOP("Phrase", "not a KernelForge session file (its \"format\" is not \"kernelforge-session\")")));
    const Json version = doc.value("version", Json(0));
    if (version != Json(1))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session file version %1 is not one this KernelForge reads (1)"),
                           printable(version.dump().substr(0, 40))));
    SessionFile f;
    try {
        if (!doc.contains("session")) modelFail("session", phrase(QT_TRANSLATE_NOOP("Phrase", "missing")));
        f.session = sessionRecordFromJson(doc.at("session"), "session");
        if (!doc.contains("sources") || !doc.at("sources").is_object()) modelFail("sources", phrase(QT_TRANSLATE_NOOP("Phrase", "missing or not an object")));
        for (const auto& [hash, text] : doc.at("sources").items()) {
            const std::string path = "sources." + printable(hash.substr(0, 64));
            if (!text.is_string()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected a string, got %1"), jsonTypeName(text)));
            if (sha256Hex(text.get_ref<const std::string&>()) != hash)
                throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "source %1 does not match its hash: the file is damaged"),
                                   printable(hash.substr(0, 12))));
            f.sources.emplace_back(hash, text.get<std::string>());
        }
        if (!doc.contains("nodes")) modelFail("nodes", phrase(QT_TRANSLATE_NOOP("Phrase", "missing")));
        f.nodes = readArray<Node>(doc.at("nodes"), "nodes", [](const Json& j, const std::string& p) { return nodeFromJson(j, p); });
        if (doc.contains("exchanges"))
            f.exchanges = readArray<LlmExchange>(doc.at("exchanges"), "exchanges",
                                                 [](const Json& j, const std::string& p) { return exchangeFromJson(j, p); });
    } catch (const ModelError& e) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the session file does not read: %1"), errorPhrase(e)));
    }
    return f;
}

SessionFile readSessionFile(std::string_view text, const std::string& where) {
    const Json doc = parseJsonInput(text, where, JsonLimits{SessionFileLimits::maxBytes, SessionFileLimits::maxDepth});
    try {
        return sessionFileFromJson(doc);
    } catch (const Error& e) {
        throw Error(located(where, errorPhrase(e)));
    }
}

}  // namespace kforge
