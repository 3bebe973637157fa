#include "session/generator_registry.h"

#include <algorithm>

namespace kforge {

void GeneratorRegistry::add(GeneratorRegistration registration) {
    if (registration.name.empty()) throw Error("a generator needs a name to be registered");
    if (find(registration.name))
        throw Error("a generator named '" + registration.name + "' is registered already (" + namesText() + ")");
    if (!registration.make) throw Error("generator '" + registration.name + "' has no factory");
    registrations_.push_back(std::move(registration));
}

const GeneratorRegistration* GeneratorRegistry::find(std::string_view name) const {
    const auto it = std::find_if(registrations_.begin(), registrations_.end(),
                                 [&](const GeneratorRegistration& r) { return r.name == name; });
    return it == registrations_.end() ? nullptr : &*it;
}

const GeneratorRegistration& GeneratorRegistry::at(std::string_view name, std::string_view where) const {
    if (const auto* r = find(name)) return *r;
    throw Error(std::string(where) + ": unknown generator '" + std::string(name) + "' (known: " +
                (registrations_.empty() ? std::string("none are registered") : namesText()) + ")");
}

std::string GeneratorRegistry::namesText() const {
    std::string text;
    for (size_t i = 0; i < registrations_.size(); ++i)
        text += (i == 0 ? "" : i + 1 == registrations_.size() ? " and " : ", ") + registrations_[i].name;
    return text;
}

}  // namespace kforge
