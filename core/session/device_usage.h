#pragma once
// How a session's devices were used, from the windows the runners reported
// (EvalReport::window): measurements per device and runner, the time the
// device was busy, and whether two requests on one device ever overlapped,
// which the evaluator's per-device lock must make impossible. Read from the
// runners' own clocks, so it checks that lock rather than trusting it.
#include <set>
#include <string>
#include <vector>

#include "model/eval_report.h"

namespace kforge {

// One request's window on a device, as a session collects them.
struct DeviceMeasurement {
    std::string device;  // EvalReport::runner: "cuda:0", "ssh://box (cuda:1)"
    DeviceWindow window;
};

struct DeviceUsage {
    std::string device;        // EvalReport::runner: "cuda:0", "ssh://box (cuda:1)"
    std::set<int> runners;     // the runner indices that measured on it
    int measurements = 0;
    double busySeconds = 0;    // the union of the windows
    double firstFrom = 0;      // the earliest window's start, unix seconds
    double lastTo = 0;         // the latest window's end
    int overlaps = 0;          // windows that began before an earlier one ended
    double overlapSeconds = 0; // summed over those: the time each shared with the ones before

    // The part of `wallSeconds` (the run's length) the device was not busy.
    double idleFraction(double wallSeconds) const;
};

// One entry per device, in the order of first appearance.
std::vector<DeviceUsage> deviceUsage(const std::vector<DeviceMeasurement>& measurements);

// "cuda:0: 41 measurements by runners 0,1; busy 92% of 3m05s, requests never overlapped"
std::string describeDeviceUsage(const DeviceUsage& u, double wallSeconds);

}  // namespace kforge
