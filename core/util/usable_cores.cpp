#include "util/usable_cores.h"

#include <sched.h>

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace kforge {

namespace {

unsigned affinityCores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof(set), &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0) return static_cast<unsigned>(n);
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

// The quota of this process's cgroup and each of its ancestors (the tightest
// wins), in cores rounded up; 0 when none is set or cgroup v2 is not mounted.
unsigned cgroupQuotaCores() {
    std::ifstream self("/proc/self/cgroup");
    std::string line, path;
    while (std::getline(self, line))
        if (line.rfind("0::", 0) == 0) path = line.substr(3);
    if (path.empty()) return 0;
    unsigned best = 0;
    for (;;) {
        std::ifstream max("/sys/fs/cgroup" + path + "/cpu.max");
        std::string quota;
        double period = 0;
        if (max >> quota >> period && quota != "max" && period > 0) {
            double q = 0;
            std::istringstream(quota) >> q;
            const auto cores = static_cast<unsigned>(std::max(1.0, std::ceil(q / period)));
            best = best == 0 ? cores : std::min(best, cores);
        }
        if (path.empty() || path == "/") break;
        const auto slash = path.find_last_of('/');
        path = slash == 0 || slash == std::string::npos ? std::string("/") : path.substr(0, slash);
    }
    return best;
}

}  // namespace

unsigned usableCores() {
    const unsigned affinity = affinityCores();
    const unsigned quota = cgroupQuotaCores();
    return quota ? std::min(affinity, quota) : affinity;
}

unsigned cpuThreadLimit() {
    unsigned limit = usableCores();
    if (const char* env = std::getenv("OMP_THREAD_LIMIT"); env && *env) {
        char* end = nullptr;
        const unsigned long asked = std::strtoul(env, &end, 10);
        if (end && *end == '\0' && asked > 0) limit = static_cast<unsigned>(std::min<unsigned long>(limit, asked));
    }
    return limit;
}

}  // namespace kforge
