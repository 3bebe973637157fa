// Tests of the search-tree graph: the tidy layout and its spatial index, and
// the TreeGraphView driven as a user drives it (clicks, keys, find, fit) on
// synthetic session trees. Runs on the offscreen platform.

#include "ui/tree/tree_graph_view.h"
#include "ui/tree/tree_layout.h"
#include "ui/tree/tree_spatial_index.h"
#include "ui/tree/tree_style.h"
#include "ui/tree/tree_view_geometry.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

#include "model/node.h"
#include "session/session_tree.h"

using kforge::Node;
using kforge::NodeState;
using kforge::SessionTree;
using kforge::Status;
using kforge::ui::layoutTidyForest;
using kforge::ui::TidyLayoutOptions;
using kforge::ui::TidyPosition;
using kforge::ui::TreeGraphView;
using kforge::ui::TreeSpatialIndex;
using kforge::ui::TreeViewGeometry;

namespace {

using Children = std::vector<std::vector<int>>;

std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}

Node makeNode(int64_t id, std::optional<int64_t> parent, Status status, double fitness = 0,
              const std::string& generator = "tuner", NodeState state = NodeState::Done) {
    Node n;
    n.id = id;
    n.parent = parent;
    n.generator = generator;
    n.state = state;
    n.status = state == NodeState::Done ? status : Status::NotRun;
    n.fitness = status == Status::Passed ? fitness : 0;
    n.config = {{"BLOCK", std::to_string(32 << (id % 4))}, {"VEC", std::to_string(1 + id % 4)}};
    n.message = status == Status::CompileError ? "error: expected ';' before '}' token\nmore" : "";
    return n;
}

// 1 (template) -> {2, 3, 4}; 2 -> {5 (best), 6}.
SessionTree smallTree() {
    SessionTree tree;
    tree.put(makeNode(1, std::nullopt, Status::Passed, 1.0, "template"));
    tree.put(makeNode(2, 1, Status::Passed, 1.5));
    tree.put(makeNode(3, 1, Status::IncorrectNumerical));
    tree.put(makeNode(4, 1, Status::NotRun, 0, "manual", NodeState::Pending));
    tree.put(makeNode(5, 2, Status::Passed, 2.5));
    tree.put(makeNode(6, 2, Status::CompileError));
    return tree;
}

// A root with `families` children, each with `grandchildren` children: wide, as tuner trees are.
SessionTree wideTree(int families, int grandchildren) {
    SessionTree tree;
    tree.put(makeNode(1, std::nullopt, Status::Passed, 1.0, "template"));
    int64_t id = 2;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> speed(0.6, 3.0);
    for (int f = 0; f < families; ++f) {
        const int64_t parent = id;
        tree.put(makeNode(id++, 1, Status::Passed, speed(rng)));
        for (int g = 0; g < grandchildren; ++g) {
            const Status s = g % 5 == 4 ? Status::CompileError : Status::Passed;
            tree.put(makeNode(id++, parent, s, speed(rng)));
        }
    }
    return tree;
}

// A random forest: each node's parent is an earlier node (or none, for a root).
Children randomForest(std::mt19937& rng, int size, std::vector<int>& roots) {
    Children children(u(size));
    roots.clear();
    for (int i = 0; i < size; ++i) {
        // About one node in twenty starts a new tree; the rest hang from an earlier node.
        const bool root = i == 0 || rng() % 20 == 0;
        const int parent = root ? -1 : std::uniform_int_distribution<int>(0, i - 1)(rng);
        if (parent < 0)
            roots.push_back(i);
        else
            children[u(parent)].push_back(i);
    }
    return children;
}

