#include "ui/tree/tree_graph_view.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QMetaObject>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "model/node.h"
#include "model/session_tree.h"
#include "ui/tree/tree_edge_label.h"
#include "ui/tree/tree_graph_painter.h"
#include "ui/tree/tree_legend.h"
#include "ui/tree/tree_style.h"

namespace kforge::ui {

namespace {

inline std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}

constexpr double kMaxZoom = 4.0;
constexpr double kZoomStep = 1.25;
constexpr int kLegendInset = 12;
constexpr int kFindBarWidth = 180;
constexpr int kVisibleMargin = 24;  // how far inside the edge a node scrolled into view lands

}  // namespace

TreeGraphView::TreeGraphView(QWidget* parent) : QAbstractScrollArea(parent) {
    setObjectName(QStringLiteral("treeGraphView"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(false);
    horizontalScrollBar()->setSingleStep(24);
    verticalScrollBar()->setSingleStep(24);
    // A family of siblings reads as a group when cousins stand a little further apart.
    layoutOptions_.siblingDistance = 1.0;
    layoutOptions_.subtreeDistance = 1.3;
    sceneBounds_ = QRectF(-100, -100, 200, 200);

    const auto makeAction = [this](const QList<QKeySequence>& keys, void (TreeGraphView::*slot)()) {
        auto* action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    fitAction_ = makeAction({QKeySequence(Qt::Key_F)}, &TreeGraphView::fitToView);
    fitAction_->setIcon(QIcon::fromTheme(QStringLiteral("zoom-fit-best")));
    actualSizeAction_ =
        makeAction({QKeySequence(Qt::Key_1), QKeySequence(Qt::CTRL | Qt::Key_0)}, &TreeGraphView::zoomToActualSize);
    actualSizeAction_->setIcon(QIcon::fromTheme(QStringLiteral("zoom-original")));
    zoomInAction_ =
        makeAction({QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::Key_Plus)}, &TreeGraphView::zoomIn);
    zoomInAction_->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    zoomOutAction_ =
        makeAction({QKeySequence(QKeySequence::ZoomOut), QKeySequence(Qt::Key_Minus)}, &TreeGraphView::zoomOut);
    zoomOutAction_->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));
    findAction_ = makeAction({QKeySequence(QKeySequence::Find)}, &TreeGraphView::showFindBar);
    legendAction_ = new QAction(this);
    legendAction_->setCheckable(true);
    legendAction_->setChecked(legendVisible_);
    legendAction_->setShortcut(QKeySequence(Qt::Key_L));
    legendAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(legendAction_, &QAction::toggled, this, &TreeGraphView::setLegendVisible);
    addAction(legendAction_);
    findAction_->setIcon(QIcon::fromTheme(QStringLiteral("edit-find")));

    findBar_ = new QLineEdit(viewport());
    findBar_->setObjectName(QStringLiteral("treeFindBar"));
    findBar_->setClearButtonEnabled(true);
    findBar_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,18}")), findBar_));
    findBar_->setFixedWidth(kFindBarWidth);
    findBar_->installEventFilter(this);
    findBar_->hide();
    connect(findBar_, &QLineEdit::returnPressed, this, &TreeGraphView::findFromBar);

    retranslateUi();
}

TreeGraphView::~TreeGraphView() = default;

void TreeGraphView::retranslateUi() {
    fitAction_->setText(tr("&Fit Tree"));
    fitAction_->setToolTip(tr("Show the whole tree (F)"));
    actualSizeAction_->setText(tr("&Actual Size"));
    actualSizeAction_->setToolTip(tr("Zoom to 1:1 (1)"));
    zoomInAction_->setText(tr("Zoom &In"));
    zoomOutAction_->setText(tr("Zoom &Out"));
    findAction_->setText(tr("&Find Node..."));
    findAction_->setToolTip(tr("Find a node by its id"));
    legendAction_->setText(tr("Show &Legend"));
    legendAction_->setToolTip(tr("Show the key to the colours (L)"));
    findBar_->setPlaceholderText(tr("Find node by id"));
    findBar_->setToolTip(tr("Type a node id and press Enter; Escape closes"));
}

