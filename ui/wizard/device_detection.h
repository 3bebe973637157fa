#pragma once
// The devices a session can run on, as `kforge devices` finds them: one runner
// per backend is started and asked for its hello. That takes seconds (the
// runner measures the device's ceilings), so detectDevices() is called off the
// UI thread; the wizard takes the detector as a function so that tests can
// stand in for it.
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

#include "eval/paths.h"
#include "model/device_facts.h"
#include "task/task.h"

namespace kforge::ui {

struct DetectedDevice {
    kforge::Backend backend = kforge::Backend::Cpu;
    bool available = false;
    kforge::DeviceFacts facts;  // the runner's hello, when available
    QString why;                // when not available
    QString compiler;           // the toolchain's first version line; empty when it is missing
};

using DeviceDetector = std::function<std::vector<DetectedDevice>()>;

// One per backend, in order of preference (kforge::backends(): CUDA, HIP, the
// CPU). Blocking: call it off the UI thread.
std::vector<DetectedDevice> detectDevices(const kforge::AppPaths& paths);

QString backendTitle(kforge::Backend backend);          // the registry's title: "CUDA", "HIP", "CPU"
// Which device is "best" when nothing was chosen: lower first (the registry's order).
int backendPreference(kforge::Backend backend);
// Found, and with a compiler for it: a session can run on it.
bool runnable(const DetectedDevice& device);
QString deviceName(const DetectedDevice& device);       // the device's own name, or the backend's
QStringList deviceFacts(const DetectedDevice& device);  // short lines: cores or SMs, memory, bandwidth, peak

}  // namespace kforge::ui
