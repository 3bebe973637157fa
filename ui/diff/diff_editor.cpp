#include "ui/diff/diff_editor.h"

#include "diff/side_by_side.h"
#include "ui/diff/diff_pane.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStringList>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <string>

namespace kforge::ui {

namespace {

// Long enough that a burst of typing is one re-diff, short enough that the
// marks follow the edit while one looks at it.
constexpr int kRediffDelayMs = 300;

QLabel* makeTitle(QWidget* parent) {
    auto* title = new QLabel(parent);
    title->setTextFormat(Qt::PlainText);
    title->setContentsMargins(6, 3, 6, 3);
    title->setAutoFillBackground(true);
    title->setBackgroundRole(QPalette::AlternateBase);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    return title;
}

QWidget* column(QLabel* title, DiffPane* pane, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(title);
    layout->addWidget(pane, 1);
    return box;
}

int longestLine(const std::string& text) {
    int longest = 0;
    for (const auto line : diff::splitLines(text)) longest = std::max(longest, static_cast<int>(line.size()));
    return longest;
}

}  // namespace

DiffEditor::DiffEditor(QWidget* parent) : QWidget(parent) {
    buildUi();
    retranslateUi();
    updateSummary();
    updateActions();
}

DiffEditor::~DiffEditor() = default;

void DiffEditor::buildUi() {
    left_ = new DiffPane(this);
    right_ = new DiffPane(this);
    left_->setObjectName(QStringLiteral("diffLeftPane"));
    right_->setObjectName(QStringLiteral("diffRightPane"));
    left_->setReadOnly(true);
    leftTitle_ = makeTitle(this);
    rightTitle_ = makeTitle(this);
    leftTitle_->setObjectName(QStringLiteral("diffLeftTitle"));
    rightTitle_->setObjectName(QStringLiteral("diffRightTitle"));

    previousAction_ = new QAction(this);
    previousAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    previousAction_->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::SHIFT | Qt::Key_F7)});
    previousAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(previousAction_, &QAction::triggered, this, &DiffEditor::previousChange);
    nextAction_ = new QAction(this);
    nextAction_->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    nextAction_->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Down), QKeySequence(Qt::Key_F7)});
    nextAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(nextAction_, &QAction::triggered, this, &DiffEditor::nextChange);
    addAction(previousAction_);
    addAction(nextAction_);

    previousButton_ = new QToolButton(this);
    // Arrows only, named in their tooltips: with their names beside them the
    // bar kept the diff side about 590 px wide, which left the search tree a
    // 200 px column at the default window size.
    previousButton_->setDefaultAction(previousAction_);
    previousButton_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    previousButton_->setAutoRaise(true);
    nextButton_ = new QToolButton(this);
    nextButton_->setDefaultAction(nextAction_);
    nextButton_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    nextButton_->setAutoRaise(true);
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("diffPosition"));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("diffSummary"));
    evaluateButton_ = new QPushButton(this);
    evaluateButton_->setObjectName(QStringLiteral("evaluateAsChildButton"));
    evaluateButton_->setEnabled(false);
    evaluateButton_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(evaluateButton_, &QPushButton::clicked, this, [this] { emit evaluateAsChildRequested(rightText()); });

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(previousButton_);
    bar->addWidget(nextButton_);
    bar->addSpacing(8);
    bar->addWidget(position_);
    bar->addSpacing(16);
    bar->addWidget(summary_);
    bar->addStretch(1);
    bar->addWidget(evaluateButton_);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(column(leftTitle_, left_, splitter));
    splitter->addWidget(column(rightTitle_, right_, splitter));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    rediffTimer_ = new QTimer(this);
    rediffTimer_->setSingleShot(true);
    rediffTimer_->setInterval(kRediffDelayMs);
    connect(rediffTimer_, &QTimer::timeout, this, &DiffEditor::refreshDiff);

    connect(right_, &QsciScintilla::textChanged, this, &DiffEditor::onRightTextChanged);
    connect(right_, &QsciScintilla::modificationChanged, evaluateButton_, &QPushButton::setEnabled);
    connect(left_, &DiffPane::scrollRowChangedByUser, this, [this](int row) { followScroll(Side::Left, row); });
    connect(right_, &DiffPane::scrollRowChangedByUser, this, [this](int row) { followScroll(Side::Right, row); });
    connect(left_->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int offset) { followHorizontalScroll(Side::Left, offset); });
    connect(right_->horizontalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int offset) { followHorizontalScroll(Side::Right, offset); });
}

