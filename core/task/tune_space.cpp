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
constexpr size_t kMaxSeeds = 256;

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

namespace {

struct PendingSeed {
    TuneConfig values;
    int line = 0;
};

// A seed is a configuration the tuner will compile: every name declared, every
// value one of its @tune values, every constraint satisfied.
TuneSeed checkedSeed(const TuneSpace& space, const PendingSeed& seed, const std::string& fileName) {
    const std::string where = fileName + ":" + std::to_string(seed.line) + ": @seed: ";
    for (const auto& entry : seed.values) {
        // Not a structured binding: clang 14 cannot capture one in the lambda below.
        const std::string& name = entry.first;
        const std::string& value = entry.second;
        const auto param = std::find_if(space.params.begin(), space.params.end(), [&](const TuneParam& p) { return p.name == name; });
        if (param == space.params.end()) {
            std::string names;
            for (const auto& p : space.params) names += (names.empty() ? "" : ", ") + p.name;
            throw Error(where + "no @tune declares " + name + (names.empty() ? std::string() : " (declared: " + names + ")"));
        }
        if (std::find(param->values.begin(), param->values.end(), value) == param->values.end()) {
            std::string values;
            for (const auto& v : param->values) values += (values.empty() ? "" : " ") + v;
            throw Error(where + name + "=" + value + " is not one of its @tune values (line " + std::to_string(param->line) +
                        ": " + values + ")");
        }
    }
    TuneSeed out{withOverrides(space, seed.values), seed.line};
    if (const TuneConstraint* broken = space.brokenConstraint(out.config))
        throw Error(where + describeConfig(out.config) + " breaks @constraint " + space.violation(out.config) + " (line " +
                    std::to_string(broken->line) + ")");
    return out;
}

}  // namespace

TuneSpace parseTuneSpace(std::string_view source, const std::string& fileName) {
    TuneSpace space;
    std::vector<PendingSeed> pendingSeeds;
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
        if (keyword != "@tune" && keyword != "@constraint" && keyword != "@seed") continue;
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
        } else if (keyword == "@seed") {
            if (pendingSeeds.size() >= kMaxSeeds)
                throw Error(where() + "@seed: more than " + std::to_string(kMaxSeeds) + " seeds (the limit)");
            PendingSeed seed{{}, lineNo};
            std::string assignment;
            while (words >> assignment) {
                const auto eq = assignment.find('=');
                const std::string name = assignment.substr(0, eq);
                if (eq == std::string::npos || !isIdentifier(name) || !isValueToken(assignment.substr(eq + 1)))
                    throw Error(where() + "@seed: '" + printable(assignment) + "' is not NAME=VALUE");
                if (!seed.values.emplace(name, assignment.substr(eq + 1)).second)
                    throw Error(where() + "@seed: " + name + " is given twice");
            }
            if (seed.values.empty()) throw Error(where() + "@seed names no parameters (write NAME=VALUE ...)");
            pendingSeeds.push_back(std::move(seed));
        }
    }
    // After the loop: a seed may come before the @tune lines it names.
    for (const PendingSeed& seed : pendingSeeds) space.seeds.push_back(checkedSeed(space, seed, fileName));
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
