#pragma once

#include <QDialog>

class QDialogButtonBox;
class QEvent;
class QLabel;

namespace kforge::ui {

// Help > About KernelForge: name, version, build (type and date), Qt and
// compiler versions, a description, the license and links to it and to the
// projects KernelForge builds on.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* nameLabel_ = nullptr;
    QLabel* versionLabel_ = nullptr;
    QLabel* descriptionLabel_ = nullptr;
    QLabel* buildDateKeyLabel_ = nullptr;
    QLabel* buildDateLabel_ = nullptr;
    QLabel* qtKeyLabel_ = nullptr;
    QLabel* qtLabel_ = nullptr;
    QLabel* compilerKeyLabel_ = nullptr;
    QLabel* compilerLabel_ = nullptr;
    QLabel* licenseKeyLabel_ = nullptr;
    QLabel* licenseLabel_ = nullptr;
    QLabel* buildKeyLabel_ = nullptr;
    QLabel* buildLabel_ = nullptr;
    QLabel* linksKeyLabel_ = nullptr;
    QLabel* linksLabel_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace kforge::ui