void DiffEditor::retranslateUi() {
    previousAction_->setText(tr("Previous change"));
    previousAction_->setToolTip(tr("Previous change (Alt+Up, Shift+F7)"));
    nextAction_->setText(tr("Next change"));
    nextAction_->setToolTip(tr("Next change (Alt+Down, F7)"));
    evaluateButton_->setText(tr("Evaluate as child"));
    evaluateButton_->setToolTip(tr("Compile, verify and time the edited source as a new child node (%1)")
                                    .arg(evaluateButton_->shortcut().toString(QKeySequence::NativeText)));
    updateSummary();
}

void DiffEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange) {
        left_->applyPalette(palette());
        right_->applyPalette(palette());
    }
    QWidget::changeEvent(event);
}

void DiffEditor::setTexts(const QString& leftTitle, const QString& leftText, const QString& rightTitle,
                          const QString& rightText, const QString& language) {
    settingTexts_ = true;
    rediffTimer_->stop();
    leftTitle_->setText(leftTitle);
    rightTitle_->setText(rightTitle);
    left_->setLanguage(language);
    right_->setLanguage(language);
    left_->setReadOnly(false);
    left_->setText(leftText);
    left_->setReadOnly(true);
    const bool rightReadOnly = right_->isReadOnly();
    right_->setReadOnly(false);
    right_->setText(rightText);
    right_->setReadOnly(rightReadOnly);
    right_->SendScintilla(QsciScintillaBase::SCI_EMPTYUNDOBUFFER);
    right_->setModified(false);
    evaluateButton_->setEnabled(false);
    settingTexts_ = false;

    left_->setScrollRow(0);
    right_->setScrollRow(0);
    currentChange_ = -1;
    applyDiff();
    if (!changes_.empty()) goToChange(0);
}

QString DiffEditor::leftText() const { return left_->text(); }
QString DiffEditor::rightText() const { return right_->text(); }
bool DiffEditor::isRightEdited() const { return right_->isModified(); }

void DiffEditor::setRightEditable(bool editable) {
    right_->setReadOnly(!editable);
    evaluateButton_->setVisible(editable);
}

bool DiffEditor::isRightEditable() const { return !right_->isReadOnly(); }

int DiffEditor::changeCount() const { return static_cast<int>(changes_.size()); }
int DiffEditor::currentChange() const { return currentChange_; }

DiffPane* DiffEditor::pane(Side side) const { return side == Side::Left ? left_ : right_; }

void DiffEditor::refreshDiff() {
    rediffTimer_->stop();
    // Keep the right side's top line in place: filler rows above it may
    // come and go with the new diff, so its row may not stay the same.
    const long topLine = right_->SendScintilla(QsciScintillaBase::SCI_DOCLINEFROMVISIBLE,
                                               static_cast<unsigned long>(right_->firstVisibleLine()));
    const int rowsAboveTopLine = right_->scrollRow() - right_->rowOfLine(static_cast<int>(topLine));
    applyDiff();
    scrollBothTo(right_->rowOfLine(static_cast<int>(topLine)) + rowsAboveTopLine);
}

void DiffEditor::applyDiff() {
    const std::string left = left_->text().toStdString();
    const std::string right = right_->text().toStdString();
    diff_ = diff::diffTexts(left, right);
    changes_ = diff_.changes();
    const diff::SideBySide layout = diff::layoutSideBySide(diff_);
    left_->showLayout(layout.left);
    right_->showLayout(layout.right);

    // Both sides get the same scroll width, so horizontal scrolling can
    // follow to any column of either text.
    const int columns = std::max(longestLine(left), longestLine(right)) + 4;
    const long charWidth = left_->SendScintilla(QsciScintillaBase::SCI_TEXTWIDTH, QsciScintillaBase::STYLE_DEFAULT, "0");
    for (DiffPane* side : {left_, right_}) {
        side->SendScintilla(QsciScintillaBase::SCI_SETSCROLLWIDTH, static_cast<unsigned long>(columns * charWidth));
    }

    if (currentChange_ >= changeCount()) currentChange_ = changeCount() - 1;
    updateSummary();
    updateActions();
}