// The layout's promises: depth by level, no overlap within a level, children in
// order, parents centred over their children.
void checkTidy(const Children& children, const std::vector<int>& roots, const std::vector<TidyPosition>& p,
               const TidyLayoutOptions& options) {
    std::vector<int> parent(children.size(), -1);
    for (std::size_t v = 0; v < children.size(); ++v)
        for (const int c : children[v]) parent[u(c)] = static_cast<int>(v);
    for (const int r : roots) QCOMPARE(p[u(r)].depth, 0);
    std::map<int, std::vector<int>> levels;
    for (std::size_t v = 0; v < children.size(); ++v) {
        if (parent[v] >= 0) QCOMPARE(p[v].depth, p[u(parent[v])].depth + 1);
        levels[p[v].depth].push_back(static_cast<int>(v));
    }
    const double gap = std::min(options.siblingDistance, options.subtreeDistance) - 1e-9;
    for (auto& [depth, level] : levels) {
        std::sort(level.begin(), level.end(), [&](int a, int b) { return p[u(a)].x < p[u(b)].x; });
        for (std::size_t k = 1; k < level.size(); ++k)
            QVERIFY2(p[u(level[k])].x - p[u(level[k - 1])].x >= gap, "overlap");
    }
    for (std::size_t v = 0; v < children.size(); ++v) {
        const std::vector<int>& kids = children[v];
        if (kids.empty()) continue;
        for (std::size_t k = 1; k < kids.size(); ++k) QVERIFY(p[u(kids[k])].x > p[u(kids[k - 1])].x);
        QVERIFY(std::abs(p[v].x - (p[u(kids.front())].x + p[u(kids.back())].x) / 2) < 1e-6);
    }
    double minX = 1e300;
    for (const TidyPosition& t : p) minX = std::min(minX, t.x);
    QCOMPARE(minX, 0.0);
}

// The widget's id list as the engine's id vector.
std::vector<int64_t> toVector(const QList<qint64>& ids) {
    return {ids.begin(), ids.end()};
}

QColor pixel(TreeGraphView& view, QPointF at) {
    return view.viewport()->grab().toImage().pixelColor(at.toPoint());
}

bool near(const QColor& a, const QColor& b) {
    return std::abs(a.red() - b.red()) < 12 && std::abs(a.green() - b.green()) < 12 &&
           std::abs(a.blue() - b.blue()) < 12;
}

}  // namespace

class TestTreeGraph : public QObject {
    Q_OBJECT

private slots:
    void layoutOfKnownShapes();
    void layoutOfRandomForestsIsTidyAndDeterministic();
    void layoutOfTenThousandNodesIsFastAndIterative();
    void spatialIndexAgreesWithBruteForce();
    void setTreeShowsEveryNodeFitted();
    void clickSelectsAndEmits();
    void ctrlClickMakesTwoNodeSelection();
    void clickOnBackgroundClearsSelection();
    void doubleClickActivates();
    void findNodeCentresAndSelects();
    void setSelectedIdsKeepsKnownIds();
    void updateNodeAddsNodeAndKeepsViewportSteady();
    void updateNodeFollowsFitWhenFitted();
    void statusChangeRepaintsInItsColour();
    void fitShowsAllNodesAfterZooming();
    void bestPathIsThePathToTheBest();
    void keyboardWalksTheTree();
    void toolTipDescribesNode();
    void wheelZoomsAroundTheCursor();
    void findBarFindsTypedId();
    void legendTogglesAndKeepsFittedTreeClear();
    void clearEmptiesTheView();
    void resizeKeepsTheCentre();
};

void TestTreeGraph::layoutOfKnownShapes() {
    // A root with three leaves: leaves at 0, 1, 2 and the root over the middle one.
    const auto fan = layoutTidyForest({{1, 2, 3}, {}, {}, {}}, {0});
    QCOMPARE(fan[1].x, 0.0);
    QCOMPARE(fan[2].x, 1.0);
    QCOMPARE(fan[3].x, 2.0);
    QCOMPARE(fan[0].x, 1.0);
    QCOMPARE(fan[3].depth, 1);
    // Two roots are laid side by side.
    const auto two = layoutTidyForest({{}, {}}, {0, 1});
    QCOMPARE(two[0].x, 0.0);
    QCOMPARE(two[1].x, 1.0);
    // Small subtrees between two big ones are spread evenly (Walker's point).
    //   0 -> 1 (-> 4, 5, 6), 2, 3 (-> 7, 8, 9)
    const auto spread = layoutTidyForest({{1, 2, 3}, {4, 5, 6}, {}, {7, 8, 9}, {}, {}, {}, {}, {}, {}}, {0});
    QVERIFY(std::abs((spread[2].x - spread[1].x) - (spread[3].x - spread[2].x)) < 1e-9);
    checkTidy({{1, 2, 3}, {4, 5, 6}, {}, {7, 8, 9}, {}, {}, {}, {}, {}, {}}, {0}, spread, {});
}

