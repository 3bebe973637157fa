#include "session/generator_registry.h"

#include <algorithm>

#include "util/error.h"

namespace kforge {
namespace {

// "tuner, manual and llm", its "and" in the user's language.
Phrase namesPhrase(const std::vector<GeneratorRegistration>& registrations) {
    if (registrations.size() < 2) return verbatim(registrations.empty() ? std::string() : registrations.front().name);
    std::string first;
    for (size_t i = 0; i + 1 < registrations.size(); ++i) first += (i == 0 ? "" : ", ") + registrations[i].name;
    return phrase(QT_TRANSLATE_NOOP("Phrase", "%1 and %2"), first, registrations.back().name);
}

}  // namespace

void GeneratorRegistry::add(GeneratorRegistration registration) {
    if (registration.name.empty()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "a generator needs a name to be registered")));
    if (find(registration.name))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "a generator named '%1' is registered already (%2)"), registration.name,
                           namesPhrase(registrations_)));
    if (!registration.make) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "generator '%1' has no factory"), registration.name));
    registrations_.push_back(std::move(registration));
}

const GeneratorRegistration* GeneratorRegistry::find(std::string_view name) const {
    const auto it = std::find_if(registrations_.begin(), registrations_.end(),
                                 [&](const GeneratorRegistration& r) { return r.name == name; });
    return it == registrations_.end() ? nullptr : &*it;
}

const GeneratorRegistration& GeneratorRegistry::at(std::string_view name, std::string_view where) const {
    if (const auto* r = find(name)) return *r;
    const Phrase known =
        registrations_.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "none are registered")) : namesPhrase(registrations_);
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: unknown generator '%2' (known: %3)"), std::string(where),
                       std::string(name), known));
}

std::string GeneratorRegistry::namesText() const { return namesPhrase(registrations_).english(); }

}  // namespace kforge
