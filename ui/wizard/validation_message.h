#pragma once
// The line at the foot of a wizard page that says which field is wrong and
// why. Hidden while there is nothing to say.
#include <QLabel>

namespace kforge::ui {

class ValidationMessage : public QLabel {
    Q_OBJECT

public:
    explicit ValidationMessage(QWidget* parent = nullptr);
    void showProblem(const QString& text);
    void clearProblem();
};

}  // namespace kforge::ui
