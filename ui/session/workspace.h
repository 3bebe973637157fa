#pragma once
// The workspace database as the UI sees it: every read and write runs on one
// worker thread that owns the only Store (SQLite connection) this object
// opens, and every answer arrives as a queued signal on the UI thread. Each
// request returns an id that its answer (or its error) carries back.
#include <QObject>
#include <QString>
#include <QThread>

#include <filesystem>
#include <functional>
#include <memory>

#include "ui/export/export_preview.h"
#include "ui/session/session_types.h"

namespace kforge {
class Store;
}

namespace kforge::ui {

// A request that failed: which one, what it concerned, and why.
struct WorkspaceError {
    enum class Operation { Open, List, Load, LoadSource, LoadNode, Rename, Delete, Export, Import, LoadExchanges, Notes, ExportNode };
    quint64 request = 0;
    Operation operation = Operation::Open;
    qint64 sessionId = 0;  // 0 when the request concerns no session
    QString file;          // the database, or the file exported to or imported from
    QString message;       // the core's explanation, which names the field or line

    // One sentence for the engineer: what failed, on which session or file, and why.
    QString text() const;
};

class Workspace : public QObject {
    Q_OBJECT

public:
    // An empty path means Store::defaultPath() ($KFORGE_DB, else the user's data directory).
    explicit Workspace(const QString& databasePath = {}, QObject* parent = nullptr);
    // Waits for the request in progress (if any) and closes the database.
    ~Workspace() override;

    QString databasePath() const { return databasePath_; }

    quint64 listSessions();
    // The session with its nodes as summaries (no compile results or
    // evaluations: see Store::NodeDetail); loadNode() fetches one in full.
    quint64 loadSession(qint64 sessionId);
    quint64 loadNode(qint64 sessionId, qint64 nodeId);
    // A source by its SHA-256 (a node's sourceHash): for nodes that arrived
    // during a run, whose text the tree loaded at the start does not hold.
    quint64 loadSource(qint64 sessionId, const QString& hash);
    quint64 renameSession(qint64 sessionId, const QString& name);
    quint64 deleteSession(qint64 sessionId);
    quint64 exportSession(qint64 sessionId, const QString& file);
    quint64 importSession(const QString& file);
    // The LLM agent's exchanges of a session, in order (AgentRecords).
    quint64 loadExchanges(qint64 sessionId);
    // The engineers' knowledge notes: listed, added (tags already checked
    // with parseKnowledgeTags), removed; each change answers with the new list.
    // A node (or the per-shape best) made in memory in one export format;
    // exportPreviewed() follows even when the export cannot be made (its error).
    quint64 previewExport(const ExportRequest& request);
    // A node's standalone source (the CLI's `best` form) written to `file`.
    quint64 exportNodeSource(const kforge::SessionRecord& session, qint64 nodeId, const QString& file);
    quint64 listNotes();
    quint64 addNote(const kforge::KnowledgeNote& note);
    quint64 removeNote(qint64 noteId);

signals:
    void sessionsListed(quint64 request, const kforge::ui::SessionRecordList& sessions);
    void sessionLoaded(quint64 request, const kforge::SessionRecord& session, const kforge::ui::SharedSessionTree& tree);
    void sourceLoaded(quint64 request, const QString& hash, const QString& text);
    void nodeLoaded(quint64 request, qint64 sessionId, const kforge::Node& node);
    void sessionRenamed(quint64 request, qint64 sessionId, const QString& name);
    void sessionDeleted(quint64 request, qint64 sessionId);
    void sessionExported(quint64 request, qint64 sessionId, const QString& file, int nodes);
    void sessionImported(quint64 request, qint64 sessionId, const QString& file);
    void exchangesLoaded(quint64 request, qint64 sessionId, const kforge::ui::LlmExchangeList& exchanges);
    void notesListed(quint64 request, const kforge::ui::KnowledgeNoteList& notes);
    void exportPreviewed(quint64 request, const kforge::ui::ExportPreview& preview);
    void nodeSourceExported(quint64 request, qint64 nodeId, const QString& file);
    void failed(const kforge::ui::WorkspaceError& error);

private:
    // Runs `work` on the worker thread with the open store; a kforge::Error
    // (or any std::exception) it throws becomes failed() with `error`'s context.
    quint64 post(WorkspaceError context, std::function<void(kforge::Store&, quint64 request)> work);
    // Queues `emitter` to run on this object's thread; dropped if this object is gone.
    void answer(std::function<void()> emitter);

    QString databasePath_;
    QThread thread_;
    QObject* worker_ = nullptr;                  // lives on thread_: the context queued work runs in
    std::shared_ptr<std::unique_ptr<kforge::Store>> store_;  // touched only on thread_
    quint64 nextRequest_ = 1;
};

}  // namespace kforge::ui

Q_DECLARE_METATYPE(kforge::ui::WorkspaceError)
