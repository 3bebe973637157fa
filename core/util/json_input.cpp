#include "util/json_input.h"

#include <algorithm>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "util/error.h"

namespace kforge {

namespace {

std::pair<size_t, size_t> lineAndColumn(std::string_view text, size_t offset) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace

std::string textPosition(std::string_view text, size_t offset) {
    const auto [line, column] = lineAndColumn(text, offset);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

namespace {

// nlohmann's DOM builder with a depth limit and a duplicate-key check. The
// SAX interface is static (sax_parse is a template), so hiding the base's
// members is enough.
template <class J>
class BoundedDomParser : public nlohmann::detail::json_sax_dom_parser<J> {
    using Base = nlohmann::detail::json_sax_dom_parser<J>;

public:
    BoundedDomParser(J& result, const JsonLimits& limits)
        : Base(result, true),
          limits_(limits),
          maxKeys_(std::is_same_v<J, nlohmann::ordered_json> ? std::min(limits.maxObjectKeys, kMaxOrderedObjectKeys)
                                                             : limits.maxObjectKeys) {}

    bool start_object(std::size_t n) {
        if (!enter()) return false;
        frames_.push_back({true, {}, {}});
        return Base::start_object(n);
    }
    bool end_object() {
        leave();
        return Base::end_object();
    }
    bool start_array(std::size_t n) {
        if (!enter()) return false;
        frames_.push_back({false, {}, {}});
        return Base::start_array(n);
    }
    bool end_array() {
        leave();
        return Base::end_array();
    }
    bool key(typename J::string_t& k) {
        Frame& f = frames_.back();
        if (f.keys.size() >= maxKeys_) {
            error_ = atPath(phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 keys in one object (the limit)"), maxKeys_));
            return false;
        }
        if (!f.keys.insert(k).second) {
            error_ = atPath(phrase(QT_TRANSLATE_NOOP("Phrase", "key '%1' appears twice"), printable(k)));
            return false;
        }
        f.current = k;
        return Base::key(k);
    }
    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
        (void)token;
        position_ = position;
        std::string what = e.what();
        const auto colon = what.rfind(": ");  // "[json.exception.parse_error.101] parse error at line 1, column 2: ..."
        if (colon != std::string::npos) what = what.substr(colon + 2);
        // "[json.exception.out_of_range.406] number overflow parsing '1e400'" has
        // no such colon: the tag names nlohmann's internals, not the input.
        if (what.rfind("[json.exception.", 0) == 0 && what.find("] ") != std::string::npos) what = what.substr(what.find("] ") + 2);
        error_ = verbatim(what);
        isSyntax_ = true;
        return false;
    }

    const Phrase& error() const { return error_; }
    bool isSyntax() const { return isSyntax_; }
    size_t position() const { return position_; }

private:
    struct Frame {
        bool object;
        std::unordered_set<std::string> keys;
        std::string current;
    };
    bool enter() {
        if (static_cast<int>(frames_.size()) >= limits_.maxDepth) {
            error_ = atPath(phrase(QT_TRANSLATE_NOOP("Phrase", "nested deeper than %1 levels (the limit)"), limits_.maxDepth));
            return false;
        }
        return true;
    }
    void leave() {
        if (!frames_.empty()) frames_.pop_back();
    }
    static std::string printable(const std::string& s) {
        std::string out;
        for (char c : s.substr(0, 80)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
        return s.size() > 80 ? out + "..." : out;
    }
    // "inputs.x" for the key being read; a few levels are enough to find it.
    std::string path() const {
        std::string p;
        for (size_t i = 0; i < frames_.size() && i < 8; ++i)
            if (frames_[i].object && !frames_[i].current.empty() && i + 1 < frames_.size())
                p += (p.empty() ? "" : ".") + printable(frames_[i].current);
        return p;
    }
    Phrase atPath(const Phrase& what) const { return path().empty() ? what : located(path(), what); }

    JsonLimits limits_;
    size_t maxKeys_;
    std::vector<Frame> frames_;
    Phrase error_;
    bool isSyntax_ = false;
    size_t position_ = 0;
};

template <class J>
J parseBounded(std::string_view text, const std::string& where, const JsonLimits& limits) {
    if (text.size() > limits.maxBytes)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: %2 bytes, more than the limit of %3 bytes for JSON input"), where,
                           text.size(), limits.maxBytes));
    J result;
    BoundedDomParser<J> sax(result, limits);
    bool ok = false;
    try {
        ok = J::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true, false);
    } catch (const nlohmann::json::exception& e) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: invalid JSON: %2"), where, e.what()));
    }
    if (!ok) {
        if (sax.isSyntax()) {
            const auto [line, column] = lineAndColumn(text, sax.position() > 0 ? sax.position() - 1 : 0);
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: invalid JSON at line %2, column %3: %4"), where, line, column,
                               sax.error()));
        }
        throw Error(located(where, sax.error().empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "invalid JSON")) : sax.error()));
    }
    return result;
}

}  // namespace

nlohmann::json parseJsonInput(std::string_view text, const std::string& where, const JsonLimits& limits) {
    return parseBounded<nlohmann::json>(text, where, limits);
}

nlohmann::ordered_json parseOrderedJsonInput(std::string_view text, const std::string& where, const JsonLimits& limits) {
    return parseBounded<nlohmann::ordered_json>(text, where, limits);
}

}  // namespace kforge
