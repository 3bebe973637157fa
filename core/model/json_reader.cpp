#include "model/json_reader.h"

#include <cmath>
#include <limits>

namespace kforge {

using Json = nlohmann::json;

void modelFail(const std::string& path, const Phrase& what) { throw ModelError(located(path, what)); }

std::string jsonTypeName(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "an integer";
        case Json::value_t::number_float: return "a number";
        default: return "an unsupported value";
    }
}

template <>
bool readValue<bool>(const Json& j, const std::string& path) {
    if (!j.is_boolean()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected true or false, got %1"), jsonTypeName(j)));
    return j.get<bool>();
}

template <>
int64_t readValue<int64_t>(const Json& j, const std::string& path) {
    if (j.is_number_integer()) {
        if (j.is_number_unsigned() && j.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "integer out of range")));
        return j.get<int64_t>();
    }
    // Whole numbers written as floats by other tools are accepted; fractions are not.
    if (j.is_number_float()) {
        const double d = j.get<double>();
        if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.0e18) return static_cast<int64_t>(d);
        modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an integer, got %1"), j.dump()));
    }
    modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an integer, got %1"), jsonTypeName(j)));
}

template <>
int readValue<int>(const Json& j, const std::string& path) {
    const int64_t v = readValue<int64_t>(j, path);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "integer out of range")));
    return static_cast<int>(v);
}

template <>
uint64_t readValue<uint64_t>(const Json& j, const std::string& path) {
    if (j.is_number_unsigned()) return j.get<uint64_t>();
    const int64_t v = readValue<int64_t>(j, path);
    if (v < 0) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected a non-negative integer, got %1"), v));
    return static_cast<uint64_t>(v);
}

template <>
double readValue<double>(const Json& j, const std::string& path) {
    if (!j.is_number()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected a number, got %1"), jsonTypeName(j)));
    return j.get<double>();
}

template <>
std::string readValue<std::string>(const Json& j, const std::string& path) {
    if (!j.is_string()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected a string, got %1"), jsonTypeName(j)));
    return j.get<std::string>();
}

template <>
std::vector<double> readValue<std::vector<double>>(const Json& j, const std::string& path) {
    return readArray<double>(j, path, [](const Json& e, const std::string& p) { return readValue<double>(e, p); });
}

template <>
std::vector<std::string> readValue<std::vector<std::string>>(const Json& j, const std::string& path) {
    return readArray<std::string>(j, path, [](const Json& e, const std::string& p) { return readValue<std::string>(e, p); });
}

namespace {
template <class V>
std::map<std::string, V> readMap(const Json& j, const std::string& path) {
    if (!j.is_object()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an object, got %1"), jsonTypeName(j)));
    std::map<std::string, V> out;
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = readValue<V>(it.value(), path + "." + it.key());
    return out;
}
}  // namespace

template <>
std::map<std::string, std::string> readValue<std::map<std::string, std::string>>(const Json& j, const std::string& path) {
    return readMap<std::string>(j, path);
}
template <>
std::map<std::string, double> readValue<std::map<std::string, double>>(const Json& j, const std::string& path) {
    return readMap<double>(j, path);
}
template <>
std::map<std::string, int64_t> readValue<std::map<std::string, int64_t>>(const Json& j, const std::string& path) {
    return readMap<int64_t>(j, path);
}

ObjectReader::ObjectReader(const Json& j, std::string path) : json_(j), path_(std::move(path)) {
    if (!j.is_object()) modelFail(path_, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an object, got %1"), jsonTypeName(j)));
}

const Json& ObjectReader::field(const char* key) {
    if (!json_.contains(key)) modelFail(childPath(key), phrase(QT_TRANSLATE_NOOP("Phrase", "missing")));
    read_.insert(key);
    return json_.at(key);
}

const Json& ObjectReader::array(const char* key) {
    const Json& j = field(key);
    if (!j.is_array()) modelFail(childPath(key), phrase(QT_TRANSLATE_NOOP("Phrase", "expected an array, got %1"), jsonTypeName(j)));
    return j;
}

void ObjectReader::finish() const {
    for (auto it = json_.begin(); it != json_.end(); ++it)
        if (!read_.count(it.key())) modelFail(path_ + "." + it.key(), phrase(QT_TRANSLATE_NOOP("Phrase", "unknown field")));
}

}  // namespace kforge
