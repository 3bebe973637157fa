#pragma once
// The physics check: the least time a workload can take on a device, from the
// bytes and flops the task declares and the device's measured ceilings.
#include <optional>

#include "model/device_facts.h"
#include "model/eval_report.h"
#include "task/task.h"

namespace kforge {

// A candidate faster than this fraction of the floor is SUSPICIOUS_SPEED.
inline constexpr double kSuspiciousFraction = 0.9;
// The fraction on a backend. GPUs: kSuspiciousFraction. CPUs get more room:
// their last-level cache holds tens of MiB, so a workload of that size can run
// partly from it even after the flush, and a shared VM's memory bandwidth moves
// with its neighbours (21 to 38 GB/s within minutes on the 2-core AMD EPYC VM,
// 2026-12-03), so the ceiling measured at start is rough.
double suspiciousFraction(Backend backend);

std::optional<Floor> physicsFloor(const Task& task, const Workload& w, const DeviceFacts& facts);
double peakTflopsFor(const Task& task, const DeviceFacts& facts);

}  // namespace kforge
