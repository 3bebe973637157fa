#include "task/tune_space.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/error.h"
#include "util/text.h"

namespace kforge {
namespace {

// Limits for what a candidate (perhaps an LLM's) declares.
constexpr size_t kMaxSourceBytes = size_t{16} << 20;
constexpr size_t kMaxDirectiveLine = 4096;  // characters in one @tune or @constraint line
constexpr size_t kMaxParams = 64;
constexpr size_t kMaxValues = 4096;        // per @tune
constexpr size_t kMaxConstraints = 256;

bool isIdentifier(std::string_view s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

bool isValueToken(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '+')) return false;
    return true;
}

std::optional<double> numeric(const std::string& v) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0') return std::nullopt;
    return d;
}

}  // namespace

TuneConfig TuneSpace::defaults() const {
    TuneConfig c;
    for (const auto& p : params) c[p.name] = p.values.front();
    return c;
}

double TuneSpace::size() const {
    double n = 1;
    for (const auto& p : params) n *= static_cast<double>(p.values.size());
    return n;
}

std::string TuneSpace::violation(const TuneConfig& config) const {
    const Expr::Lookup lookup = [&](std::string_view name) -> std::optional<double> {
        const auto it = config.find(std::string(name));
        if (it == config.end()) return std::nullopt;
        return numeric(it->second);
    };
    for (const auto& c : constraints) {
        try {
            if (c.expr.eval(lookup) == 0) return c.expr.text();
        } catch (const Error& e) {
            return c.expr.text() + " (" + e.what() + ")";
        }
    }
    return {};
}

const TuneConstraint* TuneSpace::brokenConstraint(const TuneConfig& config) const {
    const std::string text = violation(config);
    if (text.empty()) return nullptr;
    for (const auto& c : constraints)
        if (text.rfind(c.expr.text(), 0) == 0) return &c;
    return &constraints.front();
}

size_t TuneSpace::maxVisits() const { return kMaxConstraintChecks / std::max<size_t>(1, constraints.size()); }

std::vector<TuneConfig> TuneSpace::enumerate(size_t limit) const {
    std::vector<TuneConfig> out;
    if (params.empty()) {
        if (limit > 0 && violation({}).empty()) out.emplace_back();
        return out;
    }
    std::vector<size_t> index(params.size(), 0);
    TuneConfig c = defaults();
    const size_t visits = maxVisits();
    for (size_t visited = 1;; ++visited) {
        if (violation(c).empty()) out.push_back(c);
        if (out.size() >= limit || visited >= visits) return out;
        // The next configuration: the last parameter moves fastest, as in nested loops.
        size_t i = params.size();
        while (i > 0) {
            --i;
            if (++index[i] < params[i].values.size()) break;
            index[i] = 0;
            if (i == 0) return out;
        }
        for (size_t k = i; k < params.size(); ++k) c[params[k].name] = params[k].values[index[k]];
    }
}

TuneSpace parseTuneSpace(std::string_view source, const std::string& fileName) {
    TuneSpace space;
    std::istringstream in{std::string(source)};
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const auto where = [&] { return fileName + ":" + std::to_string(lineNo) + ": "; };
        const auto comment = line.find("//");
        if (comment == std::string::npos) continue;
        std::istringstream words(line.substr(comment + 2));
        std::string keyword;
        words >> keyword;
        if (keyword != "@tune" && keyword != "@constraint") continue;
        if (line.size() > kMaxDirectiveLine)
            throw Error(where() + keyword + ": the line has " + std::to_string(line.size()) + " characters, more than the limit of " +
                        std::to_string(kMaxDirectiveLine));
        if (!isValidUtf8(line)) throw Error(where() + keyword + ": the line is not valid UTF-8");
        if (keyword == "@tune") {
            if (space.params.size() >= kMaxParams)
                throw Error(where() + "@tune: more than " + std::to_string(kMaxParams) + " parameters (the limit)");
            TuneParam p;
            p.line = lineNo;
            words >> p.name;
            if (!isIdentifier(p.name)) throw Error(where() + "@tune needs a parameter name, got '" + printable(p.name) + "'");
            for (const auto& q : space.params)
                if (q.name == p.name) throw Error(where() + "@tune " + p.name + " is declared twice (first on line " + std::to_string(q.line) + ")");
            std::string v;
            while (words >> v) {
                if (!isValueToken(v))
                    throw Error(where() + "@tune " + p.name + ": '" + printable(v) + "' is not a value (numbers or identifiers)");
                if (p.values.size() >= kMaxValues)
                    throw Error(where() + "@tune " + p.name + ": more than " + std::to_string(kMaxValues) + " values (the limit)");
                for (const auto& seen : p.values)
                    if (seen == v) throw Error(where() + "@tune " + p.name + ": value " + v + " is listed twice");
                p.values.push_back(v);
            }
            if (p.values.empty()) throw Error(where() + "@tune " + p.name + " lists no values");
            space.params.push_back(std::move(p));
        } else if (keyword == "@constraint") {
            std::string rest;
            std::getline(words, rest);
            rest.erase(0, rest.find_first_not_of(" \t"));
            rest.erase(rest.find_last_not_of(" \t\r") + 1);
            if (space.constraints.size() >= kMaxConstraints)
                throw Error(where() + "@constraint: more than " + std::to_string(kMaxConstraints) + " constraints (the limit)");
            try {
                space.constraints.push_back({Expr::parse(rest), lineNo});
            } catch (const Error& e) {
                throw Error(where() + "@constraint: " + e.what());
            }
        }
    }
    for (const auto& c : space.constraints)
        for (const auto& name : c.expr.names()) {
            bool known = false;
            for (const auto& p : space.params) known = known || p.name == name;
            if (!known)
                throw Error(fileName + ":" + std::to_string(c.line) + ": @constraint uses '" + name +
                            "', which no @tune declares");
        }
    return space;
}

TuneSpace parseTuneSpaceFile(const std::filesystem::path& source) {
    return parseTuneSpace(readTextFile(source, kMaxSourceBytes, "a candidate's source"), source.string());
}

TuneConfig withOverrides(const TuneSpace& space, const TuneConfig& overrides) {
    TuneConfig c = space.defaults();
    for (const auto& [k, v] : overrides) c[k] = v;
    return c;
}

void checkOverridesDeclared(const TuneSpace& space, const TuneConfig& overrides, const std::string& fileName) {
    for (const auto& [name, value] : overrides) {
        bool declared = false;
        for (const auto& p : space.params) declared = declared || p.name == name;
        if (declared) continue;
        std::string names;
        for (const auto& p : space.params) names += (names.empty() ? "" : ", ") + p.name;
        throw Error(fileName + ": -D " + name + "=" + value + ": the source declares no @tune " + name +
                    (names.empty() ? std::string(" (it declares no @tune parameters at all)") : " (it declares " + names + ")"));
    }
}

void checkConstraints(const TuneSpace& space, const TuneConfig& config, const std::string& fileName) {
    const TuneConstraint* c = space.brokenConstraint(config);
    if (!c) return;
    throw Error(fileName + ":" + std::to_string(c->line) + ": configuration " + describeConfig(config) + " breaks @constraint " +
                space.violation(config));
}

std::string describeConfig(const TuneConfig& config) {
    std::string s;
    for (const auto& [k, v] : config) s += (s.empty() ? "" : " ") + k + "=" + v;
    return s;
}

}  // namespace kforge
