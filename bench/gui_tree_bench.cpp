// The search-tree view at session scale: a synthetic session of 10,000 nodes
// (a root with 150 children, each heading about 66 descendants, with a
// realistic mix of verdicts and speedups; optionally a 3,000-deep chain),
// opened in a TreeGraphView on the offscreen platform.
//  1. open: setTree (copy, layout, spatial index, fit), and the first paint;
//  2. the layout alone;
//  3. the median of 50 repaints at the fitted zoom, at 1:1 and between;
//  4. a running session's worst case: a node added and laid out at once
//     (the view coalesces bursts, so this is an upper bound), and a verdict
//     changed, each with the repaint it causes.
// Targets (issue 4): open and lay out in under 1 s, repaint in under 16 ms.
// A benchmark, not a test: it prints numbers and asserts nothing. With --png
// it also saves what it drew, to look at.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPalette>
#include <QStyleFactory>
#include <QTextStream>

#include <algorithm>
#include <random>
#include <vector>

#include "model/node.h"
#include "model/session_tree.h"
#include "synthetic_session.h"
#include "ui/tree/tree_graph_data.h"
#include "ui/tree/tree_graph_view.h"

using kforge::Node;
using kforge::NodeState;
using kforge::SessionTree;
using kforge::Status;
using kforge::ui::TreeGraphData;
using kforge::ui::TreeGraphView;
using kforge::bench::syntheticSession;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double msSince(const QElapsedTimer& t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

// The median of `count` full repaints of the viewport into an image.
double repaintMedian(TreeGraphView& view, int count, const QString& png) {
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        view.viewport()->render(&image);
        times.push_back(msSince(t));
    }
    if (!png.isEmpty()) view.grab().save(png);
    return median(times);
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KernelForge search-tree view benchmark"));
    parser.addHelpOption();
    const QCommandLineOption nodesOption(QStringLiteral("nodes"), QStringLiteral("nodes in the session"),
                                         QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption familiesOption(QStringLiteral("families"), QStringLiteral("children of the root"),
                                            QStringLiteral("n"), QStringLiteral("150"));
    const QCommandLineOption chainOption(QStringLiteral("chain"),
                                         QStringLiteral("also a session whose last n nodes form one chain"),
                                         QStringLiteral("n"), QStringLiteral("3000"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("viewport size"), QStringLiteral("WxH"),
                                        QStringLiteral("1600x1000"));
    const QCommandLineOption pngOption(QStringLiteral("png"), QStringLiteral("save what was drawn into this folder"),
                                       QStringLiteral("dir"));
    const QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("use a dark palette"));
    parser.addOptions({nodesOption, familiesOption, chainOption, sizeOption, pngOption, darkOption});
    parser.process(app);
    const int nodes = parser.value(nodesOption).toInt();
    const int families = std::min(parser.value(familiesOption).toInt(), nodes - 1);
    const int chain = parser.value(chainOption).toInt();
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    const QString pngDir = parser.value(pngOption);
    if (!pngDir.isEmpty()) QDir().mkpath(pngDir);
    if (parser.isSet(darkOption)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(QRgb{0x2b2d30u}));
        dark.setColor(QPalette::WindowText, QColor(QRgb{0xdfe1e5u}));
        dark.setColor(QPalette::Base, QColor(QRgb{0x1e1f22u}));
        dark.setColor(QPalette::Text, QColor(QRgb{0xdfe1e5u}));
        dark.setColor(QPalette::PlaceholderText, QColor(QRgb{0x8c8f94u}));
        dark.setColor(QPalette::Highlight, QColor(QRgb{0x3574f0u}));
        dark.setColor(QPalette::Button, QColor(QRgb{0x2b2d30u}));
        dark.setColor(QPalette::ButtonText, QColor(QRgb{0xdfe1e5u}));
        QApplication::setPalette(dark);
    }

    QTextStream out(stdout);
    out << "search-tree view, viewport " << parser.value(sizeOption) << ", Qt " << qVersion()
#ifdef NDEBUG
        << ", optimized build\n";
#else
        << ", DEBUG build (numbers are pessimistic)\n";
#endif
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8   %9 %10\n")
               .arg(QStringLiteral("session"), -26)
               .arg(QStringLiteral("layout"), 9)
               .arg(QStringLiteral("setTree"), 9)
               .arg(QStringLiteral("1st paint"), 10)
               .arg(QStringLiteral("fit"), 8)
               .arg(QStringLiteral("z=0.1"), 8)
               .arg(QStringLiteral("z=0.35"), 8)
               .arg(QStringLiteral("1:1"), 8)
               .arg(QStringLiteral("+node"), 9)
               .arg(QStringLiteral("verdict"), 9);
    out << QStringLiteral("%1  (ms; repaints and updates are medians of 50, each update with its repaint at 1:1)\n")
               .arg(QString(), -26);

    struct Shape {
        QString name;
        int chain;
    };
    std::vector<Shape> shapes{{QStringLiteral("wide"), 0}};
    if (chain > 0 && chain < nodes) shapes.push_back({QStringLiteral("wide+chain"), chain});
    for (const Shape& shape : shapes) {
        const SessionTree tree = syntheticSession(nodes, families, shape.chain, 42);

        TreeGraphData data;
        data.reset(tree);
        QElapsedTimer t;
        t.start();
        const auto positions = data.layout({1.0, 1.3});
        const double layoutMs = msSince(t);

        TreeGraphView view;
        view.resize(size.value(0).toInt(), size.value(1).toInt());
        view.show();
        QApplication::processEvents();
        t.restart();
        view.setTree(tree);
        const double openMs = msSince(t);
        t.restart();
        const QPixmap first = view.viewport()->grab();
        const double firstPaintMs = msSince(t);

        const QString prefix = pngDir.isEmpty() ? QString() : pngDir + QLatin1Char('/') + shape.name + QLatin1Char('-');
        const auto png = [&](const char* what) { return prefix.isEmpty() ? QString() : prefix + QLatin1String(what); };
        const double fitMs = repaintMedian(view, 50, png("fit.png"));
        const qint64 best = view.bestId();
        view.setSelectedIds({best});
        view.setZoom(0.1);
        view.centerOn(best);
        const double farMs = repaintMedian(view, 50, png("z010.png"));
        view.setZoom(0.35);
        view.centerOn(best);
        const double midMs = repaintMedian(view, 50, png("z035.png"));
        view.zoomToActualSize();
        view.setCurrentId(best);
        view.centerOn(best);
        const double actualMs = repaintMedian(view, 50, png("1to1.png"));

        // A running session: new nodes under random parents, then their verdicts.
        std::mt19937 rng(9);
        std::vector<double> addMs;
        std::vector<double> verdictMs;
        QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        SessionTree live = tree;
        for (int k = 0; k < 50; ++k) {
            Node n;
            n.id = live.nextId();
            n.parent = 1 + static_cast<int64_t>(rng() % live.nodes().size());
            n.generator = "tuner";
            live.put(n);
            t.restart();
            view.updateNode(n);
            (void)view.nodePosition(n.id);  // lay out now rather than in the next event loop pass
            view.viewport()->render(&frame);
            addMs.push_back(msSince(t));
            n.state = NodeState::Done;
            n.status = k % 3 ? Status::Passed : Status::CompileError;
            n.fitness = n.status == Status::Passed ? 1.5 : 0;
            t.restart();
            view.updateNode(n);
            view.viewport()->render(&frame);
            verdictMs.push_back(msSince(t));
        }

        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8   %9 %10\n")
                   .arg(QStringLiteral("%1 (%2 nodes)").arg(shape.name).arg(tree.nodes().size()), -26)
                   .arg(layoutMs, 9, 'f', 1)
                   .arg(openMs, 9, 'f', 1)
                   .arg(firstPaintMs, 10, 'f', 1)
                   .arg(fitMs, 8, 'f', 2)
                   .arg(farMs, 8, 'f', 2)
                   .arg(midMs, 8, 'f', 2)
                   .arg(actualMs, 8, 'f', 2)
                   .arg(median(addMs), 9, 'f', 2)
                   .arg(median(verdictMs), 9, 'f', 2);
        out.flush();
        (void)positions;
        (void)first;
    }
    return 0;
}
