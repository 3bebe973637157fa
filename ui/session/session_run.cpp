#include "ui/session/session_run.h"

#include <QMetaObject>

#include <exception>
#include <filesystem>

#include "agent/builtin_generators.h"
#include "eval/evaluator.h"
#include "eval/paths.h"
#include "model/runner_endpoint.h"
#include "session/engine.h"
#include "session/session_launch.h"
#include "store/store.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

// The engine's observer: runs on the engine's thread and queues everything to
// the SessionRun's thread. It also hands on a stop the UI asked for before the
// engine's run() began, which run() would otherwise forget.
class SessionRun::Forwarder final : public kforge::SessionObserver {
public:
    Forwarder(SessionRun* run, kforge::SessionEngine& engine, qint64 sessionId)
        : run_(run), engine_(engine), sessionId_(sessionId) {}

    void nodeChanged(const kforge::Node& node) override {
        applyRequests();
        QMetaObject::invokeMethod(
            run_, [run = run_, id = sessionId_, node] { emit run->nodeChanged(id, node); }, Qt::QueuedConnection);
    }
    void progress(const kforge::SessionProgress& progress) override {
        applyRequests();
        QMetaObject::invokeMethod(
            run_, [run = run_, progress] { emit run->progressChanged(progress); }, Qt::QueuedConnection);
    }
    void message(const kforge::Phrase& text) override {
        // Worded on the GUI thread, in the language the user has chosen by then.
        QMetaObject::invokeMethod(
            run_, [run = run_, text] { emit run->messageReceived(phraseText(text)); }, Qt::QueuedConnection);
    }

    void exchange(const kforge::LlmExchange& e) override {
        QMetaObject::invokeMethod(
            run_, [run = run_, id = sessionId_, e] { emit run->exchangeRecorded(id, e); }, Qt::QueuedConnection);
    }
    // On the generator's worker threads: the text is copied and queued, never waited for.
    void llmText(int64_t parent, const kforge::ChatStreamEvent& e) override {
        QMetaObject::invokeMethod(
            run_,
            [run = run_, parent, kind = static_cast<int>(e.kind),
             text = QString::fromUtf8(e.text.data(), static_cast<qsizetype>(e.text.size()))] {
                emit run->llmTextArrived(parent, kind, text);
            },
            Qt::QueuedConnection);
    }

private:
    void applyRequests() {
        if (run_->cancelRequested_.load()) engine_.cancel();
    }

    SessionRun* run_;
    kforge::SessionEngine& engine_;
    qint64 sessionId_;
};

SessionRun::SessionRun(const QString& databasePath, QObject* parent)
    : QObject(parent),
      databasePath_(databasePath.isEmpty() ? QString::fromStdString(kforge::Store::defaultPath().string()) : databasePath) {
    registerSessionMetaTypes();
    qRegisterMetaType<State>();
}

SessionRun::~SessionRun() {
    // As stop(), but without signals: the receivers may be half destroyed.
    cancelRequested_ = true;
    {
        std::lock_guard lock(engineMutex_);
        if (engine_) engine_->cancel();
    }
    join();
}

bool SessionRun::isActive() const {
    return state_ == State::Starting || state_ == State::Running || state_ == State::Paused || state_ == State::Stopping;
}

void SessionRun::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    emit stateChanged(state);
}

void SessionRun::join() {
    if (thread_.joinable()) thread_.join();
}

bool SessionRun::startNew(const QString& taskRef, const kforge::SessionConfig& config, const QString& name,
                          const QString& rootFile) {
    std::optional<std::filesystem::path> root;
    if (!rootFile.isEmpty()) root = std::filesystem::path(rootFile.toStdString());
    return launch([ref = taskRef.toStdString(), config, name = name.toStdString(), root](kforge::SessionLaunch& l) {
        l.create(ref, config, name, root);
    });
}

bool SessionRun::continueSession(qint64 sessionId, const std::optional<kforge::StopConditions>& stop) {
    return launch([sessionId, stop](kforge::SessionLaunch& l) { l.open(sessionId, stop); });
}

bool SessionRun::evaluateManual(qint64 sessionId, qint64 parent, const QString& source, const QString& extension,
                                const std::optional<kforge::TuneConfig>& config, const QString& note) {
    return launch(
        [sessionId, parent, source = source.toStdString(), extension = extension.toStdString(), config,
         note = note.toStdString()](kforge::SessionLaunch& l) {
            l.open(sessionId, std::nullopt);
            l.engine().addManual(parent, source, extension, note, config);
        },
        Then::ManualOnly);
}

