#pragma once
// The JSON codec of a Phrase (util/phrase.h says what a phrase is).
#include <nlohmann/json.hpp>
#include <string>

#include "util/phrase.h"

namespace kforge {

class ObjectReader;

// A model type's text field such as "message": the field holds the English,
// which scripts and older readers rely on, and "<field>_phrase" the phrase
// when it can be translated. A field without its phrase reads as verbatim.
void writePhrase(nlohmann::json& object, const std::string& field, const Phrase& text);
Phrase readPhrase(ObjectReader& r, const std::string& field);
inline void writeMessage(nlohmann::json& object, const Phrase& message) { writePhrase(object, "message", message); }
inline Phrase readMessage(ObjectReader& r) { return readPhrase(r, "message"); }

// A verbatim phrase is a JSON string; a translatable one an object
// {"pattern": ..., "values": [...]}.
nlohmann::json toJson(const Phrase& p);
Phrase phraseFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