// --- the tree ---------------------------------------------------------------

void TreeGraphView::setTree(const SessionTree& tree) {
    const QList<qint64> previousSelection = selection_;
    data_.reset(tree);
    refreshLegend();
    layoutDirty_ = true;
    anchor_.reset();
    hovered_ = -1;
    autoFit_ = true;
    ensureLayout();
    QList<qint64> kept;
    for (const qint64 id : previousSelection)
        if (contains(id)) kept.append(id);
    selection_ = kept;
    refreshSelectionIndexes();  // the indexes changed even where the ids did not
    if (kept != previousSelection) emit selectionChanged(selection_);
    if (current_ >= 0 && !contains(current_)) setCurrentIndex(-1);
    viewport()->update();
}

void TreeGraphView::updateNode(const Node& node) {
    const int existing = data_.indexOf(node.id);
    // The anchor must be taken while the layout still matches what is on screen.
    if (existing < 0 && !autoFit_ && !layoutDirty_ && !data_.empty()) anchor_ = anchorNearCentre();
    const int previousBest = data_.best();
    const SpeedupScale previousScale(data_.minSpeedup(), data_.maxSpeedup());
    const TreeGraphData::Change change = data_.upsert(node);
    const QSize legendBefore = legendSize_;
    refreshLegend();
    if (legendSize_.height() != legendBefore.height() && !layoutDirty_) {
        // A new kind of verdict grew the legend, and with it the band above the scene.
        if (autoFit_)
            fitToView();
        else
            updateScrollBars();
    }
    if (change == TreeGraphData::Change::Structure) {
        if (!layoutDirty_) {
            layoutDirty_ = true;
            // Coalesced: a burst of new nodes costs one layout, in the next event loop pass
            // (or earlier, when something asks where a node is).
            QMetaObject::invokeMethod(
                this, [this] { ensureLayout(); }, Qt::QueuedConnection);
        }
        viewport()->update();
        return;
    }
    if (change == TreeGraphData::Change::None) return;
    const bool everywhere = data_.best() != previousBest || legendSize_ != legendBefore ||
                            !(SpeedupScale(data_.minSpeedup(), data_.maxSpeedup()) == previousScale) || layoutDirty_;
    if (everywhere) {
        viewport()->update();
        return;
    }
    repaintNode(existing);
    if (legendVisible_) viewport()->update(legendRect());
}

void TreeGraphView::clear() {
    data_.clear();
    refreshLegend();
    positions_.clear();
    index_.clear();
    layoutDirty_ = false;
    anchor_.reset();
    hovered_ = -1;
    autoFit_ = true;
    sceneBounds_ = QRectF(-100, -100, 200, 200);
    setSelection({});
    setCurrentIndex(-1);
    updateScrollBars();
    viewport()->update();
}

qint64 TreeGraphView::bestId() const {
    return data_.best() >= 0 ? data_.node(data_.best()).id : -1;
}

QList<qint64> TreeGraphView::bestPath() const {
    QList<qint64> path;
    for (const int index : data_.bestPath()) path.append(data_.node(index).id);
    return path;
}

// --- layout and geometry --------------------------------------------------------

void TreeGraphView::ensureLayout() const {
    // Const queries (where is a node?) must see the pending layout; the
    // widget itself is never const, so this lazy update is sound.
    if (layoutDirty_) const_cast<TreeGraphView*>(this)->relayout();
}

