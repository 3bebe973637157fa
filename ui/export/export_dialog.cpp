#include "ui/export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <exception>
#include <filesystem>

#include "ui/background_call.h"
#include "ui/wizard/validation_message.h"
#include "ui/phrase_text.h"
#include "ui/session/workspace.h"

namespace kforge::ui {

ExportDialog::ExportDialog(Workspace& workspace, kforge::SessionRecord session, int64_t node, QWidget* parent)
    : QDialog(parent),
      workspace_(workspace),
      session_(std::move(session)),
      node_(node),
      formatLabel_(new QLabel(this)),
      format_(new QComboBox(this)),
      formatNote_(new QLabel(this)),
      dispatch_(new QCheckBox(this)),
      dirLabel_(new QLabel(this)),
      dir_(new QLineEdit(this)),
      browse_(new QPushButton(this)),
      filesLabel_(new QLabel(this)),
      files_(new QListWidget(this)),
      content_(new QPlainTextEdit(this)),
      notes_(new QLabel(this)),
      message_(new ValidationMessage(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      export_(new QPushButton(this)) {
    setObjectName(QStringLiteral("exportDialog"));
    connect(&workspace_, &Workspace::exportPreviewed, this, &ExportDialog::previewed);
    connect(&workspace_, &Workspace::failed, this, &ExportDialog::previewFailed);
    format_->setObjectName(QStringLiteral("exportFormat"));
    dispatch_->setObjectName(QStringLiteral("exportDispatch"));
    dir_->setObjectName(QStringLiteral("exportDirectory"));
    files_->setObjectName(QStringLiteral("exportFiles"));
    content_->setObjectName(QStringLiteral("exportFileContent"));
    notes_->setObjectName(QStringLiteral("exportNotes"));
    export_->setObjectName(QStringLiteral("exportButton"));

    // Formats the session's backend cannot take stay listed, disabled, with the reason.
    auto* model = qobject_cast<QStandardItemModel*>(format_->model());
    for (const kforge::ExportFormat* f : kforge::exportFormats()) {
        format_->addItem(QString::fromStdString(f->name()), QString::fromStdString(f->name()));
        const kforge::Phrase why = f->unsupported(session_.config.backend);
        QStandardItem* item = model->item(format_->count() - 1);
        item->setToolTip(phraseText(why.empty() ? f->description() : why));
        if (!why.empty()) item->setEnabled(false);
    }
    formatNote_->setWordWrap(true);
    formatNote_->setEnabled(false);  // secondary text
    notes_->setWordWrap(true);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    content_->setReadOnly(true);
    content_->setLineWrapMode(QPlainTextEdit::NoWrap);
    content_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    formatLabel_->setBuddy(format_);
    dirLabel_->setBuddy(dir_);
    buttons_->addButton(export_, QDialogButtonBox::AcceptRole);
    export_->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(formatLabel_, format_);
    form->addRow(formatNote_);
    form->addRow(dispatch_);
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(dir_, 1);
    dirRow->addWidget(browse_);
    form->addRow(dirLabel_, dirRow);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(files_);
    split->addWidget(content_);
    split->setStretchFactor(1, 3);
    split->setSizes({340, 620});  // the paths and sizes readable, the contents wider
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(filesLabel_);
    layout->addWidget(split, 1);
    layout->addWidget(notes_);
    layout->addWidget(message_);
    layout->addWidget(buttons_);

    connect(format_, &QComboBox::currentIndexChanged, this, [this] {
        retranslateUi();
        refreshPreview();
    });
    connect(dispatch_, &QCheckBox::toggled, this, [this] { refreshPreview(); });
    connect(dir_, &QLineEdit::textChanged, this, [this] { message_->clearProblem(); });
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(files_, &QListWidget::currentRowChanged, this, &ExportDialog::showFile);
    connect(buttons_, &QDialogButtonBox::accepted, this, &ExportDialog::exportNow);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    dir_->setText(QDir::home().filePath(QStringLiteral("%1_node%2").arg(QString::fromStdString(session_.task)).arg(node_)));
    resize(960, 640);
    retranslateUi();
    refreshPreview();
}

void ExportDialog::setFormat(const QString& name) {
    const int i = format_->findData(name);
    if (i >= 0) format_->setCurrentIndex(i);
}

void ExportDialog::setDispatchByShape(bool on) { dispatch_->setChecked(on); }

void ExportDialog::setDirectory(const QString& dir) { dir_->setText(dir); }

QStringList ExportDialog::previewFiles() const {
    QStringList paths;
    for (const auto& f : preview_.files) paths << QString::fromStdString(f.path);
    return paths;
}

QString ExportDialog::problem() const { return message_->isHidden() ? QString() : message_->text(); }

void ExportDialog::refreshPreview() {
    ExportRequest request{session_, std::nullopt, format_->currentData().toString().toStdString()};
    if (!dispatch_->isChecked()) request.node = node_;
    latest_ = workspace_.previewExport(request);
    asked_.insert(latest_);
    ++pending_;
    export_->setEnabled(false);
    files_->clear();
    content_->setPlainText(tr("Making the files…"));
}

void ExportDialog::previewed(quint64 request, const ExportPreview& preview) {
    if (asked_.erase(request) == 0) return;  // another dialog's, or the main window's
    --pending_;
    if (request == latest_) showPreview(preview);
}

void ExportDialog::previewFailed(const WorkspaceError& error) {
    // The workspace could not even open its store: the preview's own failures come with it.
    if (asked_.erase(error.request) == 0) return;
    --pending_;
    if (error.request != latest_) return;
    ExportPreview failed;
    failed.error = error.text();
    showPreview(std::move(failed));
}

void ExportDialog::showPreview(ExportPreview preview) {
    preview_ = std::move(preview);
    files_->clear();
    content_->clear();
    if (!preview_.error.isEmpty()) {
        message_->showProblem(tr("This export cannot be made: %1").arg(preview_.error));
        notes_->clear();
        retranslateUi();
        return;
    }
    message_->clearProblem();
    for (const auto& f : preview_.files)
        files_->addItem(tr("%1  (%2 bytes)").arg(QString::fromStdString(f.path)).arg(f.content.size()));
    QStringList notes;
    for (const auto& n : preview_.notes) notes << phraseText(n);
    notes_->setText(notes.join(QLatin1Char('\n')));
    notes_->setVisible(!notes.isEmpty());
    export_->setEnabled(!writing_);
    if (!preview_.files.empty()) files_->setCurrentRow(0);
    retranslateUi();
}

void ExportDialog::showFile(int row) {
    if (row < 0 || row >= static_cast<int>(preview_.files.size())) return;
    content_->setPlainText(QString::fromStdString(preview_.files[static_cast<size_t>(row)].content));
}

void ExportDialog::browse() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), dir_->text());
    if (!dir.isEmpty()) dir_->setText(dir);
}

