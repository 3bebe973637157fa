#include "cache_commands.h"

#include <cstdio>
#include <iostream>

#include "store/tuning_cache.h"
#include "task/tune_space.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge::cli {

CacheCommands::CacheCommands(CLI::App& app) {
    auto* cache = app.add_subcommand(
        "cache", "The tuning cache: the fastest configuration of each tuned source per workload and machine (" +
                     TuningCache::defaultFile().string() + ")");
    cache->require_subcommand(1);
    list_ = cache->add_subcommand("list", "Every entry: task, workload, device, toolchain, configuration, median");
    list_->add_option("--task", task_, "only this task's entries");
    list_->add_flag("--json", json_, "one JSON array");
    show_ = cache->add_subcommand("show", "One entry in full");
    show_->add_option("ID", id_, "the entry's id (from `kforge cache list`)")->required();
    show_->add_flag("--json", json_, "one JSON object");
    clear_ = cache->add_subcommand("clear", "Removes every entry, or one task's");
    clear_->add_option("--task", task_, "only this task's entries");
}

std::optional<int> CacheCommands::run() {
    if (list_->parsed()) return list();
    if (show_->parsed()) return show();
    if (clear_->parsed()) return clear();
    return std::nullopt;
}

int CacheCommands::list() const {
    TuningCache cache(TuningCache::defaultFile());
    const auto entries = cache.list(task_);
    if (json_) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& e : entries) all.push_back(toJson(e));
        std::cout << all.dump(2) << "\n";
        return 0;
    }
    std::cout << cache.file().string() << ": " << entries.size() << (entries.size() == 1 ? " entry" : " entries") << "\n";
    for (const auto& e : entries)
        std::printf("%6lld  %-24s %-28s %-24s %-10s %10s ms  %s  [source %s, %s]\n", static_cast<long long>(e.id), e.task.c_str(),
                    e.key.axes.c_str(), e.key.device.c_str(), e.key.arch.c_str(), formatNumber("%.4g", e.medianMs).c_str(),
                    describeConfig(e.config).c_str(), e.key.sourceHash.substr(0, 12).c_str(), e.key.toolchain.c_str());
    return 0;
}

int CacheCommands::show() const {
    TuningCache cache(TuningCache::defaultFile());
    const auto e = cache.entry(id_);
    if (!e) throw Error("the tuning cache (" + cache.file().string() + ") has no entry " + std::to_string(id_) + " (see `kforge cache list`)");
    if (json_) {
        std::cout << toJson(*e).dump(2) << "\n";
        return 0;
    }
    std::cout << "entry " << e->id << " of " << cache.file().string() << "\n"
              << "  task       " << e->task << " (definition " << e->key.taskHash.substr(0, 12) << ")\n"
              << "  workload   " << e->workload << " (" << e->key.axes << ")\n"
              << "  device     " << e->key.device << " (" << e->key.arch << ")\n"
              << "  toolchain  " << e->key.toolchain << "\n"
              << "  source     " << e->key.sourceHash << "\n"
              << "  config     " << describeConfig(e->config) << "\n"
              << "  median     " << formatNumber("%.6g", e->medianMs) << " ms over " << e->samples << " calls (robust CV "
              << formatNumber("%.2f", 100 * e->cv) << "%)\n"
              << "  measured   by node " << e->node << " of session " << e->session << " at " << e->recordedAt << "\n";
    return 0;
}

int CacheCommands::clear() const {
    TuningCache cache(TuningCache::defaultFile());
    const int64_t removed = cache.clear(task_);
    std::cout << "removed " << removed << (removed == 1 ? " entry" : " entries") << " from " << cache.file().string() << "\n";
    return 0;
}

}  // namespace kforge::cli
