#pragma once
// The providers a user has set up: ready-made presets, and providers.json,
// shared by the CLI and the desktop app. One provider is a model type
// (model/provider_config.h).
#include <filesystem>
#include <string>
#include <vector>

#include "model/provider_config.h"

namespace kforge {

// Ready-made starting points for the services docs/llm.md describes.
struct ProviderPreset {
    std::string id;           // "openai", "anthropic", "deepseek", "dashscope", "vllm", "sglang", "ollama", "llamacpp"
    std::string title;        // "OpenAI", "Qwen (DashScope)", ...
    ProviderConfig config;
};
const std::vector<ProviderPreset>& providerPresets();

// $KFORGE_PROVIDERS, else $XDG_CONFIG_HOME/kernelforge/providers.json, else ~/.config/kernelforge/providers.json.
std::filesystem::path defaultProvidersPath();
// An absent file is an empty list; a damaged one throws with the file and field.
std::vector<ProviderConfig> loadProviders(const std::filesystem::path& file);
// Written to a temporary file and renamed over, so a crash never leaves half a file.
void saveProviders(const std::filesystem::path& file, const std::vector<ProviderConfig>& providers);
// The provider called `name`; throws listing the known names when there is none.
ProviderConfig findProvider(const std::vector<ProviderConfig>& providers, const std::string& name,
                            const std::filesystem::path& file);

}  // namespace kforge
