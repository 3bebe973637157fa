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
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::pair<double, double>>> windows;
    std::map<std::string, DeviceUsage> usage;
    for (const auto& [device, window] : measurements) {
        if (!usage.count(device)) {
            order.push_back(device);
            usage[device].device = device;
        }
        DeviceUsage& u = usage[device];
        u.runners.insert(window.runnerIndex);
        ++u.measurements;
        windows[device].emplace_back(window.from, window.to);
    }
    std::vector<DeviceUsage> out;
    for (const auto& device : order) {
        DeviceUsage u = usage[device];
        auto& w = windows[device];
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
        out.push_back(std::move(u));
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
