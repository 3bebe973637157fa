#include "task/task.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "task/safetensors.h"
#include "util/error.h"
#include "util/file_path.h"
#include "util/json_input.h"
#include "util/text.h"

namespace kforge {

using Json = nlohmann::ordered_json;  // definition order of inputs and outputs matters

bool Workload::runsOn(Backend b) const {
    if (backends.empty()) return true;
    for (Backend x : backends)
        if (x == b) return true;
    return false;
}

namespace {

// Largest tensor we accept: far beyond any device, far below int64 overflow.
constexpr uint64_t kMaxTensorBytes = uint64_t{1} << 50;

// Files from outside are bounded before they are parsed.
constexpr size_t kMaxDefinitionBytes = size_t{16} << 20;
constexpr size_t kMaxWorkloadsBytes = size_t{64} << 20;
constexpr size_t kMaxWorkloadLineBytes = size_t{1} << 20;
constexpr size_t kMaxWorkloads = 10000;
constexpr size_t kMaxTemplates = 64;  // per backend

// Reports problems as "<file>: <field>: <what>".
class Checker {
public:
    explicit Checker(std::string file) : file_(std::move(file)) {}
    [[noreturn]] void fail(const std::string& field, const Phrase& what) const { throw Error(located(file_ + ": " + field, what)); }
    const Json& require(const Json& obj, const std::string& key, const std::string& field, Json::value_t type) const {
        const auto it = obj.find(key);
        if (it == obj.end()) fail(field + key, phrase(QT_TRANSLATE_NOOP("Phrase", "missing (required)")));
        expectType(*it, field + key, type);
        return *it;
    }
    void expectType(const Json& v, const std::string& field, Json::value_t type) const {
        const bool numberOk = type == Json::value_t::number_float && v.is_number();
        const bool intOk = type == Json::value_t::number_integer && v.is_number_integer();
        if (v.type() != type && !numberOk && !intOk)
            fail(field, phrase(QT_TRANSLATE_NOOP("Phrase", "must be %1, not %2"), typeName(type), v.type_name()));
    }
    std::string optString(const Json& obj, const std::string& key, const std::string& field) const {
        const auto it = obj.find(key);
        if (it == obj.end()) return {};
        expectType(*it, field + key, Json::value_t::string);
        return it->get<std::string>();
    }
    const std::string& file() const { return file_; }

private:
    static Phrase typeName(Json::value_t t) {
        switch (t) {
            case Json::value_t::object: return phrase(QT_TRANSLATE_NOOP("Phrase", "an object"));
            case Json::value_t::array: return phrase(QT_TRANSLATE_NOOP("Phrase", "an array"));
            case Json::value_t::string: return phrase(QT_TRANSLATE_NOOP("Phrase", "a string"));
            case Json::value_t::number_integer: return phrase(QT_TRANSLATE_NOOP("Phrase", "an integer"));
            case Json::value_t::number_float: return phrase(QT_TRANSLATE_NOOP("Phrase", "a number"));
            case Json::value_t::boolean: return phrase(QT_TRANSLATE_NOOP("Phrase", "true or false"));
            default: return phrase(QT_TRANSLATE_NOOP("Phrase", "something else"));
        }
    }
    std::string file_;
};

// An expression as an error message shows it: a hostile one can be megabytes long.
std::string shorten(const std::string& text) { return text.size() <= 200 ? text : text.substr(0, 200) + "..."; }

Expr parseExpr(const Checker& c, const std::string& field, const std::string& text,
               const std::set<std::string>& axisNames) {
    Expr e;
    try {
        e = Expr::parse(text);
    } catch (const Error& err) {
        c.fail(field, phrase(QT_TRANSLATE_NOOP("Phrase", "cannot parse '%1': %2"), shorten(text), errorPhrase(err)));
    }
    for (const auto& n : e.names())
        if (!axisNames.count(n))
            c.fail(field, phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' uses '%2', which is not a declared axis"), shorten(text), n));
    return e;
}

Distribution parseDistribution(const Checker& c, const Json& j, const std::string& field) {
    c.expectType(j, field, Json::value_t::object);
    for (const auto& [key, value] : j.items())
        if (key != "distribution" && key != "low" && key != "high" && key != "mean" && key != "std" && key != "min" && key != "max" &&
            key != "positive")
            c.fail(field + "." + key,
                   phrase(QT_TRANSLATE_NOOP("Phrase", "unknown field (distribution, low, high, mean, std, min, max, positive)")));
    Distribution d;
    const std::string kind = c.optString(j, "distribution", field + ".");
    auto number = [&](const char* key, double fallback) {
        const auto it = j.find(key);
        if (it == j.end()) return fallback;
        c.expectType(*it, field + "." + key, Json::value_t::number_float);
        return it->get<double>();
    };
    if (kind.empty() || kind == "uniform") {
        d.kind = Distribution::Kind::Uniform;
        d.a = number("low", -1);
        d.b = number("high", 1);
        if (!(d.a < d.b)) c.fail(field, phrase(QT_TRANSLATE_NOOP("Phrase", "low must be below high")));
    } else if (kind == "normal") {
        d.kind = Distribution::Kind::Normal;
        d.a = number("mean", 0);
        d.b = number("std", 1);
        if (!(d.b > 0)) c.fail(field + ".std", phrase(QT_TRANSLATE_NOOP("Phrase", "must be positive")));
    } else {
        c.fail(field + ".distribution", phrase(QT_TRANSLATE_NOOP("Phrase", "unknown distribution '%1' (uniform or normal)"), kind));
    }
    return d;
}

InputBounds parseBounds(const Checker& c, const Json& j, const std::string& field) {
    InputBounds b;
    for (const char* key : {"min", "max"})
        if (const auto it = j.find(key); it != j.end()) {
            c.expectType(*it, field + "." + key, Json::value_t::number_float);
            if (!std::isfinite(it->get<double>())) c.fail(field + "." + key, phrase(QT_TRANSLATE_NOOP("Phrase", "must be finite")));
            (std::string(key) == "min" ? b.min : b.max) = it->get<double>();
        }
    if (const auto it = j.find("positive"); it != j.end()) {
        c.expectType(*it, field + ".positive", Json::value_t::boolean);
        b.positive = it->get<bool>();
    }
    if (b.min && b.max && *b.min > *b.max)
        c.fail(field, phrase(QT_TRANSLATE_NOOP("Phrase", "min %1 is above max %2"), formatNumber("%g", *b.min),
                             formatNumber("%g", *b.max)));
    return b;
}

// The distribution must only give values the bounds allow. Uniform draws lie
// in [low, high); an integer tensor takes their floor, so its values are
// floor(low) .. high - 1 (low 0, high S: the positions 0 .. S-1, max S-1);
// a float tensor's may round up to high. A normal distribution has no bounds.
void checkDistributionInBounds(const Checker& c, const TensorDef& t, const std::string& field) {
    const InputBounds& b = t.bounds;
    if (!b.any()) return;
    const Distribution& d = t.distribution;
    if (d.kind == Distribution::Kind::Normal)
        c.fail(
            field + ".distribution",
            phrase(QT_TRANSLATE_NOOP("Phrase",
                                     "a normal distribution can give any value, but the input is bounded (min, max or positive): "
                                     "use a uniform distribution with low and high inside the bounds")));
    const bool integer = !dtypeInfo(t.dtype).isFloat;
    const double lowest = integer ? std::floor(d.a) : d.a;
    const double highest = integer ? std::ceil(d.b) - 1 : d.b;
    const std::string low = formatNumber("%g", d.a), high = formatNumber("%g", d.b);
    const Phrase range = integer ? phrase(QT_TRANSLATE_NOOP("Phrase", "uniform [%1, %2) gives %3 .. %4"), low, high,
                                          formatNumber("%g", lowest), formatNumber("%g", highest))
                                 : phrase(QT_TRANSLATE_NOOP("Phrase", "uniform [%1, %2)"), low, high);
    if (b.positive && !(lowest > 0))
        c.fail(field + ".low", phrase(QT_TRANSLATE_NOOP("Phrase", "%1, but the input must be positive (low above 0)"), range));
    if (b.min && lowest < *b.min)
        c.fail(field + ".low", phrase(QT_TRANSLATE_NOOP("Phrase", "%1 goes below min %2"), range, formatNumber("%g", *b.min)));
    if (b.max && highest > *b.max)
        c.fail(field + ".high", phrase(QT_TRANSLATE_NOOP("Phrase", "%1 goes above max %2"), range, formatNumber("%g", *b.max)));
}

std::vector<TensorDef> parseTensors(const Checker& c, const Json& def, const std::string& key,
                                    const std::set<std::string>& axisNames) {
    const Json& obj = c.require(def, key, "", Json::value_t::object);
    std::vector<TensorDef> out;
    for (const auto& [name, spec] : obj.items()) {
        const std::string field = key + "." + name;
        c.expectType(spec, field, Json::value_t::object);
        TensorDef t;
        t.name = name;
        // FlashInfer-Bench writes a Python scalar as "shape": null; it is a 0-d tensor here.
        const auto shapeIt = spec.find("shape");
        if (shapeIt == spec.end())
            c.fail(field + ".shape", phrase(QT_TRANSLATE_NOOP("Phrase", "missing (required; [] or null for a scalar)")));
        static const Json kNoAxes = Json::array();
        const Json& shape = shapeIt->is_null() ? kNoAxes : *shapeIt;
        if (!shape.is_array())
            c.fail(field + ".shape",
                   phrase(QT_TRANSLATE_NOOP("Phrase", "must be an array of axis names or null (a scalar), not %1"),
                          shape.type_name()));
        for (size_t i = 0; i < shape.size(); ++i) {
            const std::string f = field + ".shape[" + std::to_string(i) + "]";
            c.expectType(shape[i], f, Json::value_t::string);
            const auto axis = shape[i].get<std::string>();
            if (!axisNames.count(axis)) c.fail(f, phrase(QT_TRANSLATE_NOOP("Phrase", "axis '%1' is not declared in axes"), axis));
            t.shape.push_back(axis);
        }
        if (t.shape.size() > 8) c.fail(field + ".shape", phrase(QT_TRANSLATE_NOOP("Phrase", "more than 8 dimensions")));
        const std::string dtype = c.require(spec, "dtype", field + ".", Json::value_t::string).get<std::string>();
        const auto d = parseDType(dtype);
        if (!d)
            c.fail(field + ".dtype",
                   phrase(QT_TRANSLATE_NOOP("Phrase", "unknown dtype '%1' (known: %2)"), dtype, std::string(dtypeNames())));
        t.dtype = *d;
        out.push_back(std::move(t));
    }
    return out;
}

NativeImpl parseNative(const Checker& c, const Json& j, const std::string& field, const std::filesystem::path& dir) {
    c.expectType(j, field, Json::value_t::object);
    NativeImpl impl;
    // A file named relative to the task directory, which must exist.
    auto resolve = [&](const std::string& rel, const std::string& at) {
        const auto p = canonicalPath(dir / rel);
        if (!isRegularFile(p))
            c.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "file '%1' not found (looked for %2)"), printable(rel),
                              printable(p.string())));
        return p;
    };
    auto path = [&](const char* key, bool required) -> std::filesystem::path {
        const std::string rel = required ? c.require(j, key, field + ".", Json::value_t::string).get<std::string>()
                                         : c.optString(j, key, field + ".");
        return rel.empty() ? std::filesystem::path() : resolve(rel, field + "." + key);
    };
    impl.reference = path("reference", true);
    impl.baseline = path("baseline", false);
    if (const auto it = j.find("template"); it != j.end() && it->is_array()) {
        const std::string at = field + ".template";
        if (it->empty()) c.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "an empty list (give one file or several)")));
        if (it->size() > kMaxTemplates)
            c.fail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "%1 templates, more than %2"), it->size(), kMaxTemplates));
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string item = at + "[" + std::to_string(i) + "]";
            c.expectType((*it)[i], item, Json::value_t::string);
            const std::string rel = (*it)[i].get<std::string>();
            const auto p = resolve(rel, item);
            TemplateVariant v{p.stem().string(), p};
            for (const auto& other : impl.templates)
                if (other.name == v.name)
                    c.fail(item, phrase(QT_TRANSLATE_NOOP("Phrase",
                                                          "'%1' has the name '%2' of another template (names are file stems)"),
                                        rel, v.name));
            impl.templates.push_back(std::move(v));
        }
    } else if (auto p = path("template", false); !p.empty()) {
        impl.templates.push_back({p.stem().string(), p});
    }
    if (const auto it = j.find("libraries"); it != j.end()) {
        c.expectType(*it, field + ".libraries", Json::value_t::array);
        for (size_t i = 0; i < it->size(); ++i) {
            const auto& lib = (*it)[i];
            c.expectType(lib, field + ".libraries[" + std::to_string(i) + "]", Json::value_t::string);
            const auto name = lib.get<std::string>();
            if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-.") != std::string::npos)
                c.fail(field + ".libraries[" + std::to_string(i) + "]",
                       phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is not a library name"), name));
            impl.libraries.push_back(name);
        }
    }
    return impl;
}

