#pragma once
// The open session as one object: its record, its tree of nodes, which nodes
// are selected, and which are held in full. It alone knows what is open; the
// views subscribe to its typed changes (a session opened or closed, the record
// changed, a run's node changed, a node wanted in full arrived) instead of the
// window pushing every change into each view and clearing each by hand, as
// RenderDoc's viewers subscribe to its capture context.
#include <QObject>

#include <optional>

#include "ui/session/session_types.h"

namespace kforge::ui {

class DetailedNodes;
class NodeSelection;
class Workspace;

class SessionDocument : public QObject {
    Q_OBJECT

public:
    // Nodes in full are fetched through `workspace`.
    explicit SessionDocument(Workspace* workspace, QObject* parent = nullptr);

    bool isOpen() const { return record_.has_value(); }
    qint64 sessionId() const { return record_ ? record_->id : 0; }
    const std::optional<kforge::SessionRecord>& record() const { return record_; }
    const SharedSessionTree& tree() const { return tree_; }
    NodeSelection* selection() const { return selection_; }
    // The node in full when held (a run's nodes, those fetched on selection); null otherwise.
    const kforge::Node* detailedNode(qint64 nodeId) const;

    // A session loaded or started. The same session again (a run's tree
    // replacing the loaded one) keeps the selection and the nodes held in full.
    void open(const kforge::SessionRecord& record, const SharedSessionTree& tree);
    // Nothing open (the session was deleted).
    void close();
    // The open session's record as a run ends; another session's is ignored.
    void updateRecord(const kforge::SessionRecord& record);
    // A run's node, in full; ignored unless its session is the open one (a run
    // may go on while another session is open).
    void updateNode(qint64 sessionId, const kforge::Node& node);

signals:
    void opened(const kforge::SessionRecord& record, const kforge::ui::SharedSessionTree& tree, bool sameSession);
    void closed();
    void recordChanged(const kforge::SessionRecord& record);
    void nodeChanged(const kforge::Node& node);
    // The current node, in full: at once when it is held, else once fetched.
    void currentNodeReady(const kforge::Node& node);
    // The current node changed and is not held in full (or none is current): until it arrives.
    void currentNodePending(qint64 nodeId);
    // A selected node (other than through currentNodeReady's path), in full, once fetched.
    void selectedNodeReady(const kforge::Node& node);

private:
    void showCurrent();
    void requestDetails();

    std::optional<kforge::SessionRecord> record_;
    SharedSessionTree tree_;
    NodeSelection* selection_;
    DetailedNodes* detailed_;
};

}  // namespace kforge::ui