void TreeGraphView::relayout() {
    layoutDirty_ = false;
    positions_ = data_.layout(layoutOptions_);
    index_.build(positions_, data_.parentIndexes());
    double minX = std::numeric_limits<double>::infinity();
    double maxX = -minX;
    int maxDepth = 0;
    for (const TidyPosition& p : positions_) {
        if (p.depth < 0) continue;
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        maxDepth = std::max(maxDepth, p.depth);
    }
    if (minX > maxX) {
        sceneBounds_ = QRectF(-100, -100, 200, 200);
    } else {
        const double w = TreeViewGeometry::kCardWidth / 2 + TreeViewGeometry::kSceneMargin;
        const double h = TreeViewGeometry::kCardHeight / 2 + TreeViewGeometry::kSceneMargin;
        sceneBounds_ = QRectF(QPointF(minX * TreeViewGeometry::kColumn - w, -h - 20),  // room for the best badge
                              QPointF(maxX * TreeViewGeometry::kColumn + w, maxDepth * TreeViewGeometry::kRow + h));
    }
    if (autoFit_) {
        zoom_ = fitZoom();
        updateScrollBars();
        horizontalScrollBar()->setValue(horizontalScrollBar()->maximum() / 2);
        verticalScrollBar()->setValue(verticalScrollBar()->maximum() / 2);
    } else {
        updateScrollBars();
        if (anchor_) {
            const int index = data_.indexOf(anchor_->id);
            if (index >= 0) scrollSceneTo(TreeViewGeometry::scenePosition(positions_[u(index)]), anchor_->position);
        }
    }
    anchor_.reset();
    viewport()->update();
}

// Above the scene lies a band as tall as the legend, kept however the tree is
// zoomed or scrolled: the tree is drawn and hit only below it, so the legend
// never covers a node (scrolled down, the tree passes under the band's edge).
int TreeGraphView::topInset() const {
    const QRect legend = legendRect();
    return legend.isEmpty() ? 0 : legend.bottom() + 1;
}

TreeViewGeometry TreeGraphView::viewGeometryFor(double zoom, QPointF scroll) const {
    TreeViewGeometry g;
    g.zoom = zoom;
    const double inset = topInset();
    const double vw = std::max(1, viewport()->width());
    const double vh = std::max(1.0, viewport()->height() - inset);  // what the scene may fill
    const double fx = vw / sceneBounds_.width();
    const double fy = vh / sceneBounds_.height();
    const double limit = std::min(fx, fy);
    g.sx = std::max(zoom, std::min(1.0, zoom * fx / limit));
    g.sy = std::max(zoom, std::min(1.0, zoom * fy / limit));
    const double cw = sceneBounds_.width() * g.sx;
    const double ch = sceneBounds_.height() * g.sy;
    g.ox = (cw <= vw ? (vw - cw) / 2 : -scroll.x()) - sceneBounds_.left() * g.sx;
    g.oy = inset + (ch <= vh ? (vh - ch) / 2 : -scroll.y()) - sceneBounds_.top() * g.sy;
    return g;
}

TreeViewGeometry TreeGraphView::viewGeometry() const {
    ensureLayout();
    return viewGeometryFor(zoom_, QPointF(horizontalScrollBar()->value(), verticalScrollBar()->value()));
}

double TreeGraphView::fitZoom() const {
    const double fx = std::max(1, viewport()->width()) / sceneBounds_.width();
    const double fy = std::max(1, viewport()->height() - topInset()) / sceneBounds_.height();
    return std::min({fx, fy, 1.0});
}

void TreeGraphView::updateScrollBars() {
    const TreeViewGeometry g = viewGeometryFor(zoom_, QPointF());
    const int vw = viewport()->width();
    const int vh = viewport()->height();
    const auto extent = [](double content, int view) {
        return std::max(0, static_cast<int>(std::ceil(content)) - view);
    };
    horizontalScrollBar()->setRange(0, extent(sceneBounds_.width() * g.sx, vw));
    horizontalScrollBar()->setPageStep(vw);
    verticalScrollBar()->setRange(0, extent(sceneBounds_.height() * g.sy, vh - topInset()));
    verticalScrollBar()->setPageStep(vh);
}

