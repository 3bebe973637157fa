#include "ui/welcome_page.h"

#include "ui/application_info.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kforge::ui {

namespace {

constexpr int kIconSize = 112;
constexpr int kTextWidth = 620;

QLabel* makeParagraph(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("welcomePage"));

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setSpacing(12);

    auto* iconLabel = new QLabel(content);
    iconLabel->setPixmap(applicationIcon().pixmap(kIconSize, kIconSize));
    iconLabel->setAlignment(Qt::AlignCenter);

    titleLabel_ = new QLabel(content);
    titleLabel_->setAlignment(Qt::AlignCenter);
    titleLabel_->setWordWrap(true);
    QFont titleFont = titleLabel_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setBold(true);
    titleLabel_->setFont(titleFont);

    taglineLabel_ = new QLabel(content);
    taglineLabel_->setAlignment(Qt::AlignCenter);
    taglineLabel_->setWordWrap(true);
    QFont taglineFont = taglineLabel_->font();
    taglineFont.setPointSizeF(taglineFont.pointSizeF() * 1.25);
    taglineLabel_->setFont(taglineFont);

    descriptionLabel_ = makeParagraph(content);

    // What this version is, set apart so it is read rather than skimmed.
    auto* statusBox = new QFrame(content);
    statusBox->setObjectName(QStringLiteral("versionStatus"));
    statusBox->setFrameShape(QFrame::StyledPanel);
    statusBox->setBackgroundRole(QPalette::AlternateBase);
    statusBox->setAutoFillBackground(true);
    auto* statusLayout = new QVBoxLayout(statusBox);
    statusLayout->setContentsMargins(16, 12, 16, 12);
    statusHeadingLabel_ = new QLabel(statusBox);
    QFont headingFont = statusHeadingLabel_->font();
    headingFont.setBold(true);
    statusHeadingLabel_->setFont(headingFont);
    statusLabel_ = makeParagraph(statusBox);
    statusLayout->addWidget(statusHeadingLabel_);
    statusLayout->addWidget(statusLabel_);

    column->addStretch(1);
    column->addWidget(iconLabel);
    column->addWidget(titleLabel_);
    column->addWidget(taglineLabel_);
    column->addSpacing(12);
    column->addWidget(descriptionLabel_);
    column->addSpacing(4);
    column->addWidget(statusBox);
    column->addStretch(2);
    content->setMaximumWidth(kTextWidth);

    // Centre the column; scroll rather than clip when the window is small.
    auto* canvas = new QWidget;
    auto* row = new QHBoxLayout(canvas);
    // The column takes the width it may have (up to kTextWidth); the two
    // stretches share the rest equally.
    row->addStretch(1);
    row->addWidget(content, 100);
    row->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(canvas);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    retranslateUi();
}

void WelcomePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void WelcomePage::retranslateUi() {
    titleLabel_->setText(tr("Welcome to KernelForge"));
    taglineLabel_->setText(tr("A workbench for making compute kernels faster without making them wrong"));
    descriptionLabel_->setText(
        tr("KernelForge is built around optimization sessions. A session takes one task, such as "
           "adding two vectors or multiplying two matrices, and grows a tree of candidate kernels "
           "for it. Every candidate is compiled, checked against a reference implementation and "
           "timed on the CPU or on a CUDA or ROCm/HIP device, so that you can compare the "
           "candidates side by side and keep the best one."));
    statusHeadingLabel_->setText(tr("Getting started"));
    statusLabel_->setText(tr("Start a session with File → New Session… (Ctrl+N), or open one from the Sessions "
                             "panel on the left. To let an LLM agent rewrite kernels, add a provider under "
                             "Edit → Preferences… → LLM Providers. This is version %1.")
                              .arg(applicationVersion()));
}

}  // namespace kforge::ui
