// Tests of the latency charts (ui/charts/) on synthetic sessions whose
// numbers are known: the trajectory's points, failures and running best, the
// per-workload bars, the roofline's points under the device's roofs, live
// updates, saving as PNG and SVG, and a 10,000-node session. With
// KFORGE_CHART_SHOTS=<dir> the charts are also saved there to be looked at.

#include "ui/charts/chart_export.h"
#include "ui/charts/charts_panel.h"
#include "ui/charts/roofline_chart.h"
#include "ui/charts/trajectory_chart.h"
#include "ui/charts/workload_chart.h"

#include <QAbstractAxis>
#include <QAbstractSeries>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "model/node.h"
#include "model/session_tree.h"

using kforge::Node;
using kforge::NodeState;
using kforge::SessionTree;
using kforge::Status;
using kforge::ui::ChartsPanel;
using kforge::ui::RooflineChart;
using kforge::ui::TrajectoryChart;
using kforge::ui::WorkloadChart;

namespace {

// Three workloads of a softmax-like task: M rows of N floats, 8 bytes and 5
// flops per element; the baseline runs at 100 GB/s on each.
struct Shape {
    const char* uuid;
    int m;
    int n;
};
const std::vector<Shape> kShapes{{"w-small", 64, 1024}, {"w-mid", 1024, 4096}, {"w-large", 8192, 16384}};

double bytesOf(const Shape& s) {
    return 8.0 * s.m * s.n;
}
double baselineMs(const Shape& s) {
    return bytesOf(s) / 100e9 * 1e3;
}

kforge::SampleStats stats(double median) {
    kforge::SampleStats s;
    s.median = median;
    s.min = median * 0.95;
    s.p20 = median * 0.97;
    s.p80 = median * 1.05;
    s.cv = 0.02;
    s.count = 20;
    return s;
}

// The evaluation of a candidate `speedup` times faster than the baseline on every workload.
kforge::EvalReport evaluation(Status status, double speedup) {
    kforge::EvalReport out;
    out.status = status;
    out.baselineName = "baseline";
    for (const auto& s : kShapes) {
        kforge::WorkloadReport w;
        w.uuid = s.uuid;
        w.axes = {{"M", s.m}, {"N", s.n}};
        w.status = status;
        w.baseline = stats(baselineMs(s));
        w.bytes = bytesOf(s);
        w.flops = 5.0 * s.m * s.n;
        if (status == Status::Passed) {
            const double median = baselineMs(s) / speedup;
            w.timing = stats(median);
            w.samplesMs = {median * 0.97, median, median * 1.05};
            w.speedup = speedup;
            w.achievedGbps = bytesOf(s) / (median * 1e-3) / 1e9;
            w.floor = kforge::Floor{bytesOf(s) / 1000e9 * 1e3, 0.0};
        }
        out.workloads.push_back(w);
    }
    if (status == Status::Passed) out.speedupGeomean = speedup;
    return out;
}

std::string stamp(int second) {
    return QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).addSecs(second).toString(Qt::ISODate).toStdString();
}

Node makeNode(int64_t id, Status status, double speedup, int evaluatedSecond, NodeState state = NodeState::Done) {
    Node n;
    n.id = id;
    if (id > 1) n.parent = 1;
    n.generator = id == 1 ? "template" : "tuner";
    n.state = state;
    n.status = state == NodeState::Done ? status : Status::NotRun;
    n.fitness = n.status == Status::Passed ? speedup : 0;
    n.config = {{"BLOCK", std::to_string(64 << (id % 3))}};
    if (state == NodeState::Done) {
        n.evaluation = evaluation(status, speedup);
        n.evaluatedAt = stamp(evaluatedSecond);
    }
    return n;
}

// Ids 1..7; evaluation order differs from id order (node 3 finished before node 2).
SessionTree knownTree() {
    SessionTree t;
    t.put(makeNode(1, Status::Passed, 1.0, 10));
    t.put(makeNode(2, Status::Passed, 1.5, 30));
    t.put(makeNode(3, Status::CompileError, 0, 20));
    t.put(makeNode(4, Status::Passed, 1.2, 40));
    t.put(makeNode(5, Status::Timeout, 0, 50));
    t.put(makeNode(6, Status::Passed, 2.5, 60));
    t.put(makeNode(7, Status::Passed, 0, 0, NodeState::Pending));
    return t;
}

