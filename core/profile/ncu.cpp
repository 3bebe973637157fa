#include "profile/ncu.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "util/clock.h"
#include "util/process.h"
#include "util/text.h"

namespace kforge {
namespace {

// RFC 4180 rows; a quoted cell may hold commas (template kernel names do).
std::vector<std::vector<std::string>> csvRows(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
            else if (c == '"') quoted = false;
            else cell += c;
        } else if (c == '"') {
            quoted = any = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (any || !cell.empty()) {
                row.push_back(std::move(cell));
                rows.push_back(std::move(row));
            }
            row.clear();
            cell.clear();
            any = false;
        } else {
            cell += c;
            any = true;
        }
    }
    if (any || !cell.empty()) {
        row.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    return rows;
}

// Factor to base units (ns, bytes); 1 for counts, ratios and percentages.
double unitScale(const std::string& unit) {
    static const std::map<std::string, double> scale{
        {"ns", 1},      {"us", 1e3},      {"ms", 1e6},      {"s", 1e9},
        {"nsecond", 1}, {"usecond", 1e3}, {"msecond", 1e6}, {"second", 1e9},  {"byte", 1},
        {"Kbyte", 1e3}, {"Mbyte", 1e6},   {"Gbyte", 1e9},   {"Tbyte", 1e12}, {"KB", 1e3},
        {"MB", 1e6},    {"GB", 1e9},      {"Kibyte", 1024}, {"Mibyte", 1048576.0}};
    const auto it = scale.find(unit);
    return it == scale.end() ? 1.0 : it->second;
}

std::optional<double> parseNumber(std::string cell) {
    std::erase(cell, ',');  // thousands separators
    if (cell.empty() || cell == "n/a") return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str()) return std::nullopt;
    return v;
}

bool runs(const std::filesystem::path& exe, NcuTool& out) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(exe, ec)) return false;
    RunOptions o;
    o.timeout = std::chrono::seconds(30);
    const ProcessResult r = runProcess({exe.string(), "--version"}, o);
    if (!r.ok()) return false;
    out.executable = exe;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);)
        if (line.starts_with("Version ")) out.version = line.substr(8, line.find(' ', 8) - 8);
    return true;
}

}  // namespace

std::optional<NcuTool> findNcu(std::string& why) {
    NcuTool tool;
    if (const char* env = std::getenv("KFORGE_NCU"); env && *env) {
        if (runs(env, tool)) return tool;
        why = std::string("KFORGE_NCU=") + env + " does not run (ncu --version failed)";
        return std::nullopt;
    }
    std::vector<std::filesystem::path> candidates;
    if (const char* path = std::getenv("PATH")) {
        std::istringstream dirs(path);
        for (std::string d; std::getline(dirs, d, ':');)
            if (!d.empty()) candidates.push_back(std::filesystem::path(d) / "ncu");
    }
    if (const char* cuda = std::getenv("CUDA_HOME"); cuda && *cuda) candidates.push_back(std::filesystem::path(cuda) / "bin/ncu");
    candidates.push_back("/usr/local/cuda/bin/ncu");
    std::error_code ec;
    std::vector<std::filesystem::path> installs;
    for (const auto& e : std::filesystem::directory_iterator("/opt/nvidia/nsight-compute", ec)) installs.push_back(e.path() / "ncu");
    std::sort(installs.rbegin(), installs.rend());  // the newest version first
    candidates.insert(candidates.end(), installs.begin(), installs.end());
    for (const auto& c : candidates)
        if (runs(c, tool)) return tool;
    why = "Nsight Compute (ncu) was not found: install it with the CUDA toolkit, put it on PATH or set KFORGE_NCU";
    return std::nullopt;
}

std::vector<std::string> ncuCommand(const NcuTool& ncu, const std::vector<std::string>& metrics,
                                    const std::filesystem::path& logFile, const std::vector<std::string>& target) {
    std::string list;
    for (const auto& m : metrics) list += (list.empty() ? "" : ",") + m;
    std::vector<std::string> cmd{ncu.executable.string(),
                                 // The clocks stay as they are when timing: counters read at the same clocks.
                                 "--clock-control", "none",
                                 // Only what the runner brackets with cuProfilerStart/Stop: the candidate's launches.
                                 "--profile-from-start", "off",
                                 "--csv", "--page", "raw",
                                 "--metrics", list,
                                 "--log-file", logFile.string(),
                                 "--"};
    cmd.insert(cmd.end(), target.begin(), target.end());
    return cmd;
}

NcuCsv parseNcuCsv(std::string_view text) {
    NcuCsv out;
    // ncu prints "==PROF==" and "==WARNING==" lines around the table; the table
    // starts at the header row that names the kernel column.
    const size_t start = text.find("\"ID\",");
    if (start == std::string_view::npos) {
        out.error = "no kernel table in ncu's output";
        return out;
    }
    auto rows = csvRows(text.substr(start));
    // Rows end where the tool's messages resume.
    std::erase_if(rows, [](const auto& r) { return !r.empty() && r[0].starts_with("=="); });
    if (rows.empty()) {
        out.error = "no kernel table in ncu's output";
        return out;
    }
    const auto& header = rows[0];
    auto column = [&](std::string_view name) -> std::optional<size_t> {
        for (size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return std::nullopt;
    };
    const auto nameCol = column("Kernel Name"), gridCol = column("Grid Size"), blockCol = column("Block Size");
    if (!nameCol) {
        out.error = "ncu's table has no 'Kernel Name' column";
        return out;
    }
    std::map<size_t, const ProfileMetric*> metricCols;
    for (const auto& m : profileMetrics())
        if (const auto c = column(m.ncuName)) metricCols[*c] = &m;
    size_t first = 1;
    std::vector<double> scale(header.size(), 1.0);
    // The units row: no ID, a unit per metric column.
    if (rows.size() > 1 && !rows[1].empty() && rows[1][0].empty()) {
        for (size_t i = 0; i < rows[1].size() && i < scale.size(); ++i) scale[i] = unitScale(rows[1][i]);
        first = 2;
    }
    for (size_t r = first; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() <= *nameCol) continue;
        KernelProfile k;
        k.name = row[*nameCol];
        if (gridCol && *gridCol < row.size()) k.grid = row[*gridCol];
        if (blockCol && *blockCol < row.size()) k.block = row[*blockCol];
        for (const auto& [col, metric] : metricCols)
            if (col < row.size())
                if (const auto v = parseNumber(row[col])) k.metrics[metric->key] = *v * scale[col];
        out.kernels.push_back(std::move(k));
    }
    return out;
}

