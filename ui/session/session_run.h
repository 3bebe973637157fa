#pragma once
// Runs one optimization session on a thread of its own: a new session from a
// task and a configuration, or a stored one continued. The engine's callbacks
// arrive as queued signals on this object's (the UI) thread; pause, resume and
// stop return at once. Destroying a SessionRun mid-run stops the session
// cleanly (the measurement in flight is stored, the rest stays pending) and
// joins its thread.
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "ui/session/session_types.h"

namespace kforge {
class SessionEngine;
class SessionLaunch;
}

namespace kforge::ui {

class SessionRun : public QObject {
    Q_OBJECT

public:
    // Finished: the run reached a stop condition or ran out of candidates;
    // Stopped: it ended because stop() asked it to.
    enum class State { Idle, Starting, Running, Paused, Stopping, Finished, Stopped, Failed };
    Q_ENUM(State)

    // An empty path means Store::defaultPath(). The run opens its own Store on
    // its thread; WAL lets a Workspace read the same database meanwhile.
    explicit SessionRun(const QString& databasePath = {}, QObject* parent = nullptr);
    ~SessionRun() override;

    // Each returns false (and does nothing) when a run is already under way.
    // `taskRef` is a built-in task's name or a task directory.
    // `rootFile`, when given, is the session's root source instead of the task's baseline.
    bool startNew(const QString& taskRef, const kforge::SessionConfig& config, const QString& name = {},
                  const QString& rootFile = {});
    // The runners the next runs spread over (AppSettings::runners(), a
    // `--runners` list); empty: the session's device of this machine. A list
    // that does not parse fails the run with the reason.
    void setRunners(const QString& spec) { runners_ = spec.trimmed().toStdString(); }
    // `stop`, when it sets a condition, replaces the session's own.
    bool continueSession(qint64 sessionId, const std::optional<kforge::StopConditions>& stop = std::nullopt);

    // Evaluates a source the engineer wrote as a child of `parent` (the manual
    // generator), compiled with `config` (its @tune defaults when nullopt),
    // then stops: nothing else is proposed.
    bool evaluateManual(qint64 sessionId, qint64 parent, const QString& source, const QString& extension,
                        const std::optional<kforge::TuneConfig>& config = std::nullopt, const QString& note = {});
    // Profiles a measured node with Nsight Compute (CUDA sessions), keeps the
    // profile with it, and ends: nodeProfiled() says how it went. Nothing else
    // of the session changes.
    bool profileNode(qint64 sessionId, qint64 nodeId);
    // Measures a passed node again for longer (SessionEngine::remeasureNode)
    // and ends: nodeChanged() brings the node with its new evaluation,
    // nodeRemeasured() how it compares, finished() the session (its best may
    // have changed).
    bool remeasureNode(qint64 sessionId, qint64 nodeId);
    void pause();
    void resume();
    void stop();

    State state() const { return state_; }
    bool isActive() const;  // Starting, Running, Paused or Stopping
    qint64 sessionId() const { return sessionId_; }
    QString databasePath() const { return databasePath_; }

signals:
    // The session exists (created, its baseline measured; or opened) with the
    // tree as it stands; nodeChanged() follows for every change after it.
    void started(const kforge::SessionRecord& session, const kforge::ui::SharedSessionTree& tree);
    void nodeChanged(qint64 sessionId, const kforge::Node& node);
    void progressChanged(const kforge::SessionProgress& progress);
    void messageReceived(const QString& message);
    // The run's candidates compile and run without the sandbox: `warning`
    // says why and what it means (once per run; the window tells the user once).
    void unsandboxed(const QString& warning);
    void stateChanged(kforge::ui::SessionRun::State state);
    void finished(const kforge::SessionRecord& session);
    void failed(const QString& message);
    // The LLM agent: an exchange ended and was stored; and its answer as it
    // streams in (`kind` is ChatStreamEvent::Kind: 0 text, 1 a retry that
    // voids the text so far, `text` then saying why).
    void exchangeRecorded(qint64 sessionId, const kforge::LlmExchange& exchange);
    void llmTextArrived(qint64 parent, int kind, const QString& text);
    // profileNode() ended: the node with its profile, and why there are no
    // counters (empty when there are).
    void nodeProfiled(qint64 sessionId, const kforge::Node& node, const QString& error);
    // remeasureNode() ended: the node as it was and as it is now.
    void nodeRemeasured(qint64 sessionId, const kforge::Node& before, const kforge::Node& after);

private:
    class Forwarder;
    // What the thread does once `setUp` has created or opened the session.
    enum class Then { Search, ManualOnly, Nothing };
    // Starts the thread: `setUp` creates or opens the session on it.
    bool launch(std::function<void(kforge::SessionLaunch&)> setUp, Then then = Then::Search);
    void setState(State state);
    void join();

    QString databasePath_;
    std::string runners_;  // read by launch() when a run starts
    State state_ = State::Idle;
    qint64 sessionId_ = 0;
    std::thread thread_;

    // Shared with the run's thread: the engine while it exists, and what the
    // UI asked for before it did (applied as soon as it does).
    std::mutex engineMutex_;
    kforge::SessionEngine* engine_ = nullptr;
    std::atomic<bool> pauseRequested_{false};
    std::atomic<bool> cancelRequested_{false};
};

}  // namespace kforge::ui

Q_DECLARE_METATYPE(kforge::ui::SessionRun::State)