kforge::DeviceFacts deviceFacts() {
    kforge::DeviceFacts f;
    f.backend = kforge::Backend::Cuda;
    f.name = "Test GPU";
    f.copyBandwidthGbps = 1000.0;
    f.peakTflops = {{"float32", 50.0}, {"bfloat16", 400.0}};
    return f;
}

void saveShot(QWidget* w, const QString& name) {
    const QString dir = qEnvironmentVariable("KFORGE_CHART_SHOTS");
    if (dir.isEmpty()) return;
    w->grab().save(QDir(dir).filePath(name));
}

}  // namespace

class ChartsTest : public QObject {
    Q_OBJECT

private slots:
    void trajectoryCountsPointsAndFailures() {
        TrajectoryChart chart;
        chart.setTree(knownTree());
        QCOMPARE(chart.pointCount(), 6);  // the pending node is not plotted
        QCOMPARE(chart.failureCount(), 2);
        // Evaluation order is by evaluatedAt: 1, 3, 2, 4, 5, 6.
        std::vector<qint64> order;
        for (const auto& p : chart.data().points()) order.push_back(p.id);
        QCOMPARE(order, (std::vector<qint64>{1, 3, 2, 4, 5, 6}));
        QCOMPARE(chart.data().runningBest(), (std::vector<double>{1.0, 1.0, 1.5, 1.5, 1.5, 2.5}));
        QVERIFY(!chart.logScale());
    }

    // The dashed 1× line's legend entry names the basis; the axis title stays
    // short enough for the chart's height at the default window size.
    void trajectoryNamesWhatSpeedupsAreOver() {
        TrajectoryChart chart;
        chart.setTree(knownTree());
        const auto yTitle = [&] {  // the visible vertical axis (the failures' band axis is hidden)
            for (const auto* a : chart.chart()->axes(Qt::Vertical))
                if (a->isVisible()) return a->titleText();
            return QString();
        };
        const auto names = [&] {
            QStringList out;
            for (const auto* s : chart.chart()->series()) out << s->name();
            return out;
        };
        QCOMPARE(yTitle(), QStringLiteral("Speedup (×)"));
        QVERIFY2(names().contains(QStringLiteral("Baseline (1×)")), qPrintable(names().join(QStringLiteral(", "))));
        chart.setSpeedupBasis(kforge::SpeedupBasis::Best);
        QVERIFY2(names().contains(QStringLiteral("Best PyTorch (1×)")), qPrintable(names().join(QStringLiteral(", "))));
        chart.setTree(knownTree());  // a rebuilt chart keeps the basis
        QVERIFY2(names().contains(QStringLiteral("Best PyTorch (1×)")), qPrintable(names().join(QStringLiteral(", "))));
        QCOMPARE(yTitle(), QStringLiteral("Speedup (×)"));
    }

    void trajectoryStepLineHasACornerPerImprovement() {
        TrajectoryChart chart;
        chart.setTree(knownTree());
        // First best at evaluation 1; up at 3 (1 -> 1.5) and 6 (1.5 -> 2.5); the tail at the last evaluation.
        const QList<QPointF> expected{{1, 1.0}, {3, 1.0}, {3, 1.5}, {6, 1.5}, {6, 2.5}, {6, 2.5}};
        QCOMPARE(chart.bestLine(), expected);
    }

    void trajectoryUpdateNodeAppends() {
        TrajectoryChart chart;
        chart.setTree(knownTree());
        const auto before = chart.bestLine();
        chart.updateNode(makeNode(7, Status::Passed, 3.0, 70));
        QCOMPARE(chart.pointCount(), 7);
        QCOMPARE(chart.data().runningBest().back(), 3.0);
        QCOMPARE(chart.bestLine().back(), QPointF(7, 3.0));
        chart.updateNode(makeNode(8, Status::Fault, 0, 80));
        QCOMPARE(chart.pointCount(), 8);
        QCOMPARE(chart.failureCount(), 3);
        QCOMPARE(chart.bestLine().back(), QPointF(8, 3.0));  // the tail follows the evaluations
        // The same node again changes nothing; a pending node is not plotted.
        chart.updateNode(makeNode(8, Status::Fault, 0, 80));
        chart.updateNode(makeNode(9, Status::Passed, 0, 0, NodeState::Pending));
        QCOMPARE(chart.pointCount(), 8);
        // Incremental appends draw what a rebuild draws.
        SessionTree t = knownTree();
        t.put(makeNode(7, Status::Passed, 3.0, 70));
        t.put(makeNode(8, Status::Fault, 0, 80));
        TrajectoryChart rebuilt;
        rebuilt.setTree(t);
        QCOMPARE(chart.bestLine(), rebuilt.bestLine());
        QVERIFY(before != chart.bestLine());
    }

