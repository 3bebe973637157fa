// The sandbox's boundaries, each proven by a candidate that tries to cross
// one: the network, the home directory, the workspace, a process that
// outlives its call, a shell, and a compile that includes a hidden file. In
// the sandbox the effect never shows outside and the next candidate is
// evaluated as usual; with the sandbox off the same candidates do cross
// (which shows that each attempt is real), and where bubblewrap cannot run the
// evaluation goes on unsandboxed and says so.
#include <QTemporaryDir>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "eval/evaluator.h"
#include "sandbox/sandbox.h"
#include "store/store.h"

using namespace kforge;
namespace fs = std::filesystem;

namespace {

// Adds c = a + b honestly; `attempt` runs once per process, before the first result.
std::string candidate(const std::string& includes, const std::string& attempt) {
    return "#include <kf_abi.h>\n" + includes +
           "\n"
           "static int failed = 0;\n"
           "static void attempt() {\n" +
           attempt +
           "\n}\n"
           "KF_EXPORT int kf_run(const kf_call* call) {\n"
           "    static bool tried = false;\n"
           "    if (!tried) { tried = true; attempt(); }\n"
           "    if (failed) return 1;\n"
           "    const int64_t n = kf_axis(call, \"N\");\n"
           "    const float* a = static_cast<const float*>(call->inputs[0].data);\n"
           "    const float* b = static_cast<const float*>(call->inputs[1].data);\n"
           "    float* c = static_cast<float*>(call->outputs[0].data);\n"
           "    for (int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i];\n"
           "    return 0;\n"
           "}\n";
}

std::string quoted(const fs::path& p) {
    return "\"" + p.string() + "\"";
}

// Processes named `comm` (candidates name their forks so they can be found).
std::vector<pid_t> processesNamed(const std::string& comm) {
    std::vector<pid_t> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/proc", ec)) {
        const std::string name = e.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream in(e.path() / "comm");
        std::string c;
        if (std::getline(in, c) && c == comm) found.push_back(std::stoi(name));
    }
    return found;
}

}  // namespace

class TestSandbox : public QObject {
    Q_OBJECT
    QTemporaryDir temp_;
    fs::path root_, home_, outside_, store_, sources_;
    std::optional<Task> task_;
    int listener_ = -1;
    int port_ = 0;

    static fs::path testData() { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString(); }

    EvalOptions options() const {
        EvalOptions o;
        o.backend = Backend::Cpu;
        o.timing.warmupMs = 5;
        o.timing.budgetMs = 20;
        o.timing.minReps = 3;
        o.stepTimeout = std::chrono::seconds(20);
        o.torchBaselines.clear();
        return o;
    }

    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path p = sources_ / name;
        std::ofstream(p) << text;
        return p;
    }

    // An Evaluator made under the given environment (read when it is made).
    std::unique_ptr<Evaluator> evaluator(const char* noSandbox, const char* bwrap) {
        if (noSandbox) qputenv("KFORGE_NO_SANDBOX", noSandbox);
        else qunsetenv("KFORGE_NO_SANDBOX");
        if (bwrap) qputenv("KFORGE_BWRAP", bwrap);
        else qunsetenv("KFORGE_BWRAP");
        auto e = std::make_unique<Evaluator>(AppPaths::discover());
        qunsetenv("KFORGE_NO_SANDBOX");
        qunsetenv("KFORGE_BWRAP");
        return e;
    }

    bool connectionPending() const {
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, 0) <= 0) return false;
        const int c = ::accept(listener_, nullptr, nullptr);
        if (c >= 0) ::close(c);
        return true;
    }

    void goodStillPasses(Evaluator& e) {
        const EvalReport after = e.evaluate(*task_, testData() / "faults/cpu/good.cpp", options());
        QVERIFY2(after.status == Status::Passed, after.message.english().c_str());
    }

    void addRows() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("socket to a listener on 127.0.0.1") << "socket";
        QTest::newRow("write into the home directory") << "home";
        QTest::newRow("read the workspace") << "store";
        QTest::newRow("shell touches a file outside") << "shell";
        QTest::newRow("#include of a file in the home") << "include";
        QTest::newRow(".incbin of the workspace") << "incbin";
    }

    fs::path source(const QString& kind) const {
        const std::string k = kind.toStdString();
        if (k == "socket")
            return write("socket.cpp", candidate("#include <arpa/inet.h>\n#include <netinet/in.h>\n#include <sys/socket.h>\n#include <unistd.h>",
                                                 "    int s = socket(AF_INET, SOCK_STREAM, 0);\n"
                                                 "    sockaddr_in a{}; a.sin_family = AF_INET; a.sin_port = htons(" +
                                                     std::to_string(port_) +
                                                     ");\n"
                                                     "    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);\n"
                                                     "    connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a);\n"
                                                     "    close(s);"));
        if (k == "home")
            return write("home.cpp", candidate("#include <cstdio>\n#include <cstdlib>\n#include <string>",
                                               "    const std::string p = std::string(std::getenv(\"HOME\")) + \"/escaped.txt\";\n"
                                               "    if (FILE* f = std::fopen(p.c_str(), \"w\")) { std::fputs(\"out\", f); std::fclose(f); }"));
        if (k == "store")
            return write("store.cpp", candidate("#include <cstdio>",
                                                "    if (FILE* f = std::fopen(" + quoted(store_) +
                                                    ", \"rb\")) { char b[16]; if (std::fread(b, 1, 16, f) == 16) failed = 1; std::fclose(f); }"));
        if (k == "shell")
            return write("shell.cpp", candidate("#include <cstdlib>", "    (void)!std::system(\"sh -c 'touch " + (outside_ / "shell.txt").string() + "'\");"));
        if (k == "include") return write("include.cpp", candidate("#include " + quoted(home_ / "secret.h"), ""));
        return write("incbin.cpp", candidate("", "") + "asm(\".incbin \\\"" + store_.string() + "\\\"\");\n");
    }

    bool crossed(const QString& kind, const EvalReport& r) {
        const std::string k = kind.toStdString();
        if (k == "socket") return connectionPending();
        if (k == "home") return fs::exists(home_ / "escaped.txt");
        if (k == "store") return r.status == Status::RuntimeError;
        if (k == "shell") return fs::exists(outside_ / "shell.txt");
        return r.compile.ok;  // include, incbin
    }

