#pragma once

#include <QWidget>

class QEvent;
class QLabel;

namespace kforge::ui {

// The central widget until sessions exist: says what KernelForge is and what
// this version does and does not do yet. Nothing on it pretends to work.
class WelcomePage : public QWidget {
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* titleLabel_ = nullptr;
    QLabel* taglineLabel_ = nullptr;
    QLabel* descriptionLabel_ = nullptr;
    QLabel* statusHeadingLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;
};

}  // namespace kforge::ui
