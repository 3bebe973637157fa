#pragma once
// A session's side of the tuning cache: the configurations its tuner starts
// from, and the measurements it leaves behind. The cache never decides a
// session's outcome: when it cannot be opened or written the session goes on
// without it, and says so once.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/eval_report.h"
#include "model/node.h"
#include "model/session_config.h"
#include "store/tuning_cache.h"

namespace kforge {

class SessionTuningCache {
public:
    using Say = std::function<void(const Phrase&)>;
    // `record` is the engine's, read when asked (its device and uuid are set
    // after construction); `toolchainVersion` is asked once, lazily.
    SessionTuningCache(const SessionRecord& record, std::function<std::string()> toolchainVersion, Say say);
    ~SessionTuningCache();

    // The cache's configurations for this source on this machine, fastest
    // first, less `rootConfig` (the source's defaults, which its root is
    // measured at); says what it found, and what it found stale.
    std::vector<TuneConfig> priors(const std::string& sourceHash, const TuneConfig& rootConfig);
    // Offers each timed workload of a PASSED node.
    void feed(const Node& node, const EvalReport& report);

private:
    TuningCache* cache();
    TuningKey keyFor(const std::string& sourceHash, const std::string& axes);
    void fail(const Phrase& what);

    const SessionRecord& record_;
    std::function<std::string()> toolchainVersion_;
    Say say_;
    std::unique_ptr<TuningCache> cache_;
    bool failed_ = false;
    std::string taskHash_, toolchain_;
};

}  // namespace kforge
