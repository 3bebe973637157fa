#include "agent/knowledge_base.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "store/agent_records.h"
#include "store/sqlite.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge {
namespace {

std::string trim(std::string s) {
    const size_t b = s.find_first_not_of(" \t\r");
    const size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

std::vector<std::string> tagList(const std::string& value, const std::vector<std::string>& allowed, const std::string& key,
                                 const std::string& where) {
    std::vector<std::string> out;
    std::stringstream in(value);
    std::string item;
    while (std::getline(in, item, ',')) {
        item = trim(item);
        if (item.empty()) continue;
        if (item != "any" && std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
            throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' has the unknown tag '%2' (known: %3, any)"), key,
                                              item, joinText(allowed, ", "))));
        }
        out.push_back(item);
    }
    if (out.empty()) throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' lists no tag (use 'any')"), key)));
    return out;
}

// Tags kept as " a b " so that a LIKE '% a %' finds whole words.
std::string joinedTags(const std::vector<std::string>& tags) {
    std::string out = " ";
    for (const auto& t : tags) out += t + " ";
    return out;
}

std::vector<std::string> splitTags(const std::string& joined) {
    std::vector<std::string> out;
    std::stringstream in(joined);
    std::string t;
    while (in >> t) out.push_back(t);
    return out;
}

// An FTS5 query of the words in `text`, OR-ed and quoted so that no word is read as syntax.
std::string matchExpression(const std::string& text) {
    std::set<std::string> words;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3) words.insert(word);
        word.clear();
    };
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else flush();
    }
    flush();
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "\"" : " OR \"") + w + "\"";
    return out;
}

}  // namespace

const std::vector<std::string>& knowledgeDeviceFamilies() {
    static const std::vector<std::string> v = {"hopper", "ampere", "ada", "cdna3", "cpu"};
    return v;
}
const std::vector<std::string>& knowledgeOpTypes() {
    static const std::vector<std::string> v = {"elementwise", "reduction", "softmax", "rmsnorm", "layernorm", "gemm", "conv", "transpose"};
    return v;
}
const std::vector<std::string>& knowledgeBottlenecks() {
    static const std::vector<std::string> v = {"memory", "compute", "latency", "occupancy", "launch"};
    return v;
}

std::vector<std::string> parseKnowledgeTags(const std::string& key, const std::string& list, const std::string& where) {
    if (key == "devices") return tagList(list, knowledgeDeviceFamilies(), key, where);
    if (key == "op_types") return tagList(list, knowledgeOpTypes(), key, where);
    if (key == "bottlenecks") return tagList(list, knowledgeBottlenecks(), key, where);
    throw Error(
        located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown tag kind '%1' (devices, op_types, bottlenecks)"), key)));
}

std::vector<KnowledgeChunk> parseGuide(const std::string& text, const std::string& where) {
    std::istringstream in(text);
    std::string line;
    int number = 0;
    auto next = [&] {
        ++number;
        return static_cast<bool>(std::getline(in, line));
    };
    if (!next() || trim(line) != "---")
        throw Error(located(where + ":1", phrase(QT_TRANSLATE_NOOP("Phrase", "a guide starts with a '---' line and its tags"))));
    KnowledgeChunk common;
    bool closed = false;
    while (next()) {
        const std::string t = trim(line);
        if (t == "---") {
            closed = true;
            break;
        }
        if (t.empty()) continue;
        const size_t colon = t.find(':');
        const std::string at = where + ":" + std::to_string(number);
        if (colon == std::string::npos)
            throw Error(located(at, phrase(QT_TRANSLATE_NOOP("Phrase", "expected 'key: value' in the front matter"))));
        const std::string key = trim(t.substr(0, colon)), value = trim(t.substr(colon + 1));
        if (key == "title") common.title = value;
        else if (key == "devices") common.devices = parseKnowledgeTags(key, value, at);
        else if (key == "op_types") common.opTypes = parseKnowledgeTags(key, value, at);
        else if (key == "bottlenecks") common.bottlenecks = parseKnowledgeTags(key, value, at);
        else
            throw Error(located(
                at, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown front-matter key '%1' (title, devices, op_types, bottlenecks)"),
                           key)));
    }
    if (!closed) throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "the front matter never closes with '---'"))));
    for (const auto& [key, list] : {std::pair{"title", common.title.empty()}, std::pair{"devices", common.devices.empty()},
                                    std::pair{"op_types", common.opTypes.empty()}, std::pair{"bottlenecks", common.bottlenecks.empty()}})
        if (list) throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "the front matter lacks '%1'"), key)));

    std::vector<KnowledgeChunk> chunks;
    KnowledgeChunk* current = nullptr;
    bool inFence = false;
    while (next()) {
        if (trim(line).starts_with("```")) inFence = !inFence;
        if (!inFence && line.starts_with("## ")) {
            chunks.push_back(common);
            current = &chunks.back();
            current->heading = trim(line.substr(3));
            continue;
        }
        if (current) current->body += line + "\n";
    }
    std::erase_if(chunks, [](const KnowledgeChunk& c) { return trim(c.body).empty(); });
    if (chunks.empty())
        throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "the guide has no '## ' section with text"))));
    return chunks;
}

