// The runner endpoint grammar (core/model/runner_endpoint.h): every form
// parses to the fields it names, prints back to itself, and every malformed
// spec is refused with the column of its fault.
#include <QtTest>

#include "model/runner_endpoint.h"

using namespace kforge;

class TestRunnerEndpoint : public QObject {
    Q_OBJECT
private slots:
    void localDevices() {
        const auto cpu = parseRunnerEndpoint("cpu");
        QVERIFY(cpu.kind == RunnerEndpoint::Kind::Local);
        QVERIFY(cpu.device == (DeviceSlot{Backend::Cpu, 0}));
        const auto gpu = parseRunnerEndpoint("cuda:3");
        QVERIFY(gpu.device == (DeviceSlot{Backend::Cuda, 3}));
        QCOMPARE(parseRunnerEndpoint("cuda").spec(), std::string("cuda:0"));
        QVERIFY(!gpu.remote());
    }
    void sshFields() {
        const auto e = parseRunnerEndpoint("ssh://kf@gpu-box.lan:2222?device=cuda:1&runner=/opt/kf/bin/kforge-runner&config=/tmp/c");
        QVERIFY(e.kind == RunnerEndpoint::Kind::Ssh);
        QCOMPARE(e.user, std::string("kf"));
        QCOMPARE(e.host, std::string("gpu-box.lan"));
        QCOMPARE(e.port, 2222);
        QVERIFY(e.device == (DeviceSlot{Backend::Cuda, 1}));
        QCOMPARE(e.runner, std::string("/opt/kf/bin/kforge-runner"));
        QCOMPARE(e.sshConfig, std::string("/tmp/c"));
        QVERIFY(e.remote());
        const auto bare = parseRunnerEndpoint("ssh://127.0.0.1");
        QCOMPARE(bare.port, 0);
        QVERIFY(!bare.device);
        QVERIFY(bare.deviceFor(Backend::Cuda) == (DeviceSlot{Backend::Cuda, 0}));
    }
    void slurmFields() {
        const auto e = parseRunnerEndpoint("slurm://debug?gres=gpu:1&time=30:00");
        QVERIFY(e.kind == RunnerEndpoint::Kind::Slurm);
        QCOMPARE(e.partition, std::string("debug"));
        QCOMPARE(e.gres, std::string("gpu:1"));
        QCOMPARE(e.time, std::string("30:00"));
    }
    void specRoundTrips_data() {
        QTest::addColumn<QString>("spec");
        for (const char* s : {"cpu", "cuda:0", "hip:2", "ssh://host", "ssh://u@h:22?device=cpu", "ssh://h?runner=/a/b&config=/c",
                              "slurm://debug", "slurm://gpu?device=cuda:0&gres=gpu:1&time=1:00:00&runner=/x/kforge-runner"})
            QTest::newRow(s) << QString(s);
    }
    void specRoundTrips() {
        QFETCH(QString, spec);
        const auto e = parseRunnerEndpoint(spec.toStdString());
        QCOMPARE(e.spec(), spec.toStdString());
        QVERIFY(runnerEndpointFromJson(toJson(e), "runners[0]") == e);
    }
    void malformedSpecsNameTheColumn_data() {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << "" << "column 1: empty";
        QTest::newRow("unknown device") << "tpu:0" << "column 1: unknown device 'tpu:0'";
        QTest::newRow("cpu number") << "cpu:1" << "column 4: the CPU has no device number";
        QTest::newRow("bad ordinal") << "cuda:x" << "column 6: the device number must be a number";
        QTest::newRow("scheme") << "http://h" << "column 1: unknown scheme 'http://'";
        QTest::newRow("no host") << "ssh://" << "column 7: the host is empty";
        QTest::newRow("port range") << "ssh://h:99999" << "column 9: the port must be a number in 1..65535, not '99999'";
        QTest::newRow("option host") << "ssh://-oProxyCommand=x" << "column 7: the host must not start with '-'";
        QTest::newRow("shell char") << "ssh://h;rm" << "column 8: the host holds ';'";
        QTest::newRow("path") << "ssh://h/x" << "column 8: an ssh endpoint has no path";
        QTest::newRow("unknown option") << "ssh://h?gres=gpu:1" << "column 9: unknown option 'gres' (device, runner, config)";
        QTest::newRow("twice") << "slurm://p?time=1&time=2" << "column 18: option 'time' is given twice";
        QTest::newRow("no value") << "slurm://p?gres" << "column 11: an option is key=value";
        QTest::newRow("runner quote") << "ssh://h?runner=/a b" << "column 18: the runner path holds ' '";
        QTest::newRow("partition") << "slurm://a/b" << "column 10: a partition name holds no '/' or ':'";
    }
    void malformedSpecsNameTheColumn() {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        try {
            parseRunnerEndpoint(spec.toStdString());
            QFAIL("parsed");
        } catch (const EndpointError& e) {
            const std::string what = e.what();
            if (what.find(expected.toStdString()) == std::string::npos) QFAIL(what.c_str());
            QVERIFY(what.find("'" + spec.toStdString() + "'") != std::string::npos);
        }
    }
    void lists() {
        const auto l = parseRunnerEndpoints("cuda:0,cuda:1,ssh://h");
        QCOMPARE(l.size(), size_t{3});
        QVERIFY(l[2].kind == RunnerEndpoint::Kind::Ssh);
        // Twice: two runner processes on the one device.
        const auto two = parseRunnerEndpoints("cuda:0,cuda:0");
        QCOMPARE(two.size(), size_t(2));
        QVERIFY(two[0] == two[1]);
        QVERIFY_THROWS_EXCEPTION(EndpointError, parseRunnerEndpoints("cpu,"));
    }
    void jsonRejectsAnotherType() { QVERIFY_THROWS_EXCEPTION(ModelError, runnerEndpointFromJson(nlohmann::json(3), "runners[1]")); }
};

QTEST_APPLESS_MAIN(TestRunnerEndpoint)
#include "test_runner_endpoint.moc"
