#include "ui/about_dialog.h"

#include "ui/application_info.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>

namespace kforge::ui {

namespace {

constexpr int kIconSize = 96;

QLabel* makeLabel(QWidget* parent, const char* objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Values are selectable so they can be pasted into a bug report.
QLabel* makeValueLabel(QWidget* parent, const char* objectName) {
    QLabel* label = makeLabel(parent, objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowIcon(applicationIcon());

    auto* iconLabel = new QLabel(this);
    iconLabel->setPixmap(applicationIcon().pixmap(kIconSize, kIconSize));
    iconLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    nameLabel_ = makeLabel(this, "nameLabel");
    QFont nameFont = nameLabel_->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    nameLabel_->setFont(nameFont);

    versionLabel_ = makeValueLabel(this, "versionLabel");

    descriptionLabel_ = makeLabel(this, "descriptionLabel");
    descriptionLabel_->setWordWrap(true);

    auto* details = new QFormLayout;
    details->setLabelAlignment(Qt::AlignLeft);
    buildDateKeyLabel_ = makeLabel(this, "buildDateKeyLabel");
    buildDateLabel_ = makeValueLabel(this, "buildDateLabel");
    qtKeyLabel_ = makeLabel(this, "qtKeyLabel");
    qtLabel_ = makeValueLabel(this, "qtLabel");
    compilerKeyLabel_ = makeLabel(this, "compilerKeyLabel");
    compilerLabel_ = makeValueLabel(this, "compilerLabel");
    licenseKeyLabel_ = makeLabel(this, "licenseKeyLabel");
    licenseLabel_ = makeValueLabel(this, "licenseLabel");
    buildKeyLabel_ = makeLabel(this, "buildKeyLabel");
    buildLabel_ = makeValueLabel(this, "buildLabel");
    linksKeyLabel_ = makeLabel(this, "linksKeyLabel");
    linksLabel_ = new QLabel(this);
    linksLabel_->setObjectName(QStringLiteral("linksLabel"));
    linksLabel_->setTextFormat(Qt::RichText);
    linksLabel_->setOpenExternalLinks(true);
    linksLabel_->setWordWrap(true);
    details->addRow(buildKeyLabel_, buildLabel_);
    details->addRow(buildDateKeyLabel_, buildDateLabel_);
    details->addRow(qtKeyLabel_, qtLabel_);
    details->addRow(compilerKeyLabel_, compilerLabel_);
    details->addRow(licenseKeyLabel_, licenseLabel_);
    details->addRow(linksKeyLabel_, linksLabel_);

    auto* text = new QVBoxLayout;
    text->setSpacing(8);
    text->addWidget(nameLabel_);
    text->addWidget(versionLabel_);
    text->addSpacing(4);
    text->addWidget(descriptionLabel_);
    text->addSpacing(4);
    text->addLayout(details);

    auto* body = new QHBoxLayout;
    body->setSpacing(20);
    body->addWidget(iconLabel, 0, Qt::AlignTop);
    body->addLayout(text, 1);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->setSpacing(16);
    layout->addLayout(body);
    layout->addWidget(buttons_);

    // Wide enough that the description wraps into a paragraph, not a column.
    descriptionLabel_->setMinimumWidth(380);
    // The dialog takes the size its content needs; there is nothing to enlarge.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    retranslateUi();
}

void AboutDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi() {
    setWindowTitle(tr("About KernelForge"));
    nameLabel_->setText(applicationName());
    versionLabel_->setText(tr("Version %1").arg(applicationVersion()));
    descriptionLabel_->setText(
        tr("KernelForge is a workbench for optimizing compute kernels. In an optimization "
           "session it grows a tree of candidate kernels for one task, compiles each candidate, "
           "checks its results against a reference implementation and times it on the CPU or on "
           "a CUDA or ROCm/HIP device, so that you keep only kernels that are both correct and "
           "faster."));
    buildDateKeyLabel_->setText(tr("Build date:"));
    const QDate date = buildDate();
    buildDateLabel_->setText(date.isValid() ? date.toString(Qt::ISODate) : tr("unknown"));
    qtKeyLabel_->setText(tr("Qt version:"));
    qtLabel_->setText(tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), qtBuildVersion()));
    compilerKeyLabel_->setText(tr("Compiler:"));
    compilerLabel_->setText(compilerDescription());
    licenseKeyLabel_->setText(tr("License:"));
    licenseLabel_->setText(tr("MIT License"));
    buildKeyLabel_->setText(tr("Build:"));
    buildLabel_->setText(buildType().isEmpty() ? tr("unknown") : buildType());
    linksKeyLabel_->setText(tr("Links:"));
    const auto link = [](const char* url, const QString& text) {
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(QLatin1String(url), text.toHtmlEscaped());
    };
    linksLabel_->setText(QStringList{link("https://opensource.org/license/mit", tr("License text")),
                                     link("https://github.com/flashinfer-ai/flashinfer-bench", tr("FlashInfer-Bench schema")),
                                     link("https://www.qt.io/", tr("Qt")),
                                     link("https://riverbankcomputing.com/software/qscintilla/", tr("QScintilla"))}
                             .join(QStringLiteral(" · ")));
}

}  // namespace kforge::ui
