#include "ui/session/detailed_nodes.h"

#include "ui/session/workspace.h"

namespace kforge::ui {

DetailedNodes::DetailedNodes(Workspace* workspace, QObject* parent) : QObject(parent), workspace_(workspace) {
    connect(workspace_, &Workspace::nodeLoaded, this, [this](quint64, qint64 sessionId, const kforge::Node& node) {
        if (sessionId != sessionId_ || !requested_.remove(node.id)) return;  // another session's, or not asked for here
        put(node);
        emit nodeArrived(node);
    });
    connect(workspace_, &Workspace::failed, this, [this](const WorkspaceError& e) {
        // Asked again the next time the node is selected.
        if (e.operation == WorkspaceError::Operation::LoadNode && e.sessionId == sessionId_) requested_.clear();
    });
}

void DetailedNodes::reset(qint64 sessionId) {
    sessionId_ = sessionId;
    nodes_.clear();
    order_.clear();
    requested_.clear();
}

void DetailedNodes::put(const kforge::Node& node) {
    if (!node.detailed) return;
    const auto [it, fresh] = nodes_.insert_or_assign(node.id, node);
    (void)it;
    if (!fresh) return;
    order_.push_back(node.id);
    while (order_.size() > kCapacity) {
        nodes_.erase(order_.front());
        order_.pop_front();
    }
}

const kforge::Node* DetailedNodes::find(qint64 nodeId) const {
    const auto it = nodes_.find(nodeId);
    return it == nodes_.end() ? nullptr : &it->second;
}

void DetailedNodes::request(const QList<qint64>& nodeIds) {
    if (sessionId_ == 0) return;
    for (qint64 id : nodeIds) {
        if (id <= 0 || nodes_.count(id) || requested_.contains(id)) continue;
        requested_.insert(id);
        workspace_->loadNode(sessionId_, id);
    }
}

}  // namespace kforge::ui
