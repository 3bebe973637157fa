#pragma once
// Where an LLM key comes from (an environment variable or the OS keychain) and
// how it stays out of everything KernelForge writes: the key lives only in the
// request headers; every text that leaves the client goes through redact().
#include <string>
#include <string_view>

#include "llm/provider_config.h"

namespace kforge {

struct ApiKey {
    std::string value;   // empty for servers that need none (a local vLLM, Ollama)
    std::string origin;  // "environment variable DEEPSEEK_API_KEY", "keychain", "none"
};

// Throws kforge::Error naming the variable or the keychain entry when the
// provider names a key source that holds nothing.
ApiKey resolveApiKey(const ProviderConfig& provider);

// Whether the provider's key can be found now, for showing: masked, with its
// origin, or why it is missing. Never the key itself.
struct KeyStatus {
    bool found = false;   // a key was found, or the provider needs none
    std::string masked;   // maskKey() of it; empty when the provider needs none
    std::string origin;   // "environment variable X", "keychain"
    std::string problem;  // when not found: resolveApiKey's message
};
KeyStatus keyStatus(const ProviderConfig& provider);

// The OS keychain through libsecret's command-line tool (secret-tool), under
// service=kernelforge provider=<name>. Throws with secret-tool's message.
void storeKeyInKeychain(const std::string& provider, const std::string& key);
void removeKeyFromKeychain(const std::string& provider);
bool keychainAvailable();

// "sk-…f3a9": enough to tell two keys apart, never enough to use one.
std::string maskKey(std::string_view key);
// `text` with every occurrence of `key` (and of its URL-encoded form) masked.
std::string redact(std::string text, std::string_view key);

}  // namespace kforge
