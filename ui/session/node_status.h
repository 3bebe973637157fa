#pragma once
// How the UI names and colours a node's state and verdict, and which nodes a
// status filter lets through: one place, so the table, the filter combo and
// (later) the tree graph agree.
#include <QColor>
#include <QString>

#include <vector>

#include "model/node.h"

namespace kforge::ui {

// The verdicts in the order the UI lists them (PASSED first, NOT_RUN left out).
const std::vector<kforge::Status>& listedStatuses();

// "pending" for a node not yet evaluated, else its verdict, in the UI's language.
QString nodeStatusText(kforge::NodeState state, kforge::Status status);
QString statusText(kforge::Status status);
QColor nodeStatusColor(kforge::NodeState state, kforge::Status status);

class StatusFilter {
public:
    enum class Kind { Any, Pending, Failed, Exactly };

    static StatusFilter any() { return StatusFilter(Kind::Any, kforge::Status::NotRun); }
    static StatusFilter pending() { return StatusFilter(Kind::Pending, kforge::Status::NotRun); }
    // Evaluated, and anything but PASSED.
    static StatusFilter failed() { return StatusFilter(Kind::Failed, kforge::Status::NotRun); }
    static StatusFilter exactly(kforge::Status status) { return StatusFilter(Kind::Exactly, status); }

    bool accepts(kforge::NodeState state, kforge::Status status) const;
    Kind kind() const { return kind_; }
    kforge::Status status() const { return status_; }
    bool operator==(const StatusFilter& other) const { return kind_ == other.kind_ && status_ == other.status_; }

private:
    StatusFilter(Kind kind, kforge::Status status) : kind_(kind), status_(status) {}
    Kind kind_;
    kforge::Status status_;
};

}  // namespace kforge::ui
