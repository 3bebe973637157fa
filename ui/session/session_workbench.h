#pragma once
// The open session's central views, bound together: the search tree as a
// graph on the left, and on the right the code diff of the node in focus
// against its parent, the task's baseline, or a second selected node. Every
// view follows the shared NodeSelection, so a click anywhere selects
// everywhere. Sources the tree loaded at the start are used as they are;
// those of nodes that arrive during a run are fetched from the workspace
// (off the UI thread) the first time the diff needs them.
#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

#include "ui/session/session_types.h"

class QComboBox;
class QLabel;
class QSplitter;

namespace kforge::ui {

class DiffEditor;
class NodeSelection;
class TreeGraphView;
class Workspace;

class SessionWorkbench : public QWidget {
    Q_OBJECT

public:
    // What the node in focus is compared with when fewer than two nodes are selected.
    enum class Compare { Parent, Baseline };
    Q_ENUM(Compare)

    SessionWorkbench(Workspace* workspace, NodeSelection* selection, QWidget* parent = nullptr);

    void showSession(const kforge::SessionRecord& session, const SharedSessionTree& tree);
    void updateNode(const kforge::Node& node);
    void clear();

    void setCompare(Compare compare);
    Compare compare() const { return compare_; }
    // The nodes the diff shows (0 for the baseline on the left), once their sources are in.
    qint64 leftNode() const { return shownLeft_; }
    qint64 rightNode() const { return shownRight_; }

    // The full record of a node of the open session (nullptr when unknown).
    const kforge::Node* node(qint64 id) const { return nodes_.find(id); }
    // Shows `nodeId` on the right (as the node in focus) and puts the cursor on
    // `line` of its source (1-based, as compilers count), past the header.
    void jumpToSourceLine(qint64 nodeId, int line, int column);

    TreeGraphView* treeView() const { return tree_; }
    DiffEditor* diffEditor() const { return diff_; }
    QSplitter* splitter() const { return splitter_; }

signals:
    // "Evaluate as child" on an edit of node `parent`'s source, to be compiled
    // with the configuration its header gives (the source's @tune defaults
    // when the header was deleted).
    void evaluateAsChildRequested(qint64 parent, const QString& source, const QString& extension,
                                  const std::optional<kforge::TuneConfig>& config);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refreshDiff();
    // The text of a source, or nullopt after asking the workspace for it.
    std::optional<QString> sourceText(const std::string& hash);
    QString titleOf(const kforge::Node& node) const;

    Workspace* workspace_;
    NodeSelection* selection_;
    TreeGraphView* tree_ = nullptr;
    DiffEditor* diff_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QLabel* compareLabel_ = nullptr;
    QComboBox* compareBox_ = nullptr;
    QLabel* diffHeading_ = nullptr;

    std::optional<kforge::SessionRecord> session_;
    kforge::SessionTree nodes_;          // the session's nodes as they stand (no sources)
    QHash<QString, QString> sources_;    // by SHA-256
    QSet<QString> requested_;            // asked of the workspace, not yet in
    Compare compare_ = Compare::Parent;
    qint64 shownLeft_ = -1, shownRight_ = -1;
    bool syncing_ = false;  // guards the selection round trip between the views
};

}  // namespace kforge::ui