// Resolves names in bytes, flops and constraint expressions to axis values.
Expr::Lookup lookupIn(std::vector<std::pair<std::string, int64_t>> values) {
    return [values = std::move(values)](std::string_view n) -> std::optional<double> {
        for (const auto& [k, v] : values)
            if (k == n) return static_cast<double>(v);
        return std::nullopt;
    };
}

uint64_t checkedProduct(const std::vector<int64_t>& dims, bool& overflow) {
    uint64_t n = 1;
    overflow = false;
    for (int64_t d : dims) {
        if (__builtin_mul_overflow(n, static_cast<uint64_t>(d), &n)) overflow = true;
    }
    return n;
}

// FlashInfer-Bench stores each workload as a trace: {"definition": NAME,
// "workload": {...}, "solution": null, "evaluation": null}. Either that or the
// bare workload is accepted; a trace of an evaluated solution is not a workload.
const Json& unwrapTrace(const Checker& c, const Json& line, const std::string& taskName) {
    const auto it = line.find("workload");
    if (it == line.end()) return line;
    for (const auto& [key, value] : line.items()) {
        if (key == "workload") continue;
        if (key == "definition") {
            c.expectType(value, "definition", Json::value_t::string);
            if (value.get<std::string>() != taskName)
                c.fail("definition", phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is not this task ('%2')"),
                                            printable(value.get<std::string>()), taskName));
        } else if (key == "solution" || key == "evaluation") {
            if (!value.is_null())
                c.fail(key, phrase(QT_TRANSLATE_NOOP("Phrase",
                                                     "a trace with a solution or an evaluation is a result, not a workload")));
        } else {
            c.fail(key, phrase(QT_TRANSLATE_NOOP("Phrase",
                                                 "unknown field of a workload trace (definition, workload, solution, evaluation)")));
        }
    }
    c.expectType(*it, "workload", Json::value_t::object);
    return *it;
}

