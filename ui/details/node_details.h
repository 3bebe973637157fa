#pragma once
// The current node in detail: its verdict and message; what went wrong (the
// compiler's errors and the workloads that failed, each entry jumping to its
// line in the editor when activated); the compile (diagnostics, and registers,
// spills and shared memory per kernel); verification and timing per workload,
// with where the runner's time went; the configuration with what the
// generator was given; and the profiler's counters per kernel with what they
// say. Every figure can be selected and copied.
#include <QWidget>

#include <optional>

#include "model/backend.h"
#include "model/node.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace kforge::ui {

class NodeDetails : public QWidget {
    Q_OBJECT

public:
    explicit NodeDetails(QWidget* parent = nullptr);

    void setNode(const kforge::Node& node);
    void clear();  // "no node selected"
    // The open session's backend: Nsight Compute profiles CUDA kernels only,
    // so elsewhere the Profile button is disabled and says why. Unknown (no
    // session) leaves it to the node's verdict.
    void setBackend(std::optional<kforge::Backend> backend);
    const std::optional<kforge::Node>& node() const { return node_; }

    enum Tab { ProblemsTab, CompilerTab, VerificationTab, TimingTab, ConfigurationTab, ProfileTab };
    QTabWidget* tabs() const { return tabs_; }

signals:
    // An entry located in the node's own source was activated (the editor shows that line).
    void jumpToLine(int line, int column);
    // The Profile tab's button: profile this node with Nsight Compute.
    void profileRequested(qint64 nodeId);
    // The Timing tab's button: measure this node again, longer (a noisy median).
    void remeasureRequested(qint64 nodeId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    void renderHeader(const kforge::Node& node);
    void renderProblems(const kforge::Node& node);
    void renderCompiler(const kforge::Node& node);
    void renderVerification(const kforge::Node& node);
    void renderTiming(const kforge::Node& node);
    void renderConfiguration(const kforge::Node& node);
    void renderProfile(const kforge::Node& node);
    void activate(QTreeWidgetItem* item);

    std::optional<kforge::Node> node_;
    std::optional<kforge::Backend> backend_;
    QStackedWidget* stack_;
    QLabel* empty_;
    QLabel* title_;
    QLabel* status_;
    QLabel* figures_;
    QLabel* message_;
    QTabWidget* tabs_;
    QTreeWidget* problems_;
    QLabel* compileSummary_;
    QTableWidget* kernels_;
    QTreeWidget* diagnostics_;
    QTableWidget* verification_;
    QLabel* timingSummary_;
    QTableWidget* timing_;
    QLabel* origin_;
    QTableWidget* config_;
    QPlainTextEdit* input_;
    QLabel* profileSummary_;
    QTableWidget* profile_;
    QLabel* profileNotes_;
    QPushButton* profileButton_;
    QPushButton* remeasureButton_;
};

}  // namespace kforge::ui