void TestTreeGraph::layoutOfRandomForestsIsTidyAndDeterministic() {
    std::mt19937 rng(2024);
    for (int round = 0; round < 60; ++round) {
        std::vector<int> roots;
        const int size = 1 + static_cast<int>(rng() % 400);
        const Children children = randomForest(rng, size, roots);
        TidyLayoutOptions options;
        options.subtreeDistance = round % 2 ? 1.3 : 1.0;
        const auto first = layoutTidyForest(children, roots, options);
        checkTidy(children, roots, first, options);
        if (QTest::currentTestFailed()) return;
        const auto second = layoutTidyForest(children, roots, options);
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(second[i].x, first[i].x);
            QCOMPARE(second[i].depth, first[i].depth);
        }
        // The mirror image of the forest is drawn as the mirror image of its drawing.
        Children mirrored = children;
        for (auto& kids : mirrored) std::reverse(kids.begin(), kids.end());
        const std::vector<int> mirroredRoots(roots.rbegin(), roots.rend());
        const auto mirror = layoutTidyForest(mirrored, mirroredRoots, options);
        double width = 0;
        for (const TidyPosition& p : first) width = std::max(width, p.x);
        for (std::size_t i = 0; i < first.size(); ++i)
            QVERIFY2(std::abs(mirror[i].x - (width - first[i].x)) < 1e-6,
                     qPrintable(QStringLiteral("round %1").arg(round)));
    }
}

void TestTreeGraph::layoutOfTenThousandNodesIsFastAndIterative() {
    // A chain of 10,000: a recursive walk would overflow the stack long before.
    Children chain(10000);
    for (int i = 0; i + 1 < 10000; ++i) chain[u(i)].push_back(i + 1);
    QElapsedTimer timer;
    timer.start();
    const auto chained = layoutTidyForest(chain, {0});
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("chain: %1 ms").arg(timer.elapsed())));
    for (int i = 0; i < 10000; ++i) {
        QCOMPARE(chained[u(i)].depth, i);
        QCOMPARE(chained[u(i)].x, 0.0);
    }
    // A root with 150 children, each heading about 66 descendants in random shapes.
    std::mt19937 rng(11);
    Children wide(1);
    for (int f = 0; f < 150; ++f) {
        const int head = static_cast<int>(wide.size());
        wide[0].push_back(head);
        wide.emplace_back();
        for (int k = 0; k < 66; ++k) {
            const int parent = head + static_cast<int>(rng() % static_cast<unsigned>(wide.size() - u(head)));
            wide[u(parent)].push_back(static_cast<int>(wide.size()));
            wide.emplace_back();
        }
    }
    // ... and a 3,000-deep chain hanging from the last node.
    for (int k = 0; k < 3000; ++k) {
        wide.back().push_back(static_cast<int>(wide.size()));
        wide.emplace_back();
    }
    QVERIFY(wide.size() > 13000);
    timer.restart();
    const auto laid = layoutTidyForest(wide, {0}, {1.0, 1.3});
    QVERIFY2(timer.elapsed() < 100, qPrintable(QStringLiteral("wide: %1 ms").arg(timer.elapsed())));
    checkTidy(wide, {0}, laid, {1.0, 1.3});
}

void TestTreeGraph::spatialIndexAgreesWithBruteForce() {
    std::mt19937 rng(5);
    std::vector<int> roots;
    const Children children = randomForest(rng, 500, roots);
    const auto p = layoutTidyForest(children, roots);
    std::vector<int> parent(children.size(), -1);
    for (std::size_t v = 0; v < children.size(); ++v)
        for (const int c : children[v]) parent[u(c)] = static_cast<int>(v);
    TreeSpatialIndex index;
    index.build(p, parent);
    for (int trial = 0; trial < 200; ++trial) {
        const int depth = static_cast<int>(rng() % static_cast<unsigned>(index.rowCount()));
        const double a = std::uniform_real_distribution<double>(-2, 80)(rng);
        const double b = a + std::uniform_real_distribution<double>(0, 30)(rng);
        const std::vector<int>& row = index.row(depth);
        const auto [first, last] = index.nodesBetween(depth, a, b);
        for (std::size_t k = 0; k < row.size(); ++k) {
            const double x = p[u(row[k])].x;
            QCOMPARE(k >= first && k < last, x >= a && x <= b);
        }
        // Every edge into this row that crosses [a, b] must be in the edge range.
        const auto [efirst, elast] = index.edgesBetween(depth, a, b);
        for (std::size_t k = 0; k < row.size(); ++k) {
            const int v = row[k];
            if (parent[u(v)] < 0) continue;
            const double lo = std::min(p[u(v)].x, p[u(parent[u(v)])].x);
            const double hi = std::max(p[u(v)].x, p[u(parent[u(v)])].x);
            if (hi >= a && lo <= b) QVERIFY(k >= efirst && k < elast);
        }
        const double x = std::uniform_real_distribution<double>(-5, 90)(rng);
        const int nearest = index.nearest(depth, x);
        for (const int v : row) QVERIFY(std::abs(p[u(v)].x - x) >= std::abs(p[u(nearest)].x - x) - 1e-12);
    }
}