// Each safetensors file's header, read once per load however many workloads use it.
class SafetensorsHeaders {
public:
    explicit SafetensorsHeaders(std::filesystem::path base) : base_(std::move(base)) {}
    std::filesystem::path resolve(const std::string& path) const {
        const std::filesystem::path p(path);
        return canonicalPath(p.is_absolute() ? p : base_ / p);
    }
    const SafetensorsFile& header(const std::filesystem::path& file) {
        auto it = files_.find(file);
        if (it == files_.end()) it = files_.emplace(file, readSafetensorsHeader(file)).first;
        return it->second;
    }

private:
    std::filesystem::path base_;
    std::map<std::filesystem::path, SafetensorsFile> files_;
};

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

WorkloadInput parseInput(const Checker& c, const Json& spec, const std::string& field, const TensorDef& def, const Task& task,
                         const Workload& w, SafetensorsHeaders& safetensors) {
    c.expectType(spec, field, Json::value_t::object);
    const std::string type = c.require(spec, "type", field + ".", Json::value_t::string).get<std::string>();
    auto onlyFields = [&](std::initializer_list<const char*> known, const char* list) {
        for (const auto& [key, value] : spec.items()) {
            bool ok = false;
            for (const char* k : known) ok = ok || key == k;
            if (!ok)
                c.fail(field + "." + key, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown field of a '%1' input (%2)"), type, list));
        }
    };
    WorkloadInput in;
    if (type == "random") {
        onlyFields({"type"}, "type");
        in.kind = WorkloadInput::Kind::Random;
    } else if (type == "scalar") {
        onlyFields({"type", "value"}, "type, value");
        if (!def.shape.empty())
            c.fail(field + ".type", phrase(QT_TRANSLATE_NOOP("Phrase", "'scalar' needs a 0-d input, but this one has a shape")));
        in.kind = WorkloadInput::Kind::Scalar;
        const auto it = spec.find("value");
        // FlashInfer-Bench allows int, float or bool.
        if (it == spec.end() || !(it->is_number() || it->is_boolean()))
            c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "a scalar input needs a numeric (or boolean) value")));
        in.scalar = it->is_boolean() ? (it->get<bool>() ? 1.0 : 0.0) : it->get<double>();
        if (!std::isfinite(in.scalar)) c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "must be finite")));
        const InputBounds& b = def.bounds;
        const std::string v = formatNumber("%g", in.scalar);
        if (b.positive && !(in.scalar > 0))
            c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "%1, but input '%2' must be positive"), v, def.name));
        if (b.min && in.scalar < *b.min)
            c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is below the min %2 of input '%3'"), v,
                                            formatNumber("%g", *b.min), def.name));
        if (b.max && in.scalar > *b.max)
            c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is above the max %2 of input '%3'"), v,
                                            formatNumber("%g", *b.max), def.name));
    } else if (type == "safetensors") {
        onlyFields({"type", "path", "tensor_key"}, "type, path, tensor_key");
        in.kind = WorkloadInput::Kind::Safetensors;
        const std::string path = c.require(spec, "path", field + ".", Json::value_t::string).get<std::string>();
        in.tensorKey = c.require(spec, "tensor_key", field + ".", Json::value_t::string).get<std::string>();
        if (path.empty()) c.fail(field + ".path", phrase(QT_TRANSLATE_NOOP("Phrase", "must not be empty")));
        if (in.tensorKey.empty()) c.fail(field + ".tensor_key", phrase(QT_TRANSLATE_NOOP("Phrase", "must not be empty")));
        if (path.find("://") != std::string::npos)
            c.fail(field + ".path",
                   phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is a URI; KernelForge downloads nothing (give a local file)"),
                          printable(path)));
        in.file = safetensors.resolve(path);
        const SafetensorsFile* st = nullptr;
        try {
            st = &safetensors.header(in.file);
        } catch (const Error& e) {
            c.fail(field + ".path", errorPhrase(e));
        }
        const auto entry = st->tensors.find(in.tensorKey);
        if (entry == st->tensors.end()) {
            std::string keys;
            for (const auto& [k, e] : st->tensors) {
                if (keys.size() > 200) { keys += ", ..."; break; }
                keys += (keys.empty() ? "" : ", ") + printable(k);
            }
            c.fail(field + ".tensor_key",
                   phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is not in %2 (it holds: %3)"), printable(in.tensorKey),
                          in.file.string(), keys.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "nothing")) : verbatim(keys)));
        }
        const auto stored = dtypeFromSafetensors(entry->second.dtype);
        if (stored != def.dtype)
            c.fail(field + ".tensor_key",
                   phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' in %2 is %3, but input '%4' is %5 (%6)"), printable(in.tensorKey),
                          in.file.string(), entry->second.dtype, def.name, std::string(dtypeInfo(def.dtype).name),
                          std::string(safetensorsDTypeName(def.dtype))));
        const auto want = task.shapeOf(def, w);
        if (entry->second.shape != want)
            c.fail(field + ".tensor_key",
                   phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' in %2 has shape %3, but input '%4' has shape %5 in this workload"),
                          printable(in.tensorKey), in.file.string(), shapeText(entry->second.shape), def.name, shapeText(want)));
    } else {
        c.fail(field + ".type",
               phrase(QT_TRANSLATE_NOOP("Phrase", "unknown input type '%1' (random, scalar or safetensors)"), printable(type)));
    }
    return in;
}

