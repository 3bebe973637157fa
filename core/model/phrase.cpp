#include "model/phrase.h"

#include "model/json_reader.h"

namespace kforge {

using Json = nlohmann::json;

Json toJson(const Phrase& p) {
    if (p.verbatim) return p.pattern;
    Json values = Json::array();
    for (const Phrase& v : p.values) values.push_back(toJson(v));
    return {{"pattern", p.pattern}, {"values", std::move(values)}};
}

void writePhrase(Json& object, const std::string& field, const Phrase& text) {
    object[field] = text.english();
    if (!text.verbatim) object[field + "_phrase"] = toJson(text);
}

Phrase readPhrase(ObjectReader& r, const std::string& field) {
    std::string english = r.required<std::string>(field.c_str());
    const std::string key = field + "_phrase";
    if (!r.has(key.c_str())) return verbatim(std::move(english));
    return phraseFromJson(r.field(key.c_str()), r.childPath(key.c_str()));
}

Phrase phraseFromJson(const Json& j, const std::string& path) {
    if (j.is_string()) return verbatim(j.get<std::string>());
    ObjectReader r(j, path);
    Phrase p;
    p.verbatim = false;
    p.pattern = r.required<std::string>("pattern");
    p.values = readArray<Phrase>(r.field("values"), r.childPath("values"), phraseFromJson);
    r.finish();
    return p;
}

}  // namespace kforge
