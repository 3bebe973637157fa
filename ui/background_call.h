#pragma once
// Runs a function on a thread of its own and hands its result to a callback on
// the receiver's (the UI) thread, so that reading task files or probing
// devices never blocks the event loop. When the receiver is gone by the time
// the result arrives, the result is dropped; the thread object deletes itself
// either way, so a dialog closed mid-probe neither waits nor leaks.
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace kforge::ui {

// `work` runs on the new thread and must not throw (it reports failures in its
// result); `done` runs on the receiver's thread.
template <class Result>
void runInBackground(QObject* receiver, std::function<Result()> work, std::function<void(Result)> done) {
    auto result = std::make_shared<std::optional<Result>>();
    QThread* thread = QThread::create([work = std::move(work), result] { result->emplace(work()); });
    // finished() is emitted on the worker thread, so this connection is queued:
    // `done` runs on the receiver's thread, after the work has returned.
    QObject::connect(thread, &QThread::finished, receiver, [result, done = std::move(done)] {
        if (*result) done(std::move(**result));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

}  // namespace kforge::ui