// `problems` null: the first bad line throws. Otherwise each bad line is
// recorded (its location split off) and the loader goes on to the next.
void parseWorkloads(Task& task, const std::string& workloadsText, std::vector<TaskProblem>* problems) {
    const std::string file = task.workloadsFile.string();
    if (workloadsText.size() > kMaxWorkloadsBytes)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: more than %2 bytes, the limit for a workloads file"), file,
                           kMaxWorkloadsBytes));
    std::istringstream lines(workloadsText);
    std::set<std::string> seen;
    SafetensorsHeaders safetensors(task.dataRoot);
    std::string text;
    int lineNo = 0;
    while (std::getline(lines, text)) {
        ++lineNo;
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = file + ":" + std::to_string(lineNo);
        if (task.workloads.size() >= kMaxWorkloads)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: more than %2 workloads (the limit)"), where, kMaxWorkloads));
        try {
            if (text.size() > kMaxWorkloadLineBytes)
                throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: %2 bytes, more than the limit of %3 for one workload line"),
                                   where, text.size(), kMaxWorkloadLineBytes));
            const Json line = parseOrderedJsonInput(text, where);
            const Checker c(where);
            c.expectType(line, "workload", Json::value_t::object);
            const Json& j = unwrapTrace(c, line, task.name);
            Workload w;
            w.line = lineNo;
            w.uuid = c.require(j, "uuid", "", Json::value_t::string).get<std::string>();
            if (w.uuid.empty()) c.fail("uuid", phrase(QT_TRANSLATE_NOOP("Phrase", "must not be empty")));
            if (!seen.insert(w.uuid).second) c.fail("uuid", phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' appears twice"), w.uuid));
            const Json& axes = c.require(j, "axes", "", Json::value_t::object);
            for (const auto& [name, value] : axes.items()) {
                const AxisDef* def = nullptr;
                for (const auto& a : task.axes)
                    if (a.name == name) def = &a;
                if (!def) c.fail("axes." + name, phrase(QT_TRANSLATE_NOOP("Phrase", "not an axis of %1"), task.name));
                if (def->isConst)
                    c.fail("axes." + name,
                           phrase(QT_TRANSLATE_NOOP("Phrase", "is a const axis (%1) and cannot be set"), def->value));
                if (!value.is_number_integer())
                    c.fail("axes." + name, phrase(QT_TRANSLATE_NOOP("Phrase", "must be an integer, not %1"), value.type_name()));
                const auto v = value.get<int64_t>();
                if (v <= 0) c.fail("axes." + name, phrase(QT_TRANSLATE_NOOP("Phrase", "must be positive, got %1"), v));
                w.axes[name] = v;
            }
            for (const auto& a : task.axes)
                if (!a.isConst && !w.axes.count(a.name))
                    c.fail("axes", phrase(QT_TRANSLATE_NOOP("Phrase", "no value for var axis '%1'"), a.name));
            const Json& inputs = c.require(j, "inputs", "", Json::value_t::object);
            for (const auto& [name, spec] : inputs.items()) {
                const TensorDef* def = nullptr;
                for (const auto& t : task.inputs)
                    if (t.name == name) def = &t;
                if (!def) c.fail("inputs." + name, phrase(QT_TRANSLATE_NOOP("Phrase", "not an input of %1"), task.name));
                c.expectType(spec, "inputs." + name, Json::value_t::object);
                w.inputs[name] = parseInput(c, spec, "inputs." + name, *def, task, w, safetensors);
            }
            for (const auto& t : task.inputs)
                if (!w.inputs.count(t.name))
                    c.fail("inputs", phrase(QT_TRANSLATE_NOOP("Phrase", "no entry for input '%1'"), t.name));
            if (const auto it = j.find("backends"); it != j.end()) {
                c.expectType(*it, "backends", Json::value_t::array);
                for (const auto& b : *it) {
                    const auto backend = b.is_string() ? parseBackend(b.get<std::string>()) : std::nullopt;
                    if (!backend)
                        c.fail("backends",
                               phrase(QT_TRANSLATE_NOOP("Phrase", "unknown backend %1 (cpu, cuda or hip)"), b.dump()));
                    w.backends.push_back(*backend);
                }
            }
            if (const auto it = j.find("weight"); it != j.end()) {
                if (!it->is_number() || !(it->get<double>() > 0) || !std::isfinite(it->get<double>()))
                    c.fail("weight",
                           phrase(QT_TRANSLATE_NOOP("Phrase",
                                                    "must be a positive number (a workload's share in the fitness), not %1"),
                                  it->dump()));
                w.weight = it->get<double>();
            }
            // Sizes: every tensor must have a representable size.
            for (const auto* list : {&task.inputs, &task.outputs})
                for (const auto& t : *list) {
                    bool overflow = false;
                    const uint64_t n = checkedProduct(task.shapeOf(t, w), overflow);
                    uint64_t bytes = 0;
                    if (overflow || __builtin_mul_overflow(n, dtypeInfo(t.dtype).bytes, &bytes) || bytes > kMaxTensorBytes)
                        c.fail("axes", phrase(QT_TRANSLATE_NOOP("Phrase", "tensor '%1' would be too large to allocate "
                                                                          "(its size overflows)"),
                                              t.name));
                }
            const Expr::Lookup lookup = lookupIn(task.axisValues(w));
            // Every expression is evaluated here, for every workload, so that a
            // division by zero or an absurd result is found before anything runs.
            auto evaluate = [&](const Expr& e, const std::string& field) {
                try {
                    return e.eval(lookup);
                } catch (const Error& err) {
                    c.fail(field, phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' cannot be evaluated for workload '%2': %3"),
                                         shorten(e.text()), w.uuid, errorPhrase(err)));
                }
            };
            for (size_t i = 0; i < task.constraints.size(); ++i) {
                const Expr& e = task.constraints[i];
                if (evaluate(e, "constraints[" + std::to_string(i) + "]") == 0) {
                    std::string shown;
                    for (const auto& n : e.names())
                        shown += (shown.empty() ? "" : ", ") + n + " = " + std::to_string(static_cast<int64_t>(*lookup(n)));
                    c.fail("axes",
                           phrase(QT_TRANSLATE_NOOP("Phrase", "constraint '%1' does not hold (%2)"), shorten(e.text()), shown));
                }
            }
            for (const auto& [e, field] : {std::pair{&task.bytes, "kforge.bytes"}, std::pair{&task.flops, "kforge.flops"}}) {
                if (!*e) continue;
                const double v = evaluate(**e, field);
                // bytes and flops set the physics floor: an infinite one flags every
                // candidate, a negative one none. No arithmetic at all (a transpose,
                // a copy) is a real answer for flops; moving no bytes is not.
                const bool isFlops = e == &task.flops;
                if (!std::isfinite(v) || v < 0 || (v == 0 && !isFlops))
                    c.fail(field, isFlops ? phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is %2 for workload '%3' "
                                                                               "(it must be a finite number, 0 or more)"),
                                                   shorten((*e)->text()), formatNumber("%g", v), w.uuid)
                                          : phrase(QT_TRANSLATE_NOOP("Phrase", "'%1' is %2 for workload '%3' "
                                                                               "(it must be a positive, finite number)"),
                                                   shorten((*e)->text()), formatNumber("%g", v), w.uuid));
            }
            task.workloads.push_back(std::move(w));
        } catch (const Error& e) {
            if (!problems) throw;
            std::string message = e.what();
            if (message.rfind(where + ": ", 0) == 0) message.erase(0, where.size() + 2);
            problems->push_back({task.workloadsFile, lineNo, message});
        }
    }
    if (task.workloads.empty() && (!problems || problems->empty()))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: holds no workloads"), file));
}

}  // namespace

