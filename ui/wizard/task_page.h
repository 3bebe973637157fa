#pragma once
// The wizard's first page: which task to optimize. The built-in tasks are
// listed (name, op type, data types, description) as soon as they are read
// off the UI thread; "Definition file…" adds a task from a file. The selected
// task's workloads and reference are shown below the list.
#include <QWizardPage>

#include <vector>

#include "eval/paths.h"
#include "ui/wizard/task_catalog.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace kforge::ui {

class ValidationMessage;

class TaskPage : public QWizardPage {
    Q_OBJECT

public:
    explicit TaskPage(const kforge::AppPaths& paths, QWidget* parent = nullptr);

    // The task to select once the list is loaded (the last one used); the first
    // built-in task when it is not among them.
    void preferTask(const QString& ref);
    // Reads the file off the UI thread, adds it to the list and selects it (or
    // says on the page why it cannot be used, unless `reportProblems` is false:
    // a file remembered from last time may be gone). What "Definition file…" does.
    void addDefinitionFile(const QString& path, bool reportProblems = true);

    const TaskChoice* selectedChoice() const;  // null while nothing usable is selected
    bool isLoading() const { return !builtinsLoaded_ || pendingFiles_ > 0; }

    bool isComplete() const override;
    bool validatePage() override;

signals:
    void loadingFinished();  // the built-in tasks, or a definition file, arrived

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void addChoice(TaskChoice choice, bool select, int row = -1);  // row -1: at the end
    void selectRef(const QString& ref);
    void showSelected();
    void chooseDefinitionFile();

    QTreeWidget* list_;
    QTreeWidgetItem* loadingItem_ = nullptr;  // "Loading tasks…" until the built-in tasks arrive
    QPushButton* fileButton_;
    QLabel* summary_;
    QTabWidget* tabs_;
    QTableWidget* workloads_;
    QPlainTextEdit* reference_;
    ValidationMessage* message_;
    std::vector<TaskChoice> choices_;  // a list item's UserRole holds its index here
    QString preferred_;
    bool builtinsLoaded_ = false;
    int pendingFiles_ = 0;
};

}  // namespace kforge::ui
