#include "ui/session/nodes_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "ui/session/node_filter_model.h"
#include "ui/session/node_status.h"
#include "ui/session/node_table_model.h"
#include "ui/session/node_table_view.h"

namespace kforge::ui {

namespace {

// The status combo's entries carry their filter as (kind, status) in the item data.
QVariant filterData(const StatusFilter& f) {
    return QVariantList{static_cast<int>(f.kind()), static_cast<int>(f.status())};
}

StatusFilter filterFrom(const QVariant& data) {
    const QVariantList pair = data.toList();
    if (pair.size() != 2) return StatusFilter::any();
    const auto kind = static_cast<StatusFilter::Kind>(pair.at(0).toInt());
    const auto status = static_cast<kforge::Status>(pair.at(1).toInt());
    switch (kind) {
    case StatusFilter::Kind::Pending: return StatusFilter::pending();
    case StatusFilter::Kind::Failed: return StatusFilter::failed();
    case StatusFilter::Kind::Exactly: return StatusFilter::exactly(status);
    case StatusFilter::Kind::Any: break;
    }
    return StatusFilter::any();
}

}  // namespace

NodesPanel::NodesPanel(NodeTableModel* nodes, NodeSelection* selection, QWidget* parent)
    : QWidget(parent),
      nodes_(nodes),
      filter_(new NodeFilterModel(this)),
      view_(new NodeTableView(this)),
      text_(new QLineEdit(this)),
      status_(new QComboBox(this)),
      generator_(new QComboBox(this)) {
    setObjectName(QStringLiteral("nodesPanel"));
    text_->setObjectName(QStringLiteral("nodeFilterEdit"));
    text_->setClearButtonEnabled(true);
    status_->setObjectName(QStringLiteral("nodeStatusFilter"));
    generator_->setObjectName(QStringLiteral("nodeGeneratorFilter"));
    status_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    generator_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    filter_->setSourceModel(nodes);
    view_->setNodeModel(filter_);
    view_->bindSelection(selection);

    auto* filters = new QHBoxLayout;
    filters->addWidget(text_, 1);
    filters->addWidget(status_);
    filters->addWidget(generator_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(filters);
    layout->addWidget(view_, 1);

    connect(text_, &QLineEdit::textChanged, filter_, &NodeFilterModel::setText);
    connect(status_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setStatusFilter(filterFrom(status_->currentData())); });
    connect(generator_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setGeneratorFilter(generator_->currentData().toString()); });
    connect(nodes, &NodeTableModel::generatorsChanged, this, &NodesPanel::fillGeneratorCombo);

    retranslateUi();
}

void NodesPanel::fillStatusCombo() {
    const StatusFilter chosen = filterFrom(status_->currentData());
    const QSignalBlocker blocker(status_);
    status_->clear();
    status_->addItem(tr("All statuses"), filterData(StatusFilter::any()));
    status_->addItem(nodeStatusText(kforge::NodeState::Pending, kforge::Status::NotRun), filterData(StatusFilter::pending()));
    status_->addItem(tr("Failed (any reason)"), filterData(StatusFilter::failed()));
    for (kforge::Status s : listedStatuses()) status_->addItem(statusText(s), filterData(StatusFilter::exactly(s)));
    status_->setCurrentIndex(qMax(0, status_->findData(filterData(chosen))));
}

void NodesPanel::fillGeneratorCombo() {
    const QString chosen = generator_->currentData().toString();
    const QSignalBlocker blocker(generator_);
    generator_->clear();
    generator_->addItem(tr("All generators"), QString());
    for (const QString& g : nodes_->generators()) generator_->addItem(g, g);
    const int index = generator_->findData(chosen);
    generator_->setCurrentIndex(qMax(0, index));
    // The chosen generator is gone (another session opened): show everything.
    if (index < 0) filter_->setGeneratorFilter(QString());
}

void NodesPanel::retranslateUi() {
    text_->setPlaceholderText(tr("Filter nodes: id, status, configuration, message…"));
    status_->setToolTip(tr("Show only nodes of this status"));
    generator_->setToolTip(tr("Show only nodes made by this generator"));
    fillStatusCombo();
    fillGeneratorCombo();
}

void NodesPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace kforge::ui
