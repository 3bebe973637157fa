#pragma once
// The LLM agent's panel: the open session's exchanges with the model (a table,
// filled from the workspace on open and appended live from the run), the
// selected exchange in full (prompt, answer, what came of it, the attempts),
// the answers streaming in (one per node asked about, the newest shown unless
// another is chosen), the session's totals, and the engineers' knowledge
// notes. Selecting a node anywhere selects the exchange that produced it;
// double-clicking an exchange that made a node selects that node.
#include <QHash>
#include <QWidget>

#include <map>
#include <vector>

#include "ui/session/session_types.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace kforge::ui {

class ExchangeModel;
class NodeSelection;
class SessionRun;
class Workspace;
struct WorkspaceError;

class AgentPanel : public QWidget {
    Q_OBJECT

public:
    AgentPanel(Workspace* workspace, SessionRun* run, NodeSelection* selection, QWidget* parent = nullptr);

    // Shows session `sessionId`'s exchanges (loaded through the workspace); 0 clears.
    void setSession(qint64 sessionId);
    void clear();

    ExchangeModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    // The selected exchange's row; -1 when none is selected.
    int currentRow() const;
    void selectRow(int row);
    QPlainTextEdit* promptView() const { return prompt_; }
    QPlainTextEdit* answerView() const { return answer_; }
    QLabel* outcomeLabel() const { return outcome_; }
    QPlainTextEdit* liveView() const { return live_; }
    // Which streaming answer the live view shows: one entry per node asked about.
    QComboBox* liveChoice() const { return liveChoice_; }
    QLabel* totalsLabel() const { return totals_; }
    QTabWidget* tabs() const { return tabs_; }
    QListWidget* notesList() const { return notes_; }
    QPushButton* addNoteButton() const { return addNote_; }
    QPushButton* removeNoteButton() const { return removeNote_; }
    // Opens the "Add note…" dialog (window-modal; returns it at once).
    QWidget* showAddNoteDialog();
    // Asks the workspace for the notes again.
    void refreshNotes();
    const KnowledgeNoteList& noteRecords() const { return noteRecords_; }

signals:
    void exchangesShown(qint64 sessionId, int count);
    void notesShown(int count);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showExchange(int row);
    void updateTotals();
    void onExchangeRecorded(qint64 sessionId, const kforge::LlmExchange& exchange);
    void onLlmText(qint64 parent, int kind, const QString& text);
    void showLive(qint64 parent);
    void updateLiveChoice();
    void updateLiveLabel();
    void onCurrentNode(qint64 nodeId);
    void showNotes(const KnowledgeNoteList& notes);
    void onWorkspaceFailed(const kforge::ui::WorkspaceError& error);

    Workspace* workspace_;
    SessionRun* run_;
    NodeSelection* selection_;
    ExchangeModel* model_;
    QTableView* table_;
    QLabel* totals_;
    QLabel* outcome_;
    QTabWidget* tabs_;
    QPlainTextEdit* prompt_;
    QPlainTextEdit* answer_;
    QPlainTextEdit* live_;
    QLabel* liveLabel_;
    QComboBox* liveChoice_;
    QListWidget* notes_;
    QPushButton* addNote_;
    QPushButton* removeNote_;
    QLabel* notesError_;
    QLabel* notesHint_;

    qint64 sessionId_ = 0;
    quint64 pendingLoad_ = 0;
    std::vector<kforge::LlmExchange> arrivedDuringLoad_;
    // The answers streaming (or last streamed) per node asked about.
    struct LiveStream {
        QString text;
        int retries = 0;
        bool done = false;  // its exchange was recorded; the next text starts a new answer
    };
    std::map<qint64, LiveStream> streams_;
    qint64 liveParent_ = 0;  // the one shown
    bool liveChosen_ = false;  // the engineer picked it: do not follow the newest
    KnowledgeNoteList noteRecords_;
};

}  // namespace kforge::ui
