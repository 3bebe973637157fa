#include "ui/charts/charts_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPointer>
#include <QTabWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/charts/chart_export.h"
#include "ui/charts/parameter_space_view.h"
#include "ui/charts/roofline_chart.h"
#include "ui/charts/trajectory_chart.h"
#include "ui/charts/workload_chart.h"

namespace kforge::ui {

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent),
      trajectory_(new TrajectoryChart),
      workloads_(new WorkloadChart),
      roofline_(new RooflineChart),
      parameterSpace_(new ParameterSpaceView),
      tabs_(new QTabWidget),
      relative_(new QCheckBox),
      save_(new QToolButton) {
    tabs_->setDocumentMode(true);
    tabs_->addTab(trajectory_, QString());
    tabs_->addTab(workloads_, QString());
    tabs_->addTab(roofline_, QString());
    tabs_->addTab(parameterSpace_, QString());

    save_->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    save_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    relative_->setVisible(false);

    auto* corner = new QWidget;
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 4, 0);
    cornerLayout->addWidget(relative_);
    cornerLayout->addWidget(save_);
    tabs_->setCornerWidget(corner, Qt::TopRightCorner);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);

    connect(trajectory_, &TrajectoryChart::nodeClicked, this, &ChartsPanel::nodeClicked);
    connect(parameterSpace_, &ParameterSpaceView::nodeClicked, this, &ChartsPanel::nodeClicked);
    connect(save_, &QToolButton::clicked, this, &ChartsPanel::saveAs);
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int index) {
        relative_->setVisible(index == 1);
        save_->setVisible(currentChart() != nullptr);
    });
    connect(relative_, &QCheckBox::toggled, this, [this](bool on) {
        workloads_->setScale(on ? WorkloadChart::Scale::RelativeToBaseline : WorkloadChart::Scale::Latency);
    });
    retranslateUi();
}

void ChartsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ChartsPanel::retranslateUi() {
    tabs_->setTabText(0, tr("Trajectory"));
    tabs_->setTabText(1, tr("Workloads"));
    tabs_->setTabText(2, tr("Roofline"));
    tabs_->setTabText(3, tr("Parameters"));
    tabs_->setTabToolTip(3, tr("The tuner's configurations by their parameter values, coloured by speedup"));
    relative_->setText(tr("Relative to the baseline"));
    relative_->setToolTip(tr("Show each workload's latency as a multiple of the baseline's median"));
    save_->setText(tr("Save as…"));
    save_->setToolTip(tr("Save the chart shown as a PNG image or an SVG drawing"));
}

void ChartsPanel::setTree(const kforge::SessionTree& tree) {
    nodes_.clear();
    nodes_.reserve(tree.nodes().size());
    for (const auto& n : tree.nodes()) nodes_.emplace(n.id, n);
    trajectory_->setTree(tree);
    parameterSpace_->setTree(tree);
    refreshSelected();
}

void ChartsPanel::updateNode(const kforge::Node& node) {
    nodes_[node.id] = node;
    trajectory_->updateNode(node);
    parameterSpace_->updateNode(node);
    if (selected_.contains(node.id)) refreshSelected();
}

void ChartsPanel::setSelectedIds(const QList<qint64>& ids) {
    selected_ = ids;
    trajectory_->setSelectedIds(ids);
    parameterSpace_->setSelectedIds(ids);
    refreshSelected();
}

void ChartsPanel::setDeviceFacts(const kforge::DeviceFacts& facts, const std::string& dtype) {
    roofline_->setDeviceFacts(facts, dtype);
}

void ChartsPanel::setSpeedupBasis(kforge::SpeedupBasis basis) {
    trajectory_->setSpeedupBasis(basis);
    parameterSpace_->setSpeedupBasis(basis);
}

void ChartsPanel::clear() {
    nodes_.clear();
    selected_.clear();
    trajectory_->clear();
    parameterSpace_->clear();
    refreshSelected();
}

void ChartsPanel::refreshSelected() {
    std::vector<kforge::Node> picked;
    for (qint64 id : std::as_const(selected_)) {
        const auto found = nodes_.find(id);
        if (found == nodes_.end()) continue;
        picked.push_back(found->second);
        if (static_cast<int>(picked.size()) == kMaxCompared) break;
    }
    workloads_->setNodes(picked);
    roofline_->setNodes(std::move(picked));
}

QChartView* ChartsPanel::currentChart() const {
    return qobject_cast<QChartView*>(tabs_->currentWidget());
}

void ChartsPanel::setCurrentChart(int index) {
    tabs_->setCurrentIndex(index);
}

void ChartsPanel::saveCurrentChart(const QString& path) {
    ChartFormat format;
    if (!chartFormatFromPath(path, &format)) {
        emit chartSaved(path, false, tr("Choose a file name ending in .png or .svg."));
        return;
    }
    if (!currentChart()) {
        emit chartSaved(path, false, tr("The tab shown is not a chart that can be saved."));
        return;
    }
    const QByteArray bytes = renderChart(currentChart(), format);
    QPointer<ChartsPanel> self(this);
    // The disk is slow at times (network homes); the UI thread never waits on it.
    QThreadPool::globalInstance()->start([self, path, bytes] {
        QString error;
        const bool ok = writeChartFile(path, bytes, &error);
        QMetaObject::invokeMethod(
            qApp,
            [self, path, ok, error] {
                if (self) emit self->chartSaved(path, ok, error);
            },
            Qt::QueuedConnection);
    });
}

void ChartsPanel::saveAs() {
    const QStringList names{QStringLiteral("trajectory"), QStringLiteral("workloads"), QStringLiteral("roofline")};
    const QString suggested = QDir::home().filePath(names.value(tabs_->currentIndex()) + QStringLiteral(".png"));
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), suggested, chartFileFilters(), &filter);
    if (path.isEmpty()) return;
    ChartFormat format;
    if (!chartFormatFromPath(path, &format)) path += filter.contains(QLatin1String("svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
    // Reported once, for this save only.
    auto* connection = new QMetaObject::Connection;
    *connection = connect(this, &ChartsPanel::chartSaved, this, [this, connection](const QString&, bool ok, const QString& error) {
        disconnect(*connection);
        delete connection;
        if (!ok) QMessageBox::warning(this, tr("Save chart"), error);
    });
    saveCurrentChart(path);
}

}  // namespace kforge::ui
