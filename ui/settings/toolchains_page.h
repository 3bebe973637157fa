#pragma once
// Settings > Toolchains: the host C++ compiler, nvcc and hipcc, each a path
// (empty: auto-detected as the core does), a Browse button and a Check that
// runs `<tool> --version` off the UI thread and shows what answered.
#include <array>

#include "ui/settings/settings_page.h"

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kforge::ui {

class ToolchainsPage : public SettingsPage {
    Q_OBJECT

public:
    explicit ToolchainsPage(QWidget* parent = nullptr);

    QString title() const override;
    void load(const AppSettings& settings) override;
    QString validate(QWidget** field) override;
    void save(AppSettings& settings) const override;

    QLineEdit* pathField(Tool tool) const { return row(tool).path; }
    QPushButton* checkButton(Tool tool) const { return row(tool).check; }
    QLabel* checkResult(Tool tool) const { return row(tool).result; }
    bool isChecking(Tool tool) const { return row(tool).checking; }

    // "Host C++ compiler", "CUDA compiler (nvcc)", "HIP compiler (hipcc)".
    static QString toolTitle(Tool tool);
    // Why `path` cannot be `tool`'s compiler, naming the field; empty when it can
    // (an empty path always can: it means auto-detect).
    static QString pathProblem(Tool tool, const QString& path);

signals:
    void checkFinished(kforge::ui::Tool tool);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        QLabel* label = nullptr;
        QLineEdit* path = nullptr;
        QPushButton* browse = nullptr;
        QPushButton* check = nullptr;
        QLabel* result = nullptr;
        QAction* warning = nullptr;  // shown in the field while its path is refused
        bool checking = false;
        unsigned generation = 0;  // a check's result is shown only if the path has not changed since
    };
    const Row& row(Tool tool) const { return rows_[static_cast<size_t>(tool)]; }
    Row& row(Tool tool) { return rows_[static_cast<size_t>(tool)]; }
    void retranslateUi();
    void browse(Tool tool);
    void check(Tool tool);
    void markProblem(Tool tool, const QString& problem);

    std::array<Row, 3> rows_;
    QLabel* intro_ = nullptr;
};

}  // namespace kforge::ui
