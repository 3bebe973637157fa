#pragma once
// A session's candidates as points in the tuner's parameter space: which
// @tune parameters the tuner varied, each one's values in order, and every
// evaluated node that has a value for each parameter on an axis. Kept apart
// from the view so that what is drawn, counted and left out is testable
// without painting, and so the view keeps a few fields per node instead of
// whole nodes (a run's nodes arrive with their evaluations).
#include <QtGlobal>

#include <map>
#include <string>
#include <vector>

#include "model/node.h"

namespace kforge::ui {

struct ParameterSpaceCandidate {
    qint64 id = 0;
    bool tuned = false;      // made by the tuner: its configuration names the parameters
    bool evaluated = false;  // pending nodes have no verdict to show yet
    kforge::Status status = kforge::Status::NotRun;
    double fitness = 0;
    kforge::TuneConfig config;

    static ParameterSpaceCandidate of(const kforge::Node& node);
    bool operator==(const ParameterSpaceCandidate& other) const = default;
};

struct ParameterSpacePoint {
    qint64 id = 0;
    std::vector<int> at;  // per axis, the index of the node's value in ParameterSpaceData::values
    double fitness = 0;   // the speedup; 0 unless passed
    kforge::Status status = kforge::Status::NotRun;
    bool passed() const { return status == kforge::Status::Passed; }
};

struct ParameterSpaceData {
    std::vector<std::string> parameters;           // every parameter of a tuner node's configuration, by name
    std::vector<std::string> shown;                // the axes, in order
    std::vector<std::vector<std::string>> values;  // per axis: the values taken, numerically when all are numbers
    std::vector<ParameterSpacePoint> points;       // by node id
    int failed = 0;   // points with any verdict but PASSED
    int leftOut = 0;  // evaluated nodes without a value for some parameter on an axis
    double minPassed = 0;  // 0 when none passed
    double maxPassed = 0;

    // `shown` empty takes every parameter; names the tuner never varied are dropped.
    static ParameterSpaceData build(const std::map<qint64, ParameterSpaceCandidate>& candidates,
                                    const std::vector<std::string>& shown);
    int indexOf(qint64 id) const;  // into points; -1 when not drawn
};

}  // namespace kforge::ui