void TreeGraphView::scrollSceneTo(const QPointF& scene, const QPointF& viewportPoint) {
    const TreeViewGeometry g = viewGeometryFor(zoom_, QPointF());
    const auto value = [](double v) { return static_cast<int>(std::lround(v)); };
    horizontalScrollBar()->setValue(value((scene.x() - sceneBounds_.left()) * g.sx - viewportPoint.x()));
    verticalScrollBar()->setValue(value((scene.y() - sceneBounds_.top()) * g.sy + topInset() - viewportPoint.y()));
}

void TreeGraphView::applyZoom(double zoom, const QPointF& viewportAnchor) {
    ensureLayout();
    const double minZoom = std::min(fitZoom() * 0.75, 0.25);
    const QPointF scene = viewGeometry().toScene(viewportAnchor);
    zoom_ = std::clamp(zoom, minZoom, kMaxZoom);
    autoFit_ = false;
    updateScrollBars();
    scrollSceneTo(scene, viewportAnchor);
    viewport()->update();
}

void TreeGraphView::setZoom(double zoom) {
    applyZoom(zoom, QRectF(viewport()->rect()).center());
}

void TreeGraphView::fitToView() {
    ensureLayout();
    autoFit_ = true;
    zoom_ = fitZoom();
    updateScrollBars();
    horizontalScrollBar()->setValue(horizontalScrollBar()->maximum() / 2);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum() / 2);
    viewport()->update();
}

void TreeGraphView::zoomToActualSize() {
    const int current = data_.indexOf(current_);
    applyZoom(1.0, QRectF(viewport()->rect()).center());
    if (current >= 0) centerOn(current_);
}

void TreeGraphView::zoomIn() {
    applyZoom(zoom_ * kZoomStep, QRectF(viewport()->rect()).center());
}
void TreeGraphView::zoomOut() {
    applyZoom(zoom_ / kZoomStep, QRectF(viewport()->rect()).center());
}

void TreeGraphView::centerOn(qint64 id) {
    ensureLayout();
    const int index = data_.indexOf(id);
    if (index < 0) return;
    autoFit_ = false;
    scrollSceneTo(TreeViewGeometry::scenePosition(positions_[u(index)]), QRectF(viewport()->rect()).center());
    viewport()->update();
}

void TreeGraphView::ensureVisible(int index) {
    if (index < 0) return;
    const TreeViewGeometry g = viewGeometry();
    const QPointF p = g.toViewport(positions_[u(index)]);
    const QSizeF half = TreeGraphPainter::halfExtent(g);
    const QRectF area =
        QRectF(viewport()->rect()).adjusted(kVisibleMargin, kVisibleMargin, -kVisibleMargin, -kVisibleMargin);
    double dx = 0;
    double dy = 0;
    if (p.x() - half.width() < area.left()) dx = p.x() - half.width() - area.left();
    if (p.x() + half.width() > area.right()) dx = p.x() + half.width() - area.right();
    if (p.y() - half.height() < area.top()) dy = p.y() - half.height() - area.top();
    if (p.y() + half.height() > area.bottom()) dy = p.y() + half.height() - area.bottom();
    if (dx == 0 && dy == 0) return;
    autoFit_ = false;
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::lround(dx)));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(dy)));
}

TreeGraphView::Anchor TreeGraphView::anchorNearCentre() const {
    const TreeViewGeometry g = viewGeometry();
    const QRectF area(viewport()->rect());
    const int current = data_.indexOf(current_);
    if (current >= 0 && area.contains(g.toViewport(positions_[u(current)])))
        return {current_, g.toViewport(positions_[u(current)])};
    const QPointF centre = area.center();
    const QPointF scene = g.toScene(centre);
    const int centreRow = static_cast<int>(std::lround(scene.y() / TreeViewGeometry::kRow));
    // The node nearest to the centre on screen: the nearest in each row around
    // the centre's row, widening until some row has nodes.
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int reach = 2; best < 0 && reach < 2 * index_.rowCount() + 2; reach *= 2) {
        for (int row = centreRow - reach; row <= centreRow + reach; ++row) {
            const int node = index_.nearest(row, scene.x() / TreeViewGeometry::kColumn);
            if (node < 0) continue;
            const QPointF p = g.toViewport(positions_[u(node)]);
            const double distance = std::hypot(p.x() - centre.x(), p.y() - centre.y());
            if (distance < bestDistance) {
                best = node;
                bestDistance = distance;
            }
        }
    }
    if (best < 0) return {};
    return {data_.node(best).id, g.toViewport(positions_[u(best)])};
}

