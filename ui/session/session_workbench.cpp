#include "ui/session/session_workbench.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include "session/config_header.h"
#include "util/error.h"
#include "ui/diff/diff_editor.h"
#include "ui/diff/diff_pane.h"
#include "ui/session/node_selection.h"
#include "ui/session/node_status.h"
#include "ui/session/speedup_basis_label.h"
#include "ui/session/workspace.h"
#include "ui/tree/tree_graph_view.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

namespace {
// The tree view says "none" with -1, the shared selection with 0.
qint64 toSelection(qint64 viewId) { return viewId < 0 ? NodeSelection::kNone : viewId; }
}  // namespace

SessionWorkbench::SessionWorkbench(Workspace* workspace, NodeSelection* selection, QWidget* parent)
    : QWidget(parent), workspace_(workspace), selection_(selection) {
    tree_ = new TreeGraphView(this);
    tree_->setObjectName(QStringLiteral("treeGraph"));

    auto* diffSide = new QWidget(this);
    compareLabel_ = new QLabel(diffSide);
    compareBox_ = new QComboBox(diffSide);
    compareBox_->setObjectName(QStringLiteral("compareBox"));
    compareBox_->addItem(QString(), QVariant::fromValue(Compare::Parent));
    compareBox_->addItem(QString(), QVariant::fromValue(Compare::Baseline));
    compareLabel_->setBuddy(compareBox_);
    diffHeading_ = new QLabel(diffSide);
    diffHeading_->setObjectName(QStringLiteral("diffHeading"));
    diffHeading_->setTextFormat(Qt::PlainText);
    diff_ = new DiffEditor(diffSide);
    diff_->setObjectName(QStringLiteral("diffEditor"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(diffHeading_, 1);
    bar->addWidget(compareLabel_);
    bar->addWidget(compareBox_);
    auto* diffLayout = new QVBoxLayout(diffSide);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addLayout(bar);
    diffLayout->addWidget(diff_, 1);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("workbenchSplitter"));
    splitter_->setChildrenCollapsible(false);
    splitter_->addWidget(tree_);
    splitter_->addWidget(diffSide);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 3);
    // The first layout splits 2:3 too (a saved layout replaces it): left to
    // the size hints, the tree got a quarter of the width, too little for a
    // readable tree at the default window size.
    splitter_->setSizes({2000, 3000});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);

    // The graph and the shared selection follow each other; syncing_ stops
    // the echo of a change coming back as a new one.
    connect(tree_, &TreeGraphView::selectionChanged, this, [this](const QList<qint64>& ids) {
        if (syncing_) return;
        syncing_ = true;
        selection_->setSelected(ids);
        syncing_ = false;
    });
    connect(tree_, &TreeGraphView::currentChanged, this, [this](qint64 id) {
        if (syncing_) return;
        syncing_ = true;
        selection_->setCurrent(toSelection(id));
        syncing_ = false;
    });
    connect(selection_, &NodeSelection::selectionChanged, this, [this](const QList<qint64>& ids) {
        if (!syncing_) {
            syncing_ = true;
            tree_->setSelectedIds(ids);
            syncing_ = false;
        }
        refreshDiff();
    });
    connect(selection_, &NodeSelection::currentChanged, this, [this](qint64 id) {
        if (!syncing_ && id != NodeSelection::kNone) {
            syncing_ = true;
            tree_->setCurrentId(id);
            tree_->centerOn(id);
            syncing_ = false;
        }
        refreshDiff();
    });
    connect(compareBox_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setCompare(compareBox_->itemData(index).value<Compare>()); });
    connect(workspace_, &Workspace::sourceLoaded, this, [this](quint64, const QString& hash, const QString& text) {
        if (!requested_.remove(hash)) return;  // another view's request
        sources_.insert(hash, text);
        refreshDiff();
    });
    connect(workspace_, &Workspace::failed, this, [this](const WorkspaceError& e) {
        if (e.operation != WorkspaceError::Operation::LoadSource) return;
        requested_.clear();
        diffHeading_->setText(e.text());
    });
    connect(diff_, &DiffEditor::rightTextEdited, this, [this] {
        if (!diff_->isRightEdited()) refreshDiff();  // undone: the selection may have moved on meanwhile
    });
    connect(diff_, &DiffEditor::evaluateAsChildRequested, this, [this](const QString& text) {
        const kforge::Node* right = nodes_.find(shownRight_);
        if (!right) return;
        // The configuration header may have been edited too: it is what the child compiles with.
        try {
            const kforge::SplitSource split = kforge::splitConfigHeader(text.toStdString());
            emit evaluateAsChildRequested(right->id, QString::fromStdString(split.source),
                                          QString::fromStdString(right->sourceExtension),
                                          split.hadHeader ? std::optional(split.config) : std::nullopt);
        } catch (const kforge::Error& e) {
            diffHeading_->setText(tr("The edit was not evaluated: %1").arg(errorText(e)));
            diff_->jumpToLine(DiffEditor::Side::Right, 1);
        }
    });
    retranslateUi();
}

void SessionWorkbench::showSession(const kforge::SessionRecord& session, const SharedSessionTree& tree) {
    const bool same = session_ && session_->id == session.id;
    session_ = session;
    nodes_ = *tree;
    if (!same) {
        sources_.clear();
        requested_.clear();
        shownLeft_ = shownRight_ = -1;
    }
    tree_->setSpeedupBasis(speedupBasisLabel(session));
    tree_->setTree(nodes_);
    refreshDiff();
}

