// eval/device_lock: one measurement at a time per device across processes,
// not only threads. A forked child holds the device; the parent must wait
// for it, must not wait for another device, and gets the device as soon as
// the child dies without unlocking (the kernel drops an exited holder's
// flock). Device keys follow the visible-devices variables.
#include <QtTest>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

#include "util/device_lock.h"

using namespace kforge;

namespace {

double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Forks a child that takes `device`'s lock, writes one byte to tell the
// parent, holds it for `holdMs` and exits; with holdMs < 0 it holds it until
// killed. Returns the child's pid once it holds the lock.
pid_t holdInChild(const std::string& device, int holdMs) {
    int ready[2];
    if (::pipe(ready) != 0) return -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(ready[0]);
        DeviceLock lock(device);
        lock.lock();
        const char byte = 1;
        if (::write(ready[1], &byte, 1) != 1) ::_exit(2);
        if (holdMs < 0)
            ::pause();
        else
            ::usleep(static_cast<useconds_t>(holdMs) * 1000);
        lock.unlock();
        ::_exit(0);
    }
    ::close(ready[1]);
    char byte = 0;
    const bool ok = ::read(ready[0], &byte, 1) == 1;
    ::close(ready[0]);
    return ok ? pid : -1;
}

}  // namespace

class TestDeviceLock : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        ::setenv("KFORGE_LOCK_DIR", qPrintable(dir_.path() + "/locks"), 1);  // created on first use
    }

    void anotherProcessWaitsForTheHolder() {
        const pid_t child = holdInChild("cuda:0", 600);
        QVERIFY(child > 0);
        DeviceLock lock("cuda:0");
        QVERIFY(lock.crossProcess());
        const auto start = std::chrono::steady_clock::now();
        lock.lock();
        const double waited = secondsSince(start);
        lock.unlock();
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        QVERIFY2(waited > 0.3, qPrintable(QString::number(waited)));
    }

    void anotherDeviceDoesNotWait() {
        const pid_t child = holdInChild("cuda:0", -1);
        QVERIFY(child > 0);
        DeviceLock other("cuda:1");
        const auto start = std::chrono::steady_clock::now();
        other.lock();
        other.unlock();
        QVERIFY(secondsSince(start) < 0.3);
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
    }

    void tryLockAnswersAtOnce() {
        const pid_t child = holdInChild("hip:0", -1);
        QVERIFY(child > 0);
        DeviceLock lock("hip:0");
        const auto start = std::chrono::steady_clock::now();
        QVERIFY(!lock.tryLock());  // another process holds it
        QVERIFY(secondsSince(start) < 0.3);
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        QVERIFY(lock.tryLock());  // free again once its holder died
        lock.unlock();
    }

    void aKilledHolderReleasesTheDevice() {
        const pid_t child = holdInChild("ssh://box (cuda:1)", -1);
        QVERIFY(child > 0);
        ::kill(child, SIGKILL);  // never unlocks
        ::waitpid(child, nullptr, 0);
        DeviceLock lock("ssh://box (cuda:1)");
        const auto start = std::chrono::steady_clock::now();
        lock.lock();
        lock.unlock();
        QVERIFY(secondsSince(start) < 0.3);
    }

    void keysFollowTheVisibleDevices() {
        ::unsetenv("CUDA_VISIBLE_DEVICES");
        QCOMPARE(deviceLockKey("cuda:0"), std::string("cuda-0"));
        QCOMPARE(deviceLockKey("cpu"), std::string("cpu"));
        ::setenv("CUDA_VISIBLE_DEVICES", "5,7,1", 1);
        QCOMPARE(deviceLockKey("cuda:2"), std::string("cuda-1"));  // the machine's device 1
        QCOMPARE(deviceLockKey("cuda:0"), std::string("cuda-5"));
        QCOMPARE(deviceLockKey("cuda:9"), std::string("cuda-9"));  // not in the list: as named
        ::setenv("CUDA_VISIBLE_DEVICES", "GPU-8f3e0a1b-22", 1);
        QCOMPARE(deviceLockKey("cuda:0"), std::string("cuda-GPU-8f3e0a1b-22"));
        // A remote device keeps the remote host's numbering.
        QCOMPARE(deviceLockKey("ssh://gpu-box:2222 (cuda:1)"), std::string("ssh-gpu-box-2222-cuda-1"));
        ::unsetenv("CUDA_VISIBLE_DEVICES");
        QCOMPARE(deviceLockKey("../../etc/passwd"), std::string("..-..-etc-passwd"));
    }

    void anUnusableDirectoryStillLocksWithinTheProcess() {
        ::setenv("KFORGE_LOCK_DIR", "/proc/kforge-no-such-dir", 1);
        DeviceLock lock("cuda:0");
        QVERIFY(!lock.crossProcess());
        lock.lock();
        lock.unlock();
        ::setenv("KFORGE_LOCK_DIR", qPrintable(dir_.path() + "/locks"), 1);
    }
};

QTEST_GUILESS_MAIN(TestDeviceLock)
#include "test_device_lock.moc"
