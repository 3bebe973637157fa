#include "torchref/torch_child.h"

#include <fstream>

#include "util/process.h"

namespace kforge {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

MeasuredBaseline failed(const std::string& name, Status status, Phrase message) {
    MeasuredBaseline b;
    b.name = name;
    b.status = status;
    b.message = std::move(message);
    return b;
}

}  // namespace

TorchRunResult runTorchChild(const TorchPython& python, const std::filesystem::path& pythonDir, Json request,
                             const std::filesystem::path& requestFile, const TorchChildLimits& limits) {
    TorchRunResult result;
    const auto wanted = request.at("baselines").get<std::vector<std::string>>();
    Json skip = Json::array();
    auto done = [&](const std::string& uuid, const std::string& name) {
        for (const auto& b : result.baselines[uuid])
            if (b.name == name) return true;
        return false;
    };
    auto record = [&](const std::string& uuid, MeasuredBaseline b) {
        skip.push_back({uuid, b.name});
        result.baselines[uuid].push_back(std::move(b));
    };
    const std::string bootstrap = "import sys; sys.path.insert(0, sys.argv[1]); from kforge_torch.child import main; "
                                  "sys.exit(main([sys.argv[0], sys.argv[2]]))";
    for (int attempt = 0;; ++attempt) {
        request["skip"] = skip;
        {
            std::ofstream out(requestFile);
            out << request.dump();
            if (!out) {
                result.error = requestFile.string() + ": cannot be written";
                return result;
            }
        }
        ChildProcess child;
        if (const auto e = child.start({python.executable, "-u", "-c", bootstrap, pythonDir.string(), requestFile.string()})) {
            result.error = python.executable + ": " + *e;
            return result;
        }
        std::string uuid, baseline, phase, lastProgress, line;
        bool finished = false;
        std::optional<std::pair<Status, std::string>> died;
        while (!finished && !died) {
            const auto deadline = Clock::now() + (phase == "compile" ? limits.compileTimeout : limits.stepTimeout);
            switch (child.readLine(line, deadline)) {
                case ChildProcess::ReadStatus::Timeout: {
                    child.kill();
                    const auto limit = phase == "compile" ? limits.compileTimeout : limits.stepTimeout;
                    died = std::pair{Status::Timeout, "the PyTorch child made no progress for " +
                                                          std::to_string(limit.count() / 1000) + " s and was killed"};
                    break;
                }
                case ChildProcess::ReadStatus::Closed: {
                    const ExitStatus st = child.reap(std::chrono::seconds(5));
                    std::string tail = child.stderrTail();
                    if (tail.size() > 1500) tail = "..." + tail.substr(tail.size() - 1500);
                    died = std::pair{st.exited ? Status::RuntimeError : Status::Fault,
                                     "the PyTorch child " + (st.exited ? "exited with " : std::string("was ")) + st.describe() +
                                         (tail.empty() ? "" : ": " + tail)};
                    break;
                }
                case ChildProcess::ReadStatus::Line: {
                    Json j;
                    try {
                        j = Json::parse(line);
                    } catch (const std::exception&) {
                        continue;  // not ours (the child keeps the protocol on a private stdout; be lenient anyway)
                    }
                    if (j.contains("progress")) {
                        lastProgress = j.value("progress", "");
                        uuid = j["uuid"].is_string() ? j["uuid"].get<std::string>() : "";
                        baseline = j["baseline"].is_string() ? j["baseline"].get<std::string>() : "";
                        phase = j.value("phase", "run");
                    } else if (j.contains("hello")) {
                        result.torchVersion = j.value("torch", "");
                        result.pythonVersion = j.value("python", "");
                        result.device = j.value("device", "");
                    } else if (j.contains("outputs")) {
                        result.outputsWritten.insert(j.at("outputs").get<std::string>());
                    } else if (j.contains("baseline")) {
                        const Json& b = j.at("baseline");
                        Json codec = b;
                        codec.erase("uuid");
                        try {
                            record(b.at("uuid").get<std::string>(), measuredBaselineFromJson(codec, "the PyTorch child's baseline"));
                        } catch (const std::exception& e) {
                            child.kill();
                            result.error = e.what();
                            return result;
                        }
                        phase = "run";
                    } else if (j.contains("done")) {
                        finished = true;
                    } else if (j.contains("error")) {
                        child.kill();
                        result.error = j.value("error", "the PyTorch child failed");
                        return result;
                    }
                    break;
                }
            }
        }
        if (finished) {
            child.reap(std::chrono::seconds(5));
            return result;
        }
        // A crash or hang: the step that was running takes the blame, then go on without it.
        const std::string what = died->second + (lastProgress.empty() ? "" : " (during \"" + lastProgress + "\")");
        if (uuid.empty() || baseline.empty() || done(uuid, baseline)) {
            result.error = what;
            return result;
        }
        record(uuid, failed(baseline, died->first, verbatim(what)));
        if (baseline == "eager")  // without the reference's outputs nothing else of this workload can be checked
            for (const auto& name : wanted)
                if (!done(uuid, name)) record(uuid, failed(name, Status::NotRun, phrase(QT_TRANSLATE_NOOP("Phrase", "the reference failed: %1"), what)));
        ++result.restarts;
    }
}

}  // namespace kforge