    void trajectoryOutOfOrderNodeIsInsertedInPlace() {
        TrajectoryChart chart;
        chart.setTree(knownTree());
        chart.updateNode(makeNode(7, Status::Passed, 2.0, 15));  // evaluated second
        std::vector<qint64> order;
        for (const auto& p : chart.data().points()) order.push_back(p.id);
        QCOMPARE(order, (std::vector<qint64>{1, 7, 3, 2, 4, 5, 6}));
        QCOMPARE(chart.data().runningBest(), (std::vector<double>{1.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.5}));
    }

    void trajectoryGoesLogWhenTheRangeIsWide() {
        TrajectoryChart chart;
        SessionTree t = knownTree();
        t.put(makeNode(7, Status::Passed, 0.02, 70));
        chart.setTree(t);
        QVERIFY(chart.logScale());
        chart.clear();
        QCOMPARE(chart.pointCount(), 0);
        QCOMPARE(chart.failureCount(), 0);
        QVERIFY(chart.bestLine().isEmpty());
    }

    void trajectoryClickSelectsANode() {
        TrajectoryChart chart;
        chart.resize(800, 500);
        chart.setTree(knownTree());
        chart.setSelectedIds({6, 3});
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy clicked(&chart, &TrajectoryChart::nodeClicked);
        for (qint64 id : {qint64(6), qint64(5)}) {
            const QPointF at = chart.nodePosition(id);
            QVERIFY(chart.rect().contains(at.toPoint()));
            QTest::mouseClick(chart.viewport(), Qt::LeftButton, {}, at.toPoint());
            QVERIFY(!clicked.isEmpty());
            QCOMPARE(clicked.takeLast().at(0).toLongLong(), id);
        }
        saveShot(&chart, QStringLiteral("trajectory_small.png"));
    }

    void workloadBarsPerWorkloadAndNode() {
        const SessionTree t = knownTree();
        WorkloadChart chart;
        chart.setNodes({t.at(2), t.at(6)});
        QCOMPARE(chart.setCount(), 3);  // the baseline and two candidates
        QCOMPARE(chart.workloadLabels().size(), 3);
        QCOMPARE(chart.barCount(), 9);
        QCOMPARE(chart.workloadLabels().front(), QStringLiteral("M=64 N=1024"));
        // Latency in µs on the log axis: the baseline first, node 6 is 2.5 times faster.
        QCOMPARE(chart.barValue(0, 1), baselineMs(kShapes[1]) * 1e3);
        QVERIFY(std::abs(chart.barValue(2, 1) - baselineMs(kShapes[1]) * 1e3 / 2.5) < 1e-9);
        chart.setScale(WorkloadChart::Scale::RelativeToBaseline);
        QCOMPARE(chart.barValue(0, 2), 1.0);
        QVERIFY(std::abs(chart.barValue(1, 2) - 1 / 1.5) < 1e-12);
        // A failed candidate has no timings: no bars of its own.
        chart.setNodes({t.at(3)});
        QCOMPARE(chart.setCount(), 2);
        QCOMPARE(chart.barCount(), 3);
        chart.setNodes({});
        QCOMPARE(chart.barCount(), 0);
    }

    void workloadBarsShowPyTorchBaselinesBesideTheNative() {
        // torch.compile measured on every workload at 0.8 of the native
        // baseline, eager on the first workload only: two PyTorch bar sets
        // between the native baseline and the candidate.
        Node n = makeNode(2, Status::Passed, 1.5, 30);
        for (std::size_t i = 0; i < n.evaluation->workloads.size(); ++i) {
            auto& w = n.evaluation->workloads[i];
            kforge::MeasuredBaseline compile;
            compile.name = "compile";
            compile.status = Status::Passed;
            compile.samplesMs = {baselineMs(kShapes[i]) * 0.8};
            w.baselines.push_back(compile);
            if (i == 0) {
                kforge::MeasuredBaseline eager = compile;
                eager.name = "eager";
                eager.samplesMs = {baselineMs(kShapes[i]) * 1.2};
                w.baselines.push_back(eager);
            }
        }
        WorkloadChart chart;
        chart.resize(900, 500);
        chart.setNodes({n});
        QCOMPARE(chart.setCount(), 4);  // native baseline, eager, torch.compile, the node
        QCOMPARE(chart.barCount(), 3 + 1 + 3 + 3);
        QCOMPARE(chart.barValue(1, 0), baselineMs(kShapes[0]) * 1.2 * 1e3);  // eager, µs
        QCOMPARE(chart.barValue(1, 1), 0.0);                                 // eager not measured there
        QVERIFY(std::abs(chart.barValue(2, 2) - baselineMs(kShapes[2]) * 0.8 * 1e3) < 1e-9);
        saveShot(&chart, QStringLiteral("workload_with_pytorch.png"));
    }

