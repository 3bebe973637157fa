// The node details panel on synthetic nodes: a compile error's entry jumps to
// its line (a header's does not), a PASSED node shows its per-workload
// verification and timing figures and its kernels' resources, a failed
// workload is listed with its first wrong value, and clear() empties the panel.
// Every table and list is checked under QAbstractItemModelTester.
// Set KFORGE_GRAB_DIR to save the panel as PNGs there.

#include "ui/details/node_details.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

#include "profile/ncu.h"
#include "profile/profile.h"
#include "ui/details/copyable_view.h"
#include "util/text.h"

using kforge::Node;
using kforge::NodeState;
using kforge::Status;
using kforge::compileResultFromJson;
using kforge::evalReportFromJson;
using kforge::workloadReportFromJson;
using kforge::NodeProfile;
using kforge::ReportScope;
using namespace kforge::ui;

namespace {

const std::string kHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

std::string candidatePath() {
    return "/ws/sources/" + kHash.substr(0, 24) + ".cpp";
}

Node compileErrorNode() {
    Node n;
    n.id = 7;
    n.parent = 3;
    n.generator = "manual";
    n.sourceHash = kHash;
    n.sourceExtension = ".cpp";
    n.state = NodeState::Done;
    n.status = Status::CompileError;
    n.message = kforge::verbatim("compilation failed");
    n.compile = compileResultFromJson({{"ok", false},
                 {"seconds", 0.42},
                 {"command", "c++ -O3 -shared -fPIC " + candidatePath()},
                 {"kernels", nlohmann::json::array()},
                 {"diagnostics",
                  {{{"file", "/res/include/kf_abi.h"},
                    {"line", 40},
                    {"column", 3},
                    {"severity", "warning"},
                    {"message", "unused parameter 'call'"}},
                   {{"file", candidatePath()},
                    {"line", 12},
                    {"column", 5},
                    {"severity", "error"},
                    {"message", "expected ';' before 'return'"}},
                   {{"file", candidatePath()},
                    {"line", 9},
                    {"column", 1},
                    {"severity", "note"},
                    {"message", "in definition of macro 'BLOCK'"}}}}}, "compile");
    n.evaluation = evalReportFromJson({{"status", "COMPILE_ERROR"}, {"message", "compilation failed"}, {"task", "t"}, {"backend", "cpu"},
                                       {"config", nlohmann::json::object()}, {"baseline", "baseline"}, {"seconds", 0.0},
                                       {"runner_restarts", 0}, {"workloads", nlohmann::json::array()}},
                                      "evaluation", ReportScope::Node);
    return n;
}

nlohmann::json passedWorkload(const std::string& uuid, double median, double baseline) {
    return {{"uuid", uuid},
            {"axes", {{"N", 1048576}}},
            {"status", "PASSED"},
            {"message", ""},
            {"verification",
             {{"checked", 3145728},
              {"mismatches", 0},
              {"max_abs_error", 2.5e-7},
              {"max_rel_error", 1.2e-6},
              {"first_bad_index", -1},
              {"first_bad_output", ""},
              {"first_bad_seed", 0},
              {"expected", 0.0},
              {"actual", 0.0}}},
            {"runner_seconds", {{"setup", 0.125}, {"verify", 0.25}, {"timing", 0.5}}},
            {"median_ms", median},
            {"min_ms", median * 0.9},
            {"p20_ms", median * 0.95},
            {"p80_ms", median * 1.1},
            {"cv", 0.034},
            {"count", 120},
            {"samples_ms", {median, median * 1.1, median * 0.95}},
            {"baseline",
             {{"median_ms", baseline}, {"min_ms", baseline}, {"p20_ms", baseline}, {"p80_ms", baseline}, {"cv", 0.02}, {"count", 80}}},
            {"speedup", baseline / median},
            {"bytes", 12582912.0},
            {"achieved_gbps", 812.5},
            {"floor_ms", median * 0.8},
            {"bound", "memory"},
            {"fraction_of_floor", 0.8}};
}

Node passedNode() {
    Node n;
    n.id = 12;
    n.parent = 1;
    n.generator = "tuner";
    n.input.strategy = "bo";
    n.sourceHash = kHash;
    n.sourceExtension = ".cu";
    n.config = {{"BLOCK", "256"}, {"VEC", "4"}};
    n.state = NodeState::Done;
    n.status = Status::Passed;
    n.fitness = 1.5;
    n.seconds = 3.25;
    n.compile = compileResultFromJson({{"ok", true},
                 {"seconds", 1.5},
                 {"cache_hit", true},
                 {"command", "nvcc ..."},
                 {"diagnostics", nlohmann::json::array()},
                 {"kernels",
                  {{{"kernel", "vector_add_kernel(float const*, float const*, float*, long)"},
                    {"registers", 32},
                    {"spill_store_bytes", 0},
                    {"spill_load_bytes", 0},
                    {"stack_bytes", 0},
                    {"shared_bytes", 4096},
                    {"constant_bytes", 0}}}}}, "compile");
    n.evaluation = evalReportFromJson({{"status", "PASSED"},
                    {"message", ""},
                    {"task", "vector_add_fp32"},
                    {"backend", "cuda"},
                    {"config", {{"BLOCK", "256"}, {"VEC", "4"}}},
                    {"baseline", "baseline"},
                    {"speedup", 1.5},
                    {"seconds", 3.25},
                    {"runner_restarts", 0},
                    {"runner", "ssh://gpu-box (cuda:1)"},
                    {"device_model", "NVIDIA H200"},
                    {"workloads", {passedWorkload("n1m", 0.25, 0.375), passedWorkload("n16m", 4.0, 6.0)}}}, "evaluation", ReportScope::Node);
    // PyTorch beside the first workload: eager slower than the candidate,
    // torch.compile faster (the candidate loses to it), no vendor op.
    auto baseline = [](const char* name, double ms) {
        kforge::MeasuredBaseline b;
        b.name = name;
        b.status = Status::Passed;
        b.samplesMs = {ms, ms, ms};
        b.speedup = ms / 0.25;
        return b;
    };
    auto& w = n.evaluation->workloads[0];
    w.baselines = {baseline("eager", 0.5), baseline("compile", 0.2)};
    w.bestBaseline = "compile";
    w.speedupVsBest = 0.2 / 0.25;
    return n;
}

void grab(QWidget& w, const QString& name) {
    const QString dir = qEnvironmentVariable("KFORGE_GRAB_DIR");
    if (!dir.isEmpty()) w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QString text(QTableWidget* t, int row, int column) {
    return t->item(row, column) ? t->item(row, column)->text() : QString();
}

}  // namespace

class TestNodeDetails : public QObject {
    Q_OBJECT

private slots:
    void compileErrorEntryJumpsToItsLine();
    void passedNodeShowsItsFigures();
    void failedWorkloadIsListedWithItsFirstWrongValue();
    void clearShowsThePlaceholder();
    void selectedFiguresCopyAsTabSeparatedText();
    void profileShowsCountersPerKernel();
    void profileButtonIsDisabledOffCuda();
    void noisyMedianOffersMeasureAgain();
};

void TestNodeDetails::compileErrorEntryJumpsToItsLine() {
    NodeDetails details;
    details.resize(900, 500);
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    QSignalSpy jumps(&details, &NodeDetails::jumpToLine);
    details.setNode(compileErrorNode());
    auto* problems = details.findChild<QTreeWidget*>(QStringLiteral("problemList"));
    QVERIFY(problems);
    QAbstractItemModelTester tester(problems->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(problems->topLevelItemCount(), 3);  // the header's warning, the error and its note
    QTreeWidgetItem* error = problems->topLevelItem(1);
    QCOMPARE(error->text(0), QStringLiteral("line 12, column 5"));
    QCOMPARE(error->text(2), QStringLiteral("expected ';' before 'return'"));
    QCOMPARE(problems->topLevelItem(2)->text(1), QStringLiteral("note"));
    QCOMPARE(problems->topLevelItem(2)->text(2), QStringLiteral("in definition of macro 'BLOCK'"));
    QVERIFY(details.tabs()->tabText(NodeDetails::ProblemsTab).contains(QLatin1Char('2')));
    details.tabs()->setCurrentIndex(NodeDetails::ProblemsTab);
    grab(details, QStringLiteral("details-compile-error"));

    problems->setFocus();
    problems->setCurrentItem(error);
    QTest::keyClick(problems, Qt::Key_Return);
    QCOMPARE(jumps.count(), 1);
    QCOMPARE(jumps.at(0).at(0).toInt(), 12);
    QCOMPARE(jumps.at(0).at(1).toInt(), 5);

    // The warning is in an included header, not in the editor's source: no jump.
    problems->setCurrentItem(problems->topLevelItem(0));
    QCOMPARE(problems->topLevelItem(0)->text(0), QStringLiteral("kf_abi.h:40:3"));
    QTest::keyClick(problems, Qt::Key_Return);
    QCOMPARE(jumps.count(), 1);

    // The compiler tab lists every diagnostic, notes included, and jumps too.
    auto* diagnostics = details.findChild<QTreeWidget*>(QStringLiteral("diagnosticList"));
    QAbstractItemModelTester diagnosticsTester(diagnostics->model(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(diagnostics->topLevelItemCount(), 3);
    emit diagnostics->itemActivated(diagnostics->topLevelItem(2), 0);
    QCOMPARE(jumps.count(), 2);
    QCOMPARE(jumps.at(1).at(0).toInt(), 9);
    QVERIFY(details.findChild<QLabel*>(QStringLiteral("compileSummary"))
                ->text()
                .startsWith(QStringLiteral("Compilation failed")));
}

void TestNodeDetails::passedNodeShowsItsFigures() {
    NodeDetails details;
    details.resize(1100, 420);
    details.show();
    details.setNode(passedNode());
    const QLocale locale;
    auto* timing = details.findChild<QTableWidget*>(QStringLiteral("timingTable"));
    auto* verification = details.findChild<QTableWidget*>(QStringLiteral("verificationTable"));
    auto* kernels = details.findChild<QTableWidget*>(QStringLiteral("kernelTable"));
    auto* config = details.findChild<QTableWidget*>(QStringLiteral("configTable"));
    QAbstractItemModelTester t1(timing->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(verification->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(kernels->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(config->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(details.findChild<QLabel*>(QStringLiteral("nodeStatus"))->text(), QStringLiteral("passed"));
    QVERIFY(details.findChild<QLabel*>(QStringLiteral("nodeFigures"))->text().contains(locale.toString(1.5, 'f', 3)));
    // Which runner, on which device model, measured it (a session may spread over several).
    QVERIFY(details.findChild<QLabel*>(QStringLiteral("nodeFigures"))->text().contains(
        QStringLiteral("measured on NVIDIA H200 by ssh://gpu-box (cuda:1)")));

    QCOMPARE(timing->rowCount(), 2);
    QCOMPARE(text(timing, 0, 0), QStringLiteral("n1m"));
    QCOMPARE(text(timing, 0, 1), locale.toString(0.25, 'f', 4));    // median
    QCOMPARE(text(timing, 0, 2), locale.toString(0.2375, 'f', 4));  // p20
    QCOMPARE(text(timing, 0, 3), locale.toString(0.275, 'f', 4));   // p80
    QCOMPARE(text(timing, 0, 4), locale.toString(3.4, 'f', 1) + QLatin1Char('%'));
    QCOMPARE(text(timing, 0, 5), QStringLiteral("120"));
    QCOMPARE(text(timing, 0, 6), locale.toString(0.375, 'f', 4));  // baseline
    QCOMPARE(text(timing, 0, 7), locale.toString(1.5, 'f', 2) + QStringLiteral("×"));
    QCOMPARE(text(timing, 0, 8), locale.toString(0.5, 'f', 4));   // eager
    QCOMPARE(text(timing, 0, 9), locale.toString(0.2, 'f', 4));   // torch.compile
    QCOMPARE(text(timing, 0, 10), QStringLiteral("—"));           // no vendor op
    QCOMPARE(text(timing, 0, 11), locale.toString(0.8, 'f', 2) + QStringLiteral("×"));  // vs best: slower
    QVERIFY(timing->item(0, 11)->toolTip().contains(QStringLiteral("compile")));
    QCOMPARE(text(timing, 1, 11), QStringLiteral("—"));           // no PyTorch on the second workload
    QCOMPARE(text(timing, 0, 12), locale.toString(812.5, 'f', 1) + QStringLiteral(" GB/s"));
    QCOMPARE(text(timing, 0, 13), QStringLiteral("80%"));
    QCOMPARE(text(timing, 1, 14), locale.toString(0.125, 'f', 3));  // runner setup
    QVERIFY(timing->item(0, 5)->toolTip().contains(locale.toString(0.25, 'f', 4)));
    QVERIFY(
        details.findChild<QLabel*>(QStringLiteral("timingSummary"))->text().contains(locale.toString(0.25, 'f', 2)));

    QCOMPARE(verification->rowCount(), 2);
    QCOMPARE(text(verification, 1, 0), QStringLiteral("n16m"));
    QCOMPARE(text(verification, 1, 1), QStringLiteral("passed"));
    QCOMPARE(text(verification, 1, 2), locale.toString(3145728));
    QCOMPARE(text(verification, 1, 3), QStringLiteral("0"));
    QCOMPARE(text(verification, 1, 4), locale.toString(2.5e-7, 'g', 3));
    QCOMPARE(text(verification, 1, 6), QStringLiteral("—"));

    QCOMPARE(kernels->rowCount(), 1);
    QCOMPARE(text(kernels, 0, 1), QStringLiteral("32"));
    QCOMPARE(text(kernels, 0, 5), locale.toString(4096));

    QCOMPARE(config->rowCount(), 2);
    QCOMPARE(text(config, 0, 0), QStringLiteral("BLOCK"));
    QCOMPARE(text(config, 0, 1), QStringLiteral("256"));

    auto* problems = details.findChild<QTreeWidget*>(QStringLiteral("problemList"));
    QAbstractItemModelTester t5(problems->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(problems->topLevelItemCount(), 1);
    QCOMPARE(problems->topLevelItem(0)->text(2), QStringLiteral("No problems."));
    QCOMPARE(details.tabs()->tabText(NodeDetails::ProblemsTab), QStringLiteral("Problems"));

    for (int tab : {NodeDetails::TimingTab, NodeDetails::VerificationTab, NodeDetails::CompilerTab,
                    NodeDetails::ConfigurationTab}) {
        details.tabs()->setCurrentIndex(tab);
        grab(details, QStringLiteral("details-passed-%1").arg(tab));
    }
}

void TestNodeDetails::failedWorkloadIsListedWithItsFirstWrongValue() {
    Node n = passedNode();
    n.status = Status::IncorrectNumerical;
    n.fitness = 0;
    n.message = kforge::verbatim("1 of 2 workloads failed verification");
    n.evaluation->speedupGeomean = 0;
    n.evaluation->workloads[1] = workloadReportFromJson({{"uuid", "n16m"},
         {"axes", {{"N", 16777216}}},
         {"status", "INCORRECT_NUMERICAL"},
         {"message", "17 of 16777216 elements differ beyond tolerance"},
         {"verification",
          {{"checked", 16777216},
           {"mismatches", 17},
           {"max_abs_error", 0.5},
           {"max_rel_error", 0.25},
           {"first_bad_index", 4096},
           {"first_bad_output", "c"},
           {"first_bad_seed", 2},
           {"expected", 1.5},
           {"actual", 2.0}}},
         {"runner_seconds", {{"setup", 0.1}, {"verify", 0.2}, {"timing", 0.0}}}}, "workload");
    NodeDetails details;
    details.resize(1100, 420);
    details.show();
    QSignalSpy jumps(&details, &NodeDetails::jumpToLine);
    details.setNode(n);
    auto* problems = details.findChild<QTreeWidget*>(QStringLiteral("problemList"));
    QAbstractItemModelTester tester(problems->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(problems->topLevelItemCount(), 2);
    QTreeWidgetItem* failure = problems->topLevelItem(0);
    QCOMPARE(failure->text(0), QStringLiteral("n16m"));
    QCOMPARE(failure->text(1), QStringLiteral("wrong values"));
    QVERIFY2(problems->topLevelItem(1)->text(2).contains(QStringLiteral("c[4096]")),
             qPrintable(problems->topLevelItem(1)->text(2)));
    emit problems->itemActivated(failure, 0);
    QCOMPARE(jumps.count(), 0);  // a workload has no line to go to

    auto* verification = details.findChild<QTableWidget*>(QStringLiteral("verificationTable"));
    QCOMPARE(text(verification, 1, 3), QStringLiteral("17"));
    QVERIFY(text(verification, 1, 6).startsWith(QStringLiteral("c[4096]")));
    auto* timing = details.findChild<QTableWidget*>(QStringLiteral("timingTable"));
    QCOMPARE(text(timing, 1, 1), QStringLiteral("—"));
    QCOMPARE(details.findChild<QLabel*>(QStringLiteral("nodeMessage"))->text(), QString::fromStdString(n.message.english()));
    details.tabs()->setCurrentIndex(NodeDetails::ProblemsTab);
    grab(details, QStringLiteral("details-failed"));
}

void TestNodeDetails::clearShowsThePlaceholder() {
    NodeDetails details;
    auto* stack = details.findChild<QStackedWidget*>();
    QCOMPARE(stack->currentIndex(), 0);
    details.setNode(passedNode());
    QCOMPARE(stack->currentIndex(), 1);
    QVERIFY(details.node().has_value());
    details.clear();
    QCOMPARE(stack->currentIndex(), 0);
    QVERIFY(!details.node().has_value());
}

void TestNodeDetails::selectedFiguresCopyAsTabSeparatedText() {
    NodeDetails details;
    details.setNode(passedNode());
    auto* config = details.findChild<QTableWidget*>(QStringLiteral("configTable"));
    config->selectAll();
    QCOMPARE(selectedCellsText(config), QStringLiteral("BLOCK\t256\nVEC\t4"));
}

// The Profile tab on a real Nsight Compute table recorded on an H200: a
// column per kernel (the longest first), a row per counter, what they say.
void TestNodeDetails::profileShowsCountersPerKernel() {
    NodeDetails details;
    Node n = passedNode();
    details.setNode(n);
    auto* summary = details.findChild<QLabel*>(QStringLiteral("profileSummary"));
    QVERIFY(summary->text().startsWith(QStringLiteral("Not profiled.")));
    QCOMPARE(details.tabs()->tabText(NodeDetails::ProfileTab), QStringLiteral("Profile"));

    kforge::NodeProfile p;
    p.tool = "Nsight Compute 2025.3.1.0";
    p.axes = {{"N", 16777216}};
    p.seconds = 4.2;
    p.collectedAt = "2026-12-03T07:00:00Z";
    const auto dir = std::filesystem::path(qEnvironmentVariable("KFORGE_TEST_DATA").toStdString());
    p.kernels = kforge::parseNcuCsv(kforge::readTextFile(dir / "data" / "ncu" / "h200_vector_add_transpose_raw.csv")).kernels;
    QCOMPARE(p.kernels.size(), size_t(2));
    n.profile = p;
    details.setNode(n);
    QCOMPARE(details.tabs()->tabText(NodeDetails::ProfileTab), QStringLiteral("Profile (2)"));
    QVERIFY(summary->text().contains(QStringLiteral("N=16777216")));
    auto* table = details.findChild<QTableWidget*>(QStringLiteral("profileTable"));
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("transpose_conflicts"));
    QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("vector_add"));
    QVERIFY(table->horizontalHeaderItem(2)->toolTip().contains(QStringLiteral("(65536, 1, 1)")));
    int dram = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (text(table, r, 0) == QStringLiteral("DRAM throughput")) dram = r;
    QVERIFY(dram >= 0);
    QCOMPARE(text(table, dram, 2), QStringLiteral("66.8%"));
    auto* notes = details.findChild<QLabel*>(QStringLiteral("profileNotes"));
    QVERIFY2(notes->text().contains(QStringLiteral("transpose_conflicts: 16380580 shared-memory bank conflicts")), qPrintable(notes->text()));
    details.tabs()->setCurrentIndex(NodeDetails::ProfileTab);
    details.resize(900, 600);
    grab(details, QStringLiteral("details-profile"));

    // The button asks for this node; "again" once it has a profile; never for a failed node.
    auto* button = details.findChild<QPushButton*>(QStringLiteral("profileButton"));
    QVERIFY(button->isEnabled());
    QCOMPARE(button->text(), QStringLiteral("Profile Again"));
    QSignalSpy requested(&details, &NodeDetails::profileRequested);
    button->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toLongLong(), n.id);
    Node failed = n;
    failed.status = Status::IncorrectNumerical;
    details.setNode(failed);
    QVERIFY(!button->isEnabled());

    n.profile = NodeProfile{};
    n.profile->error = "ncu cannot profile on this machine: LibraryNotLoaded";
    n.profile->toolUnavailable = true;
    details.setNode(n);
    QVERIFY(summary->text().contains(QStringLiteral("LibraryNotLoaded")));
    QCOMPARE(table->rowCount(), 0);
}

// A noisy median is marked in its row and on the tab, and the Timing tab's
// Measure Again button (any passed node, on every backend) asks for the node;
// a failed node cannot be measured again. A CPU result says its thread cap.
void TestNodeDetails::noisyMedianOffersMeasureAgain() {
    NodeDetails details;
    details.show();
    auto* button = details.findChild<QPushButton*>(QStringLiteral("remeasureButton"));
    auto* table = details.findChild<QTableWidget*>(QStringLiteral("timingTable"));
    auto* summary = details.findChild<QLabel*>(QStringLiteral("timingSummary"));
    QVERIFY(button && table && summary);
    Node n = passedNode();
    details.setBackend(kforge::Backend::Cpu);
    details.setNode(n);
    QVERIFY(button->isEnabled());
    QCOMPARE(button->text(), QStringLiteral("Measure Again"));
    QCOMPARE(details.tabs()->tabText(NodeDetails::TimingTab), QStringLiteral("Timing"));
    QVERIFY(!summary->text().contains(QStringLiteral("Threads:")));

    kforge::TimedCallChecks noisy;
    noisy.timedCalls = 30;
    noisy.verifiedCalls = 3;
    noisy.inputSets = 3;
    noisy.attempts = 3;
    noisy.noisy = true;
    n.evaluation->workloads[1].checks = noisy;
    n.evaluation->cpuThreads = 2;
    details.setNode(n);
    QCOMPARE(button->text(), QStringLiteral("Measure Again (1 noisy)"));
    QCOMPARE(details.tabs()->tabText(NodeDetails::TimingTab), QStringLiteral("Timing (noisy)"));
    QVERIFY(text(table, 1, 4).contains(QStringLiteral("noisy")));
    QVERIFY(table->item(1, 4)->toolTip().contains(QStringLiteral("Measure Again")));
    QVERIFY(!text(table, 0, 4).contains(QStringLiteral("noisy")));
    QVERIFY2(summary->text().contains(QStringLiteral("Threads: at most 2")), qPrintable(summary->text()));
    QVERIFY(button->toolTip().contains(QStringLiteral("4×")));
    QSignalSpy requested(&details, &NodeDetails::remeasureRequested);
    button->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toLongLong(), n.id);

    Node failed = n;
    failed.status = Status::IncorrectNumerical;
    details.setNode(failed);
    QVERIFY(!button->isEnabled());
    button->click();
    QCOMPARE(requested.size(), 1);
}

void TestNodeDetails::profileButtonIsDisabledOffCuda() {
    NodeDetails details;
    details.show();
    auto* button = details.findChild<QPushButton*>(QStringLiteral("profileButton"));
    QVERIFY(button);
    const Node n = passedNode();
    details.setBackend(kforge::Backend::Cuda);
    details.setNode(n);
    QVERIFY(button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("Nsight Compute")));

    // A CPU session: a passed node still cannot be profiled, and the tooltip says why.
    details.setBackend(kforge::Backend::Cpu);
    QVERIFY(!button->isEnabled());
    QVERIFY2(button->toolTip().contains(QStringLiteral("not available on the CPU backend")), qPrintable(button->toolTip()));
    QSignalSpy requested(&details, &NodeDetails::profileRequested);
    button->click();
    QCOMPARE(requested.size(), 0);
    details.setNode(n);  // another node of the same session
    QVERIFY(!button->isEnabled());

    details.setBackend(kforge::Backend::Hip);
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("HIP")));
    details.setBackend(kforge::Backend::Cuda);
    QVERIFY(button->isEnabled());
}

QTEST_MAIN(TestNodeDetails)
#include "test_node_details.moc"
