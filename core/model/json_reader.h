#pragma once
// Strict reading of the JSON our own codecs write. Every model type's
// fromJson goes through an ObjectReader: a missing required field, a field of
// the wrong type or a field nobody reads is an error that names where it is
// ("evaluation.workloads[2].median_ms: expected a number, got a string"), never
// a silent default. Writers are plain nlohmann::json construction.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/error.h"

namespace kforge {



// Thrown for JSON that does not match a model type; what() starts with the location.
class ModelError : public Error {
public:
    using Error::Error;
};

// Throws ModelError "<path>: <what>", keeping what's phrase for the GUI.
[[noreturn]] void modelFail(const std::string& path, const Phrase& what);
std::string jsonTypeName(const nlohmann::json& j);

// Conversions of one JSON value to a C++ value, checked. Specialised for the
// scalar types the models use; `path` names the value in errors.
template <class T>
T readValue(const nlohmann::json& j, const std::string& path);

template <>
bool readValue<bool>(const nlohmann::json& j, const std::string& path);
template <>
int readValue<int>(const nlohmann::json& j, const std::string& path);
template <>
int64_t readValue<int64_t>(const nlohmann::json& j, const std::string& path);
template <>
uint64_t readValue<uint64_t>(const nlohmann::json& j, const std::string& path);
template <>
double readValue<double>(const nlohmann::json& j, const std::string& path);
template <>
std::string readValue<std::string>(const nlohmann::json& j, const std::string& path);
template <>
std::vector<double> readValue<std::vector<double>>(const nlohmann::json& j, const std::string& path);
template <>
std::vector<std::string> readValue<std::vector<std::string>>(const nlohmann::json& j, const std::string& path);
template <>
std::map<std::string, std::string> readValue<std::map<std::string, std::string>>(const nlohmann::json& j, const std::string& path);
template <>
std::map<std::string, double> readValue<std::map<std::string, double>>(const nlohmann::json& j, const std::string& path);
template <>
std::map<std::string, int64_t> readValue<std::map<std::string, int64_t>>(const nlohmann::json& j, const std::string& path);

class ObjectReader {
public:
    // Fails unless `j` is an object.
    ObjectReader(const nlohmann::json& j, std::string path);
    // Unread fields are an error: call at the end of every fromJson.
    void finish() const;

    template <class T>
    T required(const char* key) {
        return readValue<T>(field(key), childPath(key));
    }
    template <class T>
    std::optional<T> optional(const char* key) {
        if (!json_.contains(key)) return std::nullopt;
        const nlohmann::json& value = field(key);
        if (value.is_null()) return std::nullopt;
        return readValue<T>(value, childPath(key));
    }
    // A field that may be absent, read as `fallback` then; for fields whose
    // absence has a meaning of its own (an empty list, zero restarts).
    template <class T>
    T optionalOr(const char* key, T fallback) {
        auto v = optional<T>(key);
        return v ? std::move(*v) : std::move(fallback);
    }
    // The raw value, for nested model types: pass it with childPath(key).
    const nlohmann::json& field(const char* key);
    // Whether the field is there and not null; a null field counts as read.
    bool has(const char* key) {
        if (!json_.contains(key)) return false;
        read_.insert(key);
        return !json_.at(key).is_null();
    }
    // An array field's elements, each to be decoded with childPath(key, i).
    const nlohmann::json& array(const char* key);
    std::string childPath(const char* key) const { return path_ + "." + key; }
    std::string childPath(const char* key, size_t index) const { return childPath(key) + "[" + std::to_string(index) + "]"; }
    const std::string& path() const { return path_; }

private:
    const nlohmann::json& json_;
    std::string path_;
    std::set<std::string> read_;
};

// Decodes every element of a JSON array with `decode(element, path)`.
template <class T, class F>
std::vector<T> readArray(const nlohmann::json& j, const std::string& path, F decode) {
    if (!j.is_array()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an array, got %1"), jsonTypeName(j)));
    std::vector<T> out;
    out.reserve(j.size());
    for (size_t i = 0; i < j.size(); ++i) out.push_back(decode(j[i], path + "[" + std::to_string(i) + "]"));
    return out;
}

}  // namespace kforge
