#include "ui/agent/note_dialog.h"
#include "ui/phrase_text.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

#include <exception>

#include "agent/knowledge_base.h"

namespace kforge::ui {

namespace {
QString joined(const std::vector<std::string>& words) {
    QStringList list;
    for (const auto& w : words) list << QString::fromStdString(w);
    return list.join(QStringLiteral(", "));
}
}  // namespace

NoteDialog::NoteDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("noteDialog"));
    setWindowTitle(tr("Add Knowledge Note"));
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("noteTitle"));
    body_ = new QPlainTextEdit(this);
    body_->setObjectName(QStringLiteral("noteBody"));
    body_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    body_->setPlaceholderText(tr("What the agent should know: a technique, a pitfall, a measured fact."));
    devices_ = new QLineEdit(QStringLiteral("any"), this);
    devices_->setObjectName(QStringLiteral("noteDevices"));
    devices_->setToolTip(tr("Comma-separated: %1").arg(joined(kforge::knowledgeDeviceFamilies())));
    opTypes_ = new QLineEdit(QStringLiteral("any"), this);
    opTypes_->setObjectName(QStringLiteral("noteOpTypes"));
    opTypes_->setToolTip(tr("Comma-separated: %1").arg(joined(kforge::knowledgeOpTypes())));
    bottlenecks_ = new QLineEdit(QStringLiteral("any"), this);
    bottlenecks_->setObjectName(QStringLiteral("noteBottlenecks"));
    bottlenecks_->setToolTip(tr("Comma-separated: %1").arg(joined(kforge::knowledgeBottlenecks())));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("noteError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c62828;"));
    error_->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Title:"), title_);
    form->addRow(tr("&Body:"), body_);
    form->addRow(tr("&Devices:"), devices_);
    form->addRow(tr("&Operator types:"), opTypes_);
    form->addRow(tr("Bottlenec&ks:"), bottlenecks_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &NoteDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    resize(560, 420);
}

QString NoteDialog::errorText() const { return error_->isHidden() ? QString() : error_->text(); }

void NoteDialog::accept() {
    auto refuse = [this](QWidget* field, const QString& message) {
        error_->setText(message);
        error_->show();
        field->setFocus();
    };
    kforge::KnowledgeNote note;
    note.title = title_->text().trimmed().toStdString();
    note.body = body_->toPlainText().trimmed().toStdString();
    if (note.title.empty()) return refuse(title_, tr("Title: a note needs a title."));
    if (note.body.empty()) return refuse(body_, tr("Body: a note needs a body."));
    struct Field {
        QLineEdit* edit;
        const char* key;
        QString label;
        std::vector<std::string>* out;
    };
    const Field fields[] = {{devices_, "devices", tr("Devices"), &note.devices},
                            {opTypes_, "op_types", tr("Operator types"), &note.opTypes},
                            {bottlenecks_, "bottlenecks", tr("Bottlenecks"), &note.bottlenecks}};
    for (const Field& f : fields) {
        try {
            *f.out = kforge::parseKnowledgeTags(f.key, f.edit->text().toStdString(), f.label.toStdString());
        } catch (const std::exception& e) {
            return refuse(f.edit, kforge::ui::errorText(e));  // names the field: `where` is its label
        }
    }
    error_->clear();
    error_->hide();
    note_ = std::move(note);
    QDialog::accept();
}

}  // namespace kforge::ui
