#pragma once
// Export a node (or a session's per-shape best) in any format the CLI's
// `kforge export` offers, with a preview: the files are made in memory by the
// workspace (on its thread, from its store) as the choices change, listed with
// their contents, and the same files are written, all at once, into a new or
// empty directory.
#include <QDialog>

#include <cstdint>
#include <set>

#include "model/session_config.h"
#include "ui/export/export_preview.h"

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
QT_END_NAMESPACE

namespace kforge::ui {

class ValidationMessage;
class Workspace;
struct WorkspaceError;

class ExportDialog : public QDialog {
    Q_OBJECT

public:
    // `node`: the node to export (the current one, else the session's best).
    ExportDialog(Workspace& workspace, kforge::SessionRecord session, int64_t node, QWidget* parent = nullptr);

    void setFormat(const QString& name);
    void setDispatchByShape(bool on);
    void setDirectory(const QString& dir);
    bool isPreviewing() const { return pending_ > 0; }
    QStringList previewFiles() const;  // paths as the export would write them
    QString previewError() const { return preview_.error; }
    QString problem() const;           // what the foot of the dialog says is wrong, if anything
    // Writes the previewed files (what the Export button does); exported() or a problem follows.
    void exportNow();

signals:
    void exported(const QString& directory, int files);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refreshPreview();
    void previewed(quint64 request, const ExportPreview& preview);
    void previewFailed(const WorkspaceError& error);
    void showPreview(ExportPreview preview);
    void showFile(int row);
    void browse();

    Workspace& workspace_;
    kforge::SessionRecord session_;
    int64_t node_;
    ExportPreview preview_;
    std::set<quint64> asked_;  // the workspace's ids of this dialog's previews still to come
    quint64 latest_ = 0;       // the one to show; an older one arriving late is dropped
    int pending_ = 0;
    bool writing_ = false;

    QLabel* formatLabel_;
    QComboBox* format_;
    QLabel* formatNote_;
    QCheckBox* dispatch_;
    QLabel* dirLabel_;
    QLineEdit* dir_;
    QPushButton* browse_;
    QLabel* filesLabel_;
    QListWidget* files_;
    QPlainTextEdit* content_;
    QLabel* notes_;
    ValidationMessage* message_;
    QDialogButtonBox* buttons_;
    QPushButton* export_;
};

}  // namespace kforge::ui
