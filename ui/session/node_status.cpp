#include "ui/session/node_status.h"

#include <QCoreApplication>

namespace kforge::ui {

const std::vector<kforge::Status>& listedStatuses() {
    using S = kforge::Status;
    static const std::vector<S> all{S::Passed,       S::IncorrectShape,   S::IncorrectNumerical, S::IncorrectDtype,
                                    S::RuntimeError, S::CompileError,     S::Timeout,            S::Fault,
                                    S::Nondeterministic, S::IncompleteWrite, S::SuspiciousSpeed, S::InvalidConfig,
                                    S::InputModified, S::WorkAfterReturn};
    return all;
}

QString statusText(kforge::Status status) {
    using S = kforge::Status;
    switch (status) {
    case S::Passed: return QCoreApplication::translate("kforge::ui::NodeStatus", "passed");
    case S::IncorrectShape: return QCoreApplication::translate("kforge::ui::NodeStatus", "wrong shape");
    case S::IncorrectNumerical: return QCoreApplication::translate("kforge::ui::NodeStatus", "wrong values");
    case S::IncorrectDtype: return QCoreApplication::translate("kforge::ui::NodeStatus", "wrong data type");
    case S::RuntimeError: return QCoreApplication::translate("kforge::ui::NodeStatus", "runtime error");
    case S::CompileError: return QCoreApplication::translate("kforge::ui::NodeStatus", "compile error");
    case S::Timeout: return QCoreApplication::translate("kforge::ui::NodeStatus", "timed out");
    case S::Fault: return QCoreApplication::translate("kforge::ui::NodeStatus", "crashed");
    case S::Nondeterministic: return QCoreApplication::translate("kforge::ui::NodeStatus", "nondeterministic");
    case S::IncompleteWrite: return QCoreApplication::translate("kforge::ui::NodeStatus", "incomplete write");
    case S::SuspiciousSpeed: return QCoreApplication::translate("kforge::ui::NodeStatus", "suspiciously fast");
    case S::InvalidConfig: return QCoreApplication::translate("kforge::ui::NodeStatus", "invalid configuration");
    case S::InputModified: return QCoreApplication::translate("kforge::ui::NodeStatus", "modified its inputs");
    case S::WorkAfterReturn: return QCoreApplication::translate("kforge::ui::NodeStatus", "work after return");
    case S::NotRun: return QCoreApplication::translate("kforge::ui::NodeStatus", "not run");
    }
    return QCoreApplication::translate("kforge::ui::NodeStatus", "unknown");
}

QString nodeStatusText(kforge::NodeState state, kforge::Status status) {
    if (state == kforge::NodeState::Pending) return QCoreApplication::translate("kforge::ui::NodeStatus", "pending");
    return statusText(status);
}

QColor nodeStatusColor(kforge::NodeState state, kforge::Status status) {
    if (state == kforge::NodeState::Pending) return QColor(0x75, 0x75, 0x75);
    switch (status) {
    case kforge::Status::Passed: return QColor(0x2e, 0x7d, 0x32);
    case kforge::Status::SuspiciousSpeed:
    case kforge::Status::WorkAfterReturn:
    case kforge::Status::InvalidConfig: return QColor(0xb2, 0x6a, 0x00);
    case kforge::Status::CompileError: return QColor(0x8e, 0x24, 0xaa);
    default: return QColor(0xc6, 0x28, 0x28);
    }
}

bool StatusFilter::accepts(kforge::NodeState state, kforge::Status status) const {
    switch (kind_) {
    case Kind::Any: return true;
    case Kind::Pending: return state == kforge::NodeState::Pending;
    case Kind::Failed: return state == kforge::NodeState::Done && status != kforge::Status::Passed;
    case Kind::Exactly: return state == kforge::NodeState::Done && status == status_;
    }
    return false;
}

}  // namespace kforge::ui
