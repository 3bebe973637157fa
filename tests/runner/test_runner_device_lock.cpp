// kforge-runner --device-lock, spoken to over its protocol like the core
// does: a request that uses the device waits while another process of this
// host holds the device's lock (util/device_lock.h), says so in progress
// lines that keep the client's step timeout from firing, and runs once the
// lock is released. This is how a runner started over ssh or srun takes turns
// with the sessions of the host it runs on.
#include <QtTest>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "util/device_lock.h"
#include "util/process.h"

using namespace kforge;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

class TestRunnerDeviceLock : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    // A CPU runner, greeted: the greeting comes before any lock is taken.
    static void start(ChildProcess& runner, bool deviceLock) {
        std::vector<std::string> argv = {qEnvironmentVariable("KFORGE_RUNNER").toStdString(), "--backend", "cpu"};
        if (deviceLock) argv.push_back("--device-lock");
        const auto err = runner.start(argv);
        QVERIFY2(!err, err ? err->c_str() : "");
        std::string line;
        QCOMPARE(runner.readLine(line, Clock::now() + std::chrono::seconds(60)), ChildProcess::ReadStatus::Line);
        QVERIFY2(Json::parse(line).value("available", false), line.c_str());
    }
    // The next line within `wait`, parsed; null when none came.
    static Json next(ChildProcess& runner, std::chrono::milliseconds wait) {
        std::string line;
        if (runner.readLine(line, Clock::now() + wait) != ChildProcess::ReadStatus::Line) return nullptr;
        return Json::parse(line);
    }
    // Reads up to the answer to request `id`, returning it; counts the progress lines on the way.
    static Json answer(ChildProcess& runner, int id, int& progressLines) {
        const auto deadline = Clock::now() + std::chrono::seconds(120);
        while (Clock::now() < deadline) {
            const Json j = next(runner, std::chrono::seconds(120));
            if (j.is_null()) break;
            if (j.contains("progress")) {
                ++progressLines;
                continue;
            }
            if (j.value("id", -1) == id) return j;
        }
        return nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // The runner is this process's child and inherits it: both lock here.
        ::setenv("KFORGE_LOCK_DIR", qPrintable(dir_.path() + "/locks"), 1);
    }

    void aRequestWaitsForTheHostsLockAndSaysSo() {
        DeviceLock held("cpu");  // another session of this host, timing on the CPU
        held.lock();
        QVERIFY(held.crossProcess());
        ChildProcess runner;
        start(runner, true);
        QVERIFY(runner.writeLine(Json{{"id", 1}, {"cmd", "measure"}}.dump()));
        const Json first = next(runner, std::chrono::seconds(10));
        QVERIFY2(first.contains("progress"), first.dump().c_str());
        QVERIFY2(first.at("progress").get<std::string>().find("waiting for the device") != std::string::npos, first.dump().c_str());
        QCOMPARE(first.at("id").get<int>(), 1);
        // Still waiting two seconds on: only progress lines, no answer.
        const auto until = Clock::now() + std::chrono::seconds(2);
        while (Clock::now() < until) {
            const Json j = next(runner, std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()));
            if (!j.is_null()) QVERIFY2(j.contains("progress"), j.dump().c_str());
        }
        held.unlock();
        int progress = 0;
        const Json reply = answer(runner, 1, progress);
        QVERIFY2(reply.value("ok", false), reply.dump().c_str());
        // The runner holds the lock only while a request runs: it lets go
        // right after sending the answer (not before: the test may read the
        // answer first), so the lock is free again moments later.
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        bool free = false;
        while (!(free = held.tryLock()) && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        QVERIFY(free);
        held.unlock();
        runner.writeLine(Json{{"id", 2}, {"cmd", "quit"}}.dump());
        runner.reap(std::chrono::seconds(10));
    }

    void helloWaitsWithoutProgressLines() {
        // The client reads the hello's answer as the next line, so nothing comes before it.
        DeviceLock held("cpu");
        held.lock();
        ChildProcess runner;
        start(runner, true);
        QVERIFY(runner.writeLine(Json{{"id", 1}, {"cmd", "hello"}}.dump()));
        QVERIFY(next(runner, std::chrono::milliseconds(2500)).is_null());
        held.unlock();
        const Json reply = next(runner, std::chrono::seconds(120));
        QVERIFY2(!reply.is_null() && reply.value("ok", false) && reply.contains("facts"), reply.dump().c_str());
        runner.writeLine(Json{{"id", 2}, {"cmd", "quit"}}.dump());
        runner.reap(std::chrono::seconds(10));
    }

    void withoutTheFlagNothingWaits() {
        // A local runner: its session's evaluator already holds the lock around the request.
        DeviceLock held("cpu");
        held.lock();
        ChildProcess runner;
        start(runner, false);
        QVERIFY(runner.writeLine(Json{{"id", 1}, {"cmd", "measure"}}.dump()));
        int progress = 0;
        const Json reply = answer(runner, 1, progress);
        QVERIFY2(reply.value("ok", false), reply.dump().c_str());
        QCOMPARE(progress, 0);
        held.unlock();
        runner.writeLine(Json{{"id", 2}, {"cmd", "quit"}}.dump());
        runner.reap(std::chrono::seconds(10));
    }

    void stagingFilesNeedNoTurn() {
        // Only requests that use the device wait; a file staged meanwhile goes through.
        DeviceLock held("cpu");
        held.lock();
        ChildProcess runner;
        start(runner, true);
        const std::string emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QVERIFY(runner.writeLine(Json{{"id", 1}, {"cmd", "stage"}, {"sha256", emptySha256}, {"data", ""}}.dump()));
        const Json reply = next(runner, std::chrono::seconds(10));
        QVERIFY2(!reply.is_null() && !reply.contains("progress") && reply.value("id", -1) == 1, reply.dump().c_str());
        held.unlock();
        runner.writeLine(Json{{"id", 2}, {"cmd", "quit"}}.dump());
        runner.reap(std::chrono::seconds(10));
    }
};

QTEST_APPLESS_MAIN(TestRunnerDeviceLock)
#include "test_runner_device_lock.moc"
