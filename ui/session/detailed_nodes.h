#pragma once
// The open session's nodes in full, for the views that need more than a
// summary (the node details, the per-workload and roofline charts): a
// session opens with its nodes as summaries, and a node's compile result and
// evaluation are fetched through the workspace (off the UI thread) the first
// time it is selected. Nodes a run reports arrive in full and are kept as
// they come. At most kCapacity nodes are kept; the oldest go first.
#include <QList>
#include <QObject>
#include <QSet>

#include <deque>
#include <map>

#include "ui/session/session_types.h"

namespace kforge::ui {

class Workspace;

class DetailedNodes : public QObject {
    Q_OBJECT

public:
    static constexpr size_t kCapacity = 512;

    explicit DetailedNodes(Workspace* workspace, QObject* parent = nullptr);

    // Forgets everything: another session is open (0 for none).
    void reset(qint64 sessionId);
    // Keeps `node` when it is in full (a summary is ignored).
    void put(const kforge::Node& node);
    const kforge::Node* find(qint64 nodeId) const;
    // Asks the workspace for the nodes not held in full; each arrives through nodeArrived().
    void request(const QList<qint64>& nodeIds);

signals:
    void nodeArrived(const kforge::Node& node);

private:
    Workspace* workspace_;
    qint64 sessionId_ = 0;
    std::map<qint64, kforge::Node> nodes_;
    std::deque<qint64> order_;  // oldest first, for eviction
    QSet<qint64> requested_;
};

}  // namespace kforge::ui
