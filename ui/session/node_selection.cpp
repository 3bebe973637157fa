#include "ui/session/node_selection.h"

namespace kforge::ui {

NodeSelection::NodeSelection(QObject* parent) : QObject(parent) {}

void NodeSelection::setSelected(const QList<qint64>& nodeIds) {
    QList<qint64> unique;
    unique.reserve(nodeIds.size());
    for (qint64 id : nodeIds)
        if (id != kNone && !unique.contains(id)) unique.append(id);
    if (unique == selected_) return;
    selected_ = unique;
    emit selectionChanged(selected_);
}

void NodeSelection::setCurrent(qint64 nodeId) {
    if (nodeId == current_) return;
    current_ = nodeId;
    emit currentChanged(current_);
}

void NodeSelection::select(qint64 nodeId) {
    setSelected(nodeId == kNone ? QList<qint64>{} : QList<qint64>{nodeId});
    setCurrent(nodeId);
}

void NodeSelection::clear() {
    setSelected({});
    setCurrent(kNone);
}

}  // namespace kforge::ui