QPointF TreeGraphView::viewportPositionOf(int index) const {
    return viewGeometry().toViewport(positions_[u(index)]);
}

std::optional<QPointF> TreeGraphView::nodePosition(qint64 id) const {
    ensureLayout();
    const int index = data_.indexOf(id);
    if (index < 0) return std::nullopt;
    return viewportPositionOf(index);
}

std::optional<QRectF> TreeGraphView::nodeRect(qint64 id) const {
    const std::optional<QPointF> c = nodePosition(id);
    if (!c) return std::nullopt;
    const QSizeF half = TreeGraphPainter::halfExtent(viewGeometry());
    return QRectF(c->x() - half.width(), c->y() - half.height(), 2 * half.width(), 2 * half.height());
}

int TreeGraphView::indexAt(const QPointF& position) const {
    ensureLayout();
    if (data_.empty()) return -1;
    if (position.y() < topInset()) return -1;  // the legend's band
    const TreeViewGeometry g = viewGeometry();
    const QPointF scene = g.toScene(position);
    const int row = static_cast<int>(std::lround(scene.y() / TreeViewGeometry::kRow));
    if (row < 0 || row >= index_.rowCount()) return -1;
    const QSizeF half = TreeGraphPainter::halfExtent(g);
    const int node = index_.nearest(row, scene.x() / TreeViewGeometry::kColumn);
    if (node < 0) return -1;
    const QPointF p = g.toViewport(positions_[u(node)]);
    return std::abs(p.x() - position.x()) <= half.width() && std::abs(p.y() - position.y()) <= half.height() ? node
                                                                                                             : -1;
}

qint64 TreeGraphView::nodeAt(const QPoint& viewportPosition) const {
    const int index = indexAt(viewportPosition);
    return index >= 0 ? data_.node(index).id : -1;
}

void TreeGraphView::repaintNode(int index) {
    if (index < 0) return;
    const TreeViewGeometry g = viewGeometry();
    viewport()->update(TreeGraphPainter::paintedRect(g, g.toViewport(positions_[u(index)])).toAlignedRect());
}

void TreeGraphView::setSpeedupBasis(const QString& basis) {
    if (basis_ == basis) return;
    basis_ = basis;
    refreshLegend();
    viewport()->update();
}

QString TreeGraphView::legendTitle() const {
    return basis_.isEmpty() ? tr("Speedup over the baseline") : tr("Speedup over %1").arg(basis_);
}

void TreeGraphView::refreshLegend() {
    legendSize_ = TreeLegend(data_, SpeedupScale(data_.minSpeedup(), data_.maxSpeedup()), legendTitle(), palette(), font()).size();
}

QRect TreeGraphView::legendRect() const {
    if (!legendVisible_ || data_.empty()) return {};
    const QRect rect(QPoint(kLegendInset, kLegendInset), legendSize_);
    // In a small view the tree matters more than its key.
    if (rect.right() + 160 > viewport()->width() || rect.bottom() + 60 > viewport()->height()) return {};
    return rect;
}

void TreeGraphView::setLegendVisible(bool visible) {
    if (legendVisible_ == visible) return;
    legendVisible_ = visible;
    legendAction_->setChecked(visible);
    // The band above the scene comes or goes with the legend.
    if (autoFit_)
        fitToView();
    else
        updateScrollBars();
    viewport()->update();
}

// --- selection and the current node -----------------------------------------

void TreeGraphView::setSelectedIds(const QList<qint64>& ids) {
    QList<qint64> known;
    for (const qint64 id : ids)
        if (contains(id) && !known.contains(id)) known.append(id);
    setSelection(known);
}