    void rooflinePointsUnderTheRoofs() {
        const SessionTree t = knownTree();
        RooflineChart chart;
        chart.setDeviceFacts(deviceFacts(), "bfloat16");
        chart.setNodes({t.at(2), t.at(6)});
        QCOMPARE(chart.mode(), RooflineChart::Mode::Compute);
        QCOMPARE(chart.pointCount(), 9);
        QCOMPARE(chart.computeRoofTflops(), 400.0);
        for (const auto& set : chart.points())
            for (const auto& p : set) {
                QCOMPARE(p.x(), 5.0 / 8.0);  // flops per byte of this task
                const double roof = std::min(chart.memoryRoofGbps() * p.x() / 1e3, chart.computeRoofTflops());
                QVERIFY2(p.y() <= roof, qPrintable(QStringLiteral("%1 above %2").arg(p.y()).arg(roof)));
            }
        // The baseline runs at 100 GB/s, so 0.0625 TFLOP/s at 5/8 flop per byte.
        QVERIFY(std::abs(chart.points().front().front().y() - 0.0625) < 1e-9);
        // A dtype the device has no rate for falls back to float32.
        chart.setDeviceFacts(deviceFacts(), "int8");
        QCOMPARE(chart.computeRoofTflops(), 50.0);
        QCOMPARE(RooflineChart::computeDtype(nlohmann::json::parse(R"({"inputs": {"a": {"dtype": "bfloat16"}}})"), deviceFacts()), std::string("bfloat16"));
    }

    void rooflineWithoutArithmeticShowsBandwidth() {
        Node n = makeNode(2, Status::Passed, 2.0, 10);
        for (auto& w : n.evaluation->workloads) w.flops = 0.0;
        RooflineChart chart;
        chart.setDeviceFacts(deviceFacts());
        chart.setNodes({n});
        QCOMPARE(chart.mode(), RooflineChart::Mode::Bandwidth);
        QCOMPARE(chart.pointCount(), 6);
        QVERIFY(std::abs(chart.points().back().front().y() - 200.0) < 1e-6);  // 2x the baseline's 100 GB/s
    }

    void panelFollowsSelectionAndUpdates() {
        ChartsPanel panel;
        panel.setDeviceFacts(deviceFacts(), "float32");
        panel.setTree(knownTree());
        panel.setSelectedIds({6});
        QCOMPARE(panel.trajectory()->pointCount(), 6);
        QCOMPARE(panel.workloads()->barCount(), 6);
        QCOMPARE(panel.roofline()->pointCount(), 6);
        // A selected node that finishes redraws the comparison.
        panel.setSelectedIds({6, 7});
        QCOMPARE(panel.workloads()->barCount(), 6);
        panel.updateNode(makeNode(7, Status::Passed, 3.0, 70));
        QCOMPARE(panel.trajectory()->pointCount(), 7);
        QCOMPARE(panel.workloads()->barCount(), 9);
        QCOMPARE(panel.roofline()->pointCount(), 9);
        QSignalSpy clicked(&panel, &ChartsPanel::nodeClicked);
        emit panel.trajectory()->nodeClicked(4);
        QCOMPARE(clicked.count(), 1);
        panel.clear();
        QCOMPARE(panel.trajectory()->pointCount(), 0);
        QCOMPARE(panel.workloads()->barCount(), 0);
    }

