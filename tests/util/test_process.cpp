#include <QtTest>

#include <chrono>

#include "util/process.h"

using namespace kforge;
using namespace std::chrono_literals;

class TestProcess : public QObject {
    Q_OBJECT
private slots:
    void capturesOutputAndExitCode() {
        const auto r = runProcess({"sh", "-c", "echo out; echo err >&2; exit 3"});
        QVERIFY(r.status.exited);
        QCOMPARE(r.status.code, 3);
        QVERIFY(r.output.find("out") != std::string::npos);
        QVERIFY(r.output.find("err") != std::string::npos);
        QCOMPARE(r.status.describe(), std::string("exit code 3"));
    }
    void missingProgramIsExit127() {
        const auto r = runProcess({"/nonexistent/kforge-no-such-tool"});
        QCOMPARE(r.status.code, 127);
        QVERIFY(r.output.find("cannot run") != std::string::npos);
    }
    void deadlineKillsTheWholeGroup() {
        RunOptions o;
        o.timeout = 300ms;
        const auto t0 = std::chrono::steady_clock::now();
        // The grandchild keeps the pipe open: only killing the group ends this.
        const auto r = runProcess({"sh", "-c", "sleep 30 & sleep 30"}, o);
        QVERIFY(r.status.timedOut);
        QVERIFY(std::chrono::steady_clock::now() - t0 < 10s);
        QCOMPARE(r.status.describe(), std::string("killed at the deadline"));
    }
    void signalsAreNamed() {
        const auto r = runProcess({"sh", "-c", "kill -SEGV $$"});
        QVERIFY(!r.status.exited);
        QVERIFY(r.status.describe().find("SIGSEGV") != std::string::npos);
    }
    void childSpeaksInLines() {
        ChildProcess c;
        QVERIFY(!c.start({"sh", "-c", "while read l; do echo \"got $l\"; done"}));
        QVERIFY(c.writeLine("one"));
        std::string line;
        QCOMPARE(c.readLine(line, std::chrono::steady_clock::now() + 5s), ChildProcess::ReadStatus::Line);
        QCOMPARE(line, std::string("got one"));
        QCOMPARE(c.readLine(line, std::chrono::steady_clock::now() + 200ms), ChildProcess::ReadStatus::Timeout);
        c.kill();
        QVERIFY(!c.running());
    }
    void childThatDiesIsSeenClosed() {
        ChildProcess c;
        QVERIFY(!c.start({"sh", "-c", "echo bye; echo why >&2; exit 5"}));
        std::string line;
        QCOMPARE(c.readLine(line, std::chrono::steady_clock::now() + 5s), ChildProcess::ReadStatus::Line);
        QCOMPARE(c.readLine(line, std::chrono::steady_clock::now() + 5s), ChildProcess::ReadStatus::Closed);
        const auto status = c.reap(2000ms);
        QCOMPARE(status.code, 5);
        QVERIFY(c.stderrTail().find("why") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestProcess)
#include "test_process.moc"