void TreeGraphView::setSelection(const QList<qint64>& ids) {
    if (ids == selection_) return;
    selection_ = ids;
    refreshSelectionIndexes();
    viewport()->update();
    emit selectionChanged(selection_);
}

void TreeGraphView::refreshSelectionIndexes() {
    selectionIndexes_.clear();
    for (const qint64 id : selection_)
        if (const int index = data_.indexOf(id); index >= 0) selectionIndexes_.push_back(index);
}

qint64 TreeGraphView::currentId() const {
    return current_;
}

void TreeGraphView::setCurrentId(qint64 id) {
    const int index = data_.indexOf(id);
    if (id >= 0 && index < 0) return;
    setCurrentIndex(index);
    ensureVisible(index);
}

void TreeGraphView::setCurrentIndex(int index) {
    const qint64 id = index >= 0 ? data_.node(index).id : -1;
    if (id == current_) return;
    repaintNode(data_.indexOf(current_));
    current_ = id;
    repaintNode(index);
    emit currentChanged(current_);
}

bool TreeGraphView::findNode(qint64 id) {
    const int index = data_.indexOf(id);
    if (index < 0) return false;
    setSelection({id});
    setCurrentIndex(index);
    // Far out, a found node would be one dot among thousands: come close enough to read it.
    if (zoom_ < TreeGraphPainter::kFindZoom) applyZoom(1.0, QRectF(viewport()->rect()).center());
    centerOn(id);
    return true;
}

void TreeGraphView::moveCurrent(int index, Qt::KeyboardModifiers modifiers) {
    if (index < 0) return;
    const qint64 id = data_.node(index).id;
    if (modifiers & Qt::ShiftModifier) {
        if (!selection_.contains(id)) setSelection(selection_ + QList<qint64>{id});
    } else {
        setSelection({id});
    }
    setCurrentIndex(index);
    ensureVisible(index);
}

int TreeGraphView::neighbourOf(int index, int key) const {
    ensureLayout();
    if (index < 0) return data_.roots().empty() ? -1 : data_.roots().front();
    const GraphNode& node = data_.node(index);
    if (key == Qt::Key_Up) return node.parent;
    if (key == Qt::Key_Down) {
        const std::vector<int>& children = data_.children(index);
        if (children.empty()) return -1;
        // Down follows the path to the best node where it passes, else the first child.
        for (const int child : children)
            if (data_.onBestPath(child)) return child;
        return children.front();
    }
    const int step = key == Qt::Key_Left ? -1 : 1;
    const std::vector<int>& siblings = node.parent >= 0 ? data_.children(node.parent) : data_.roots();
    const auto at = std::find(siblings.begin(), siblings.end(), index);
    const auto position = at - siblings.begin() + step;
    if (position >= 0 && position < static_cast<std::ptrdiff_t>(siblings.size()))
        return siblings[static_cast<std::size_t>(position)];
    // Past the last sibling, move on to the neighbour in the same row (a cousin).
    const std::vector<int>& row = index_.row(positions_[u(index)].depth);
    const auto inRow = std::find(row.begin(), row.end(), index) - row.begin() + step;
    return inRow >= 0 && inRow < static_cast<std::ptrdiff_t>(row.size()) ? row[static_cast<std::size_t>(inRow)] : -1;
}

void TreeGraphView::setHovered(int index) {
    if (index == hovered_) return;
    repaintNode(hovered_);
    hovered_ = index;
    repaintNode(hovered_);
    viewport()->setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

// --- find bar ------------------------------------------------------------------

void TreeGraphView::showFindBar() {
    findBar_->move(viewport()->width() - findBar_->width() - kLegendInset, kLegendInset);
    findBar_->show();
    findBar_->raise();
    findBar_->setFocus(Qt::ShortcutFocusReason);
    findBar_->selectAll();
}

void TreeGraphView::findFromBar() {
    bool ok = false;
    const qint64 id = findBar_->text().toLongLong(&ok);
    if (ok && findNode(id)) return;
    QToolTip::showText(findBar_->mapToGlobal(QPoint(0, findBar_->height())),
                       tr("There is no node #%1.").arg(findBar_->text()), findBar_);
}

bool TreeGraphView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == findBar_ && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        findBar_->hide();
        setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QAbstractScrollArea::eventFilter(watched, event);
}