KnowledgeBase::KnowledgeBase() : db_(std::make_unique<Database>(":memory:")) {
    db_->exec(
        "CREATE VIRTUAL TABLE chunks USING fts5(title, heading, body, source UNINDEXED, devices UNINDEXED, "
        "op_types UNINDEXED, bottlenecks UNINDEXED, tokenize = 'porter unicode61')");
}

KnowledgeBase::~KnowledgeBase() = default;

size_t KnowledgeBase::addGuides(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw Error(located(dir.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "the knowledge directory does not exist"))));
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".md" && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    size_t added = 0;
    for (const auto& f : files) {
        auto chunks = parseGuide(readTextFile(f), f.string());
        for (auto& c : chunks) {
            c.source = f.filename().string();
            add(c);
            ++added;
        }
    }
    return added;
}

void KnowledgeBase::add(const KnowledgeChunk& c) {
    db_->prepare("INSERT INTO chunks(title, heading, body, source, devices, op_types, bottlenecks) VALUES(?,?,?,?,?,?,?)")
        .bind(1, c.title)
        .bind(2, c.heading)
        .bind(3, c.body)
        .bind(4, c.source)
        .bind(5, joinedTags(c.devices))
        .bind(6, joinedTags(c.opTypes))
        .bind(7, joinedTags(c.bottlenecks))
        .run();
}

size_t KnowledgeBase::size() const { return static_cast<size_t>(db_->scalarInt("SELECT count(*) FROM chunks")); }

std::vector<KnowledgeChunk> KnowledgeBase::search(const KnowledgeQuery& q) const {
    const std::string fits =
        "(?1 = '' OR devices LIKE '% ' || ?1 || ' %' OR devices LIKE '% any %') AND "
        "(?2 = '' OR op_types LIKE '% ' || ?2 || ' %' OR op_types LIKE '% any %')";
    const std::string order = "(bottlenecks LIKE '% ' || ?3 || ' %') DESC, (op_types LIKE '% ' || ?2 || ' %') DESC";
    const std::string words = matchExpression(q.text + " " + q.opType + " " + q.bottleneck + " " + q.deviceFamily);
    std::vector<KnowledgeChunk> out;
    std::set<int64_t> seen;
    auto collect = [&](Statement& st) {
        while (st.step() && static_cast<int>(out.size()) < q.limit) {
            if (!seen.insert(st.int64(7)).second) continue;
            KnowledgeChunk c;
            c.title = st.text(0);
            c.heading = st.text(1);
            c.body = st.text(2);
            c.source = st.text(3);
            c.devices = splitTags(st.text(4));
            c.opTypes = splitTags(st.text(5));
            c.bottlenecks = splitTags(st.text(6));
            out.push_back(std::move(c));
        }
    };
    const std::string columns = "SELECT title, heading, body, source, devices, op_types, bottlenecks, rowid FROM chunks WHERE ";
    if (!words.empty()) {
        auto st = db_->prepare(columns + "chunks MATCH ?4 AND " + fits + " ORDER BY " + order + ", bm25(chunks) LIMIT 64");
        st.bind(1, q.deviceFamily).bind(2, q.opType).bind(3, q.bottleneck).bind(4, words);
        collect(st);
    }
    // Too few words matched: fill up with what fits the tags.
    if (static_cast<int>(out.size()) < q.limit) {
        auto st = db_->prepare(columns + fits + " ORDER BY " + order + ", rowid LIMIT 64");
        st.bind(1, q.deviceFamily).bind(2, q.opType).bind(3, q.bottleneck);
        collect(st);
    }
    return out;
}

std::unique_ptr<KnowledgeBase> openKnowledgeBase(const std::filesystem::path& guides, AgentRecords& records) {
    auto kb = std::make_unique<KnowledgeBase>();
    if (std::filesystem::is_directory(guides)) kb->addGuides(guides);
    for (const auto& n : records.notes())
        kb->add({"note " + std::to_string(n.id), n.title, n.title, n.body, n.devices, n.opTypes, n.bottlenecks});
    return kb;
}

}  // namespace kforge
