#pragma once

#include "diff/text_diff.h"

#include <QString>
#include <QWidget>

class QAction;
class QEvent;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace kforge::ui {

class DiffPane;

// A side-by-side code diff: the left text read-only, the right text
// editable. Changed lines and words are marked on both sides, blank rows
// keep equal lines facing each other, and the two sides scroll together.
// Edits on the right are diffed again after a short pause in typing.
// "Evaluate as child" hands the edited right text on (the manual generator).
class DiffEditor : public QWidget {
    Q_OBJECT

public:
    enum class Side { Left, Right };

    explicit DiffEditor(QWidget* parent = nullptr);
    ~DiffEditor() override;

    // Shows two texts, e.g. ("node #12", its source, "node #14", its source,
    // "cu"). `language` is a file extension: cu, cuh, hip, cpp, h, ... get
    // C++/CUDA/HIP highlighting, py Python, anything else plain text.
    // Resets the edit state and goes to the first change.
    void setTexts(const QString& leftTitle, const QString& leftText, const QString& rightTitle,
                  const QString& rightText, const QString& language);

    QString leftText() const;
    QString rightText() const;
    // Whether the right text differs from the one setTexts() gave.
    bool isRightEdited() const;

    void setRightEditable(bool editable);
    bool isRightEditable() const;

    int changeCount() const;
    // The change last navigated to (0-based), -1 before the first.
    int currentChange() const;
    // The diff as shown (after the latest re-diff of an edit).
    const diff::TextDiff& textDiff() const { return diff_; }

    // Puts the cursor on a line of one side and scrolls it into view, both
    // sides together. `line` and `column` are 1-based, as compilers report
    // them; column 0 means the start of the line.
    void jumpToLine(Side side, int line, int column = 0);

    DiffPane* pane(Side side) const;
    QAction* nextChangeAction() const { return nextAction_; }
    QAction* previousChangeAction() const { return previousAction_; }

public slots:
    void nextChange();
    void previousChange();
    // Diffs the texts again now rather than after the typing pause.
    void refreshDiff();

signals:
    void evaluateAsChildRequested(const QString& source);
    // The user changed the right text (each edit, not debounced).
    void rightTextEdited();
    void currentChangeChanged(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void applyDiff();
    void goToChange(int index);
    void scrollBothTo(int row);
    void followScroll(Side from, int row);
    void followHorizontalScroll(Side from, int offset);
    void onRightTextChanged();
    void updateSummary();
    void updateActions();

    DiffPane* left_ = nullptr;
    DiffPane* right_ = nullptr;
    QLabel* leftTitle_ = nullptr;
    QLabel* rightTitle_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* position_ = nullptr;
    QToolButton* previousButton_ = nullptr;
    QToolButton* nextButton_ = nullptr;
    QPushButton* evaluateButton_ = nullptr;
    QAction* nextAction_ = nullptr;
    QAction* previousAction_ = nullptr;
    QTimer* rediffTimer_ = nullptr;

    diff::TextDiff diff_;
    std::vector<const diff::Hunk*> changes_;
    int currentChange_ = -1;
    bool settingTexts_ = false;
    bool following_ = false;
};

}  // namespace kforge::ui