QString TreeGraphView::toolTipFor(qint64 id) const {
    const int index = data_.indexOf(id);
    if (index < 0) return {};
    const GraphNode& n = data_.node(index);
    QString rows;
    const auto row = [&rows](const QString& label, const QString& value) {
        rows += QStringLiteral("<tr><td style='padding-right:10px'>%1</td><td><b>%2</b></td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Generator"), n.generator.isEmpty() ? tr("none") : generatorDisplayName(n.generator));
    if (n.parent >= 0) {
        const QString made = edgeLabel(n, &data_.node(n.parent));
        if (!made.isEmpty()) row(tr("From its parent"), made);
    }
    row(tr("Status"), n.pending ? tr("Pending") : statusDisplayName(n.status));
    if (n.passed()) row(tr("Speedup"), formatSpeedup(n.speedup));
    row(tr("Configuration"), n.configuration.isEmpty() ? tr("the defaults") : n.configuration);
    if (!n.passed() && !n.message.isEmpty()) {
        row(tr("Message"), n.message.size() > 160 ? n.message.left(157) + QStringLiteral("...") : n.message);
    }
    QString html = QStringLiteral("<b>%1</b><table>%2</table>").arg(tr("Node #%1").arg(n.id).toHtmlEscaped(), rows);
    if (index == data_.best()) html += QStringLiteral("<i>%1</i>").arg(tr("The best node so far").toHtmlEscaped());
    return html;
}

// --- events ---------------------------------------------------------------------

void TreeGraphView::paintEvent(QPaintEvent* event) {
    ensureLayout();
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    if (data_.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No nodes yet"));
        return;
    }
    const TreeViewGeometry g = viewGeometry();
    // What the user looked at last: a resize keeps it in the middle.
    shownCentre_ = g.toScene(QRectF(viewport()->rect()).center());
    const SpeedupScale scale(data_.minSpeedup(), data_.maxSpeedup());
    drawnText_.clear();
    const TreeGraphScene scene{data_,    positions_, index_,     selectionIndexes_, data_.indexOf(current_),
                               hovered_, hasFocus(), &drawnText_};
    const QRect legend = legendRect();
    const QRect treeArea = viewport()->rect().adjusted(0, topInset(), 0, 0);
    painter.save();
    painter.setClipRect(treeArea);
    if (const QRect exposed = event->rect() & treeArea; !exposed.isEmpty())
        TreeGraphPainter(scene, g, scale, palette(), font()).paint(painter, exposed);
    painter.restore();
    if (!legend.isEmpty() && legend.intersects(event->rect()))
        TreeLegend(data_, scale, legendTitle(), palette(), font()).paint(painter, legend.topLeft());
}

void TreeGraphView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    if (findBar_->isVisible()) findBar_->move(viewport()->width() - findBar_->width() - kLegendInset, kLegendInset);
    if (autoFit_) {
        fitToView();
    } else {
        updateScrollBars();
        if (shownCentre_) scrollSceneTo(*shownCentre_, QRectF(viewport()->rect()).center());
    }
}

void TreeGraphView::scrollContentsBy(int, int) {
    viewport()->update();
}

bool TreeGraphView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const int index = indexAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const TreeViewGeometry g = viewGeometry();
        const QPointF c = g.toViewport(positions_[u(index)]);
        const QSizeF half = TreeGraphPainter::halfExtent(g);
        const QRect area =
            QRectF(c.x() - half.width(), c.y() - half.height(), 2 * half.width(), 2 * half.height()).toAlignedRect();
        QToolTip::showText(help->globalPos(), toolTipFor(data_.node(index).id), viewport(), area);
        return true;
    }
    if (event->type() == QEvent::Leave) setHovered(-1);
    return QAbstractScrollArea::viewportEvent(event);
}