private slots:
    void initTestCase() {
        QVERIFY(temp_.isValid());
        root_ = temp_.path().toStdString();
        home_ = root_ / "home";
        outside_ = root_ / "outside";
        sources_ = root_ / "sources";
        for (const auto& d : {home_, outside_, sources_, root_ / "workspace"}) fs::create_directories(d);
        store_ = root_ / "workspace" / "workspace.db";
        { Store workspace(store_); }
        std::ofstream(home_ / "secret.h") << "#define SECRET 42\n";
        // The home a candidate must not see: the test's own, so nothing real is at stake.
        qputenv("HOME", QByteArray::fromStdString(home_.string()));
        task_ = loadTask(testData() / "data/fault_add_fp32");

        listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        QVERIFY(::listen(listener_, 8) == 0);
        socklen_t len = sizeof a;
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
    }
    void cleanupTestCase() {
        if (listener_ >= 0) ::close(listener_);
    }

    void init() {
        std::error_code ec;
        fs::remove(home_ / "escaped.txt", ec);
        fs::remove(outside_ / "shell.txt", ec);
        fs::remove(outside_ / "forked.txt", ec);
        while (connectionPending()) {}
    }

    // The command line: the sandbox's view comes before the job's paths, the
    // home is hidden before what is bound back under it, nothing binds the root.
    void commandHidesTheHome() {
        SandboxHost host;
        host.bwrap = "/usr/bin/bwrap";
        host.prlimit = "/usr/bin/prlimit";
        host.home = "/home/u";
        host.system = {{"/usr", {}}, {"/bin", "usr/bin"}};
        host.gpuDevices = {"/dev/nvidia0", "/dev/nvidiactl"};
        host.extraReadOnly = {"/home", "/home/u/lib", "/opt/cuda", "/usr/local/cuda"};
        host.unsetEnvironment = {"OPENAI_API_KEY"};
        SandboxJob job;
        job.readOnly = {"/home/u/.cache/kernelforge/compile"};
        job.writable = {"/tmp/kforge-runner-1"};
        job.limits.processes = 64;
        const auto cmd = sandboxCommand(host, job, {"runner", "--backend", "cpu"});
        auto at = [&](const std::vector<std::string>& seq) -> long {
            for (size_t i = 0; i + seq.size() <= cmd.size(); ++i)
                if (std::equal(seq.begin(), seq.end(), cmd.begin() + static_cast<long>(i))) return static_cast<long>(i);
            return -1;
        };
        QVERIFY(at({"--unshare-all"}) > 0 && at({"--die-with-parent"}) > 0);
        QVERIFY(at({"--symlink", "usr/bin", "/bin"}) > 0);
        const long hide = at({"--tmpfs", "/home/u"});
        const long cache = at({"--ro-bind-try", "/home/u/.cache/kernelforge/compile", "/home/u/.cache/kernelforge/compile"});
        QVERIFY(hide > 0 && cache > hide);
        QVERIFY(at({"--ro-bind-try", "/home/u/lib", "/home/u/lib"}) > hide);
        QCOMPARE(at({"--ro-bind-try", "/home", "/home"}), -1L);  // would show the home again
        QVERIFY(at({"--ro-bind-try", "/opt/cuda", "/opt/cuda"}) > 0);
        QCOMPARE(at({"--ro-bind-try", "/usr/local/cuda", "/usr/local/cuda"}), -1L);  // under /usr: there already
        QVERIFY(at({"--bind", "/tmp/kforge-runner-1", "/tmp/kforge-runner-1"}) > at({"--tmpfs", "/tmp"}));
        QCOMPARE(at({"--dev-bind-try", "/dev/nvidia0", "/dev/nvidia0"}), -1L);  // a CPU job gets no GPU
        QVERIFY(at({"--unsetenv", "OPENAI_API_KEY"}) > 0);
        QVERIFY(at({"--", "/usr/bin/prlimit", "--nproc=64:64", "--", "runner", "--backend", "cpu"}) > 0);
        QCOMPARE(at({"/", "/"}), -1L);
        job.gpu = true;
        const auto gpu = sandboxCommand(host, job, {"runner"});
        QVERIFY(std::find(gpu.begin(), gpu.end(), "/dev/nvidiactl") != gpu.end());
        QVERIFY(looksLikeSecret("ANTHROPIC_API_KEY") && looksLikeSecret("HF_TOKEN") && !looksLikeSecret("PATH") &&
                !looksLikeSecret("KEYBOARD_LAYOUT"));
    }

    void containedInTheSandbox_data() { addRows(); }
    void containedInTheSandbox() {
        auto e = evaluator(nullptr, nullptr);
        if (!e->sandbox().active()) QSKIP(("bubblewrap is unusable here: " + e->sandbox().status().description).c_str());
        QFETCH(QString, kind);
        const EvalReport r = e->evaluate(*task_, source(kind), options());
        qInfo("%s -> %s: %s", qPrintable(kind), statusName(r.status).data(), r.message.english().c_str());
        QCOMPARE(r.sandbox, std::string("bubblewrap"));
        QVERIFY2(!crossed(kind, r), qPrintable(kind));
        const bool compileTime = kind == "include" || kind == "incbin";
        QCOMPARE(r.status, compileTime ? Status::CompileError : Status::Passed);
        goodStillPasses(*e);
    }

    // The same attempts with the sandbox off: each crosses, so the test above can fail.
    void crossWithoutTheSandbox_data() { addRows(); }
    void crossWithoutTheSandbox() {
        auto e = evaluator("1", nullptr);
        QVERIFY(!e->sandbox().active());
        QCOMPARE(e->sandbox().status().description, std::string("none (--no-sandbox)"));
        QFETCH(QString, kind);
        const EvalReport r = e->evaluate(*task_, source(kind), options());
        QCOMPARE(r.sandbox, std::string("none (--no-sandbox)"));
        QVERIFY2(crossed(kind, r), qPrintable(kind + ": " + QString::fromStdString(r.message.english())));
        goodStillPasses(*e);
    }

    // A fork that outlives kf_run, leaves the runner's process group and keeps
    // trying to write outside: in the sandbox it writes nothing there and dies
    // with the runner; without, it does both (the control).
    void forkIsContained_data() {
        QTest::addColumn<bool>("sandboxed");
        QTest::newRow("sandboxed") << true;
        QTest::newRow("unsandboxed") << false;
    }
    void forkIsContained() {
        QFETCH(bool, sandboxed);
        auto e = evaluator(sandboxed ? nullptr : "1", nullptr);
        if (sandboxed && !e->sandbox().active()) QSKIP(("bubblewrap is unusable here: " + e->sandbox().status().description).c_str());
        const fs::path target = outside_ / "forked.txt";
        const fs::path src = write("fork.cpp", candidate("#include <fcntl.h>\n#include <sys/prctl.h>\n#include <time.h>\n#include <unistd.h>",
                                                         "    if (fork() != 0) return;\n"
                                                         "    setsid();\n"
                                                         "    prctl(PR_SET_NAME, \"kf-escapee\");\n"
                                                         "    for (int i = 0; i < 100; ++i) {\n"
                                                         "        int fd = open(" + quoted(target) + ", O_WRONLY | O_CREAT | O_APPEND, 0644);\n"
                                                         "        if (fd >= 0) { (void)!write(fd, \"x\", 1); close(fd); }\n"
                                                         "        timespec t{0, 100000000}; nanosleep(&t, nullptr);\n"
                                                         "    }\n"
                                                         "    _exit(0);"));
        const EvalReport r = e->evaluate(*task_, src, options());
        QVERIFY2(r.status == Status::Passed, r.message.english().c_str());
        goodStillPasses(*e);
        e.reset();  // the runner quits
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const auto alive = processesNamed("kf-escapee");
        for (pid_t p : alive) ::kill(p, SIGKILL);  // the control's, so nothing is left behind
        if (sandboxed) {
            QVERIFY2(alive.empty(), "a forked process outlived the sandboxed runner");
            QVERIFY(!fs::exists(target));
        } else {
            QVERIFY(!alive.empty());
            QVERIFY(fs::exists(target));
        }
    }

    // The runner's own writes (write-inputs, for the PyTorch child) reach the
    // outside only in its scratch directory.
    void runnerWritesOnlyItsScratch() {
        auto e = evaluator(nullptr, nullptr);
        if (!e->sandbox().active()) QSKIP(("bubblewrap is unusable here: " + e->sandbox().status().description).c_str());
        EvaluateSpec spec;
        spec.axisNames = {"N"};
        TensorSpec a;
        a.name = "a";
        a.shape = {"N"};
        spec.inputs = {a};
        TensorSpec c;
        c.name = "c";
        c.shape = {"N"};
        spec.outputs = {c};
        WorkloadSpec w;
        w.uuid = "w";
        w.axisValues = {16};
        w.inputShapes = {{16}};
        w.outputShapes = {{16}};
        w.scalars = {std::nullopt};
        spec.workloads = {w};
        spec.seeds = {1};
        auto writeTo = [&](const fs::path& dir) {
            const auto reply = e->runner(Backend::Cpu).request({{"cmd", "write-inputs"}, {"spec", toJson(spec)}, {"dir", dir.string()}},
                                                               std::chrono::seconds(20));
            QVERIFY2(reply.kind == RunnerClient::Reply::Kind::Ok, reply.message.english().c_str());
        };
        auto anyFile = [](const fs::path& dir) {
            std::error_code ec;
            for (const auto& f : fs::recursive_directory_iterator(dir, ec))
                if (f.is_regular_file()) return true;
            return false;
        };
        writeTo(e->runnerScratch() / "inputs");
        QVERIFY(anyFile(e->runnerScratch() / "inputs"));
        writeTo(outside_ / "inputs");  // lands in the sandbox's private /tmp
        QVERIFY(!fs::exists(outside_ / "inputs"));
    }

    // Where bubblewrap is missing or cannot make namespaces, candidates still
    // evaluate, and the report says they ran unsandboxed and why.
    void fallbackWhenBubblewrapIsUnusable_data() {
        QTest::addColumn<QString>("bwrap");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << "/nonexistent/bwrap" << "bubblewrap not found";
        QTest::newRow("refuses") << "/bin/false" << "bubblewrap cannot make a sandbox here";
    }
    void fallbackWhenBubblewrapIsUnusable() {
        QFETCH(QString, bwrap);
        QFETCH(QString, says);
        auto e = evaluator(nullptr, qPrintable(bwrap));
        const SandboxStatus& s = e->sandbox().status();
        QVERIFY(!s.active);
        QVERIFY2(QString::fromStdString(s.description).startsWith("none (" + says), s.description.c_str());
        QVERIFY(QString::fromStdString(s.warning).contains("WITHOUT a sandbox"));
        const EvalReport r = e->evaluate(*task_, testData() / "faults/cpu/good.cpp", options());
        QVERIFY2(r.status == Status::Passed, r.message.english().c_str());
        QCOMPARE(r.sandbox, s.description);
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "test_sandbox.moc"
