// Tests of the search-tree graph: the tidy layout and its spatial index, the
// edge labels' text, and the TreeGraphView driven as a user drives it (clicks,
// keys, find, fit) on synthetic session trees; at fit zoom no two pieces of
// text overlap and the legend covers no node, in the view and in the main
// window at its default size. Runs on the offscreen platform; with
// KFORGE_SCREENSHOT_DIR set, the main window is saved there (English, zh_CN).

#include "store/store.h"
#include "support/stored_session.h"
#include "ui/main_window.h"
#include "ui/translation.h"
#include "ui/tree/tree_edge_label.h"
#include "ui/tree/tree_graph_data.h"
#include "ui/tree/tree_graph_view.h"
#include "ui/tree/tree_layout.h"
#include "ui/tree/tree_spatial_index.h"
#include "ui/tree/tree_style.h"
#include "ui/tree/tree_view_geometry.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <vector>

#include "model/node.h"
#include "model/session_tree.h"

using kforge::Node;
using kforge::NodeState;
using kforge::SessionTree;
using kforge::Status;
using kforge::TuneConfig;
using kforge::ui::edgeLabel;
using kforge::ui::GraphNode;
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
    n.message = kforge::verbatim(status == Status::CompileError ? "error: expected ';' before '}' token\nmore" : "");
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

GraphNode graphNode(qint64 id, std::optional<qint64> parent, const char* generator, TuneConfig config = {}) {
    GraphNode g;
    g.id = id;
    g.parentId = parent;
    g.generator = QString::fromLatin1(generator);
    g.config = std::move(config);
    return g;
}

// Pairs of text rectangles that overlap (touching edges do not count).
QStringList overlaps(const std::vector<QRectF>& rects) {
    QStringList found;
    for (std::size_t a = 0; a < rects.size(); ++a)
        for (std::size_t b = a + 1; b < rects.size(); ++b)
            if (rects[a].adjusted(0.5, 0.5, -0.5, -0.5).intersects(rects[b].adjusted(0.5, 0.5, -0.5, -0.5)))
                found << QStringLiteral("(%1,%2 %3x%4) and (%5,%6 %7x%8)")
                             .arg(rects[a].x())
                             .arg(rects[a].y())
                             .arg(rects[a].width())
                             .arg(rects[a].height())
                             .arg(rects[b].x())
                             .arg(rects[b].y())
                             .arg(rects[b].width())
                             .arg(rects[b].height());
    return found;
}

// The ids whose card or dot the legend's rectangle touches.
QStringList nodesUnderLegend(const TreeGraphView& view) {
    QStringList under;
    const QRect legend = view.legendArea();
    for (qint64 id = 1; id <= view.nodeCount(); ++id)
        if (const auto r = view.nodeRect(id); r && r->intersects(legend)) under << QString::number(id);
    return under;
}

