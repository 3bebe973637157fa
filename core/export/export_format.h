#pragma once
// The formats a node can be exported in, behind one small interface, and the
// registry the CLI (and the GUI's export dialog) list them from. A format turns
// an ExportPlan into files in memory; writeExport() puts them on disk all at
// once, so a failed export leaves nothing behind.
#include <filesystem>
#include <string>
#include <vector>

#include "export/export_plan.h"
#include "util/phrase.h"

namespace kforge {

struct ExportFile {
    std::string path;  // relative to the export's directory
    std::string content;
    bool executable = false;
};

class ExportFormat {
public:
    virtual ~ExportFormat() = default;
    virtual std::string name() const = 0;         // as `--format` spells it
    virtual Phrase description() const = 0;  // one line for listings (the GUI shows it translated)
    // Empty when the format can export for this backend; else why not.
    virtual Phrase unsupported(Backend backend) const = 0;
    // Throws kforge::Error when the plan cannot be expressed in the format.
    virtual std::vector<ExportFile> files(const ExportPlan& plan) const = 0;
};

// Every format, in the order listings show them.
const std::vector<const ExportFormat*>& exportFormats();
// Throws kforge::Error naming the known formats.
const ExportFormat& exportFormat(const std::string& name);
std::string exportFormatNames();  // "standalone, torch, ..."

// The files of `format` for `plan`, after checking the backend.
std::vector<ExportFile> exportFiles(const ExportFormat& format, const ExportPlan& plan);

// Writes the files into a temporary directory beside `outDir` and renames it
// to `outDir` at the end. `outDir` must not exist, or be an empty directory.
void writeExport(const std::vector<ExportFile>& files, const std::filesystem::path& outDir);

// The formats' own factories (one file each).
const ExportFormat& standaloneExportFormat();
const ExportFormat& torchExportFormat();
const ExportFormat& kernelBuilderExportFormat();
const ExportFormat& fibExportFormat();

}  // namespace kforge
