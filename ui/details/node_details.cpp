#include "ui/details/node_details.h"

#include "eval/report.h"
#include "session/engine.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/details/copyable_view.h"
#include "ui/details/node_problems.h"
#include "profile/profile.h"
#include "ui/session/node_status.h"
#include "ui/phrase_text.h"
#include "ui/wizard/device_detection.h"

namespace kforge::ui {

namespace {

constexpr int kLineRole = Qt::UserRole;
constexpr int kColumnRole = Qt::UserRole + 1;


QString dash() {
    return QStringLiteral("—");
}

QString number(double v, int decimals) {
    return QLocale().toString(v, 'f', decimals);
}
QString milliseconds(double v) {
    return QLocale().toString(v, 'f', v >= 100 ? 2 : 4);
}
QString scientific(double v) {
    return v == 0 ? QStringLiteral("0") : QLocale().toString(v, 'g', 3);
}
QString bytes(int v) {
    return QLocale().toString(v);
}

QTableWidgetItem* cell(const QString& text, bool numeric = false) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* makeTable(QWidget* parent, const char* objectName) {
    auto* table = new QTableWidget(parent);
    table->setObjectName(QLatin1String(objectName));
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    makeCopyable(table);
    return table;
}

QTreeWidget* makeTree(QWidget* parent, const char* objectName) {
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(QLatin1String(objectName));
    tree->setColumnCount(3);
    tree->setAllColumnsShowFocus(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(true);
    makeCopyable(tree);
    return tree;
}

QLabel* makeLabel(QWidget* parent, const char* objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

const std::vector<kforge::WorkloadReport>& workloadsOf(const kforge::Node& node) {
    static const std::vector<kforge::WorkloadReport> none;
    return node.evaluation ? node.evaluation->workloads : none;
}

QString str(const std::string& s) { return QString::fromStdString(s); }

void fillTable(QTableWidget* table, const QStringList& headers, int rows) {
    table->clearContents();
    table->setColumnCount(static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(rows);
}

}  // namespace

NodeDetails::NodeDetails(QWidget* parent)
    : QWidget(parent),
      stack_(new QStackedWidget(this)),
      empty_(new QLabel(this)),
      title_(makeLabel(this, "nodeTitle")),
      status_(new QLabel(this)),
      figures_(makeLabel(this, "nodeFigures")),
      message_(makeLabel(this, "nodeMessage")),
      tabs_(new QTabWidget(this)),
      problems_(makeTree(this, "problemList")),
      compileSummary_(makeLabel(this, "compileSummary")),
      kernels_(makeTable(this, "kernelTable")),
      diagnostics_(makeTree(this, "diagnosticList")),
      verification_(makeTable(this, "verificationTable")),
      timingSummary_(makeLabel(this, "timingSummary")),
      timing_(makeTable(this, "timingTable")),
      origin_(makeLabel(this, "nodeOrigin")),
      config_(makeTable(this, "configTable")),
      input_(new QPlainTextEdit(this)),
      profileSummary_(makeLabel(this, "profileSummary")),
      profile_(makeTable(this, "profileTable")),
      profileNotes_(makeLabel(this, "profileNotes")),
      profileButton_(new QPushButton(this)),
      remeasureButton_(new QPushButton(this)) {
    setObjectName(QStringLiteral("nodeDetails"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setEnabled(false);  // secondary text
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title_->setFont(titleFont);
    status_->setObjectName(QStringLiteral("nodeStatus"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    input_->setObjectName(QStringLiteral("generatorInput"));
    input_->setReadOnly(true);
    input_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    input_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    problems_->setRootIsDecorated(false);
    diagnostics_->setRootIsDecorated(false);

    // The compile tab: summary, kernels above, every diagnostic below.
    auto* compilePage = new QWidget(this);
    auto* compileLayout = new QVBoxLayout(compilePage);
    compileLayout->addWidget(compileSummary_);
    auto* compileSplit = new QSplitter(Qt::Vertical, compilePage);
    compileSplit->addWidget(kernels_);
    compileSplit->addWidget(diagnostics_);
    compileLayout->addWidget(compileSplit, 1);

    auto* timingPage = new QWidget(this);
    auto* timingLayout = new QVBoxLayout(timingPage);
    auto* timingHeader = new QHBoxLayout;
    timingHeader->addWidget(timingSummary_, 1);
    timingHeader->addWidget(remeasureButton_, 0, Qt::AlignTop);
    remeasureButton_->setObjectName(QStringLiteral("remeasureButton"));
    connect(remeasureButton_, &QPushButton::clicked, this, [this] {
        if (node_) emit remeasureRequested(node_->id);
    });
    timingLayout->addLayout(timingHeader);
    timingLayout->addWidget(timing_, 1);

    auto* configPage = new QWidget(this);
    auto* configLayout = new QVBoxLayout(configPage);
    configLayout->addWidget(origin_);
    auto* configSplit = new QSplitter(Qt::Vertical, configPage);
    configSplit->addWidget(config_);
    configSplit->addWidget(input_);
    configLayout->addWidget(configSplit, 1);

    // The profile tab: what was profiled, counters per kernel, what they say.
    auto* profilePage = new QWidget(this);
    auto* profileLayout = new QVBoxLayout(profilePage);
    auto* profileHeader = new QHBoxLayout;
    profileHeader->addWidget(profileSummary_, 1);
    profileHeader->addWidget(profileButton_, 0, Qt::AlignTop);
    profileButton_->setObjectName(QStringLiteral("profileButton"));
    connect(profileButton_, &QPushButton::clicked, this, [this] {
        if (node_) emit profileRequested(node_->id);
    });
    profileLayout->addLayout(profileHeader);
    auto* profileSplit = new QSplitter(Qt::Vertical, profilePage);
    profileSplit->addWidget(profile_);
    profileSplit->addWidget(profileNotes_);
    profileSplit->setStretchFactor(0, 3);  // the counters get the room; the notes are a few lines
    profileSplit->setStretchFactor(1, 1);
    profileLayout->addWidget(profileSplit, 1);
    profileNotes_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    tabs_->setObjectName(QStringLiteral("nodeDetailsTabs"));
    tabs_->addTab(problems_, QString());
    tabs_->addTab(compilePage, QString());
    tabs_->addTab(verification_, QString());
    tabs_->addTab(timingPage, QString());
    tabs_->addTab(configPage, QString());
    tabs_->addTab(profilePage, QString());

    auto* header = new QHBoxLayout;
    header->addWidget(title_, 1);
    header->addWidget(status_, 0, Qt::AlignTop);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(8, 8, 8, 8);
    contentLayout->addLayout(header);
    contentLayout->addWidget(figures_);
    contentLayout->addWidget(message_);
    contentLayout->addWidget(tabs_, 1);

    stack_->addWidget(empty_);
    stack_->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_);

    connect(problems_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });
    connect(diagnostics_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });
    render();
}

void NodeDetails::setNode(const kforge::Node& node) {
    node_ = node;
    render();
}

void NodeDetails::clear() {
    node_.reset();
    render();
}

void NodeDetails::setBackend(std::optional<kforge::Backend> backend) {
    if (backend == backend_) return;
    backend_ = backend;
    render();
}

void NodeDetails::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) render();
    QWidget::changeEvent(event);
}

void NodeDetails::activate(QTreeWidgetItem* item) {
    const int line = item ? item->data(0, kLineRole).toInt() : 0;
    if (line > 0) emit jumpToLine(line, item->data(0, kColumnRole).toInt());
}

void NodeDetails::render() {
    empty_->setText(tr("Select a node to see its verdict, diagnostics, verification and timing."));
    if (!node_) {
        stack_->setCurrentIndex(0);
        return;
    }
    const kforge::Node& n = *node_;
    renderHeader(n);
    renderProblems(n);
    renderCompiler(n);
    renderVerification(n);
    renderTiming(n);
    renderConfiguration(n);
    renderProfile(n);
    stack_->setCurrentIndex(1);
}

void NodeDetails::renderHeader(const kforge::Node& n) {
    QString title = tr("Node %1 · %2").arg(n.id).arg(QString::fromStdString(n.generator));
    if (n.parent) title += tr(" · child of node %1").arg(*n.parent);
    title_->setText(title);
    const QColor color = nodeStatusColor(n.state, n.status);
    status_->setText(nodeStatusText(n.state, n.status));
    status_->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px; padding: 2px 8px; "
                       "font-weight: 600; }")
            .arg(color.name()));
    QStringList figures;
    const double speedup = n.evaluation ? n.evaluation->speedupGeomean : 0.0;
    if (speedup > 0) figures << tr("speedup %1× (geometric mean over workloads)").arg(number(speedup, 3));
    if (n.state == kforge::NodeState::Done) {
        figures << tr("fitness %1").arg(number(n.fitness, 3));
        figures << tr("evaluated in %1 s").arg(number(n.seconds, 2));
        const int restarts = n.evaluation ? n.evaluation->runnerRestarts : 0;
        if (restarts > 0) figures << tr("%n runner restart(s)", nullptr, restarts);
        if (n.evaluation && !n.evaluation->runner.empty()) {
            const auto& e = *n.evaluation;
            figures << (e.deviceModel.empty() ? tr("measured by %1").arg(QString::fromStdString(e.runner))
                                              : tr("measured on %1 by %2").arg(QString::fromStdString(e.deviceModel),
                                                                                QString::fromStdString(e.runner)));
        }
    } else {
        figures << tr("waiting to be compiled and measured");
    }
    figures_->setText(figures.join(QStringLiteral(" · ")));
    message_->setText(phraseText(n.message));
    message_->setVisible(!n.message.empty());
}

void NodeDetails::renderProblems(const kforge::Node& n) {
    problems_->clear();
    problems_->setHeaderLabels({tr("Where"), tr("What"), tr("Message")});
    const auto problems = nodeProblems(n);
    for (const NodeProblem& p : problems) {
        auto* item = new QTreeWidgetItem(problems_, {p.location, p.severity, p.message});
        item->setData(0, kLineRole, p.line);
        item->setData(0, kColumnRole, p.column);
        item->setToolTip(2, p.message);
        if (p.line > 0) item->setToolTip(0, tr("Activate to show this line in the editor"));
        const bool warning = p.kind == NodeProblem::Kind::Compile && p.severity == tr("warning");
        item->setForeground(1, warning ? QColor(0xb2, 0x6a, 0x00) : QColor(0xc6, 0x28, 0x28));
        // Notes follow as rows of their own, not children: a flat list keeps the
        // model a plain table (QTreeWidget's children misreport their parents'
        // columns to QAbstractItemModelTester), and a note jumps where its entry does.
        for (const QString& note : p.notes) {
            auto* noteItem = new QTreeWidgetItem(problems_, {QString(), tr("note"), note});
            noteItem->setData(0, kLineRole, p.line);
            noteItem->setData(0, kColumnRole, p.column);
            noteItem->setToolTip(2, note);
        }
    }
    problems_->resizeColumnToContents(0);
    problems_->resizeColumnToContents(1);
    if (problems.empty()) {
        auto* none = new QTreeWidgetItem(
            problems_,
            {QString(), QString(), n.state == kforge::NodeState::Done ? tr("No problems.") : tr("Not evaluated yet.")});
        none->setFlags(Qt::ItemIsEnabled);
    }
    tabs_->setTabText(ProblemsTab, problems.empty() ? tr("Problems") : tr("Problems (%1)").arg(problems.size()));
}

void NodeDetails::renderCompiler(const kforge::Node& n) {
    static const kforge::CompileResult none;
    const kforge::CompileResult& c = n.compile ? *n.compile : none;
    if (!n.compile) {
        compileSummary_->setText(tr("Not compiled."));
    } else {
        QString summary = c.ok ? tr("Compiled in %1 s").arg(number(c.seconds, 2))
                               : tr("Compilation failed after %1 s").arg(number(c.seconds, 2));
        if (c.cacheHit) summary += tr(" (from the cache)");
        if (!c.command.empty()) summary += QLatin1Char('\n') + str(c.command);
        compileSummary_->setText(summary);
    }

    fillTable(kernels_,
              {tr("Kernel"), tr("Registers"), tr("Spill stores (B)"), tr("Spill loads (B)"), tr("Stack (B)"),
               tr("Shared memory (B)"), tr("Constant memory (B)")},
              static_cast<int>(c.kernels.size()));
    int row = 0;
    for (const auto& k : c.kernels) {
        const int spills = k.spillStoreBytes + k.spillLoadBytes;
        kernels_->setItem(row, 0, cell(str(k.kernel)));
        kernels_->setItem(row, 1, cell(k.registers < 0 ? dash() : QLocale().toString(k.registers), true));
        kernels_->setItem(row, 2, cell(bytes(k.spillStoreBytes), true));
        kernels_->setItem(row, 3, cell(bytes(k.spillLoadBytes), true));
        kernels_->setItem(row, 4, cell(bytes(k.stackBytes), true));
        kernels_->setItem(row, 5, cell(bytes(k.sharedBytes), true));
        kernels_->setItem(row, 6, cell(bytes(k.constantBytes), true));
        if (spills > 0)  // spills are the figure an engineer looks for first
            for (int col : {2, 3}) kernels_->item(row, col)->setForeground(QColor(0xc6, 0x28, 0x28));
        ++row;
    }
    kernels_->resizeColumnsToContents();

    diagnostics_->clear();
    diagnostics_->setHeaderLabels({tr("Where"), tr("Severity"), tr("Message")});
    const auto& diags = c.diagnostics;
    for (const auto& d : diags) {
        auto* item = new QTreeWidgetItem(diagnostics_, {diagnosticLocation(d, n), str(d.severity), str(d.message)});
        item->setToolTip(2, str(d.message));
        if (isCandidateFile(d.file, n)) {
            item->setData(0, kLineRole, d.line);
            item->setData(0, kColumnRole, d.column);
        }
    }
    diagnostics_->resizeColumnToContents(0);
    diagnostics_->resizeColumnToContents(1);
    diagnostics_->setVisible(!diags.empty());
    tabs_->setTabText(CompilerTab, diags.empty() ? tr("Compiler") : tr("Compiler (%1)").arg(diags.size()));
}

void NodeDetails::renderVerification(const kforge::Node& n) {
    const auto& workloads = workloadsOf(n);
    fillTable(verification_,
              {tr("Workload"), tr("Verdict"), tr("Checked"), tr("Mismatches"), tr("Max abs error"), tr("Max rel error"),
               tr("First bad index"), tr("Expected"), tr("Actual"), tr("Message")},
              static_cast<int>(workloads.size()));
    const QLocale locale;
    int row = 0;
    for (const auto& w : workloads) {
        const kforge::VerifyStats& v = w.verify;
        const bool hasBad = v.firstBadIndex >= 0;
        verification_->setItem(row, 0, cell(str(w.uuid)));
        verification_->setItem(row, 1, cell(statusText(w.status)));
        verification_->setItem(row, 2, cell(locale.toString(static_cast<qulonglong>(v.checked)), true));
        verification_->setItem(row, 3, cell(locale.toString(static_cast<qulonglong>(v.mismatches)), true));
        verification_->setItem(row, 4, cell(scientific(v.maxAbsError), true));
        verification_->setItem(row, 5, cell(scientific(v.maxRelError), true));
        verification_->setItem(row, 6,
                               cell(hasBad ? tr("%1[%2], seed %3")
                                                 .arg(str(v.firstBadOutput))
                                                 .arg(v.firstBadIndex)
                                                 .arg(static_cast<qulonglong>(v.firstBadSeed))
                                           : dash(),
                                    hasBad));
        verification_->setItem(row, 7, cell(hasBad ? locale.toString(v.expected, 'g', 6) : dash(), true));
        verification_->setItem(row, 8, cell(hasBad ? locale.toString(v.actual, 'g', 6) : dash(), true));
        verification_->setItem(row, 9, cell(phraseText(w.message)));
        verification_->item(row, 1)->setForeground(w.status == kforge::Status::Passed ? QColor(0x2e, 0x7d, 0x32)
                                                                                       : QColor(0xc6, 0x28, 0x28));
        ++row;
    }
    verification_->resizeColumnsToContents();
    tabs_->setTabText(VerificationTab, tr("Verification"));
}

void NodeDetails::renderTiming(const kforge::Node& n) {
    const auto& workloads = workloadsOf(n);
    fillTable(timing_,
              {tr("Workload"), tr("Median (ms)"), tr("p20 (ms)"), tr("p80 (ms)"), tr("CV"), tr("Samples"),
               tr("Baseline (ms)"), tr("Speedup"), tr("Eager (ms)"), tr("torch.compile (ms)"), tr("Vendor (ms)"),
               tr("Vs best"), tr("Achieved"), tr("Of floor"), tr("Runner setup (s)"),
               tr("Runner verify (s)"), tr("Runner timing (s)")},
              static_cast<int>(workloads.size()));
    const QLocale locale;
    int row = 0;
    double setup = 0, verify = 0, timed = 0;
    int noisyWorkloads = 0;
    for (const auto& w : workloads) {
        const bool measured = w.timed();
        const kforge::PhaseSeconds& seconds = w.seconds;
        setup += seconds.setup;
        verify += seconds.verify;
        timed += seconds.timing;
        auto put = [&](int col, const QString& text) { timing_->setItem(row, col, cell(text, col > 0)); };
        put(0, str(w.uuid));
        put(1, measured ? milliseconds(w.timing.median) : dash());
        put(2, measured ? milliseconds(w.timing.p20) : dash());
        put(3, measured ? milliseconds(w.timing.p80) : dash());
        const bool noisy = w.checks && w.checks->noisy;
        put(4, measured ? locale.toString(w.timing.cv * 100, 'f', 1) + QLatin1Char('%') + (noisy ? tr(" noisy") : QString()) : dash());
        if (noisy) {
            ++noisyWorkloads;
            timing_->item(row, 4)->setForeground(QColor(0xb2, 0x6a, 0x00));
            timing_->item(row, 4)->setToolTip(
                tr("The spread stayed above the threshold after %1 timing runs: trust this median less, or measure the node "
                   "again (Measure Again).")
                    .arg(w.checks->attempts));
        }
        put(5, measured ? locale.toString(w.timing.count) : dash());
        put(6, w.baseline ? milliseconds(w.baseline->median) : dash());
        put(7, w.speedup > 0 ? number(w.speedup, 2) + QStringLiteral("×") : dash());
        const char* const torchNames[] = {"eager", "compile", "vendor"};
        for (int i = 0; i < 3; ++i) {
            const int col = 8 + i;
            const kforge::MeasuredBaseline* b = nullptr;
            for (const auto& x : w.baselines)
                if (x.name == torchNames[i]) b = &x;
            put(col, b && b->measured() ? milliseconds(b->timing().median) : dash());
            if (b && !b->measured() && !b->message.empty()) timing_->item(row, col)->setToolTip(phraseText(b->message));
            if (b && b->name == w.bestBaseline) timing_->item(row, col)->setToolTip(tr("The fastest PyTorch baseline of this workload"));
        }
        put(11, w.speedupVsBest > 0 ? number(w.speedupVsBest, 2) + QStringLiteral("×") : dash());
        if (w.speedupVsBest > 0 && w.speedupVsBest < 1) {
            timing_->item(row, 11)->setForeground(QColor(0xc0, 0x30, 0x20));
            timing_->item(row, 11)->setToolTip(tr("Slower than PyTorch's %1 on this workload").arg(str(w.bestBaseline)));
        }
        const bool computeBound = w.floor && w.floor->computeBound();
        const double achieved = computeBound ? w.achievedTflops : w.achievedGbps;
        put(12, achieved > 0
                   ? (computeBound ? tr("%1 TFLOP/s") : tr("%1 GB/s")).arg(number(achieved, computeBound ? 2 : 1))
                   : dash());
        put(13, w.fractionOfFloor > 0 ? locale.toString(w.fractionOfFloor * 100, 'f', 0) + QLatin1Char('%') : dash());
        put(14, number(seconds.setup, 3));
        put(15, number(seconds.verify, 3));
        put(16, number(seconds.timing, 3));
        if (measured && !w.samplesMs.empty()) {
            QStringList samples;
            for (const double sample : w.samplesMs) samples << milliseconds(sample);
            timing_->item(row, 5)->setToolTip(tr("Samples (ms): %1").arg(samples.join(QStringLiteral(", "))));
        }
        if (w.floor)
            timing_->item(row, 13)->setToolTip(
                computeBound ? tr("Physical floor %1 ms (compute bound, %2 TFLOP/s)").arg(milliseconds(w.floor->ms()), number(w.floor->peakTflops, 1))
                : w.floor->cacheResident
                    ? tr("Physical floor %1 ms (memory bound, %2 GB/s: the bytes fit in the last-level cache)").arg(milliseconds(w.floor->ms()), number(w.floor->bandwidthGbps, 0))
                    : tr("Physical floor %1 ms (memory bound, %2 GB/s DRAM copy)").arg(milliseconds(w.floor->ms()), number(w.floor->bandwidthGbps, 0)));
        ++row;
    }
    timing_->resizeColumnsToContents();
    const QString checks = phraseText(kforge::checksSummary(workloads));
    timingSummary_->setText(
        workloads.empty()
            ? tr("No measurements.")
            : tr("Runner time over all workloads: setup %1 s, verification %2 s, timing %3 s; baseline: %4.")
                      .arg(number(setup, 2), number(verify, 2), number(timed, 2),
                           !n.evaluation || n.evaluation->baselineName.empty() ? dash() : str(n.evaluation->baselineName)) +
                  (checks.isEmpty() ? QString() : QLatin1Char('\n') + checks) +
                  (n.evaluation && n.evaluation->cpuThreads
                       ? QLatin1Char('\n') + tr("Threads: at most %1, the cores the runner may use (OpenMP is capped there).")
                                                 .arg(*n.evaluation->cpuThreads)
                       : QString()));
    remeasureButton_->setEnabled(n.passed());
    remeasureButton_->setText(noisyWorkloads > 0 ? tr("Measure Again (%n noisy)", nullptr, noisyWorkloads) : tr("Measure Again"));
    remeasureButton_->setToolTip(
        n.passed() ? tr("Measures this node again with %1× the session's timing budget and up to %2 timing runs, on fresh "
                        "inputs with every check. The node keeps the new result, and the session's best is chosen again.")
                         .arg(kforge::SessionEngine::kRemeasureBudgetFactor)
                         .arg(kforge::SessionEngine::kRemeasureAttempts)
                   : tr("Only a candidate that passed is measured again."));
    tabs_->setTabText(TimingTab, noisyWorkloads > 0 ? tr("Timing (noisy)") : tr("Timing"));
}

void NodeDetails::renderConfiguration(const kforge::Node& n) {
    QStringList origin;
    origin << tr("Generator: %1").arg(QString::fromStdString(n.generator));
    origin << (n.parent ? tr("parent: node %1").arg(*n.parent) : tr("the root"));
    if (!n.sourceHash.empty())
        origin << tr("source %1%2")
                      .arg(QString::fromStdString(n.sourceHash.substr(0, 12)),
                           QString::fromStdString(n.sourceExtension));
    if (!n.createdAt.empty()) origin << tr("proposed %1").arg(QString::fromStdString(n.createdAt));
    if (!n.evaluatedAt.empty()) origin << tr("evaluated %1").arg(QString::fromStdString(n.evaluatedAt));
    origin_->setText(origin.join(QStringLiteral(" · ")));

    fillTable(config_, {tr("Parameter"), tr("Value")}, static_cast<int>(n.config.size()));
    int row = 0;
    for (const auto& [name, value] : n.config) {
        config_->setItem(row, 0, cell(QString::fromStdString(name)));
        config_->setItem(row, 1, cell(QString::fromStdString(value)));
        ++row;
    }
    config_->resizeColumnsToContents();
    input_->setPlainText(!n.input.empty() ? QString::fromStdString(kforge::toJson(n.input).dump(2))
                                          : tr("(the generator was given nothing)"));
    tabs_->setTabText(ConfigurationTab, tr("Configuration"));
}

void NodeDetails::renderProfile(const kforge::Node& n) {
    const auto& profile = n.profile;
    profileNotes_->clear();
    // Only a correct candidate is profiled, and only on CUDA.
    const bool profilable = !backend_ || kforge::backendInfo(*backend_).profilable;
    profileButton_->setEnabled(n.passed() && profilable);
    profileButton_->setText(profile && profile->ok() ? tr("Profile Again") : tr("Profile with Nsight Compute"));
    if (!profilable)
        profileButton_->setToolTip(tr("Profiling is not available on the %1 backend: Nsight Compute profiles CUDA kernels only.")
                                       .arg(backendTitle(*backend_)));
    else
        profileButton_->setToolTip(tr("Runs this node once under Nsight Compute on its largest workload and keeps the counters with it. "
                                      "The session must not be running."));
    if (!profile || !profile->ok()) {
        fillTable(profile_, {tr("Counter")}, 0);
        profileSummary_->setText(
            !profile ? tr("Not profiled. Nsight Compute profiles a correct CUDA candidate: the agent does it before it optimizes one, "
                          "and `kforge profile SESSION NODE` does it on demand.")
                     : tr("Not profiled: %1").arg(QString::fromStdString(profile->error)));
        tabs_->setTabText(ProfileTab, tr("Profile"));
        return;
    }
    QStringList axes;
    for (const auto& [axis, value] : profile->axes) axes << QStringLiteral("%1=%2").arg(QString::fromStdString(axis)).arg(value);
    profileSummary_->setText(tr("%1, one run on the workload %2; %3 s, collected %4. The counters are per kernel, the longest first.")
                                 .arg(QString::fromStdString(profile->tool), axes.join(QLatin1Char(' ')), number(profile->seconds, 1),
                                      QString::fromStdString(profile->collectedAt)));
    const auto kernels = kforge::kernelsByTime(*profile);
    QStringList headers{tr("Counter")};
    for (const auto* k : kernels) {
        // The kernel's name without its parameter list, which the tooltip keeps.
        const QString name = QString::fromStdString(k->name);
        headers << name.left(name.indexOf(QLatin1Char('('))).trimmed().right(48);
    }
    std::vector<const kforge::ProfileMetric*> rows;
    for (const auto& m : kforge::profileMetrics())
        for (const auto* k : kernels)
            if (k->metric(m.key)) {
                rows.push_back(&m);
                break;
            }
    fillTable(profile_, headers, static_cast<int>(rows.size()));
    for (int c = 0; c < static_cast<int>(kernels.size()); ++c) {
        const auto* k = kernels[static_cast<size_t>(c)];
        if (auto* h = profile_->horizontalHeaderItem(c + 1))
            h->setToolTip(tr("%1\ngrid %2, block %3").arg(QString::fromStdString(k->name), QString::fromStdString(k->grid),
                                                        QString::fromStdString(k->block)));
    }
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const auto& m = *rows[static_cast<size_t>(r)];
        profile_->setItem(r, 0, cell(QString::fromUtf8(m.label)));
        for (int c = 0; c < static_cast<int>(kernels.size()); ++c) {
            const auto v = kernels[static_cast<size_t>(c)]->metric(m.key);
            profile_->setItem(r, c + 1, cell(v ? QString::fromStdString(kforge::formatProfileValue(*v, m.unit)) : dash(), true));
        }
    }
    profile_->resizeColumnsToContents();
    QStringList notes;
    for (size_t i = 0; i < kernels.size(); ++i)
        for (const auto& o : kforge::profileObservations(*kernels[i]))
            notes << (kernels.size() > 1 ? headers[static_cast<qsizetype>(i + 1)] + QStringLiteral(": ") : QString()) + QString::fromStdString(o);
    profileNotes_->setText(notes.isEmpty() ? tr("Nothing stands out in the counters.") : QStringLiteral("• ") + notes.join(QStringLiteral("\n• ")));
    tabs_->setTabText(ProfileTab, tr("Profile (%1)").arg(kernels.size()));
}

}  // namespace kforge::ui