void SessionWorkbench::updateNode(const kforge::Node& node) {
    if (!session_) return;
    const bool isNew = nodes_.find(node.id) == nullptr;
    nodes_.put(node);
    tree_->updateNode(node);
    // A status change alters a title; a new node matters only once selected.
    if (!isNew && (node.id == shownLeft_ || node.id == shownRight_)) refreshDiff();
}

void SessionWorkbench::clear() {
    session_.reset();
    nodes_ = {};
    sources_.clear();
    requested_.clear();
    shownLeft_ = shownRight_ = -1;
    tree_->clear();
    diff_->setTexts(QString(), QString(), QString(), QString(), QString());
    diffHeading_->clear();
}

void SessionWorkbench::setCompare(Compare compare) {
    if (compare_ == compare) return;
    compare_ = compare;
    compareBox_->setCurrentIndex(compareBox_->findData(QVariant::fromValue(compare)));
    refreshDiff();
}

std::optional<QString> SessionWorkbench::sourceText(const std::string& hash) {
    if (hash.empty()) return QString();
    if (nodes_.hasSource(hash)) return QString::fromStdString(nodes_.source(hash));
    const QString key = QString::fromStdString(hash);
    if (const auto it = sources_.constFind(key); it != sources_.constEnd()) return *it;
    if (!requested_.contains(key)) {
        requested_.insert(key);
        workspace_->loadSource(session_->id, key);
    }
    return std::nullopt;
}

QString SessionWorkbench::titleOf(const kforge::Node& node) const {
    QString title = tr("node #%1 · %2").arg(node.id).arg(QString::fromStdString(node.generator));
    if (node.passed()) title += tr(" · %1×").arg(node.fitness, 0, 'f', 3);
    else if (node.state == kforge::NodeState::Done) title += QStringLiteral(" · ") + statusText(node.status);
    return title;
}

void SessionWorkbench::refreshDiff() {
    if (!session_ || nodes_.nodes().empty()) return;
    const QList<qint64> selected = selection_->selected();
    qint64 right = selection_->current();
    if (right == NodeSelection::kNone && !selected.isEmpty()) right = selected.front();
    if (right == NodeSelection::kNone) right = session_->bestNode.value_or(nodes_.nodes().front().id);
    qint64 left = 0;  // the baseline
    QString heading;
    if (selected.size() >= 2) {
        left = selected[0];
        right = selected[1];
        heading = tr("The first two selected nodes");
    } else if (const kforge::Node* r = nodes_.find(right); r && r->parent && compare_ == Compare::Parent) {
        left = *r->parent;
        heading = tr("Node #%1 against its parent").arg(right);
    } else {
        heading = tr("Node #%1 against the task's %2").arg(right).arg(QString::fromStdString(session_->baselineName));
    }
    const kforge::Node* r = nodes_.find(right);
    const kforge::Node* l = left ? nodes_.find(left) : nullptr;
    if (!r || (left && !l)) return;
    if (right == shownRight_ && left == shownLeft_) return;

    const auto rightText = sourceText(r->sourceHash);
    const auto leftText = sourceText(l ? l->sourceHash : session_->baselineHash);
    if (!rightText || !leftText) {
        diffHeading_->setText(heading + tr(" (loading the sources…)"));
        return;  // sourceLoaded() comes back here
    }
    // An edit in progress is never dropped by a click elsewhere: it stays on
    // screen until it is evaluated as a child or undone.
    if (diff_->isRightEdited()) {
        diffHeading_->setText(tr("Your edit of node #%1 is kept: evaluate it as a child, or undo it to compare other nodes")
                                  .arg(shownRight_));
        return;
    }
    shownLeft_ = left;
    shownRight_ = right;
    diffHeading_->setText(heading);
    const QString leftTitle = l ? titleOf(*l) : tr("the task's %1").arg(QString::fromStdString(session_->baselineName));
    QString language = QString::fromStdString(r->sourceExtension);
    if (language.startsWith(QLatin1Char('.'))) language.remove(0, 1);
    // Sources carry their configuration as a "// -D NAME=VALUE" header, so
    // tuner siblings differ visibly and the values can be edited.
    const auto shown = [](const QString& text, const kforge::TuneConfig& config) {
        return QString::fromStdString(kforge::withConfigHeader(config, text.toStdString()));
    };
    diff_->setTexts(leftTitle, l ? shown(*leftText, l->config) : *leftText, titleOf(*r), shown(*rightText, r->config),
                    language);
}

void SessionWorkbench::jumpToSourceLine(qint64 nodeId, int line, int column) {
    const kforge::Node* n = nodes_.find(nodeId);
    if (!n) return;
    if (shownRight_ != nodeId && selection_->selected().size() < 2) selection_->setCurrent(nodeId);
    if (shownRight_ != nodeId) return;  // still loading, or two other nodes are being compared
    diff_->jumpToLine(DiffEditor::Side::Right, line + static_cast<int>(n->config.size()), column);
}

void SessionWorkbench::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void SessionWorkbench::retranslateUi() {
    compareLabel_->setText(tr("Compare &with:"));
    compareBox_->setItemText(0, tr("Parent"));
    compareBox_->setItemText(1, tr("Baseline"));
    compareBox_->setToolTip(tr("What the node in focus is compared with when fewer than two nodes are selected"));
    const qint64 left = shownLeft_, right = shownRight_;
    shownLeft_ = shownRight_ = -1;  // titles are translated text: show them again
    if (left >= 0 && right >= 0 && !diff_->isRightEdited()) refreshDiff();
    else {
        shownLeft_ = left;
        shownRight_ = right;
    }
}

}  // namespace kforge::ui