void TestTreeGraph::setTreeShowsEveryNodeFitted() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const SessionTree tree = wideTree(40, 3);
    view.setTree(tree);
    QCOMPARE(view.nodeCount(), static_cast<int>(tree.nodes().size()));
    QVERIFY(view.isFitted());
    const QRectF area(view.viewport()->rect());
    for (const Node& n : tree.nodes()) {
        const auto p = view.nodePosition(n.id);
        QVERIFY(p);
        QVERIFY2(area.contains(*p), qPrintable(QStringLiteral("node %1 outside").arg(n.id)));
    }
    // Children are drawn below their parent and in id order.
    QVERIFY(view.nodePosition(2)->y() > view.nodePosition(1)->y());
    QVERIFY(view.nodePosition(6)->x() > view.nodePosition(2)->x());
}

void TestTreeGraph::clickSelectsAndEmits() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(smallTree());
    QSignalSpy selection(&view, &TreeGraphView::selectionChanged);
    QSignalSpy current(&view, &TreeGraphView::currentChanged);
    const QPoint at = view.nodePosition(5)->toPoint();
    QCOMPARE(view.nodeAt(at), qint64(5));
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(view.selectedIds(), QList<qint64>{5});
    QCOMPARE(view.currentId(), qint64(5));
    QCOMPARE(selection.count(), 1);
    QCOMPARE(selection.at(0).at(0).value<QList<qint64>>(), QList<qint64>{5});
    QCOMPARE(current.count(), 1);
    QCOMPARE(current.at(0).at(0).toLongLong(), qint64(5));
    // Clicking it again changes nothing, so nothing is emitted.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(selection.count(), 1);
}

void TestTreeGraph::ctrlClickMakesTwoNodeSelection() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(smallTree());
    QSignalSpy selection(&view, &TreeGraphView::selectionChanged);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.nodePosition(2)->toPoint());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, view.nodePosition(6)->toPoint());
    QCOMPARE(view.selectedIds(), (QList<qint64>{2, 6}));
    QCOMPARE(selection.last().at(0).value<QList<qint64>>(), (QList<qint64>{2, 6}));
    // Ctrl+click on a selected node takes it out again; Shift+click only adds.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, view.nodePosition(2)->toPoint());
    QCOMPARE(view.selectedIds(), QList<qint64>{6});
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, view.nodePosition(3)->toPoint());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, view.nodePosition(3)->toPoint());
    QCOMPARE(view.selectedIds(), (QList<qint64>{6, 3}));
}

void TestTreeGraph::clickOnBackgroundClearsSelection() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(smallTree());
    view.setSelectedIds({2, 5});
    QCOMPARE(view.selectedIds().size(), 2);
    const QPoint empty(view.viewport()->width() - 5, view.viewport()->height() - 5);
    QCOMPARE(view.nodeAt(empty), qint64(-1));
    QSignalSpy selection(&view, &TreeGraphView::selectionChanged);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, empty);
    QVERIFY(view.selectedIds().isEmpty());
    QCOMPARE(selection.count(), 1);
}

void TestTreeGraph::doubleClickActivates() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(smallTree());
    QSignalSpy activated(&view, &TreeGraphView::activated);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.nodePosition(3)->toPoint());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(3));
}

