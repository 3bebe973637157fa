#include "ui/session/session_document.h"

#include "ui/session/detailed_nodes.h"
#include "ui/session/node_selection.h"

namespace kforge::ui {

SessionDocument::SessionDocument(Workspace* workspace, QObject* parent)
    : QObject(parent), selection_(new NodeSelection(this)), detailed_(new DetailedNodes(workspace, this)) {
    // The details and the per-workload charts need nodes in full: fetched on selection.
    connect(selection_, &NodeSelection::currentChanged, this, &SessionDocument::showCurrent);
    connect(selection_, &NodeSelection::selectionChanged, this, &SessionDocument::requestDetails);
    connect(detailed_, &DetailedNodes::nodeArrived, this, [this](const kforge::Node& node) {
        if (node.id == selection_->current()) emit currentNodeReady(node);
        if (selection_->isSelected(node.id)) emit selectedNodeReady(node);
    });
}

const kforge::Node* SessionDocument::detailedNode(qint64 nodeId) const { return detailed_->find(nodeId); }

void SessionDocument::open(const kforge::SessionRecord& record, const SharedSessionTree& tree) {
    const bool same = sessionId() == record.id;
    record_ = record;
    tree_ = tree;
    if (!same) {
        selection_->clear();
        detailed_->reset(record.id);
    }
    // A run's tree is in full (a loaded one is not): keep its newest nodes,
    // no more than the cache would keep anyway.
    const auto& all = tree->nodes();
    for (size_t i = all.size() > DetailedNodes::kCapacity ? all.size() - DetailedNodes::kCapacity : 0; i < all.size(); ++i)
        detailed_->put(all[i]);
    emit opened(record, tree, same);
    showCurrent();
}

void SessionDocument::close() {
    if (!record_) return;
    record_.reset();
    tree_.reset();
    selection_->clear();
    detailed_->reset(0);
    emit closed();
}

void SessionDocument::updateRecord(const kforge::SessionRecord& record) {
    if (sessionId() != record.id) return;
    record_ = record;
    emit recordChanged(record);
}

void SessionDocument::updateNode(qint64 sessionId, const kforge::Node& node) {
    if (!record_ || sessionId != record_->id) return;
    detailed_->put(node);  // a run's nodes arrive in full
    emit nodeChanged(node);
    if (node.id == selection_->current()) emit currentNodeReady(node);
}

void SessionDocument::showCurrent() {
    const qint64 current = selection_->current();
    if (const kforge::Node* node = detailed_->find(current)) {
        emit currentNodeReady(*node);
        return;
    }
    emit currentNodePending(current);
    requestDetails();
}

void SessionDocument::requestDetails() {
    if (!record_) return;
    QList<qint64> wanted = selection_->selected();
    if (selection_->current() != NodeSelection::kNone) wanted.append(selection_->current());
    detailed_->request(wanted);
}

}  // namespace kforge::ui
