#include "llm/api_key.h"

#include <cstdlib>

#include "util/error.h"
#include "util/exit_phrase.h"
#include <cctype>

#include "util/process.h"

namespace kforge {
namespace {

std::vector<std::string> keychainAttributes(const std::string& provider) {
    return {"service", "kernelforge", "provider", provider};
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string urlEncoded(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

void replaceAll(std::string& text, std::string_view what, const std::string& with) {
    if (what.empty()) return;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

}  // namespace

ApiKey resolveApiKey(const ProviderConfig& provider) {
    if (!provider.keyEnv.empty()) {
        const char* v = std::getenv(provider.keyEnv.c_str());
        if (v && *v) return {trimmed(v), "environment variable " + provider.keyEnv};
        if (!provider.keyInKeychain)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "provider '%1': the environment variable %2 "
                                                           "that should hold its key is not set"),
                               provider.name, provider.keyEnv));
    }
    if (provider.keyInKeychain) {
        std::vector<std::string> argv = {"secret-tool", "lookup"};
        for (auto& a : keychainAttributes(provider.name)) argv.push_back(a);
        RunOptions options;
        options.timeout = std::chrono::seconds(20);
        const auto r = runProcess(argv, options);
        const std::string key = trimmed(r.output);
        if (r.ok() && !key.empty()) return {key, "keychain"};
        const Phrase why = r.status.code == 127 ? phrase(QT_TRANSLATE_NOOP("Phrase", "secret-tool is not installed"))
                                                : exitPhrase(r.status);
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "provider '%1': no key in the OS keychain "
                                                       "(secret-tool lookup service kernelforge provider %2: %3)"),
                           provider.name, provider.name, why));
    }
    return {"", "none"};
}

KeyStatus keyStatus(const ProviderConfig& provider) {
    try {
        const ApiKey key = resolveApiKey(provider);
        return {true, key.value.empty() ? std::string{} : maskKey(key.value), key.origin, {}};
    } catch (const Error& e) {
        return {false, {}, {}, e.what()};
    }
}

void storeKeyInKeychain(const std::string& provider, const std::string& key) {
    if (key.empty()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "provider '%1': an empty key cannot be stored"), provider));
    std::vector<std::string> argv = {"secret-tool", "store", "--label=KernelForge LLM key (" + provider + ")"};
    for (auto& a : keychainAttributes(provider)) argv.push_back(a);
    RunOptions options;
    options.timeout = std::chrono::seconds(60);
    options.input = key;
    const auto r = runProcess(argv, options);
    // secret-tool's own message never repeats the secret; redact anyway.
    if (!r.ok())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "provider '%1': the keychain refused the key: %2"), provider,
                           redact(trimmed(r.output), key)));
}

void removeKeyFromKeychain(const std::string& provider) {
    std::vector<std::string> argv = {"secret-tool", "clear"};
    for (auto& a : keychainAttributes(provider)) argv.push_back(a);
    const auto r = runProcess(argv);
    if (!r.ok())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "provider '%1': the keychain entry could not be removed: %2"), provider,
                           trimmed(r.output)));
}

bool keychainAvailable() {
    RunOptions options;
    options.timeout = std::chrono::seconds(5);
    return runProcess({"secret-tool", "--version"}, options).status.code != 127;
}

std::string maskKey(std::string_view key) {
    if (key.empty()) return "(none)";
    if (key.size() < 12) return std::string(8, '*');
    const size_t dash = key.find('-');
    const std::string prefix = dash != std::string_view::npos && dash < 8 ? std::string(key.substr(0, dash + 1)) : "";
    return prefix + "…" + std::string(key.substr(key.size() - 4));
}

std::string redact(std::string text, std::string_view key) {
    if (key.size() < 4) return text;  // too short to be a real key; masking would garble the text
    const std::string mask = maskKey(key);
    replaceAll(text, key, mask);
    const std::string encoded = urlEncoded(key);
    if (encoded != key) replaceAll(text, encoded, mask);
    return text;
}

}  // namespace kforge
