#include "ui/session/workspace.h"
#include "ui/phrase_text.h"

#include <QMetaObject>
#include <QPointer>

#include <exception>
#include <nlohmann/json.hpp>

#include "session/standalone_source.h"
#include "store/agent_records.h"
#include "store/store.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge::ui {

QString WorkspaceError::text() const {
    switch (operation) {
    case Operation::Open: return Workspace::tr("Could not open the workspace %1: %2").arg(file, message);
    case Operation::List: return Workspace::tr("Could not list the sessions in %1: %2").arg(file, message);
    case Operation::Load: return Workspace::tr("Could not load session %1 from %2: %3").arg(sessionId).arg(file, message);
    case Operation::LoadSource:
        return Workspace::tr("Could not load a source of session %1 from %2: %3").arg(sessionId).arg(file, message);
    case Operation::LoadNode: return Workspace::tr("Could not load a node of session %1 from %2: %3").arg(sessionId).arg(file, message);
    case Operation::Rename: return Workspace::tr("Could not rename session %1: %2").arg(sessionId).arg(message);
    case Operation::Delete: return Workspace::tr("Could not delete session %1: %2").arg(sessionId).arg(message);
    case Operation::Export: return Workspace::tr("Could not export session %1 to %2: %3").arg(sessionId).arg(file, message);
    case Operation::Import: return Workspace::tr("Could not import %1: %2").arg(file, message);
    case Operation::LoadExchanges:
        return Workspace::tr("Could not load the LLM exchanges of session %1 from %2: %3").arg(sessionId).arg(file, message);
    case Operation::Notes: return Workspace::tr("Could not change the knowledge notes in %1: %2").arg(file, message);
    case Operation::ExportNode: return Workspace::tr("Could not export a node of session %1 to %2: %3").arg(sessionId).arg(file, message);
    }
    return message;
}

Workspace::Workspace(const QString& databasePath, QObject* parent)
    : QObject(parent),
      databasePath_(databasePath.isEmpty() ? QString::fromStdString(kforge::Store::defaultPath().string()) : databasePath),
      store_(std::make_shared<std::unique_ptr<kforge::Store>>()) {
    registerSessionMetaTypes();
    qRegisterMetaType<WorkspaceError>();
    qRegisterMetaType<ExportPreview>();
    thread_.setObjectName(QStringLiteral("kforge-workspace"));
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    thread_.start();
}

Workspace::~Workspace() {
    // The connection closes on the thread that used it; queued work runs first.
    QMetaObject::invokeMethod(worker_, [store = store_] { store->reset(); }, Qt::QueuedConnection);
    thread_.quit();
    thread_.wait();
    delete worker_;
}

void Workspace::answer(std::function<void()> emitter) {
    QMetaObject::invokeMethod(this, std::move(emitter), Qt::QueuedConnection);
}

quint64 Workspace::post(WorkspaceError context, std::function<void(kforge::Store&, quint64)> work) {
    const quint64 request = nextRequest_++;
    context.request = request;
    QMetaObject::invokeMethod(
        worker_,
        [this, store = store_, path = databasePath_, context, work = std::move(work)]() mutable {
            auto fail = [&](WorkspaceError::Operation op, const QString& file, const QString& message) {
                WorkspaceError e = context;
                e.operation = op;
                if (!file.isEmpty()) e.file = file;
                e.message = message;
                answer([this, e] { emit failed(e); });
            };
            try {
                if (!*store) *store = std::make_unique<kforge::Store>(path.toStdString());
            } catch (const std::exception& ex) {
                fail(WorkspaceError::Operation::Open, path, errorText(ex));
                return;
            }
            try {
                work(**store, context.request);
            } catch (const std::exception& ex) {
                fail(context.operation, context.file, errorText(ex));
            }
        },
        Qt::QueuedConnection);
    return request;
}

quint64 Workspace::listSessions() {
    return post({0, WorkspaceError::Operation::List, 0, databasePath_, {}}, [this](kforge::Store& store, quint64 request) {
        SessionRecordList sessions = store.sessions();
        answer([this, request, sessions = std::move(sessions)] { emit sessionsListed(request, sessions); });
    });
}

quint64 Workspace::loadSession(qint64 sessionId) {
    return post({0, WorkspaceError::Operation::Load, sessionId, databasePath_, {}},
                [this, sessionId](kforge::Store& store, quint64 request) {
                    kforge::SessionRecord record = store.session(sessionId);
                    SharedSessionTree tree = std::make_shared<const kforge::SessionTree>(
                        store.loadTree(sessionId, kforge::Store::NodeDetail::Summary));
                    answer([this, request, record = std::move(record), tree] { emit sessionLoaded(request, record, tree); });
                });
}

quint64 Workspace::loadNode(qint64 sessionId, qint64 nodeId) {
    return post({0, WorkspaceError::Operation::LoadNode, sessionId, databasePath_, {}},
                [this, sessionId, nodeId](kforge::Store& store, quint64 request) {
                    kforge::Node node = store.node(sessionId, nodeId);
                    answer([this, request, sessionId, node = std::move(node)] { emit nodeLoaded(request, sessionId, node); });
                });
}

