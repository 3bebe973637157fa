#include "ui/wizard/task_page.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ui/background_call.h"
#include "ui/wizard/device_detection.h"
#include "ui/wizard/validation_message.h"

namespace kforge::ui {

namespace {

enum Column { NameColumn, OpTypeColumn, DataTypeColumn, DescriptionColumn, ColumnCount };

QTableWidgetItem* readOnlyItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QString backendsText(const kforge::Task& task, const kforge::Workload& w) {
    QStringList names;
    for (const auto& [backend, impl] : task.native)
        if (w.runsOn(backend)) names << backendTitle(backend);
    return names.join(QStringLiteral(", "));
}

}  // namespace

TaskPage::TaskPage(const kforge::AppPaths& paths, QWidget* parent)
    : QWizardPage(parent),
      list_(new QTreeWidget(this)),
      fileButton_(new QPushButton(this)),
      summary_(new QLabel(this)),
      tabs_(new QTabWidget(this)),
      workloads_(new QTableWidget(this)),
      reference_(new QPlainTextEdit(this)),
      message_(new ValidationMessage(this)) {
    setObjectName(QStringLiteral("taskPage"));
    list_->setObjectName(QStringLiteral("taskList"));
    list_->setColumnCount(ColumnCount);
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAllColumnsShowFocus(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setStretchLastSection(true);
    list_->header()->setSectionResizeMode(QHeaderView::Interactive);
    fileButton_->setObjectName(QStringLiteral("definitionFileButton"));
    summary_->setObjectName(QStringLiteral("taskSummary"));
    summary_->setWordWrap(true);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    workloads_->setObjectName(QStringLiteral("workloadTable"));
    workloads_->setColumnCount(4);
    workloads_->verticalHeader()->hide();
    workloads_->setSelectionBehavior(QAbstractItemView::SelectRows);
    workloads_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    workloads_->horizontalHeader()->setStretchLastSection(true);
    workloads_->setAlternatingRowColors(true);
    workloads_->verticalHeader()->setDefaultSectionSize(workloads_->fontMetrics().height() + 6);
    workloads_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    reference_->setObjectName(QStringLiteral("referenceView"));
    reference_->setReadOnly(true);
    reference_->setLineWrapMode(QPlainTextEdit::NoWrap);
    reference_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    tabs_->addTab(workloads_, QString());
    tabs_->addTab(reference_, QString());

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(fileButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(list_, 2);
    layout->addLayout(buttons);
    layout->addWidget(summary_);
    layout->addWidget(tabs_, 3);
    layout->addWidget(message_);

    connect(list_, &QTreeWidget::currentItemChanged, this, [this] { showSelected(); });
    connect(fileButton_, &QPushButton::clicked, this, &TaskPage::chooseDefinitionFile);

    loadingItem_ = new QTreeWidgetItem(list_);
    loadingItem_->setFlags(Qt::NoItemFlags);
    retranslateUi();

    runInBackground<std::vector<TaskChoice>>(
        this, [paths] { return loadBuiltinTasks(paths); },
        [this](std::vector<TaskChoice> builtins) {
            // Only the placeholder goes: a definition file may have arrived first.
            delete list_->takeTopLevelItem(list_->indexOfTopLevelItem(loadingItem_));
            loadingItem_ = nullptr;
            int row = 0;
            for (auto& choice : builtins) addChoice(std::move(choice), false, row++);
            builtinsLoaded_ = true;
            selectRef(preferred_);
            list_->resizeColumnToContents(NameColumn);
            list_->resizeColumnToContents(OpTypeColumn);
            list_->resizeColumnToContents(DataTypeColumn);
            emit completeChanged();
            emit loadingFinished();
        });
}

void TaskPage::preferTask(const QString& ref) {
    preferred_ = ref;
    if (builtinsLoaded_) selectRef(ref);
}

void TaskPage::addDefinitionFile(const QString& path, bool reportProblems) {
    ++pendingFiles_;
    message_->clearProblem();
    emit completeChanged();
    runInBackground<TaskChoice>(
        this, [path] { return loadTaskDefinition(path); },
        [this, reportProblems](TaskChoice choice) {
            --pendingFiles_;
            if (!choice.task) {
                if (reportProblems) message_->showProblem(tr("Definition file: %1").arg(choice.error));
            } else {
                // The same file chosen again replaces its entry (it may have changed on disk).
                for (size_t i = 0; i < choices_.size(); ++i)
                    if (!choices_[i].builtin && choices_[i].ref == choice.ref) choices_[i].ref.clear();
                for (int row = list_->topLevelItemCount() - 1; row >= 0; --row) {
                    const auto index = list_->topLevelItem(row)->data(NameColumn, Qt::UserRole).toULongLong();
                    if (index < choices_.size() && choices_[index].ref.isEmpty()) delete list_->takeTopLevelItem(row);
                }
                addChoice(std::move(choice), true);
            }
            emit completeChanged();
            emit loadingFinished();
        });
}

const TaskChoice* TaskPage::selectedChoice() const {
    const QTreeWidgetItem* item = list_->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled)) return nullptr;
    const auto index = item->data(NameColumn, Qt::UserRole).toULongLong();
    return index < choices_.size() && choices_[index].task ? &choices_[index] : nullptr;
}

bool TaskPage::isComplete() const {
    return pendingFiles_ == 0 && selectedChoice() != nullptr;
}

bool TaskPage::validatePage() {
    if (pendingFiles_ > 0) {
        message_->showProblem(tr("Task: the definition file is still being read."));
        return false;
    }
    if (!selectedChoice()) {
        message_->showProblem(tr("Task: choose a built-in task or a definition file."));
        list_->setFocus();
        return false;
    }
    message_->clearProblem();
    return true;
}

void TaskPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWizardPage::changeEvent(event);
}