void TestTreeGraph::findNodeCentresAndSelects() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const SessionTree tree = wideTree(150, 6);
    view.setTree(tree);
    QVERIFY(view.zoom() < 0.2);        // fitted, far out
    const qint64 target = 75 * 7 + 4;  // a grandchild in the middle of the tree
    QSignalSpy selection(&view, &TreeGraphView::selectionChanged);
    QVERIFY(view.findNode(target));
    QVERIFY(view.zoom() >= 0.75);  // close enough to read the card
    const QPointF centre = QRectF(view.viewport()->rect()).center();
    const QPointF p = *view.nodePosition(target);
    // Three levels are shorter than the viewport, so only x can be centred; y is in view.
    QVERIFY2(std::abs(p.x() - centre.x()) <= 1, qPrintable(QStringLiteral("at %1,%2").arg(p.x()).arg(p.y())));
    QVERIFY(QRectF(view.viewport()->rect()).contains(p));
    QCOMPARE(view.selectedIds(), QList<qint64>{target});
    QCOMPARE(view.currentId(), target);
    QCOMPARE(selection.count(), 1);
    QVERIFY(!view.findNode(999999));
    QCOMPARE(view.selectedIds(), QList<qint64>{target});
}

void TestTreeGraph::setSelectedIdsKeepsKnownIds() {
    TreeGraphView view;
    view.setTree(smallTree());
    QSignalSpy selection(&view, &TreeGraphView::selectionChanged);
    view.setSelectedIds({5, 42, 2, 5});
    QCOMPARE(view.selectedIds(), (QList<qint64>{5, 2}));
    QCOMPARE(selection.count(), 1);
    view.setSelectedIds({5, 2});
    QCOMPARE(selection.count(), 1);
    // A new tree keeps the ids that still exist.
    SessionTree smaller;
    smaller.put(makeNode(1, std::nullopt, Status::Passed, 1.0, "template"));
    smaller.put(makeNode(2, 1, Status::Passed, 1.2));
    view.setTree(smaller);
    QCOMPARE(view.selectedIds(), QList<qint64>{2});
    QCOMPARE(selection.count(), 2);
}

void TestTreeGraph::updateNodeAddsNodeAndKeepsViewportSteady() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    SessionTree tree = wideTree(30, 3);
    view.setTree(tree);
    view.zoomToActualSize();
    const qint64 watched = 15 * 4 + 2;  // a family in the middle, now under the centre
    view.centerOn(watched);
    QVERIFY(!view.isFitted());
    const QPointF before = *view.nodePosition(watched);
    // New children on the far left widen the tree and move everything right
    // in scene terms; on screen the watched node stays put.
    const int count = view.nodeCount();
    for (int k = 0; k < 5; ++k) view.updateNode(makeNode(1000 + k, 2, Status::Passed, 1.1));
    QCOMPARE(view.nodeCount(), count + 5);
    const QPointF after = *view.nodePosition(watched);
    QVERIFY2(std::abs(after.x() - before.x()) <= 1 && std::abs(after.y() - before.y()) <= 1,
             qPrintable(QStringLiteral("moved from %1 to %2").arg(before.x()).arg(after.x())));
    // The new nodes are laid out under their parent, in id order.
    const QPointF parent = *view.nodePosition(2);
    QVERIFY(view.nodePosition(1000)->y() > parent.y());
    QVERIFY(view.nodePosition(1004)->x() > view.nodePosition(1000)->x());
    // A node that arrives before its parent waits as a root, then moves under it.
    view.updateNode(makeNode(2001, 2000, Status::Passed, 1.0));
    view.updateNode(makeNode(2000, 1, Status::Passed, 1.0));
    QVERIFY(view.nodePosition(2001)->y() > view.nodePosition(2000)->y());
    QVERIFY(view.nodePosition(2000)->y() > view.nodePosition(1)->y());
}

void TestTreeGraph::updateNodeFollowsFitWhenFitted() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(smallTree());
    QVERIFY(view.isFitted());
    for (int k = 0; k < 60; ++k) view.updateNode(makeNode(100 + k, 5, Status::Passed, 1.3));
    QCoreApplication::processEvents();  // the coalesced layout runs
    QVERIFY(view.isFitted());
    const QRectF area(view.viewport()->rect());
    for (int k = 0; k < 60; ++k) QVERIFY(area.contains(*view.nodePosition(100 + k)));
}