std::vector<const Workload*> Task::workloadsFor(Backend b) const {
    std::vector<const Workload*> out;
    for (const auto& w : workloads)
        if (w.runsOn(b)) out.push_back(&w);
    return out;
}

std::vector<std::pair<std::string, int64_t>> Task::axisValues(const Workload& w) const {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const auto& a : axes) {
        if (a.isConst) out.emplace_back(a.name, a.value);
        else if (const auto it = w.axes.find(a.name); it != w.axes.end()) out.emplace_back(a.name, it->second);
    }
    return out;
}

std::vector<int64_t> Task::shapeOf(const TensorDef& t, const Workload& w) const {
    const auto values = axisValues(w);
    std::vector<int64_t> shape;
    for (const auto& axis : t.shape)
        for (const auto& [k, v] : values)
            if (k == axis) shape.push_back(v);
    return shape;
}

uint64_t Task::tensorBytes(const TensorDef& t, const Workload& w) const {
    bool overflow = false;
    return checkedProduct(shapeOf(t, w), overflow) * dtypeInfo(t.dtype).bytes;
}

uint64_t Task::totalTensorBytes(const Workload& w) const {
    uint64_t total = 0;
    for (const auto* list : {&inputs, &outputs})
        for (const auto& t : *list) total += tensorBytes(t, w);
    return total;
}

