#pragma once
// The search tree drawn as a graph: a tidy layout, nodes coloured by verdict
// and shaded by speedup, the best node and the path to it marked, generators
// on the edges. One custom-painted viewport rather than a widget or graphics
// item per node, so 10,000 nodes pan and zoom as smoothly as ten: painting and
// hit-testing go through a spatial index and cost what is visible.
//
// Interaction: wheel zooms around the cursor (Shift+wheel and touchpads
// scroll), drag pans, F fits, 1 (or Ctrl+0) shows 1:1, Ctrl+F finds a node
// by id, L shows or hides the legend. Click selects, Ctrl+click toggles,
// Shift+click adds (the diff compares two selected nodes); arrows walk to the
// parent, a child or a sibling; Home goes to the root, End to the best node;
// Enter or a double click activates.
//
// Call it on the UI thread only; a running session's nodes arrive through
// queued signals and are handed to updateNode() one by one.
#include <QAbstractScrollArea>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <optional>
#include <vector>

#include "ui/tree/tree_graph_data.h"
#include "ui/tree/tree_layout.h"
#include "ui/tree/tree_spatial_index.h"
#include "ui/tree/tree_view_geometry.h"

class QAction;
class QLineEdit;

namespace kforge {
struct Node;
class SessionTree;
}  // namespace kforge

namespace kforge::ui {

class TreeGraphView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit TreeGraphView(QWidget* parent = nullptr);
    ~TreeGraphView() override;

    // The whole tree, e.g. when a session is opened; the view fits it.
    // Selected and current ids that still exist are kept.
    void setTree(const SessionTree& tree);
    // One node that was added or changed while a session runs. A new node
    // relays the tree out (coalesced: a burst costs one layout) and keeps the
    // current node, or else the node nearest the viewport's centre, where it
    // was on screen; if the view was fitted, it stays fitted. A changed
    // verdict only repaints.
    void updateNode(const Node& node);
    void clear();
    // What speedups are measured against ("the best PyTorch op"), for the
    // legend's title; empty: "the baseline".
    void setSpeedupBasis(const QString& basis);
    QString legendTitle() const;

    int nodeCount() const { return data_.size(); }
    bool contains(qint64 id) const { return data_.indexOf(id) >= 0; }
    qint64 bestId() const;           // -1 while nothing passed
    QList<qint64> bestPath() const;  // from the root down to the best node

    // In the order the nodes were selected: the diff compares the first two.
    QList<qint64> selectedIds() const { return selection_; }
    void setSelectedIds(const QList<qint64>& ids);
    qint64 currentId() const;  // -1 when none
    // Makes the node current and scrolls it into view; the selection is left alone.
    void setCurrentId(qint64 id);
    // Centres, selects and makes current the node; false when there is no such node.
    bool findNode(qint64 id);
    void centerOn(qint64 id);

    double zoom() const { return zoom_; }
    void setZoom(double zoom);  // around the viewport's centre
    bool isFitted() const { return autoFit_; }
    bool isLegendVisible() const { return legendVisible_; }
    void setLegendVisible(bool visible);

    // The node's centre in viewport coordinates; nullopt for an unknown id.
    std::optional<QPointF> nodePosition(qint64 id) const;
    // What the node covers on screen (card or dot), in viewport coordinates.
    std::optional<QRectF> nodeRect(qint64 id) const;
    // Where the legend is drawn; empty while hidden. No node is drawn there.
    QRect legendArea() const { return legendRect(); }
    // Every piece of text the last paint drew (captions, card text, edge
    // labels), in viewport coordinates: what the tests check for overlaps.
    const std::vector<QRectF>& drawnTextRects() const { return drawnText_; }
    // The node drawn at a viewport position, or -1.
    qint64 nodeAt(const QPoint& viewportPosition) const;
    QString toolTipFor(qint64 id) const;

    // For the main window's menus and toolbars; the view has them as shortcuts too.
    QAction* fitAction() const { return fitAction_; }
    QAction* actualSizeAction() const { return actualSizeAction_; }
    QAction* zoomInAction() const { return zoomInAction_; }
    QAction* zoomOutAction() const { return zoomOutAction_; }
    QAction* findAction() const { return findAction_; }
    QAction* legendAction() const { return legendAction_; }  // checkable

public slots:
    void fitToView();
    void zoomToActualSize();
    void zoomIn();
    void zoomOut();
    void showFindBar();

signals:
    void selectionChanged(const QList<qint64>& ids);
    void currentChanged(qint64 id);
    void activated(qint64 id);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Anchor {
        qint64 id = -1;
        QPointF position;  // in the viewport
    };

    void retranslateUi();
    void ensureLayout() const;
    void relayout();
    TreeViewGeometry viewGeometry() const;
    TreeViewGeometry viewGeometryFor(double zoom, QPointF scroll) const;
    double fitZoom() const;
    void updateScrollBars();
    void applyZoom(double zoom, const QPointF& viewportAnchor);
    void scrollSceneTo(const QPointF& scene, const QPointF& viewportPoint);
    void ensureVisible(int index);
    void stopFitting() { autoFit_ = false; }
    Anchor anchorNearCentre() const;
    int indexAt(const QPointF& viewportPosition) const;
    QPointF viewportPositionOf(int index) const;
    void repaintNode(int index);
    QRect legendRect() const;
    void refreshLegend();
    int topInset() const;

    void setSelection(const QList<qint64>& ids);
    void refreshSelectionIndexes();
    void setCurrentIndex(int index);
    void moveCurrent(int index, Qt::KeyboardModifiers modifiers);
    int neighbourOf(int index, int key) const;
    void setHovered(int index);
    void findFromBar();

    TreeGraphData data_;
    // The layout is computed lazily (see ensureLayout), hence mutable.
    mutable std::vector<TidyPosition> positions_;
    mutable TreeSpatialIndex index_;
    mutable QRectF sceneBounds_;
    mutable bool layoutDirty_ = false;
    mutable std::optional<Anchor> anchor_;  // what must not move when the pending layout is applied
    std::optional<QPointF> shownCentre_;    // the scene point at the viewport's centre when last painted
    TidyLayoutOptions layoutOptions_;

    double zoom_ = 1;
    bool autoFit_ = true;
    bool legendVisible_ = true;
    QSize legendSize_;
    QString basis_;
    std::vector<QRectF> drawnText_;
    QList<qint64> selection_;
    std::vector<int> selectionIndexes_;
    qint64 current_ = -1;
    int hovered_ = -1;

    QPoint pressPosition_;
    QPoint pressScroll_;
    bool panning_ = false;
    bool pressedOnNode_ = false;

    QLineEdit* findBar_ = nullptr;
    QAction* fitAction_ = nullptr;
    QAction* actualSizeAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* legendAction_ = nullptr;
};

}  // namespace kforge::ui
