// session/workload_winners: each workload's winner is the PASSED node of
// lowest median on it, named by the template variant it descends from; failed
// nodes, failed workloads and untimed ones never win, and a tie keeps the
// earlier node.
#include <QtTest>

#include "session/workload_winners.h"

using namespace kforge;

namespace {

WorkloadReport workload(const std::string& uuid, double medianMs, Status status = Status::Passed) {
    WorkloadReport w;
    w.uuid = uuid;
    w.axes = {{"N", uuid == "small" ? 128 : 8192}};
    w.status = status;
    w.timing.count = 10;
    w.timing.median = medianMs;
    w.bestBaseline = "compile";
    w.speedupVsBest = 0.05 / medianMs;
    return w;
}

Node node(int64_t id, std::optional<int64_t> parent, const std::string& file, std::vector<WorkloadReport> workloads,
          Status status = Status::Passed) {
    Node n;
    n.id = id;
    n.parent = parent;
    n.generator = file.empty() ? "tuner" : "template";
    n.input.file = file;
    n.config = {{"BLOCK", std::to_string(64 * id)}};
    n.state = NodeState::Done;
    n.status = status;
    n.fitness = status == Status::Passed ? 1.0 : 0.0;
    EvalReport r;
    r.workloads = std::move(workloads);
    n.evaluation = r;
    return n;
}

}  // namespace

class TestWorkloadWinners : public QObject {
    Q_OBJECT
private slots:
    void eachWorkloadGetsItsFastestVariant() {
        SessionTree tree;
        tree.put(node(1, std::nullopt, "/tasks/t/cuda/template.cu", {workload("small", 0.010), workload("large", 0.500)}));
        tree.put(node(2, 1, "/tasks/t/cuda/warp_rows.cu", {workload("small", 0.004), workload("large", 0.900)}));
        tree.put(node(3, 1, "", {workload("small", 0.020), workload("large", 0.400)}));   // a tuning of template.cu
        tree.put(node(4, 2, "", {workload("small", 0.003), workload("large", 0.300)}, Status::IncorrectNumerical));
        tree.put(node(5, 2, "", {workload("small", 0.002, Status::IncorrectNumerical), workload("large", 0.350)}, Status::Passed));
        const auto w = workloadWinners(tree);
        QCOMPARE(w.size(), size_t{2});
        QCOMPARE(w[0].uuid, std::string("small"));
        QCOMPARE(w[0].nodeId, int64_t{2});  // node 4 failed; node 5 failed on this workload
        QCOMPARE(w[0].templateName, std::string("warp_rows"));
        QCOMPARE(w[0].label, std::string("N=128"));
        QCOMPARE(w[0].config.at("BLOCK"), std::string("128"));
        QCOMPARE(w[0].bestBaseline, std::string("compile"));
        QCOMPARE(w[0].speedupVsBest, 0.05 / 0.004);
        QCOMPARE(w[1].uuid, std::string("large"));
        QCOMPARE(w[1].nodeId, int64_t{5});
        QCOMPARE(w[1].templateName, std::string("warp_rows"));  // a tuning of node 2's variant
        QCOMPARE(templateOf(tree, 3), std::string("template"));
    }

    void aTieKeepsTheEarlierNodeAndUntimedNeverWins() {
        SessionTree tree;
        tree.put(node(1, std::nullopt, "t/cpu/template.cpp", {workload("small", 0.010)}));
        tree.put(node(2, 1, "", {workload("small", 0.010)}));
        WorkloadReport untimed = workload("small", 0.001);
        untimed.timing.count = 0;
        tree.put(node(3, 1, "", {untimed}));
        const auto w = workloadWinners(tree);
        QCOMPARE(w.size(), size_t{1});
        QCOMPARE(w[0].nodeId, int64_t{1});
    }

    void noPassedNodeNoWinners() {
        SessionTree tree;
        tree.put(node(1, std::nullopt, "t.cu", {workload("small", 0.010)}, Status::CompileError));
        QVERIFY(workloadWinners(tree).empty());
        QCOMPARE(templateOf(tree, 1), std::string("t"));
        QCOMPARE(templateOf(tree, 42), std::string());
    }
};

QTEST_GUILESS_MAIN(TestWorkloadWinners)
#include "test_workload_winners.moc"