// A stored session as a search makes them (36 nodes): the template; tuner
// children over TILE x THREADS, two of them proposed by the tuning cache; the
// best one's tuner children varying VEC; an LLM rewrite with its summary, one
// without, and a hand edit.
qint64 seedSession(const QString& db) {
    kforge::Store store(db.toStdString());
    kforge::SessionRecord r = kforge::test::createStoredSession(store, "transpose, labelled", "transpose_fp32", 60);
    const std::string source = store.putSource("// a template\nint x;\n");
    int64_t id = 0;
    double best = 0;
    const auto add = [&](std::optional<int64_t> parent, const std::string& generator, TuneConfig config, Status status,
                         double fitness, const std::string& strategy = "random", const std::string& change = "") {
        Node n;
        n.id = ++id;
        n.parent = parent;
        n.generator = generator;
        n.input.strategy = generator == "tuner" ? strategy : "";
        n.input.change = change;
        n.sourceHash =
            generator == "llm" || generator == "manual" ? store.putSource("// v" + std::to_string(id)) : source;
        n.sourceExtension = ".cpp";
        n.config = std::move(config);
        n.createdAt = "2026-01-01T00:00:00Z";
        store.insertNode(r.id, n);
        n.state = NodeState::Done;
        n.status = status;
        n.fitness = status == Status::Passed ? fitness : 0;
        n.evaluatedAt = "2026-01-01T00:00:30Z";
        store.updateNode(r.id, n);
        if (n.passed() && n.fitness > best) {
            best = n.fitness;
            r.bestNode = n.id;
        }
        return n.id;
    };
    const TuneConfig defaults{{"THREADS", "1"}, {"TILE", "8"}, {"VEC", "1"}};
    const int64_t root = add(std::nullopt, "template", defaults, Status::Passed, 1.0);
    int64_t fastest = root;
    double fastestFitness = 0;
    int k = 0;
    for (const char* threads : {"1", "2", "4", "8", "16"})
        for (const char* tile : {"8", "16", "32", "64", "128", "256"}) {
            if (std::string(threads) == "1" && std::string(tile) == "8") continue;
            ++k;
            const Status s = k % 9 == 4 ? Status::CompileError : (k % 11 == 7 ? Status::Timeout : Status::Passed);
            const double f = std::sqrt(std::stod(threads)) * (1.2 - std::abs(std::log2(std::stod(tile)) - 5) / 8);
            const int64_t n = add(root, "tuner", {{"THREADS", threads}, {"TILE", tile}, {"VEC", "1"}}, s, f,
                                  k <= 2 ? "cache" : "random");
            if (s == Status::Passed && f > fastestFitness) {
                fastestFitness = f;
                fastest = n;
            }
        }
    for (const char* vec : {"2", "4", "8"})
        add(fastest, "tuner", {{"THREADS", "16"}, {"TILE", "32"}, {"VEC", vec}}, Status::Passed,
            fastestFitness * (1 + std::stod(vec) / 20));
    add(fastest, "llm", defaults, Status::Passed, fastestFitness * 1.3, "",
        "Stage tiles through shared memory and unroll the inner loop");
    add(root, "llm", defaults, Status::IncorrectNumerical, 0);
    add(root, "manual", {}, Status::Passed, 1.1);
    r.evaluations = static_cast<int>(id);
    r.bestSpeedup = best;
    r.status = "finished";
    store.saveSession(r);
    return r.id;
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
    void edgeLabelSaysWhatChanged();
    void legendNamesWhatSpeedupsAreMeasuredAgainst();
    void fitZoomTextNeverOverlapsAndLegendCoversNoNode();
    void mainWindowTreeIsReadableAtDefaultSize();
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

void TestTreeGraph::edgeLabelSaysWhatChanged() {
    const GraphNode root = graphNode(1, std::nullopt, "template", {{"TILE", "8"}, {"VEC", "1"}});
    QVERIFY(edgeLabel(root, nullptr).isEmpty());  // a root has no edge

    const GraphNode one = graphNode(2, 1, "tuner", {{"TILE", "64"}, {"VEC", "1"}});
    QCOMPARE(edgeLabel(one, &root), QStringLiteral("TILE 8→64"));
    const GraphNode several = graphNode(3, 1, "tuner", {{"TILE", "16"}, {"VEC", "4"}, {"UNROLL", "2"}});
    QCOMPARE(edgeLabel(several, &root), QStringLiteral("TILE 8→16, UNROLL=2, VEC 1→4"));
    const GraphNode dropped = graphNode(4, 1, "tuner", {{"TILE", "8"}});
    QCOMPARE(edgeLabel(dropped, &root), QStringLiteral("VEC default"));
    const GraphNode same = graphNode(5, 1, "tuner", root.config);
    QCOMPARE(edgeLabel(same, &root), QStringLiteral("same parameters"));
    // Another of the task's templates, beside the first.
    GraphNode variant = graphNode(6, 1, "template", {{"ROWS", "4"}});
    variant.templateName = QStringLiteral("warp_rows");
    QCOMPARE(edgeLabel(variant, &root), QStringLiteral("template warp_rows"));
    // Before its parent arrives, a tuner's child cannot say what changed.
    QCOMPARE(edgeLabel(one, nullptr), QStringLiteral("tuner"));

    GraphNode cached = graphNode(6, 1, "tuner", {{"TILE", "64"}, {"VEC", "1"}});
    cached.strategy = QStringLiteral("cache");
    QCOMPARE(edgeLabel(cached, &root), QStringLiteral("from tuning cache"));
    GraphNode seeded = graphNode(6, 1, "tuner", {{"TILE", "64"}, {"VEC", "1"}});
    seeded.strategy = QStringLiteral("seed");
    QCOMPARE(edgeLabel(seeded, &root), QStringLiteral("template's seed: TILE 8→64"));

    GraphNode llm = graphNode(7, 1, "llm");
    QCOMPARE(edgeLabel(llm, &root), QStringLiteral("LLM rewrite"));
    llm.change = QStringLiteral("  Vectorise the loads\nand more detail");
    QCOMPARE(edgeLabel(llm, &root), QStringLiteral("Vectorise the loads"));  // the summary's first line

    QCOMPARE(edgeLabel(graphNode(8, 1, "manual"), &root), QStringLiteral("manual edit"));
    QCOMPARE(edgeLabel(graphNode(9, 1, "crossover"), &root), QStringLiteral("crossover"));

    // The full text is the child's tooltip too.
    SessionTree tree;
    tree.put(makeNode(1, std::nullopt, Status::Passed, 1.0, "template"));
    Node child = makeNode(2, 1, Status::Passed, 1.5);
    child.config["BLOCK"] = "256";
    tree.put(child);
    TreeGraphView view;
    view.setTree(tree);
    QVERIFY(view.toolTipFor(2).contains(QStringLiteral("BLOCK 64→256")));
}

void TestTreeGraph::legendNamesWhatSpeedupsAreMeasuredAgainst() {
    TreeGraphView view;
    view.resize(900, 600);
    view.show();
    SessionTree tree;
    tree.put(makeNode(1, std::nullopt, Status::Passed, 1.0, "template"));
    tree.put(makeNode(2, 1, Status::Passed, 1.5));
    view.setTree(tree);
    QCOMPARE(view.legendTitle(), QStringLiteral("Speedup over the baseline"));
    const QRect narrow = view.legendArea();
    const QString basis = QStringLiteral("the best PyTorch op, measured beside every candidate on this very device");
    view.setSpeedupBasis(basis);
    QCOMPARE(view.legendTitle(), QStringLiteral("Speedup over ") + basis);
    // The legend grows to its title rather than cutting it.
    QFont title = view.font();
    title.setPixelSize(11);
    title.setWeight(QFont::DemiBold);
    QVERIFY(view.legendArea().width() > narrow.width());
    QVERIFY(view.legendArea().width() >= QFontMetrics(title).horizontalAdvance(view.legendTitle()));
}

void TestTreeGraph::fitZoomTextNeverOverlapsAndLegendCoversNoNode() {
    TreeGraphView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // Narrow to wide views and small to wide trees: cards with text, blocks
    // with captions, dots where only some rows have room.
    const std::vector<std::pair<int, int>> shapes{{3, 2}, {8, 3}, {12, 4}, {40, 3}};
    for (const QSize size : {QSize(700, 560), QSize(1100, 806), QSize(500, 700)}) {
        view.resize(size);
        for (const auto& [families, grandchildren] : shapes) {
            view.setTree(wideTree(families, grandchildren));
            QVERIFY(view.isFitted());
            view.viewport()->repaint();
            const QString where = QStringLiteral("%1x%2, %3 nodes, zoom %4")
                                      .arg(size.width())
                                      .arg(size.height())
                                      .arg(view.nodeCount())
                                      .arg(view.zoom());
            const QStringList clash = overlaps(view.drawnTextRects());
            QVERIFY2(clash.isEmpty(), qPrintable(where + QStringLiteral(": ") + clash.join(QStringLiteral("; "))));
            QVERIFY2(!view.legendArea().isEmpty(), qPrintable(where));
            const QStringList under = nodesUnderLegend(view);
            QVERIFY2(under.isEmpty(), qPrintable(where + QStringLiteral(": ") + under.join(QLatin1Char(' '))));
            // Text is drawn only in the tree's area, never into the legend.
            for (const QRectF& r : view.drawnTextRects()) QVERIFY2(!r.intersects(view.legendArea()), qPrintable(where));
        }
    }
    // Small trees get their labels: every node says its speedup or verdict.
    view.resize(1100, 806);
    view.setTree(smallTree());
    view.viewport()->repaint();
    QVERIFY(view.drawnTextRects().size() >= 6 * 2);

    // Zoomed in and scrolled up under the band, a node is neither drawn nor hit there.
    view.setTree(wideTree(12, 4));
    view.setZoom(1.5);
    view.centerOn(1);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + 120);
    view.viewport()->repaint();
    QVERIFY(overlaps(view.drawnTextRects()).isEmpty());
    const QRect legend = view.legendArea();
    QVERIFY(!legend.isEmpty());
    for (const QRectF& r : view.drawnTextRects()) QVERIFY(!r.intersects(legend));
    for (int y = legend.top(); y <= legend.bottom(); y += 4)
        for (int x = legend.left(); x <= view.viewport()->width(); x += 8) QCOMPARE(view.nodeAt(QPoint(x, y)), -1);
}