void TreeGraphView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    pressPosition_ = event->position().toPoint();
    pressScroll_ = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    panning_ = false;
    pressedOnNode_ = false;
    if (event->button() == Qt::LeftButton) {
        const int index = indexAt(event->position());
        pressedOnNode_ = index >= 0;
        if (index >= 0) {
            const qint64 id = data_.node(index).id;
            if (event->modifiers() & Qt::ControlModifier) {
                QList<qint64> ids = selection_;
                if (!ids.removeOne(id)) ids.append(id);
                setSelection(ids);
            } else if (event->modifiers() & Qt::ShiftModifier) {
                if (!selection_.contains(id)) setSelection(selection_ + QList<qint64>{id});
            } else {
                setSelection({id});
            }
            setCurrentIndex(index);
        }
    }
    event->accept();
}

void TreeGraphView::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & (Qt::LeftButton | Qt::MiddleButton))) {
        setHovered(indexAt(event->position()));
        return;
    }
    const QPoint delta = event->position().toPoint() - pressPosition_;
    if (!panning_ && delta.manhattanLength() >= QApplication::startDragDistance()) {
        panning_ = true;
        autoFit_ = false;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (panning_) {
        horizontalScrollBar()->setValue(pressScroll_.x() - delta.x());
        verticalScrollBar()->setValue(pressScroll_.y() - delta.y());
    }
    event->accept();
}

void TreeGraphView::mouseReleaseEvent(QMouseEvent* event) {
    const bool click = !panning_ && event->button() == Qt::LeftButton;
    if (click && !pressedOnNode_ && !(event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)))
        setSelection({});  // a click on the background clears the selection
    if (panning_) viewport()->setCursor(indexAt(event->position()) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    panning_ = false;
    event->accept();
}

void TreeGraphView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const int index = indexAt(event->position());
    if (index >= 0)
        emit activated(data_.node(index).id);
    else
        fitToView();
    event->accept();
}

void TreeGraphView::wheelEvent(QWheelEvent* event) {
    const bool control = event->modifiers() & Qt::ControlModifier;
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    // Touchpads report pixel deltas and mean "scroll"; wheels report angles and mean "zoom".
    if (shift || (!event->pixelDelta().isNull() && !control)) {
        QPoint delta = event->pixelDelta().isNull() ? event->angleDelta() / 2 : event->pixelDelta();
        if (shift && delta.x() == 0) delta = QPoint(delta.y(), 0);
        autoFit_ = false;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) return;
    applyZoom(zoom_ * std::pow(1.2, steps), event->position());
    event->accept();
}

void TreeGraphView::keyPressEvent(QKeyEvent* event) {
    const int current = data_.indexOf(current_);
    switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Left:
        case Qt::Key_Right:
            moveCurrent(neighbourOf(current, event->key()), event->modifiers());
            break;
        case Qt::Key_Home:
            if (!data_.roots().empty()) moveCurrent(data_.roots().front(), event->modifiers());
            break;
        case Qt::Key_End:
            moveCurrent(data_.best(), event->modifiers());
            break;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (current >= 0) emit activated(current_);
            break;
        case Qt::Key_Escape:
            setSelection({});
            break;
        // The actions carry these as shortcuts; here too for when no shortcut map sees the key.
        case Qt::Key_F:
            fitToView();
            break;
        case Qt::Key_1:
            zoomToActualSize();
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            break;
        case Qt::Key_Minus:
            zoomOut();
            break;
        case Qt::Key_L:
            setLegendVisible(!legendVisible_);
            break;
        default:
            QAbstractScrollArea::keyPressEvent(event);
            return;
    }
    event->accept();
}

void TreeGraphView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange || event->type() == QEvent::LanguageChange) {
        refreshLegend();
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

}  // namespace kforge::ui
