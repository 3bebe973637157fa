#pragma once
// "Add note…": an engineer's knowledge note for the agent — a title, a body
// and the device, operator-type and bottleneck tags that decide when the
// agent reads it. Tags are checked with parseKnowledgeTags; an unknown one is
// shown under the form, naming the field, and the dialog stays open.
#include <QDialog>

#include "store/agent_records.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QDialogButtonBox;

namespace kforge::ui {

class NoteDialog : public QDialog {
    Q_OBJECT

public:
    explicit NoteDialog(QWidget* parent = nullptr);

    // The note as entered; valid only after accept().
    const kforge::KnowledgeNote& note() const { return note_; }
    // The error shown for the last refused entry; empty when none.
    QString errorText() const;

    QLineEdit* titleEdit() const { return title_; }
    QPlainTextEdit* bodyEdit() const { return body_; }
    QLineEdit* devicesEdit() const { return devices_; }
    QLineEdit* opTypesEdit() const { return opTypes_; }
    QLineEdit* bottlenecksEdit() const { return bottlenecks_; }

public slots:
    void accept() override;

private:
    QLineEdit* title_;
    QPlainTextEdit* body_;
    QLineEdit* devices_;
    QLineEdit* opTypes_;
    QLineEdit* bottlenecks_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
    kforge::KnowledgeNote note_;
};

}  // namespace kforge::ui