Tolerance Task::toleranceFor(const TensorDef& output) const {
    if (tolerance) return *tolerance;
    const auto& info = dtypeInfo(output.dtype);
    return {info.atol, info.rtol};
}

namespace {
std::optional<double> evalOver(const Task& task, const std::optional<Expr>& e, const Workload& w) {
    if (!e) return std::nullopt;
    return e->eval(lookupIn(task.axisValues(w)));
}
}  // namespace

std::optional<double> Task::bytesMoved(const Workload& w) const { return evalOver(*this, bytes, w); }
std::optional<double> Task::flopCount(const Workload& w) const { return evalOver(*this, flops, w); }

namespace {
TaskFiles filesOf(const std::filesystem::path& path) {
    TaskFiles files;
    if (isDirectory(path)) {
        files.directory = canonicalPath(path);
        files.definitionFile = files.directory / "definition.json";
    } else {
        files.definitionFile = canonicalPath(path);
        files.directory = files.definitionFile.parent_path();
    }
    files.workloadsFile = files.directory / "workloads.jsonl";
    if (!isRegularFile(files.definitionFile))
        throw Error(
            phrase(QT_TRANSLATE_NOOP("Phrase", "%1: not found (a task is a directory with definition.json and workloads.jsonl)"),
                   files.definitionFile.string()));
    return files;
}

std::string readWorkloadsFile(const Task& task) {
    if (!isRegularFile(task.workloadsFile))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: not found (every task needs a workloads file beside its definition)"),
                           task.workloadsFile.string()));
    return readTextFile(task.workloadsFile, kMaxWorkloadsBytes, phrase(QT_TRANSLATE_NOOP("Phrase", "a workloads file")));
}