quint64 Workspace::loadSource(qint64 sessionId, const QString& hash) {
    return post({0, WorkspaceError::Operation::LoadSource, sessionId, databasePath_, {}},
                [this, hash](kforge::Store& store, quint64 request) {
                    QString text = QString::fromStdString(store.source(hash.toStdString()));
                    answer([this, request, hash, text = std::move(text)] { emit sourceLoaded(request, hash, text); });
                });
}

quint64 Workspace::renameSession(qint64 sessionId, const QString& name) {
    return post({0, WorkspaceError::Operation::Rename, sessionId, databasePath_, {}},
                [this, sessionId, name](kforge::Store& store, quint64 request) {
                    store.session(sessionId);  // an unknown id is an error, not a silent no-op
                    store.renameSession(sessionId, name.toStdString());
                    answer([this, request, sessionId, name] { emit sessionRenamed(request, sessionId, name); });
                });
}

quint64 Workspace::deleteSession(qint64 sessionId) {
    return post({0, WorkspaceError::Operation::Delete, sessionId, databasePath_, {}},
                [this, sessionId](kforge::Store& store, quint64 request) {
                    store.session(sessionId);
                    store.deleteSession(sessionId);
                    answer([this, request, sessionId] { emit sessionDeleted(request, sessionId); });
                });
}

quint64 Workspace::exportSession(qint64 sessionId, const QString& file) {
    return post({0, WorkspaceError::Operation::Export, sessionId, file, {}},
                [this, sessionId, file](kforge::Store& store, quint64 request) {
                    const nlohmann::json doc = store.exportSession(sessionId);
                    // The same form as `kforge session-export` writes.
                    kforge::writeTextFileAtomically(file.toStdString(), doc.dump(1));
                    const int nodes = static_cast<int>(doc.at("nodes").size());
                    answer([this, request, sessionId, file, nodes] { emit sessionExported(request, sessionId, file, nodes); });
                });
}

quint64 Workspace::importSession(const QString& file) {
    return post({0, WorkspaceError::Operation::Import, 0, file, {}}, [this, file](kforge::Store& store, quint64 request) {
        const std::string path = file.toStdString();
        const kforge::SessionFile session =
            kforge::readSessionFile(kforge::readTextFile(path, kforge::SessionFileLimits::maxBytes,
                                                         kforge::phrase(QT_TRANSLATE_NOOP("Phrase", "a session file"))),
                                    path);
        const qint64 id = store.importSession(session);
        answer([this, request, id, file] { emit sessionImported(request, id, file); });
    });
}

quint64 Workspace::previewExport(const ExportRequest& request) {
    return post({0, WorkspaceError::Operation::Export, request.session.id, databasePath_, {}},
                [this, request](kforge::Store& store, quint64 id) {
                    ExportPreview preview = makeExportPreview(store, request);
                    answer([this, id, preview = std::move(preview)] { emit exportPreviewed(id, preview); });
                });
}

quint64 Workspace::exportNodeSource(const kforge::SessionRecord& session, qint64 nodeId, const QString& file) {
    return post({0, WorkspaceError::Operation::ExportNode, session.id, file, {}},
                [this, session, nodeId, file](kforge::Store& store, quint64 request) {
                    const kforge::SessionTree tree = store.loadTree(session.id);
                    kforge::writeTextFileAtomically(file.toStdString(), kforge::standaloneSource(session, tree, tree.at(nodeId)));
                    answer([this, request, nodeId, file] { emit nodeSourceExported(request, nodeId, file); });
                });
}

quint64 Workspace::loadExchanges(qint64 sessionId) {
    return post({0, WorkspaceError::Operation::LoadExchanges, sessionId, databasePath_, {}},
                [this, sessionId](kforge::Store& store, quint64 request) {
                    kforge::AgentRecords records(store.database());
                    LlmExchangeList exchanges = records.exchanges(sessionId);
                    answer([this, request, sessionId, exchanges = std::move(exchanges)] {
                        emit exchangesLoaded(request, sessionId, exchanges);
                    });
                });
}

namespace {
KnowledgeNoteList allNotes(kforge::Store& store) {
    kforge::AgentRecords records(store.database());
    return records.notes();
}
}  // namespace

quint64 Workspace::listNotes() {
    return post({0, WorkspaceError::Operation::Notes, 0, databasePath_, {}}, [this](kforge::Store& store, quint64 request) {
        KnowledgeNoteList notes = allNotes(store);
        answer([this, request, notes = std::move(notes)] { emit notesListed(request, notes); });
    });
}

quint64 Workspace::addNote(const kforge::KnowledgeNote& note) {
    return post({0, WorkspaceError::Operation::Notes, 0, databasePath_, {}},
                [this, note](kforge::Store& store, quint64 request) {
                    kforge::KnowledgeNote added = note;
                    kforge::AgentRecords(store.database()).addNote(added);
                    KnowledgeNoteList notes = allNotes(store);
                    answer([this, request, notes = std::move(notes)] { emit notesListed(request, notes); });
                });
}

quint64 Workspace::removeNote(qint64 noteId) {
    return post({0, WorkspaceError::Operation::Notes, 0, databasePath_, {}},
                [this, noteId](kforge::Store& store, quint64 request) {
                    kforge::AgentRecords(store.database()).deleteNote(noteId);
                    KnowledgeNoteList notes = allNotes(store);
                    answer([this, request, notes = std::move(notes)] { emit notesListed(request, notes); });
                });
}

}  // namespace kforge::ui
