#include "export/export_format.h"

#include <unistd.h>

#include <fstream>
#include <random>
#include <set>
#include <system_error>

#include "util/error.h"
#include "util/text.h"

namespace kforge {

const std::vector<const ExportFormat*>& exportFormats() {
    static const std::vector<const ExportFormat*> all = {&standaloneExportFormat(), &torchExportFormat(),
                                                          &kernelBuilderExportFormat(), &fibExportFormat()};
    return all;
}

std::string exportFormatNames() {
    return joinText(exportFormats(), ", ", [](const ExportFormat* f) { return f->name(); });
}

const ExportFormat& exportFormat(const std::string& name) {
    for (const auto* f : exportFormats())
        if (f->name() == name) return *f;
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown export format '%1' (known: %2)"), name, exportFormatNames()));
}

std::vector<ExportFile> exportFiles(const ExportFormat& format, const ExportPlan& plan) {
    const Phrase why = format.unsupported(plan.backend());
    if (!why.empty())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "format %1 cannot export a %2 session: %3"), format.name(),
                           std::string(backendName(plan.backend())), why));
    return format.files(plan);
}

void writeExport(const std::vector<ExportFile>& files, const std::filesystem::path& outDir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(outDir) && !(fs::is_directory(outDir) && fs::is_empty(outDir)))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1 already exists and is not an empty directory; choose another --out"),
                           outDir.string()));
    const fs::path parent = fs::absolute(outDir).parent_path();
    fs::create_directories(parent, ec);
    if (ec) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot create %1: %2"), parent.string(), ec.message()));
    std::set<std::string> seen;
    for (const auto& f : files) {
        const fs::path p(f.path);
        if (p.empty() || p.is_absolute() || f.path.find("..") != std::string::npos || !seen.insert(f.path).second)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "export produced a bad or repeated path '%1'"), f.path));
    }
    std::mt19937_64 rng(std::random_device{}());
    const fs::path temp = parent / ("." + fs::absolute(outDir).filename().string() + ".partial-" + std::to_string(::getpid()) + "-" +
                                    std::to_string(rng() % 1000000));
    try {
        fs::create_directories(temp);
        for (const auto& f : files) {
            const fs::path target = temp / f.path;
            fs::create_directories(target.parent_path());
            std::ofstream out(target, std::ios::binary);
            out << f.content;
            out.close();
            if (!out) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot write %1"), target.string()));
            if (f.executable)
                fs::permissions(target, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
        }
        if (fs::exists(outDir)) fs::remove(outDir);  // the empty directory checked above
        fs::rename(temp, outDir);
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(temp, ec);
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "cannot write the export to %1: %2"), outDir.string(), e.what()));
    } catch (...) {
        fs::remove_all(temp, ec);
        throw;
    }
}

}  // namespace kforge