bool SessionRun::profileNode(qint64 sessionId, qint64 nodeId) {
    return launch(
        [this, sessionId, nodeId](kforge::SessionLaunch& l) {
            l.open(sessionId, std::nullopt);
            const kforge::NodeProfile profile = l.engine().profileNode(nodeId);
            QMetaObject::invokeMethod(
                this,
                [this, sessionId, node = l.engine().tree().at(nodeId), error = QString::fromStdString(profile.error)] {
                    emit nodeChanged(sessionId, node);
                    emit nodeProfiled(sessionId, node, error);
                },
                Qt::QueuedConnection);
        },
        Then::Nothing);
}

bool SessionRun::remeasureNode(qint64 sessionId, qint64 nodeId) {
    return launch(
        [this, sessionId, nodeId](kforge::SessionLaunch& l) {
            l.open(sessionId, std::nullopt);
            const kforge::Node before = l.engine().remeasureNode(nodeId);
            QMetaObject::invokeMethod(
                this,
                [this, sessionId, before, after = l.engine().tree().at(nodeId)] {
                    emit nodeChanged(sessionId, after);
                    emit nodeRemeasured(sessionId, before, after);
                },
                Qt::QueuedConnection);
        },
        Then::Nothing);
}

bool SessionRun::launch(std::function<void(kforge::SessionLaunch&)> setUp, Then then) {
    if (isActive()) return false;
    join();  // the previous run's thread, already at its end
    pauseRequested_ = false;
    cancelRequested_ = false;
    sessionId_ = 0;
    setState(State::Starting);

    thread_ = std::thread([this, setUp = std::move(setUp), then, path = databasePath_.toStdString(), runners = runners_] {
        // Runs the session; the store, evaluator (and its runner process) and
        // engine are gone when it returns, so "finished" means "all let go".
        auto body = [&]() -> kforge::SessionRecord {
            const kforge::AppPaths paths = kforge::AppPaths::discover();
            kforge::Store store(path);
            kforge::Evaluator evaluator(paths);
            if (!runners.empty()) evaluator.setRunners(kforge::parseRunnerEndpoints(runners));
            if (const kforge::SandboxStatus& s = evaluator.sandbox().status(); !s.active)
                QMetaObject::invokeMethod(
                    this, [this, warning = QString::fromStdString(s.warning)] { emit unsandboxed(warning); }, Qt::QueuedConnection);
            kforge::SessionLaunch launch(evaluator, store, paths, kforge::builtinGenerators());
            // Publishes the engine to pause()/resume()/stop() for exactly its lifetime.
            struct Publish {
                SessionRun* run;
                Publish(SessionRun* r, kforge::SessionEngine* engine) : run(r) {
                    std::lock_guard lock(run->engineMutex_);
                    run->engine_ = engine;
                    if (run->pauseRequested_.load()) engine->pause();
                }
                ~Publish() {
                    std::lock_guard lock(run->engineMutex_);
                    run->engine_ = nullptr;
                }
            } publish(this, &launch.engine());

            setUp(launch);
            kforge::SessionEngine& engine = launch.engine();
            const kforge::SessionRecord record = engine.record();
            auto tree = std::make_shared<const kforge::SessionTree>(engine.tree());
            QMetaObject::invokeMethod(
                this,
                [this, record, tree] {
                    sessionId_ = record.id;
                    if (state_ == State::Starting) setState(pauseRequested_.load() ? State::Paused : State::Running);
                    emit started(record, tree);
                },
                Qt::QueuedConnection);
            if (then == Then::Nothing) return engine.record();
            Forwarder forwarder(this, engine, record.id);
            return engine.run(&forwarder, then == Then::ManualOnly ? kforge::SessionEngine::Mode::ManualOnly
                                                                   : kforge::SessionEngine::Mode::Search);
        };
        try {
            kforge::SessionRecord result = body();
            QMetaObject::invokeMethod(
                this,
                [this, result] {
                    sessionId_ = result.id;
                    setState(cancelRequested_.load() ? State::Stopped : State::Finished);
                    emit finished(result);
                },
                Qt::QueuedConnection);
        } catch (const std::exception& e) {
            QMetaObject::invokeMethod(
                this,
                [this, message = errorText(e)] {
                    setState(State::Failed);
                    emit failed(message);
                },
                Qt::QueuedConnection);
        }
    });
    return true;
}

void SessionRun::pause() {
    if (!isActive() || state_ == State::Stopping) return;
    pauseRequested_ = true;
    {
        std::lock_guard lock(engineMutex_);
        if (engine_) engine_->pause();
    }
    if (state_ == State::Running) setState(State::Paused);
}

void SessionRun::resume() {
    if (!isActive() || state_ == State::Stopping) return;
    pauseRequested_ = false;
    {
        std::lock_guard lock(engineMutex_);
        if (engine_) engine_->resume();
    }
    if (state_ == State::Paused) setState(State::Running);
}

void SessionRun::stop() {
    if (!isActive()) return;
    cancelRequested_ = true;
    {
        std::lock_guard lock(engineMutex_);
        if (engine_) engine_->cancel();
    }
    setState(State::Stopping);
}

}  // namespace kforge::ui