void DiffEditor::nextChange() {
    if (currentChange_ + 1 < changeCount()) goToChange(currentChange_ + 1);
}

void DiffEditor::previousChange() {
    if (currentChange_ > 0) goToChange(currentChange_ - 1);
}

void DiffEditor::goToChange(int index) {
    const diff::Hunk& hunk = *changes_[static_cast<std::size_t>(index)];
    currentChange_ = index;
    // A deletion has no right line, the right side shows filler there.
    const int row = hunk.kind == diff::HunkKind::Deleted ? left_->rowOfLine(hunk.leftFirst)
                                                          : right_->rowOfLine(hunk.rightFirst);
    following_ = true;
    left_->setCursorPosition(std::min(hunk.leftFirst, std::max(0, left_->lines() - 1)), 0);
    right_->setCursorPosition(std::min(hunk.rightFirst, std::max(0, right_->lines() - 1)), 0);
    following_ = false;
    // A few rows of context above the change, as a reader expects.
    scrollBothTo(std::max(0, row - std::max(3, right_->visibleRows() / 4)));
    updateSummary();
    updateActions();
    emit currentChangeChanged(index);
}

void DiffEditor::jumpToLine(Side side, int line, int column) {
    DiffPane* target = pane(side);
    const int lineIndex = std::clamp(line - 1, 0, std::max(0, target->lines() - 1));
    const int columnIndex = std::clamp(column - 1, 0, std::max(0, target->lineLength(lineIndex)));
    following_ = true;
    target->setCursorPosition(lineIndex, columnIndex);
    following_ = false;
    scrollBothTo(std::max(0, target->rowOfLine(lineIndex) - target->visibleRows() / 2));
    target->setFocus();
}

void DiffEditor::scrollBothTo(int row) {
    following_ = true;
    left_->setScrollRow(row);
    right_->setScrollRow(row);
    following_ = false;
}

void DiffEditor::followScroll(Side from, int row) {
    if (following_) return;
    following_ = true;
    pane(from == Side::Left ? Side::Right : Side::Left)->setScrollRow(row);
    following_ = false;
}

void DiffEditor::followHorizontalScroll(Side from, int offset) {
    if (following_) return;
    following_ = true;
    pane(from == Side::Left ? Side::Right : Side::Left)->horizontalScrollBar()->setValue(offset);
    following_ = false;
}

void DiffEditor::onRightTextChanged() {
    if (settingTexts_) return;
    emit rightTextEdited();
    rediffTimer_->start();
}

void DiffEditor::updateSummary() {
    if (summary_ == nullptr) return;
    QStringList parts;
    if (changes_.empty()) {
        parts << tr("No differences");
    } else {
        // Spelled out rather than "%n change(s)", so English reads right
        // without a numerus translation.
        const QString changes = changeCount() == 1 ? tr("1 change") : tr("%1 changes").arg(changeCount());
        parts << tr("+%1 \u2212%2, %3").arg(diff_.insertedLines).arg(diff_.deletedLines).arg(changes);
    }
    if (diff_.finalNewlineDiffers) parts << tr("newline at end of file differs");
    if (diff_.lineEndingsDiffer) parts << tr("line endings differ");
    summary_->setText(parts.join(QStringLiteral(" \u00b7 ")));
    position_->setText(currentChange_ >= 0 ? tr("Change %1 of %2").arg(currentChange_ + 1).arg(changeCount())
                                           : QString());
}

void DiffEditor::updateActions() {
    previousAction_->setEnabled(currentChange_ > 0);
    nextAction_->setEnabled(currentChange_ + 1 < changeCount());
}

}  // namespace kforge::ui