void TestTreeGraph::statusChangeRepaintsInItsColour() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setLegendVisible(false);
    view.setTree(smallTree());
    view.zoomToActualSize();
    view.centerOn(4);
    // Sample inside the card's left edge, away from its text.
    const QPointF at = *view.nodePosition(4) - QPointF(24, 0);
    QVERIFY(near(pixel(view, at), view.palette().color(QPalette::Base)));  // pending: hollow
    view.updateNode(makeNode(4, 1, Status::CompileError, 0, "manual"));
    QVERIFY(near(pixel(view, at), kforge::ui::verdictColor(kforge::ui::VerdictKind::CompileError)));
    view.updateNode(makeNode(4, 1, Status::Timeout, 0, "manual"));
    QVERIFY(near(pixel(view, at), kforge::ui::verdictColor(kforge::ui::VerdictKind::Timeout)));
}

void TestTreeGraph::fitShowsAllNodesAfterZooming() {
    TreeGraphView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const SessionTree tree = wideTree(150, 66);
    view.setTree(tree);
    view.setZoom(2.0);
    QVERIFY(!view.isFitted());
    QTest::keyClick(&view, Qt::Key_F);
    QVERIFY(view.isFitted());
    const QRectF area(view.viewport()->rect());
    for (const Node& n : tree.nodes()) QVERIFY(area.contains(*view.nodePosition(n.id)));
    // The fitted tree uses the viewport: it is neither a thin line nor a tiny blob.
    const double width = view.nodePosition(tree.nodes().back().id)->x() - view.nodePosition(2)->x();
    const double height = view.nodePosition(3)->y() - view.nodePosition(1)->y();
    QVERIFY(width > 0.8 * area.width());
    QVERIFY(height >= std::min(0.3 * area.height(), 2 * TreeViewGeometry::kRow) - 1);
    view.fitAction()->trigger();
    QVERIFY(view.isFitted());
}

void TestTreeGraph::bestPathIsThePathToTheBest() {
    TreeGraphView view;
    const SessionTree tree = wideTree(20, 5);
    view.setTree(tree);
    QVERIFY(tree.best());
    QCOMPARE(view.bestId(), qint64(tree.best()->id));
    QCOMPARE(toVector(view.bestPath()), tree.pathTo(tree.best()->id));
    // A new best moves the path.
    SessionTree grown = tree;
    grown.put(makeNode(5000, 3, Status::Passed, 9.0));
    view.updateNode(grown.at(5000));
    QCOMPARE(view.bestId(), qint64(5000));
    QCOMPARE(toVector(view.bestPath()), grown.pathTo(5000));
    QCOMPARE(view.bestPath(), (QList<qint64>{1, 2, 3, 5000}));
    // Nothing passed: no best, no path.
    SessionTree failed;
    failed.put(makeNode(1, std::nullopt, Status::CompileError, 0, "template"));
    view.setTree(failed);
    QCOMPARE(view.bestId(), qint64(-1));
    QVERIFY(view.bestPath().isEmpty());
}

void TestTreeGraph::keyboardWalksTheTree() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(smallTree());
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.currentId(), qint64(1));
    QTest::keyClick(&view, Qt::Key_Down);  // follows the best path: 1 -> 2
    QCOMPARE(view.currentId(), qint64(2));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentId(), qint64(3));
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.currentId(), qint64(2));
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.currentId(), qint64(5));
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentId(), qint64(6));
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.currentId(), qint64(2));
    QCOMPARE(view.selectedIds(), QList<qint64>{2});
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentId(), qint64(5));
    QTest::keyClick(&view, Qt::Key_Up, Qt::ShiftModifier);  // Shift extends the selection
    QCOMPARE(view.selectedIds(), (QList<qint64>{5, 2}));
    QSignalSpy activated(&view, &TreeGraphView::activated);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), qint64(2));
}

