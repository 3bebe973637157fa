// Opening a 10,000-node session in the main window, end to end: the session
// is written to a fresh workspace database with realistic node records (six
// workloads of timing samples and statistics per node, compile results), then
//  1. the store alone: Store::loadTree on this thread, in full and as the
//     summaries the window opens with;
//  2. the window: openSession() until sessionOpened() has filled the models,
//     the graph and the diff, and the first full paint of the window;
//  3. the median of 20 repaints of the whole window, and of the graph.
// Targets (issue 4): open and lay out in under 1 s, repaint in under 16 ms.
// A benchmark, not a test: it prints numbers and asserts nothing.
//
//   kforge-bench-gui-open [--nodes 10000] [--png FILE]
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <random>
#include <vector>

#include "store/store.h"
#include "synthetic_session.h"
#include "ui/charts/charts_panel.h"
#include "ui/diff/diff_editor.h"
#include "ui/main_window.h"
#include "ui/session/nodes_panel.h"
#include "ui/session/session_workbench.h"
#include "ui/tree/tree_graph_view.h"
#include "util/stats.h"

namespace {

double msSince(const QElapsedTimer& t) { return static_cast<double>(t.nsecsElapsed()) / 1e6; }

// What a measured node carries in the store: per workload, statistics and
// the timing samples; the size of a real record is what loading costs.
kforge::EvalReport evaluationOf(const kforge::Node& n, std::mt19937& rng) {
    kforge::EvalReport r;
    r.status = n.fitness > 0 ? kforge::Status::Passed : kforge::Status::IncorrectNumerical;
    r.speedupGeomean = n.fitness;
    for (int w = 0; w < 6; ++w) {
        const double median = 0.01 * (1 << w) / std::max(n.fitness, 0.2);
        kforge::WorkloadReport wr;
        wr.uuid = "task-w" + std::to_string(w);
        wr.status = r.status;
        wr.samplesMs.resize(60);
        for (auto& s : wr.samplesMs) s = median * std::uniform_real_distribution<double>(0.97, 1.05)(rng);
        wr.timing = kforge::summarize(wr.samplesMs);
        wr.baseline = kforge::SampleStats{};
        wr.baseline->count = 60;
        wr.baseline->median = median * n.fitness;
        wr.achievedGbps = 1000.0 * n.fitness;
        wr.seconds = {0.01, 0.2, 0.3};
        r.workloads.push_back(wr);
    }
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KernelForge: opening a large session in the main window"));
    parser.addHelpOption();
    const QCommandLineOption nodesOption(QStringLiteral("nodes"), QStringLiteral("nodes in the session"), QStringLiteral("n"),
                                         QStringLiteral("10000"));
    const QCommandLineOption pngOption(QStringLiteral("png"), QStringLiteral("save the opened window here"), QStringLiteral("file"));
    parser.addOptions({nodesOption, pngOption});
    parser.process(app);
    const int nodes = std::max(2, parser.value(nodesOption).toInt());

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("workspace.db"));
    QTextStream out(stdout);
    int64_t sessionId = 0;
    {
        QElapsedTimer t;
        t.start();
        kforge::Store store(db.toStdString());
        kforge::SessionRecord r;
        r.name = "benchmark";
        r.task = r.taskRef = "softmax_fp32";
        r.baselineName = "baseline";
        r.baselineHash = store.putSource("// the baseline\n__global__ void k() {}\n");
        store.createSession(r);
        sessionId = r.id;
        const std::string hash = store.putSource("// the template\n// @tune BLOCK 32 64 128 256 512\n__global__ void k() {}\n");
        std::mt19937 rng(7);
        kforge::SessionTree tree = kforge::bench::syntheticSession(nodes, 150, 0, 1);
        kforge::Transaction tx(store.database());
        for (kforge::Node n : tree.nodes()) {
            n.sourceHash = hash;
            n.config["UNROLL_SEED"] = std::to_string(n.id);  // the store keeps (source, configuration) unique
            n.sourceExtension = ".cu";
            if (n.state == kforge::NodeState::Done) n.evaluation = evaluationOf(n, rng);
            n.compile = kforge::CompileResult{};
            n.compile->ok = true;
            n.compile->kernels.push_back({"k", 40, 0, 0, 0, 4096, 0});
            store.insertNode(sessionId, n);
        }
        tx.commit();
        r.evaluations = tree.done();
        store.saveSession(r);
        out << "wrote a " << nodes << "-node session in " << QString::number(msSince(t), 'f', 0) << " ms\n";
    }

    QElapsedTimer t;
    t.start();
    {
        kforge::Store store(db.toStdString());
        (void)store.loadTree(sessionId);
    }
    const double storeMs = msSince(t);
    t.restart();
    {
        kforge::Store store(db.toStdString());
        (void)store.loadTree(sessionId, kforge::Store::NodeDetail::Summary);
    }
    const double summaryMs = msSince(t);

    kforge::ui::MainWindow window(db);
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    QSignalSpy opened(&window, &kforge::ui::MainWindow::sessionOpened);
    t.restart();
    window.openSession(sessionId);
    opened.wait(60000);
    const double openedMs = msSince(t);
    QImage image(window.size(), QImage::Format_ARGB32_Premultiplied);
    window.render(&image);
    const double paintedMs = msSince(t);
    if (parser.isSet(pngOption)) image.save(parser.value(pngOption));

    // Repaints as the running application does them: with its pending events
    // (deferred layouts, coalesced updates) handled first.
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    // The whole window, then each view on its own: which one a slow repaint comes from.
    const auto repaintMedian = [](QWidget* w) {
        QImage target(w->size(), QImage::Format_ARGB32_Premultiplied);
        std::vector<double> times;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer r;
            r.start();
            w->render(&target);
            times.push_back(msSince(r));
        }
        return kforge::summarize(times).median;
    };
    struct View {
        const char* name;
        QWidget* widget;
    };
    const std::vector<View> views = {{"the whole window", &window},
                                     {"the tree graph", window.workbench()->treeView()->viewport()},
                                     {"the diff editor", window.workbench()->diffEditor()},
                                     {"the nodes table", window.nodesPanel()},
                                     {"the charts", window.chartsPanel()}};

    out << "| " << nodes << "-node session, window 1600x1000 | ms |\n| --- | ---: |\n"
        << "| Store::loadTree in full (what the CLI reads) | " << QString::number(storeMs, 'f', 1) << " |\n"
        << "| Store::loadTree as summaries (what the window reads) | " << QString::number(summaryMs, 'f', 1) << " |\n"
        << "| openSession() until models, graph and diff are filled | " << QString::number(openedMs, 'f', 1) << " |\n"
        << "| ... and the first full paint of the window | " << QString::number(paintedMs, 'f', 1) << " |\n";
    for (const auto& v : views)
        out << "| repaint of " << v.name << " (median of 20) | " << QString::number(repaintMedian(v.widget), 'f', 1) << " |\n";
    const char* tabs[] = {"trajectory", "workloads", "roofline"};
    for (int tab = 0; tab < 3; ++tab) {
        window.chartsPanel()->setCurrentChart(tab);
        QApplication::processEvents();
        out << "| repaint of the charts, " << tabs[tab] << " tab (median of 20) | "
            << QString::number(repaintMedian(window.chartsPanel()), 'f', 1) << " |\n";
    }
    return 0;
}
