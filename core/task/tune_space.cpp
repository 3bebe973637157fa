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

// The first constraint a configuration breaks, and how: its text, or its
// text and the evaluation error (a phrase, so that an error quoting it keeps
// the evaluation error's). Empty when it satisfies all.
struct Broken {
    const TuneConstraint* constraint = nullptr;
    Phrase why;
};

Broken firstBroken(const TuneSpace& space, const TuneConfig& config) {
    const Expr::Lookup lookup = [&](std::string_view name) -> std::optional<double> {
        const auto it = config.find(std::string(name));
        if (it == config.end()) return std::nullopt;
        return numeric(it->second);
    };
    for (const auto& c : space.constraints) {
        try {
            if (c.expr.eval(lookup) == 0) return {&c, verbatim(c.expr.text())};
        } catch (const Error& e) {
            return {&c, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 (%2)"), c.expr.text(), errorPhrase(e))};
        }
    }
    return {};
}

Phrase violationPhrase(const TuneSpace& space, const TuneConfig& config) { return firstBroken(space, config).why; }

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

std::string TuneSpace::violation(const TuneConfig& config) const { return violationPhrase(*this, config).english(); }

const TuneConstraint* TuneSpace::brokenConstraint(const TuneConfig& config) const {
    return firstBroken(*this, config).constraint;
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
    const std::string where = fileName + ":" + std::to_string(seed.line) + ": @seed";
    for (const auto& entry : seed.values) {
        // Not a structured binding: clang 14 cannot capture one in the lambda below.
        const std::string& name = entry.first;
        const std::string& value = entry.second;
        const auto param = std::find_if(space.params.begin(), space.params.end(), [&](const TuneParam& p) { return p.name == name; });
        if (param == space.params.end()) {
            std::string names;
            for (const auto& p : space.params) names += (names.empty() ? "" : ", ") + p.name;
            throw Error(located(where, names.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "no @tune declares %1"), name)
                                                     : phrase(QT_TRANSLATE_NOOP("Phrase", "no @tune declares %1 (declared: %2)"),
                                                              name, names)));
        }
        if (std::find(param->values.begin(), param->values.end(), value) == param->values.end()) {
            std::string values;
            for (const auto& v : param->values) values += (values.empty() ? "" : " ") + v;
            throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "%1=%2 is not one of its @tune values (line %3: %4)"),
                                              name, value, param->line, values)));
        }
    }
    TuneSeed out{withOverrides(space, seed.values), seed.line};
    if (const TuneConstraint* broken = space.brokenConstraint(out.config))
        throw Error(located(where, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 breaks @constraint %2 (line %3)"),
                                          describeConfig(out.config), violationPhrase(space, out.config), broken->line)));
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
        const auto where = [&] { return fileName + ":" + std::to_string(lineNo); };
        const auto comment = line.find("//");
        if (comment == std::string::npos) continue;
        std::istringstream words(line.substr(comment + 2));
        std::string keyword;
        words >> keyword;
        if (keyword != "@tune" && keyword != "@constraint" && keyword != "@seed") continue;
        if (line.size() > kMaxDirectiveLine)
            throw Error(located(where() + ": " + keyword,
                                phrase(QT_TRANSLATE_NOOP("Phrase", "the line has %1 characters, more than the limit of %2"),
                                       line.size(), kMaxDirectiveLine)));
        if (!isValidUtf8(line))
            throw Error(located(where() + ": " + keyword, phrase(QT_TRANSLATE_NOOP("Phrase", "the line is not valid UTF-8"))));
        if (keyword == "@tune") {
            if (space.params.size() >= kMaxParams)
                throw Error(located(where() + ": @tune",
                                    phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 parameters (the limit)"), kMaxParams)));
            TuneParam p;
            p.line = lineNo;
            words >> p.name;
            if (!isIdentifier(p.name))
                throw Error(located(where(), phrase(QT_TRANSLATE_NOOP("Phrase", "@tune needs a parameter name, got '%1'"),
                                                    printable(p.name))));
            for (const auto& q : space.params)
                if (q.name == p.name)
                    throw Error(located(where(),
                                        phrase(QT_TRANSLATE_NOOP("Phrase", "@tune %1 is declared twice (first on line %2)"), p.name,
                                               q.line)));
            const std::string at = where() + ": @tune " + p.name;
            std::string v;
            while (words >> v) {
                if (!isValueToken(v))
                    throw Error(located(at, phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is not a value (numbers or identifiers)"),
                                                   printable(v))));
                if (p.values.size() >= kMaxValues)
                    throw Error(located(at, phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 values (the limit)"), kMaxValues)));
                for (const auto& seen : p.values)
                    if (seen == v) throw Error(located(at, phrase(QT_TRANSLATE_NOOP("Phrase", "value %1 is listed twice"), v)));
                p.values.push_back(v);
            }
            if (p.values.empty())
                throw Error(located(where(), phrase(QT_TRANSLATE_NOOP("Phrase", "@tune %1 lists no values"), p.name)));
            space.params.push_back(std::move(p));
        } else if (keyword == "@constraint") {
            std::string rest;
            std::getline(words, rest);
            rest.erase(0, rest.find_first_not_of(" \t"));
            rest.erase(rest.find_last_not_of(" \t\r") + 1);
            if (space.constraints.size() >= kMaxConstraints)
                throw Error(located(where() + ": @constraint",
                                    phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 constraints (the limit)"), kMaxConstraints)));
            try {
                space.constraints.push_back({Expr::parse(rest), lineNo});
            } catch (const Error& e) {
                throw Error(located(where() + ": @constraint", errorPhrase(e)));
            }
        } else if (keyword == "@seed") {
            if (pendingSeeds.size() >= kMaxSeeds)
                throw Error(
                    located(where() + ": @seed", phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 seeds (the limit)"), kMaxSeeds)));
            PendingSeed seed{{}, lineNo};
            std::string assignment;
            while (words >> assignment) {
                const auto eq = assignment.find('=');
                const std::string name = assignment.substr(0, eq);
                if (eq == std::string::npos || !isIdentifier(name) || !isValueToken(assignment.substr(eq + 1)))
                    throw Error(located(where() + ": @seed",
                                        phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is not NAME=VALUE"), printable(assignment))));
                if (!seed.values.emplace(name, assignment.substr(eq + 1)).second)
                    throw Error(located(where() + ": @seed", phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is given twice"), name)));
            }
            if (seed.values.empty())
                throw Error(
                    located(where(), phrase(QT_TRANSLATE_NOOP("Phrase", "@seed names no parameters (write NAME=VALUE ...)"))));
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
                throw Error(located(fileName + ":" + std::to_string(c.line),
                                    phrase(QT_TRANSLATE_NOOP("Phrase", "@constraint uses '%1', which no @tune declares"), name)));
        }
    return space;
}

TuneSpace parseTuneSpaceFile(const std::filesystem::path& source) {
    return parseTuneSpace(readTextFile(source, kMaxSourceBytes, phrase(QT_TRANSLATE_NOOP("Phrase", "a candidate's source"))), source.string());
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
        throw Error(located(
            fileName + ": -D " + name + "=" + value,
            names.empty()
                ? phrase(QT_TRANSLATE_NOOP("Phrase", "the source declares no @tune %1 (it declares no @tune parameters at all)"),
                         name)
                : phrase(QT_TRANSLATE_NOOP("Phrase", "the source declares no @tune %1 (it declares %2)"), name, names)));
    }
}

void checkConstraints(const TuneSpace& space, const TuneConfig& config, const std::string& fileName) {
    const TuneConstraint* c = space.brokenConstraint(config);
    if (!c) return;
    throw Error(located(fileName + ":" + std::to_string(c->line),
                        phrase(QT_TRANSLATE_NOOP("Phrase", "configuration %1 breaks @constraint %2"), describeConfig(config),
                               violationPhrase(space, config))));
}

std::string describeConfig(const TuneConfig& config) {
    std::string s;
    for (const auto& [k, v] : config) s += (s.empty() ? "" : " ") + k + "=" + v;
    return s;
}

}  // namespace kforge