void TestTreeGraph::toolTipDescribesNode() {
    TreeGraphView view;
    view.setTree(smallTree());
    const QString failed = view.toolTipFor(6);
    QVERIFY(failed.contains(QStringLiteral("#6")));
    QVERIFY(failed.contains(QStringLiteral("tuner")));
    QVERIFY(failed.contains(QStringLiteral("Compile error")));
    QVERIFY(failed.contains(QStringLiteral("BLOCK=")));
    QVERIFY(failed.contains(QStringLiteral("expected")));
    QVERIFY(!failed.contains(QStringLiteral("more")));  // only the message's first line
    const QString best = view.toolTipFor(5);
    QVERIFY(best.contains(QStringLiteral("2.50")));
    QVERIFY(best.contains(QStringLiteral("best")));
    QVERIFY(view.toolTipFor(77).isEmpty());

    // Hovering a node shows its tooltip; the background shows none.
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint at = view.nodePosition(6)->toPoint();
    QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view.viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QStringLiteral("#6")));
    const QPoint empty(5, view.viewport()->height() - 5);
    QHelpEvent none(QEvent::ToolTip, empty, view.viewport()->mapToGlobal(empty));
    QCoreApplication::sendEvent(view.viewport(), &none);
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestTreeGraph::wheelZoomsAroundTheCursor() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(wideTree(60, 4));
    const QPointF at = *view.nodePosition(40);
    const double before = view.zoom();
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoom() > before * 1.3);
    QVERIFY(!view.isFitted());
    const QPointF after = *view.nodePosition(40);
    QVERIFY2(std::abs(after.x() - at.x()) <= 1.5 && std::abs(after.y() - at.y()) <= 1.5,
             qPrintable(QStringLiteral("from %1,%2 to %3,%4").arg(at.x()).arg(at.y()).arg(after.x()).arg(after.y())));
}

void TestTreeGraph::findBarFindsTypedId() {
    TreeGraphView view;
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(wideTree(30, 3));
    view.findAction()->trigger();
    auto* bar = view.findChild<QLineEdit*>(QStringLiteral("treeFindBar"));
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QTest::keyClicks(bar, QStringLiteral("x4y2"));  // only digits get in
    QCOMPARE(bar->text(), QStringLiteral("42"));
    QTest::keyClick(bar, Qt::Key_Return);
    QCOMPARE(view.selectedIds(), QList<qint64>{42});
    QCOMPARE(view.currentId(), qint64(42));
    QTest::keyClick(bar, Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
}

void TestTreeGraph::legendTogglesAndKeepsFittedTreeClear() {
    TreeGraphView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(wideTree(12, 4));
    QVERIFY(view.isLegendVisible());
    QVERIFY(view.legendAction()->isChecked());
    // Fitted, no node lies under the legend in the top-left corner.
    const QRect legend(0, 0, 300, 120);
    const double rootWithLegend = view.nodePosition(1)->y();
    for (qint64 id = 1; id <= view.nodeCount(); ++id) QVERIFY(!legend.contains(view.nodePosition(id)->toPoint()));
    view.legendAction()->trigger();
    QVERIFY(!view.isLegendVisible());
    QVERIFY(view.isFitted());
    QVERIFY(view.nodePosition(1)->y() < rootWithLegend);  // the tree takes the band back
    QTest::keyClick(&view, Qt::Key_L);
    QVERIFY(view.isLegendVisible());
}

void TestTreeGraph::clearEmptiesTheView() {
    TreeGraphView view;
    view.setTree(smallTree());
    view.setSelectedIds({2});
    view.setCurrentId(2);
    QSignalSpy selection(&view, &TreeGraphView::selectionChanged);
    QSignalSpy current(&view, &TreeGraphView::currentChanged);
    view.clear();
    QCOMPARE(view.nodeCount(), 0);
    QVERIFY(view.selectedIds().isEmpty());
    QCOMPARE(view.currentId(), qint64(-1));
    QCOMPARE(selection.count(), 1);
    QCOMPARE(current.count(), 1);
    QCOMPARE(view.nodeAt(QPoint(10, 10)), qint64(-1));
    QVERIFY(!view.nodePosition(1));
    view.updateNode(makeNode(1, std::nullopt, Status::Passed, 1.0, "template"));
    QCOMPARE(view.nodeCount(), 1);
    QVERIFY(view.nodePosition(1));
}

void TestTreeGraph::resizeKeepsTheCentre() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(wideTree(60, 4));
    QVERIFY(view.findNode(150));
    view.viewport()->repaint();
    view.resize(700, 650);
    QCoreApplication::processEvents();
    const QPointF centre = QRectF(view.viewport()->rect()).center();
    const QPointF p = *view.nodePosition(150);
    QVERIFY2(std::abs(p.x() - centre.x()) <= 1, qPrintable(QStringLiteral("%1 vs %2").arg(p.x()).arg(centre.x())));
}

QTEST_MAIN(TestTreeGraph)
#include "test_tree_graph.moc"
