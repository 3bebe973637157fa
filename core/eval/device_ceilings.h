#pragma once
// The highest ceilings (copy and in-cache bandwidth, peak rates) ever measured
// on a device, kept in the cache directory and shared by every process.
//
// A runner measures them when it starts, on a machine that may be busy: two
// measurements of one CPU gave 0.14 and 0.30 TFLOP/s, so the wizard and the
// session's roofline disagreed. A busy machine only ever measures low, so
// each process raises its figures to the best recorded for the same device
// and records its own where they are better: every view of a device then
// uses the same, most faithful, figures. A physical floor computed from a
// higher ceiling is lower, so a kernel is never called too fast because a
// measurement was low.
#include <filesystem>

#include "model/device_facts.h"

namespace kforge {

class DeviceCeilings {
public:
    explicit DeviceCeilings(std::filesystem::path file);
    // $cacheDirectory/device-ceilings.json, or $KFORGE_DEVICE_CEILINGS.
    static std::filesystem::path defaultFile();

    // Raises `facts` to the best figures recorded for its device and records
    // its own where they are better. A file that cannot be read or written is
    // left alone (the figures are then this process's own); never throws.
    void reconcile(DeviceFacts& facts) const;

    // Backend, name, memory and the backend's size (cores or SMs): what
    // tells two devices apart.
    static std::string key(const DeviceFacts& facts);

private:
    void reconcileWithFile(DeviceFacts& facts) const;  // may throw (a damaged file)
    std::filesystem::path file_;
};

}  // namespace kforge
