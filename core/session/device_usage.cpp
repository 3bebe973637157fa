#include "session/device_usage.h"

#include <algorithm>
#include <map>

#include "session/stop_conditions.h"
#include "util/text.h"

namespace kforge {

double DeviceUsage::idleFraction(double wallSeconds) const {
    if (wallSeconds <= 0) return 0;
    return std::clamp(1.0 - busySeconds / wallSeconds, 0.0, 1.0);
}

std::vector<DeviceUsage> deviceUsage(const std::vector<DeviceMeasurement>& measurements) {
    std::vector<DeviceUsage> out;  // in the order of first appearance
    std::vector<std::vector<std::pair<double, double>>> windows;  // out[i]'s, as [from, to]
    std::map<std::string, size_t> index;
    for (const auto& [device, window] : measurements) {
        const auto [it, added] = index.try_emplace(device, out.size());
        if (added) {
            out.push_back({});
            out.back().device = device;
            windows.emplace_back();
        }
        DeviceUsage& u = out[it->second];
        u.runners.insert(window.runnerIndex);
        ++u.measurements;
        windows[it->second].emplace_back(window.from, window.to);
    }
    for (size_t i = 0; i < out.size(); ++i) {
        DeviceUsage& u = out[i];
        auto& w = windows[i];
        std::sort(w.begin(), w.end());
        u.firstFrom = w.front().first;
        double coveredTo = w.front().first;  // the end of the union so far
        for (const auto& [from, to] : w) {
            if (from < coveredTo) {
                ++u.overlaps;
                u.overlapSeconds += std::min(to, coveredTo) - from;
            }
            if (to > coveredTo) {
                u.busySeconds += to - std::max(from, coveredTo);
                coveredTo = to;
            }
        }
        u.lastTo = coveredTo;
    }
    return out;
}

std::string describeDeviceUsage(const DeviceUsage& u, double wallSeconds) {
    std::string runners;
    for (int r : u.runners) runners += (runners.empty() ? "" : ",") + std::to_string(r);
    std::string out = u.device + ": " + std::to_string(u.measurements) + " measurement" + (u.measurements == 1 ? "" : "s") +
                      " by runner" + (u.runners.size() == 1 ? " " : "s ") + runners + "; busy " +
                      formatNumber("%.0f%%", 100 * (1 - u.idleFraction(wallSeconds))) + " of " + formatDuration(wallSeconds) + ", ";
    if (u.overlaps == 0) return out + "requests never overlapped";
    return out + std::to_string(u.overlaps) + " request" + (u.overlaps == 1 ? "" : "s") + " OVERLAPPED another (" +
           formatNumber("%.3f s", u.overlapSeconds) + ")";
}

}  // namespace kforge
