#pragma once
// The nodes the engineer picked, shared by every view of a session: selecting
// a node anywhere selects it everywhere. Ids are kept in the order they were
// picked, so "the first two" (what the diff compares) is well defined.
// Setters emit only when something changed.
#include <QList>
#include <QObject>

namespace kforge::ui {

class NodeSelection : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kNone = 0;  // node ids start at 1

    explicit NodeSelection(QObject* parent = nullptr);

    QList<qint64> selected() const { return selected_; }
    qint64 current() const { return current_; }
    bool isSelected(qint64 nodeId) const { return selected_.contains(nodeId); }

    // Duplicates are dropped, keeping the first occurrence.
    void setSelected(const QList<qint64>& nodeIds);
    void setCurrent(qint64 nodeId);
    // One node, selected and current: what a click on it in any view does.
    void select(qint64 nodeId);
    void clear();

signals:
    void selectionChanged(const QList<qint64>& selected);
    void currentChanged(qint64 current);

private:
    QList<qint64> selected_;
    qint64 current_ = kNone;
};

}  // namespace kforge::ui