void ExportDialog::exportNow() {
    if (pending_ > 0 || writing_) return;
    if (!preview_.error.isEmpty() || preview_.files.empty()) {
        message_->showProblem(tr("There is nothing to export: %1").arg(preview_.error));
        return;
    }
    const QString dir = dir_->text().trimmed();
    if (dir.isEmpty()) {
        message_->showProblem(tr("Directory: give a new or empty directory to export into."));
        dir_->setFocus();
        return;
    }
    writing_ = true;
    export_->setEnabled(false);
    const auto files = preview_.files;
    const std::filesystem::path out = std::filesystem::absolute(dir.toStdString());
    runInBackground<QString>(
        this,
        [files, out]() -> QString {
            try {
                kforge::writeExport(files, out);  // all at once, or nothing
                return {};
            } catch (const std::exception& e) {
                return errorText(e);
            }
        },
        [this, dir, count = static_cast<int>(files.size())](QString error) {
            writing_ = false;
            export_->setEnabled(true);
            if (!error.isEmpty()) {
                message_->showProblem(tr("Could not export into %1: %2").arg(dir, error));
                return;
            }
            emit exported(dir, count);
            accept();
        });
}

void ExportDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void ExportDialog::retranslateUi() {
    setWindowTitle(tr("Export Node #%1 of %2").arg(node_).arg(QString::fromStdString(session_.name)));
    formatLabel_->setText(tr("&Format:"));
    const int i = format_->currentIndex();
    const auto& formats = kforge::exportFormats();
    formatNote_->setText(i >= 0 && i < static_cast<int>(formats.size())
                             ? phraseText(formats[static_cast<size_t>(i)]->description())
                             : QString());
    dispatch_->setText(tr("&Dispatch by shape: each workload's fastest node, chosen at call time by the nearest tuned shape"));
    dirLabel_->setText(tr("&Directory:"));
    browse_->setText(tr("&Browse…"));
    filesLabel_->setText(pending_ > 0 ? tr("Files (making them…)")
                         : preview_.variants > 1 ? tr("Files (%1 variants, dispatched by shape)").arg(preview_.variants)
                                                 : tr("Files"));
    export_->setText(tr("&Export"));
}

}  // namespace kforge::ui