    void exportWritesPngAndSvg() {
        QTemporaryDir dir;
        ChartsPanel panel;
        panel.resize(900, 560);
        panel.setDeviceFacts(deviceFacts());
        panel.setTree(knownTree());
        panel.setSelectedIds({2, 6});
        for (int tab = 0; tab < 3; ++tab) {
            panel.setCurrentChart(tab);
            QString error;
            const QString png = dir.filePath(QStringLiteral("chart%1.png").arg(tab));
            const QString svg = dir.filePath(QStringLiteral("chart%1.svg").arg(tab));
            QVERIFY2(kforge::ui::saveChart(panel.currentChart(), png, &error), qPrintable(error));
            QVERIFY2(kforge::ui::saveChart(panel.currentChart(), svg, &error), qPrintable(error));
            QImage image(png);
            QVERIFY(!image.isNull());
            QVERIFY(image.width() >= 400);
            QFile file(svg);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray head = file.read(200).trimmed();
            QVERIFY(head.startsWith("<?xml") || head.startsWith("<svg"));
            QVERIFY(file.size() > 1000);
        }
        QString error;
        QVERIFY(!kforge::ui::saveChart(panel.currentChart(), dir.filePath(QStringLiteral("chart.bmp")), &error));
        QVERIFY(!error.isEmpty());
        // The panel writes off the UI thread and reports back.
        QSignalSpy saved(&panel, &ChartsPanel::chartSaved);
        panel.saveCurrentChart(dir.filePath(QStringLiteral("async.svg")));
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.first().at(1).toBool());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("async.svg"))).size() > 1000);
    }

    void tenThousandNodesStayFast() {
        SessionTree t;
        double best = 1;
        for (int i = 1; i <= 10000; ++i) {
            const bool failed = i % 7 == 0;
            const double speedup = 0.5 + 0.4 * std::sin(i * 0.01) + (i % 100 == 0 ? (best += 0.01) : 0);
            Node n = makeNode(i, failed ? Status::IncorrectNumerical : Status::Passed, speedup, i);
            n.evaluation.reset();  // the trajectory reads no evaluations
            t.put(n);
        }
        TrajectoryChart chart;
        chart.resize(900, 500);
        QElapsedTimer timer;
        timer.start();
        chart.setTree(t);
        const qint64 setTreeMs = timer.elapsed();
        QCOMPARE(chart.pointCount(), 10000);
        QCOMPARE(chart.failureCount(), 10000 / 7);
        timer.restart();
        // Live updates as they arrive, each drawn before the next (the worst case for batching).
        for (int i = 10001; i <= 10200; ++i) {
            chart.updateNode(makeNode(i, Status::Passed, 1.1, i));
            QCOMPARE(chart.bestLine().back().x(), double(i));
        }
        const qint64 appendMs = timer.elapsed();
        QCOMPARE(chart.pointCount(), 10200);
        timer.restart();
        chart.grab();
        const qint64 paintMs = timer.elapsed();
        qInfo("10,000 nodes: setTree %lld ms, 200 live updates %lld ms, first paint %lld ms", setTreeMs, appendMs, paintMs);
        QVERIFY2(setTreeMs < 1000, qPrintable(QString::number(setTreeMs)));
        QVERIFY2(appendMs < 3000, qPrintable(QString::number(appendMs)));
        saveShot(&chart, QStringLiteral("trajectory_10k.png"));
    }

    void screenshots() {
        if (qEnvironmentVariable("KFORGE_CHART_SHOTS").isEmpty()) QSKIP("KFORGE_CHART_SHOTS not set");
        ChartsPanel panel;
        panel.resize(1000, 600);
        panel.setDeviceFacts(deviceFacts(), "float32");
        SessionTree t;
        for (int i = 1; i <= 150; ++i) {
            const Status s = i % 11 == 0 ? Status::CompileError : (i % 17 == 0 ? Status::IncorrectNumerical : Status::Passed);
            t.put(makeNode(i, s, 0.6 + 1.6 * (1 - std::exp(-i / 40.0)) + 0.25 * std::sin(i * 1.7), i));
        }
        panel.setTree(t);
        panel.setSelectedIds({100, 40});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const char* names[] = {"panel_trajectory.png", "panel_workloads.png", "panel_roofline.png"};
        for (int tab = 0; tab < 3; ++tab) {
            panel.setCurrentChart(tab);
            QTest::qWait(50);
            saveShot(&panel, QString::fromLatin1(names[tab]));
        }
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        panel.setPalette(dark);
        for (int tab = 0; tab < 3; ++tab) {
            panel.setCurrentChart(tab);
            QTest::qWait(50);
            saveShot(&panel, QStringLiteral("dark_") + QString::fromLatin1(names[tab]));
        }
    }
};

QTEST_MAIN(ChartsTest)
#include "test_charts.moc"