std::vector<std::string> unknownNcuMetrics(std::string_view output, const std::vector<std::string>& asked) {
    std::vector<std::string> unknown;
    std::istringstream lines{std::string(output)};
    for (std::string line; std::getline(lines, line);) {
        if (line.find("==ERROR==") == std::string::npos || line.find("metric") == std::string::npos) continue;
        for (const auto& m : asked)
            if (line.find(m) != std::string::npos && std::find(unknown.begin(), unknown.end(), m) == unknown.end()) unknown.push_back(m);
    }
    return unknown;
}

std::string ncuToolFailure(std::string_view output) {
    static const char* kSigns[] = {"ERR_NVGPUCTRPERM", "Failed to initialize the profiler", "LibraryNotLoaded",
                                   "Profiling is not supported on this device", "Failed to prepare kernel for profiling",
                                   "This device is not supported"};
    std::istringstream lines{std::string(output)};
    for (std::string line; std::getline(lines, line);)
        for (const char* sign : kSigns)
            if (line.find(sign) != std::string::npos) {
                while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
                return line;
            }
    return {};
}

namespace {

// A fresh folder for one run's files, removed when the run ends.
struct ScratchDir {
    std::filesystem::path path;
    ScratchDir() {
        static std::atomic<int> counter{0};
        path = std::filesystem::temp_directory_path() /
               ("kforge-profile-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

std::string readIfThere(const std::filesystem::path& file) {
    std::ifstream in(file);
    return in ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
}

std::string tail(const std::string& text, size_t max = 600) {
    return text.size() <= max ? text : "..." + text.substr(text.size() - max);
}

}  // namespace

NodeProfile runUnderNcu(const NcuTool& ncu, const NcuRunRequest& request) {
    NodeProfile profile;
    profile.tool = "Nsight Compute " + (ncu.version.empty() ? std::string("(unknown version)") : ncu.version);
    profile.collectedAt = isoNowUtc();
    const auto started = std::chrono::steady_clock::now();
    const ScratchDir dir;
    const auto requestFile = dir.path / "request.json", resultFile = dir.path / "result.json", logFile = dir.path / "ncu.csv";
    writeTextFileAtomically(requestFile, nlohmann::json{{"spec", request.spec}}.dump());

    std::vector<std::string> metrics;
    for (const auto& m : profileMetrics()) metrics.emplace_back(m.ncuName);
    const std::vector<std::string> target{request.runner.string(), "--backend", request.backend, "--device",
                                          std::to_string(request.ordinal), "--profile", requestFile.string(),
                                          "--result", resultFile.string()};
    RunOptions options;
    options.timeout = request.timeout;
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::error_code ec;
        std::filesystem::remove(logFile, ec);
        std::filesystem::remove(resultFile, ec);
        const ProcessResult run = runProcess(ncuCommand(ncu, metrics, logFile, target), options);
        const std::string log = readIfThere(logFile);
        const std::string all = log + "\n" + run.output;
        profile.seconds = secondsSince(started);
        if (const std::string failure = ncuToolFailure(all); !failure.empty()) {
            profile.error = "ncu cannot profile on this machine: " + failure;
            profile.toolUnavailable = true;
            return profile;
        }
        if (const auto unknown = unknownNcuMetrics(all, metrics); !unknown.empty() && unknown.size() < metrics.size()) {
            std::erase_if(metrics, [&](const std::string& m) { return std::find(unknown.begin(), unknown.end(), m) != unknown.end(); });
            continue;  // this ncu names some counters differently: go on without them
        }
        if (run.status.timedOut) {
            profile.error = "ncu did not finish within " + std::to_string(request.timeout.count() / 1000) + " s";
            return profile;
        }
        const std::string resultText = readIfThere(resultFile);
        if (resultText.empty()) {
            profile.error = "the profiled runner wrote no result (ncu " + run.status.describe() + "): " + tail(all);
            return profile;
        }
        const auto result = nlohmann::json::parse(resultText, nullptr, false);
        if (result.is_discarded() || result.value("status", "") != "PASSED") {
            profile.error = "the candidate failed under the profiler: " +
                            (result.is_discarded() ? tail(resultText) : result.value("status", "") + ": " + result.value("message", ""));
            return profile;
        }
        // The table goes where --log-file says; read what ncu printed if it is not there.
        NcuCsv csv = parseNcuCsv(log);
        if (!csv.error.empty())
            if (NcuCsv printed = parseNcuCsv(run.output); printed.error.empty()) csv = std::move(printed);
        if (!csv.error.empty()) {
            profile.error = csv.error + " (ncu " + run.status.describe() + "): " + tail(all);
            return profile;
        }
        profile.kernels = std::move(csv.kernels);
        if (profile.kernels.empty()) profile.error = "the candidate launched no kernel that ncu could profile";
        return profile;
    }
    profile.error = "ncu kept refusing metrics: " + tail(readIfThere(logFile));
    return profile;
}

}  // namespace kforge
