#pragma once
// One page of the Settings dialog. The dialog loads every page from the
// stored settings when it opens, asks each to validate before anything is
// written, and saves them all together (OK or Apply). A page for another part
// of the program (the LLM providers) derives from this and is added with
// SettingsDialog::addPage().
#include <QWidget>

#include "ui/settings/app_settings.h"

namespace kforge::ui {

class SettingsPage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    // The page's name in the dialog's list, in the current language.
    virtual QString title() const = 0;
    virtual void load(const AppSettings& settings) = 0;
    // Empty when the page can be saved; otherwise which field is wrong and
    // why ("CUDA compiler (nvcc): /opt/nvcc does not exist."). A page marks
    // the field itself and sets `field` to it, so the dialog can focus it.
    virtual QString validate(QWidget** field) {
        if (field) *field = nullptr;
        return {};
    }
    virtual void save(AppSettings& settings) const = 0;

signals:
    // The user changed something on the page (enables Apply).
    void changed();
};

}  // namespace kforge::ui