void TaskPage::retranslateUi() {
    setTitle(tr("Task"));
    setSubTitle(
        tr("What to optimize: a built-in task, or a task definition file (FlashInfer-Bench JSON with "
           "workloads.jsonl beside it)."));
    list_->setHeaderLabels({tr("Task"), tr("Op type"), tr("Data types"), tr("Description")});
    if (loadingItem_) loadingItem_->setText(NameColumn, tr("Loading tasks…"));
    fileButton_->setText(tr("&Definition file…"));
    workloads_->setHorizontalHeaderLabels({tr("Workload"), tr("Axes"), tr("Backends"), tr("Weight")});
    showSelected();
}

void TaskPage::addChoice(TaskChoice choice, bool select, int row) {
    auto* item = new QTreeWidgetItem;
    list_->insertTopLevelItem(row < 0 ? list_->topLevelItemCount() : row, item);
    item->setData(NameColumn, Qt::UserRole, QVariant::fromValue<qulonglong>(choices_.size()));
    if (choice.task) {
        const kforge::Task& t = *choice.task;
        const QString description = QString::fromStdString(t.description);
        item->setText(NameColumn, QString::fromStdString(t.name));
        item->setText(OpTypeColumn, QString::fromStdString(t.opType));
        item->setText(DataTypeColumn, taskDataTypes(t));
        item->setText(DescriptionColumn, description);
        item->setToolTip(DescriptionColumn, QStringLiteral("<p>%1</p>").arg(description.toHtmlEscaped()));
    } else {
        item->setText(NameColumn, choice.builtin ? choice.ref : QFileInfo(choice.ref).fileName());
        item->setText(DescriptionColumn, choice.error);
        item->setForeground(DescriptionColumn, QColor(0xc6, 0x28, 0x28));
        item->setFlags(item->flags() & ~Qt::ItemIsSelectable);
    }
    if (!choice.builtin) item->setToolTip(NameColumn, choice.ref);
    choices_.push_back(std::move(choice));
    if (select) list_->setCurrentItem(item);
}

void TaskPage::selectRef(const QString& ref) {
    QTreeWidgetItem* first = nullptr;
    for (int row = 0; row < list_->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = list_->topLevelItem(row);
        const auto index = item->data(NameColumn, Qt::UserRole).toULongLong();
        if (index >= choices_.size() || !choices_[index].task) continue;
        if (!first) first = item;
        if (choices_[index].ref == ref) {
            list_->setCurrentItem(item);
            return;
        }
    }
    if (first && !list_->currentItem()) list_->setCurrentItem(first);
}

void TaskPage::showSelected() {
    const TaskChoice* choice = selectedChoice();
    workloads_->setRowCount(0);
    reference_->clear();
    if (!choice) {
        summary_->clear();
        tabs_->setTabText(0, tr("Workloads"));
        tabs_->setTabText(1, tr("Reference"));
        return;
    }
    message_->clearProblem();
    const kforge::Task& t = *choice->task;
    QStringList natives, tunable;
    for (const auto& [backend, impl] : t.native) {
        natives << backendTitle(backend);
        QStringList names;
        for (const auto& v : impl.templates) names << QString::fromStdString(v.name);
        if (!names.isEmpty()) tunable << tr("%1 (%2)").arg(backendTitle(backend), names.join(QStringLiteral(", ")));
    }
    // Without a template the tuner has nothing to search: say so before the
    // user picks a tuner-only session that would stop after one evaluation.
    const QString templates = tunable.isEmpty()
                                  ? tr("Tunable templates: none, so the tuner has nothing to search; the LLM agent can "
                                       "write candidates.")
                                  : tr("Tunable templates: %1.").arg(tunable.join(QStringLiteral("; ")));
    summary_->setText(tr("%1\nNative implementations: %2. Defined in %3.")
                          .arg(QString::fromStdString(t.description),
                               natives.isEmpty() ? tr("none") : natives.join(QStringLiteral(", ")),
                               QString::fromStdString(t.definitionFile.string())) +
                      QLatin1Char('\n') + templates);
    workloads_->setRowCount(static_cast<int>(t.workloads.size()));
    for (int row = 0; row < static_cast<int>(t.workloads.size()); ++row) {
        const kforge::Workload& w = t.workloads[static_cast<size_t>(row)];
        workloads_->setItem(row, 0, readOnlyItem(QString::fromStdString(w.uuid)));
        workloads_->setItem(row, 1, readOnlyItem(workloadAxesText(t, w)));
        workloads_->setItem(row, 2, readOnlyItem(backendsText(t, w)));
        workloads_->setItem(row, 3, readOnlyItem(QLocale().toString(w.weight)));
    }
    workloads_->resizeColumnsToContents();
    reference_->setPlainText(t.referencePython.empty() ? tr("(no PyTorch reference; the native reference is used)")
                                                       : QString::fromStdString(t.referencePython));
    tabs_->setTabText(0, tr("Workloads (%1)").arg(t.workloads.size()));
    tabs_->setTabText(1, tr("Reference (PyTorch)"));
}

void TaskPage::chooseDefinitionFile() {
    // Window-modal and asynchronous: the wizard's event loop keeps running.
    auto* dialog =
        new QFileDialog(this, tr("Task definition file"), QString(), tr("Task definitions (*.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { addDefinitionFile(path); });
    dialog->open();
}

}  // namespace kforge::ui
