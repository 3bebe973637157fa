// Runner endpoints end to end on the CPU backend, over a real OpenSSH server
// on 127.0.0.1 (tests/support/loopback_sshd.h) and a real single-node Slurm
// cluster (tests/support/loopback_slurm.h): a session whose runner is reached
// over ssh or srun finds the same best configuration as a local one, killing
// the remote runner mid-session loses no result, and a wrong host, a refused
// key, a missing runner or a runner of another build give clear errors.
#include <QtTest>
#include <signal.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "session/device_usage.h"
#include "store/store.h"
#include "util/device_lock.h"
#include "support/loopback_slurm.h"
#include "support/loopback_sshd.h"
#include "util/process.h"
#include "util/usable_cores.h"

using namespace kforge;
using Json = nlohmann::json;

class TestRemoteRunners : public QObject {
    Q_OBJECT
    std::filesystem::path dir_;
    std::unique_ptr<test::LoopbackSshd> sshd_;

    static std::string env(const char* name) { return qEnvironmentVariable(name).toStdString(); }
    static std::string task() { return env("KFORGE_TEST_DATA") + "/data/remote_add_fp32"; }
    std::string db(const std::string& name) const { return (dir_ / name).string(); }
    // The test's sshd, reached with its own ssh_config; the runner of this build.
    std::string sshSpec(const std::string& runner = env("KFORGE_RUNNER"), const std::string& config = {}) const {
        return "ssh://kforge-test?device=cpu&runner=" + runner + "&config=" +
               (config.empty() ? sshd_->clientConfig().string() : config);
    }
    static ProcessResult kforge(std::vector<std::string> args) {
        args.insert(args.begin(), env("KFORGE_CLI"));
        RunOptions o;
        o.timeout = std::chrono::minutes(4);
        return runProcess(args, o);
    }
    // A grid search of the template's six configurations, timed briefly.
    static std::vector<std::string> search(const std::string& file, const std::string& budgetMs = "30") {
        return {"optimize", task(), "--backend", "cpu", "--tuner", "grid", "--budget", "6", "--budget-ms", budgetMs,
                "--warmup-ms", "5", "--torch-baselines", "none", "--speedup-against", "native", "--no-tuning-cache", "--db", file};
    }
    struct Outcome {
        SessionRecord session;
        std::vector<Node> nodes;
        const Node* best() const {
            for (const auto& n : nodes)
                if (session.bestNode && n.id == *session.bestNode) return &n;
            return nullptr;
        }
    };
    static Outcome stored(const std::string& file) {
        Store store(file);
        Outcome o;
        o.session = store.sessions().at(0);
        o.nodes = store.nodes(o.session.id);
        return o;
    }
    static int doneNodes(const std::string& file) {
        if (!std::filesystem::exists(file)) return 0;
        try {
            Store store(file);
            return static_cast<int>(store.database().scalarInt("SELECT count(*) FROM nodes WHERE state = 'done'"));
        } catch (const std::exception&) {
            return 0;
        }
    }
    // The runners our sshd started: processes under it with the flag ssh's launch adds.
    std::vector<pid_t> remoteRunners() const {
        std::vector<pid_t> out;
        for (const auto& e : std::filesystem::directory_iterator("/proc")) {
            const std::string name = e.path().filename().string();
            if (name.find_first_not_of("0123456789") != std::string::npos) continue;
            std::ifstream cmd(e.path() / "cmdline");
            const std::string line(std::istreambuf_iterator<char>(cmd), {});
            if (line.find("--exit-with-stdin") == std::string::npos) continue;
            for (pid_t p = std::stoi(name); p > 1;) {  // an ancestor must be our sshd
                std::ifstream stat("/proc/" + std::to_string(p) + "/stat");
                std::string s(std::istreambuf_iterator<char>(stat), {});
                const auto close = s.rfind(')');
                if (close == std::string::npos) break;
                std::istringstream rest(s.substr(close + 2));
                char state;
                rest >> state >> p;
                if (p == sshd_->pid()) {
                    out.push_back(std::stoi(name));
                    break;
                }
            }
        }
        return out;
    }
    // What `kforge devices --runners SPEC` says of the endpoint's device.
    static std::string devicesSay(const std::string& spec) {
        const auto r = kforge({"devices", "--runners", spec});
        return r.output;
    }

private slots:
    void initTestCase() {
        dir_ = std::filesystem::path(QDir::tempPath().toStdString()) / ("kforge-test-remote-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        sshd_ = std::make_unique<test::LoopbackSshd>();
    }
    void init() {
        const QString name = QTest::currentTestFunction();
        if (!name.contains("Slurm") && !name.contains("malformed") && !sshd_->available())
            QSKIP(("sshd cannot run here: " + sshd_->why()).c_str());
    }
    void cleanupTestCase() {
        sshd_.reset();
        std::filesystem::remove_all(dir_);
    }

    void devicesOverSsh() {
        const auto r = kforge({"devices", "--runners", sshSpec(), "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = Json::parse(r.output.substr(r.output.find('[')));
        QCOMPARE(j.size(), size_t{1});
        QVERIFY2(j[0].at("available").get<bool>(), r.output.c_str());
        QVERIFY(j[0].at("runner").get<std::string>().rfind("ssh://kforge-test", 0) == 0);
        QVERIFY(!j[0].at("facts").at("name").get<std::string>().empty());
    }

    void sessionOverSshFindsTheLocalBest() {
        const auto local = kforge(search(db("local.db")));
        QVERIFY2(local.ok(), local.output.c_str());
        auto remoteArgs = search(db("ssh.db"));
        remoteArgs.insert(remoteArgs.end(), {"--runners", sshSpec()});
        const auto remote = kforge(remoteArgs);
        QVERIFY2(remote.ok(), remote.output.c_str());

        const Outcome a = stored(db("local.db")), b = stored(db("ssh.db"));
        QCOMPARE(a.session.evaluations, 6);
        QCOMPARE(b.session.evaluations, 6);
        // The same configurations, with the same verdicts, measured where asked.
        std::set<std::pair<TuneConfig, Status>> seenA, seenB;
        for (const auto& n : a.nodes) seenA.insert({n.config, n.status});
        for (const auto& n : b.nodes) {
            seenB.insert({n.config, n.status});
            QVERIFY(n.evaluation);
            QVERIFY2(n.evaluation->runner.rfind("ssh://kforge-test", 0) == 0, n.evaluation->runner.c_str());
        }
        QVERIFY(seenA == seenB);
        QVERIFY(a.best() && b.best());
        // PASSES=1 wins by far; CHUNK only by noise, so it is not compared.
        QCOMPARE(a.best()->config.at("PASSES"), std::string("1"));
        QCOMPARE(b.best()->config.at("PASSES"), std::string("1"));
    }

    void spreadOverALocalAndARemoteRunner() {
        auto args = search(db("spread.db"));
        args.insert(args.end(), {"--runners", "cpu," + sshSpec()});
        const auto r = kforge(args);
        QVERIFY2(r.ok(), r.output.c_str());
        const Outcome o = stored(db("spread.db"));
        QCOMPARE(o.session.evaluations, 6);
        for (const auto& n : o.nodes) {
            QCOMPARE(n.status, Status::Passed);
            QVERIFY(n.evaluation && (n.evaluation->runner == "cpu" || n.evaluation->runner.rfind("ssh://", 0) == 0));
        }
        QVERIFY(o.best());
        QCOMPARE(o.best()->config.at("PASSES"), std::string("1"));
    }

    // A runner capped at one thread times another device than one with every
    // core (model/device_facts.h deviceModel()). The runner of the other model
    // measures the task's baseline itself when it comes, the session keeps
    // that baseline, and the speedups of the candidates it measured are over
    // it, never over the baseline of the session's device.
    void runnerOfAnotherModelHasItsOwnBaseline() {
        if (cpuThreadLimit() < 2) QSKIP("one usable core: a runner capped at one thread is the same device");
        const auto oneThread = dir_ / "one-thread-runner.sh";
        {
            std::ofstream f(oneThread);
            f << "#!/bin/sh\nOMP_THREAD_LIMIT=1 exec " << env("KFORGE_RUNNER") << " \"$@\"\n";
        }
        std::filesystem::permissions(oneThread, std::filesystem::perms::owner_all);
        // The one-thread runner over ssh is the session's: it prepares the task
        // and measures from the first candidate on. The local one, with every
        // core, comes while it does; the timings are long enough that it is up
        // (its baseline measured) before the six are done.
        auto args = search(db("models.db"), "300");
        args.insert(args.end(), {"--runners", sshSpec(oneThread.string()) + ",cpu"});
        const auto r = kforge(args);
        QVERIFY2(r.ok(), r.output.c_str());
        const Outcome o = stored(db("models.db"));
        QCOMPARE(o.session.evaluations, 6);
        QVERIFY2(o.session.deviceBaselines.size() == 1, r.output.c_str());
        const DeviceBaseline& other = o.session.deviceBaselines[0];
        QVERIFY(other.device.cpu);
        QCOMPARE(other.device.cpu->cores, static_cast<int>(cpuThreadLimit()));
        QCOMPARE(o.session.device.cpu->cores, 1);
        const std::string home = deviceModel(o.session.device), away = deviceModel(other.device);
        QVERIFY2(home != away, home.c_str());
        QVERIFY2(r.output.find("has a " + away + ", not the session's " + home) != std::string::npos, r.output.c_str());
        QCOMPARE(other.times.size(), o.session.baseline.size());
        int measuredAway = 0;
        for (const auto& n : o.nodes) {
            QCOMPARE(n.status, Status::Passed);
            QVERIFY(n.evaluation);
            const bool local = n.evaluation->runner == "cpu";
            measuredAway += local;
            QCOMPARE(n.evaluation->deviceModel, local ? away : home);
            const BaselineTimes& own = local ? other.times : o.session.baseline;
            double logSum = 0;
            for (const auto& w : n.evaluation->workloads) {
                QVERIFY(w.baseline);
                QCOMPARE(w.baseline->median, own.at(w.uuid).median);
                logSum += std::log(own.at(w.uuid).median / w.timing.median);
            }
            QVERIFY(std::abs(n.evaluation->speedupGeomean - std::exp(logSum / static_cast<double>(n.evaluation->workloads.size()))) < 1e-9);
        }
        qInfo("the runner with every core measured %d of the 6", measuredAway);
        QVERIFY2(measuredAway > 0, "the runner with every core measured no candidate");
        // `kforge show` lists it beside the session's own.
        const auto shown = kforge({"show", "1", "--db", db("models.db")});
        QVERIFY2(shown.ok(), shown.output.c_str());
        QVERIFY2(shown.output.find("medians on " + away + ":") != std::string::npos, shown.output.c_str());
    }

    // Two runners on one device (the same ssh endpoint twice: the local CPU
    // gate does not hold them apart) take turns: the windows the runners
    // report by their own clock never overlap, and all six are kept.
    void twoRunnersOnOneDeviceTakeTurns() {
        auto args = search(db("shared.db"));
        args.insert(args.end(), {"--runners", sshSpec() + "," + sshSpec(), "--json"});
        const auto r = kforge(args);
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = Json::parse(r.output.substr(r.output.find("{\n")));
        const Json& devices = j.at("run").at("devices");
        QCOMPARE(devices.size(), size_t{1});
        QVERIFY2(devices[0].at("device").get<std::string>().rfind("ssh://kforge-test", 0) == 0, r.output.c_str());
        QCOMPARE(devices[0].at("measurements").get<int>(), 6);
        QCOMPARE(devices[0].at("overlapping_requests").get<int>(), 0);
        // Each runner's account of the run: between them, the six measurements.
        const Json& runners = j.at("run").at("runners");
        QCOMPARE(runners.size(), size_t{2});
        QCOMPARE(runners[0].at("measured").get<int>() + runners[1].at("measured").get<int>(), 6);
        for (const Json& runner : runners) QCOMPARE(runner.at("state").get<std::string>(), std::string("idle"));
        const Outcome o = stored(db("shared.db"));
        std::vector<DeviceMeasurement> windows;
        for (const auto& n : o.nodes) {
            QCOMPARE(n.status, Status::Passed);
            QVERIFY(n.evaluation && n.evaluation->window);
            QVERIFY(n.evaluation->window->runnerIndex == 0 || n.evaluation->window->runnerIndex == 1);
            windows.push_back({n.evaluation->runner, *n.evaluation->window});
        }
        const auto usage = deviceUsage(windows);
        QCOMPARE(usage.size(), size_t{1});
        QCOMPARE(usage[0].overlaps, 0);
        QVERIFY(usage[0].busySeconds > 0);
    }

    void remoteRunnerTakesTurnsWithTheHostsSessions() {
        // A session started on the runner's host holds its lock on the CPU
        // (the default lock directory: sshd gives the remote runner no
        // KFORGE_LOCK_DIR of ours). The runner started over ssh takes the same
        // lock for its hello, so `kforge devices` over ssh waits for it.
        const QByteArray saved = qgetenv("KFORGE_LOCK_DIR");
        qunsetenv("KFORGE_LOCK_DIR");
        DeviceLock held("cpu");
        if (!saved.isEmpty()) qputenv("KFORGE_LOCK_DIR", saved);
        QVERIFY2(held.crossProcess(), held.file().c_str());
        held.lock();
        const auto start = std::chrono::steady_clock::now();
        std::thread release([&] {
            std::this_thread::sleep_for(std::chrono::seconds(3));
            held.unlock();
        });
        const auto r = kforge({"devices", "--runners", sshSpec(), "--json"});
        const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        release.join();
        QVERIFY2(r.ok(), r.output.c_str());
        QVERIFY2(waited >= 3.0, std::to_string(waited).c_str());
        const Json j = Json::parse(r.output.substr(r.output.find('[')));
        QVERIFY2(j[0].at("available").get<bool>(), r.output.c_str());
    }

    void killedRemoteRunnerLosesNothing() {
        const std::string file = db("killed.db");
        // Timing long enough that the kill mostly lands inside a measurement
        // (between two it is a lost runner too: the next request finds it gone).
        auto args = search(file, "100");
        args.insert(args.end(), {"--runners", sshSpec()});
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList qargs;
        for (size_t i = 0; i < args.size(); ++i) qargs << QString::fromStdString(args[i]);
        p.start(QString::fromStdString(env("KFORGE_CLI")), qargs);
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (doneNodes(file) < 1 && t.elapsed() < 120000 && p.state() == QProcess::Running) QTest::qWait(100);
        QVERIFY2(p.state() == QProcess::Running, p.readAll().constData());
        std::vector<pid_t> runners;
        while (runners.empty() && t.elapsed() < 120000) {
            runners = remoteRunners();
            if (runners.empty()) QTest::qWait(50);
        }
        QCOMPARE(runners.size(), size_t{1});
        QCOMPARE(::kill(runners[0], SIGKILL), 0);
        QVERIFY(p.waitForFinished(240000));
        const QByteArray out = p.readAll();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("was lost"), out.constData());
        const Outcome o = stored(file);
        QCOMPARE(o.session.status, std::string("finished"));
        QCOMPARE(o.session.evaluations, 6);
        for (const auto& n : o.nodes) {
            QCOMPARE(n.state, NodeState::Done);
            QVERIFY2(n.status == Status::Passed, (std::string(statusName(n.status)) + ": " + n.message.english()).c_str());
        }
    }

    void wrongHostIsNamed() {
        const std::string spec = "ssh://no-such-host.invalid?device=cpu&config=" + sshd_->clientConfig().string();
        const std::string out = devicesSay(spec);
        QVERIFY2(out.find("runner endpoint " + spec + ": ssh could not connect") != std::string::npos, out.c_str());
    }
    void refusedKeyIsNamed() {
        const std::string out = devicesSay(sshSpec(env("KFORGE_RUNNER"), sshd_->strangerConfig().string()));
        QVERIFY2(out.find("ssh could not connect (the key was refused") != std::string::npos, out.c_str());
    }
    void missingRunnerIsNamed() {
        const std::string out = devicesSay(sshSpec("/nonexistent/bin/kforge-runner"));
        QVERIFY2(out.find("/nonexistent/bin/kforge-runner is not there or cannot run on kforge-test") != std::string::npos, out.c_str());
    }
    void anotherBuildIsRefused() {
        // A "runner" that greets like an older build of this protocol.
        const auto fake = dir_ / "old-runner.sh";
        {
            std::ofstream f(fake);
            f << "#!/bin/sh\necho '{\"protocol\": 6, \"abi\": 1, \"build\": \"0.0.1+0ld\", \"backend\": \"cpu\", \"available\": true}'\nsleep 5\n";
        }
        std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
        const std::string out = devicesSay(sshSpec(fake.string()));
        QVERIFY2(out.find("is kforge-runner 0.0.1+0ld (protocol 6), this kforge is") != std::string::npos, out.c_str());
        QVERIFY2(out.find("install the same build on both sides") != std::string::npos, out.c_str());
    }
    void sessionOverSlurmFindsTheLocalBest() {
        test::LoopbackSlurm slurm;
        if (!slurm.available()) QSKIP(("a Slurm cluster cannot run here: " + slurm.why()).c_str());
        if (!std::filesystem::exists(db("local.db"))) {
            const auto local = kforge(search(db("local.db")));
            QVERIFY2(local.ok(), local.output.c_str());
        }
        auto args = search(db("slurm.db"), "100");
        args.insert(args.end(), {"--runners", "slurm://debug?device=cpu&time=10:00&runner=" + env("KFORGE_RUNNER")});
        // srun finds the cluster through SLURM_CONF, which the fixture set.
        // While the session runs, the queue holds its one allocation (salloc)
        // with the runner as a step in it; after, nothing.
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList qargs;
        for (const auto& a : args) qargs << QString::fromStdString(a);
        p.start(QString::fromStdString(env("KFORGE_CLI")), qargs);
        QVERIFY(p.waitForStarted());
        std::set<std::string> jobs, steps;
        while (!p.waitForFinished(200)) {
            const auto q = runProcess({"squeue", "--noheader", "--states=RUNNING,PENDING", "--format=%i %j"});
            std::istringstream lines(q.output);
            for (std::string id, name; lines >> id >> name;) jobs.insert(id + " " + name);
            const auto st = runProcess({"squeue", "--noheader", "--steps", "--format=%i %j"});
            std::istringstream stepLines(st.output);
            for (std::string id, name; stepLines >> id >> name;) steps.insert(id + " " + name);
        }
        const std::string out = p.readAll().toStdString();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, (out + slurm.logs()).c_str());
        std::string seen;
        for (const auto& j : jobs) seen += j + "; ";
        QVERIFY2(jobs.size() == 1 && jobs.begin()->ends_with(" kforge-session"), seen.c_str());
        const std::string job = jobs.begin()->substr(0, jobs.begin()->find(' '));
        bool runnerStep = false;
        for (const auto& st : steps) runnerStep = runnerStep || (st.rfind(job + ".", 0) == 0 && st.ends_with(" kforge-runner"));
        for (const auto& st : steps) seen += st + "; ";
        QVERIFY2(runnerStep, seen.c_str());
        const Outcome a = stored(db("local.db")), b = stored(db("slurm.db"));
        QCOMPARE(b.session.evaluations, 6);
        std::set<std::pair<TuneConfig, Status>> seenA, seenB;
        for (const auto& n : a.nodes) seenA.insert({n.config, n.status});
        for (const auto& n : b.nodes) {
            seenB.insert({n.config, n.status});
            QVERIFY(n.evaluation);
            QVERIFY2(n.evaluation->runner.rfind("slurm://debug", 0) == 0, n.evaluation->runner.c_str());
        }
        QVERIFY(seenA == seenB);
        QVERIFY(b.best());
        QCOMPARE(b.best()->config.at("PASSES"), std::string("1"));
        // The job ended with the session: nothing of ours is left in the queue.
        const auto q = runProcess({"squeue", "--noheader", "--states=RUNNING,PENDING"});
        QVERIFY2(q.ok() && q.output.find_first_not_of(" \n") == std::string::npos, q.output.c_str());
    }
    void malformedSpecIsLocated() {
        const auto r = kforge({"devices", "--runners", "ssh://host:0"});
        QVERIFY(!r.ok());
        QVERIFY2(r.output.find("runner endpoint 'ssh://host:0': column 12: the port must be a number in 1..65535") != std::string::npos,
                 r.output.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRemoteRunners)
#include "test_remote_runners.moc"