void TestTreeGraph::mainWindowTreeIsReadableAtDefaultSize() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A saved window layout from elsewhere would change the tree's size.
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    const QString db = dir.filePath(QStringLiteral("workspace.db"));
    const qint64 session = seedSession(db);
    kforge::ui::MainWindow window(db);
    window.resize(1100, 806);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(&window, &kforge::ui::MainWindow::sessionOpened);
    window.openSession(session);
    QVERIFY(opened.wait(10000));
    auto* view = window.findChild<TreeGraphView*>();
    QVERIFY(view);
    QTRY_COMPARE(view->nodeCount(), 36);
    QTest::qWait(100);  // the posted layout requests, before the view's size is final
    view->fitToView();
    view->viewport()->repaint();
    const QString where = QStringLiteral("viewport %1x%2, zoom %3")
                              .arg(view->viewport()->width())
                              .arg(view->viewport()->height())
                              .arg(view->zoom());
    const QStringList clash = overlaps(view->drawnTextRects());
    QVERIFY2(clash.isEmpty(), qPrintable(where + QStringLiteral(": ") + clash.join(QStringLiteral("; "))));
    const QStringList under = nodesUnderLegend(*view);
    QVERIFY2(under.isEmpty(), qPrintable(where + QStringLiteral(": ") + under.join(QLatin1Char(' '))));
    const QString shots = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) QVERIFY(window.grab().save(shots + QStringLiteral("/tree-labels-en.png")));
    // The tree gets its 2:3 share of the centre on first run (it had 198 px
    // when the size hints split it); the diff side's bar lets it.
    QVERIFY2(view->width() >= 300, qPrintable(where));
    QVERIFY2(!view->drawnTextRects().empty(), qPrintable(where));

    // The same tree in a view of the window's size: captions and edge labels
    // where rows have room, the legend clear of the tree.
    TreeGraphView wide;
    wide.resize(1100, 806);
    wide.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wide));
    wide.setTree(kforge::Store(db.toStdString()).loadTree(session));
    wide.viewport()->repaint();
    const QString wideWhere = QStringLiteral("zoom %1").arg(wide.zoom());
    QVERIFY2(overlaps(wide.drawnTextRects()).isEmpty(), qPrintable(wideWhere));
    QVERIFY2(!wide.legendArea().isEmpty() && nodesUnderLegend(wide).isEmpty(), qPrintable(wideWhere));
    QVERIFY2(wide.drawnTextRects().size() >= 6, qPrintable(wideWhere));
    if (!shots.isEmpty()) QVERIFY(wide.grab().save(shots + QStringLiteral("/tree-labels-view-en.png")));

    if (!shots.isEmpty()) {
        QTranslator translator;
        QVERIFY(kforge::ui::loadApplicationTranslation(translator, QLocale(QLocale::Chinese, QLocale::China)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QTest::qWait(100);
        QVERIFY(window.grab().save(shots + QStringLiteral("/tree-labels-zh_CN.png")));
        wide.viewport()->repaint();
        QVERIFY(wide.grab().save(shots + QStringLiteral("/tree-labels-view-zh_CN.png")));
        QCoreApplication::removeTranslator(&translator);
    }
}

QTEST_MAIN(TestTreeGraph)
#include "test_tree_graph.moc"