Task loadDefinition(const std::string& text, const TaskFiles& files);
}  // namespace

Task loadTask(const std::filesystem::path& path) {
    const TaskFiles files = filesOf(path);
    return loadTask(readTextFile(files.definitionFile, kMaxDefinitionBytes,
                                 phrase(QT_TRANSLATE_NOOP("Phrase", "a task definition"))),
                    files);
}

Task loadTaskCollecting(const std::filesystem::path& path, std::vector<TaskProblem>& workloadProblems) {
    const TaskFiles files = filesOf(path);
    Task task = loadDefinition(readTextFile(files.definitionFile, kMaxDefinitionBytes,
                                            phrase(QT_TRANSLATE_NOOP("Phrase", "a task definition"))),
                               files);
    parseWorkloads(task, readWorkloadsFile(task), &workloadProblems);
    return task;
}

Task loadTask(const std::string& text, const TaskFiles& files) {
    Task task = loadDefinition(text, files);
    parseWorkloads(task, readWorkloadsFile(task), nullptr);
    return task;
}

Task loadTask(const std::string& definitionText, const std::string& workloadsText, const TaskFiles& files) {
    Task task = loadDefinition(definitionText, files);
    parseWorkloads(task, workloadsText, nullptr);
    return task;
}

namespace {
Task loadDefinition(const std::string& text, const TaskFiles& files) {
    Task task;
    task.directory = files.directory;
    task.definitionFile = files.definitionFile;
    task.workloadsFile = files.workloadsFile;
    task.dataRoot = files.dataRoot.empty() ? files.workloadsFile.parent_path() : files.dataRoot;
    const std::string file = task.definitionFile.string();
    if (text.size() > kMaxDefinitionBytes)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: more than %2 bytes, the limit for a task definition"), file,
                           kMaxDefinitionBytes));
    const Json def = parseOrderedJsonInput(text, file);
    const Checker c(file);
    c.expectType(def, "definition", Json::value_t::object);

    task.name = c.require(def, "name", "", Json::value_t::string).get<std::string>();
    if (task.name.empty()) c.fail("name", phrase(QT_TRANSLATE_NOOP("Phrase", "must not be empty")));
    task.opType = c.optString(def, "op_type", "");
    task.description = c.optString(def, "description", "");
    task.referencePython = c.optString(def, "reference", "");

    std::set<std::string> axisNames;
    const Json& axes = c.require(def, "axes", "", Json::value_t::object);
    for (const auto& [name, spec] : axes.items()) {
        const std::string field = "axes." + name;
        c.expectType(spec, field, Json::value_t::object);
        AxisDef a;
        a.name = name;
        const std::string type = c.require(spec, "type", field + ".", Json::value_t::string).get<std::string>();
        if (type == "const") {
            a.isConst = true;
            const auto it = spec.find("value");
            if (it == spec.end())
                c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "missing (a const axis needs a value)")));
            if (!it->is_number_integer()) c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "must be an integer")));
            a.value = it->get<int64_t>();
            if (a.value <= 0) c.fail(field + ".value", phrase(QT_TRANSLATE_NOOP("Phrase", "must be positive, got %1"), a.value));
        } else if (type != "var") {
            c.fail(field + ".type", phrase(QT_TRANSLATE_NOOP("Phrase", "unknown axis type '%1' (const or var)"), type));
        }
        a.description = c.optString(spec, "description", field + ".");
        axisNames.insert(name);
        task.axes.push_back(std::move(a));
    }
    task.inputs = parseTensors(c, def, "inputs", axisNames);
    task.outputs = parseTensors(c, def, "outputs", axisNames);
    if (task.outputs.empty()) c.fail("outputs", phrase(QT_TRANSLATE_NOOP("Phrase", "a task needs at least one output")));
    for (const auto& o : task.outputs)
        for (const auto& i : task.inputs)
            if (o.name == i.name) c.fail("outputs." + o.name, phrase(QT_TRANSLATE_NOOP("Phrase", "has the same name as an input")));

    if (const auto it = def.find("constraints"); it != def.end()) {
        c.expectType(*it, "constraints", Json::value_t::array);
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string field = "constraints[" + std::to_string(i) + "]";
            c.expectType((*it)[i], field, Json::value_t::string);
            task.constraints.push_back(parseExpr(c, field, (*it)[i].get<std::string>(), axisNames));
        }
    }

    const auto kfIt = def.find("kforge");
    if (kfIt == def.end())
        c.fail("kforge", phrase(QT_TRANSLATE_NOOP("Phrase", "missing: KernelForge needs a native reference "
                                                            "(kforge.native.<backend>.reference)")));
    const Json& kf = *kfIt;
    c.expectType(kf, "kforge", Json::value_t::object);
    if (const std::string b = c.optString(kf, "bytes", "kforge."); !b.empty())
        task.bytes = parseExpr(c, "kforge.bytes", b, axisNames);
    if (const std::string f = c.optString(kf, "flops", "kforge."); !f.empty())
        task.flops = parseExpr(c, "kforge.flops", f, axisNames);
    if (const auto it = kf.find("tolerance"); it != kf.end()) {
        c.expectType(*it, "kforge.tolerance", Json::value_t::object);
        Tolerance t;
        t.atol = c.require(*it, "atol", "kforge.tolerance.", Json::value_t::number_float).get<double>();
        t.rtol = c.require(*it, "rtol", "kforge.tolerance.", Json::value_t::number_float).get<double>();
        if (t.atol < 0 || t.rtol < 0)
            c.fail("kforge.tolerance", phrase(QT_TRANSLATE_NOOP("Phrase", "atol and rtol must not be negative")));
        task.tolerance = t;
    }
    if (const std::string d = c.optString(kf, "determinism", "kforge."); !d.empty()) {
        if (d != "bitwise" && d != "tolerance")
            c.fail("kforge.determinism", phrase(QT_TRANSLATE_NOOP("Phrase", "must be 'bitwise' or 'tolerance'")));
        task.bitwiseDeterministic = d == "bitwise";
    }
    if (const auto it = kf.find("inputs"); it != kf.end()) {
        c.expectType(*it, "kforge.inputs", Json::value_t::object);
        for (const auto& [name, spec] : it->items()) {
            TensorDef* t = nullptr;
            for (auto& in : task.inputs)
                if (in.name == name) t = &in;
            if (!t) c.fail("kforge.inputs." + name, phrase(QT_TRANSLATE_NOOP("Phrase", "not an input of this task")));
            t->distribution = parseDistribution(c, spec, "kforge.inputs." + name);
            t->bounds = parseBounds(c, spec, "kforge.inputs." + name);
            checkDistributionInBounds(c, *t, "kforge.inputs." + name);
        }
    }
    if (const auto it = kf.find("vendor"); it != kf.end()) {
        c.expectType(*it, "kforge.vendor", Json::value_t::object);
        for (const auto& [key, value] : it->items())
            if (key != "name" && key != "run")
                c.fail("kforge.vendor." + key, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown field (name, run)")));
        VendorOp v;
        v.name = c.require(*it, "name", "kforge.vendor.", Json::value_t::string).get<std::string>();
        v.python = c.require(*it, "run", "kforge.vendor.", Json::value_t::string).get<std::string>();
        if (v.python.find("def run") == std::string::npos)
            c.fail("kforge.vendor.run", phrase(QT_TRANSLATE_NOOP("Phrase", "defines no function run(...)")));
        task.vendor = std::move(v);
    }
    // Without a native reference the PyTorch reference judges (imported tasks).
    if (const auto it = kf.find("native"); it != kf.end() || task.referencePython.empty()) {
        const Json& native = c.require(kf, "native", "kforge.", Json::value_t::object);
        for (const auto& [name, spec] : native.items()) {
            const auto backend = parseBackend(name);
            if (!backend)
                c.fail("kforge.native." + name, phrase(QT_TRANSLATE_NOOP("Phrase", "unknown backend (cpu, cuda or hip)")));
            task.native[*backend] = parseNative(c, spec, "kforge.native." + name, task.directory);
        }
        if (task.native.empty() && task.referencePython.empty())
            c.fail("kforge.native", phrase(QT_TRANSLATE_NOOP("Phrase", "names no backend")));
    }

    return task;
}
}  // namespace

const std::filesystem::path& NativeImpl::templ() const {
    static const std::filesystem::path none;
    return templates.empty() ? none : templates.front().path;
}

const TemplateVariant* NativeImpl::findTemplate(std::string_view name) const {
    for (const auto& t : templates)
        if (t.name == name) return &t;
    return (name.empty() || name == "template") && !templates.empty() ? &templates.front() : nullptr;
}

}  // namespace kforge
