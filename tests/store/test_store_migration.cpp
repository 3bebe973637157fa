// A workspace and a session file written by KernelForge before the typed
// model (store schema 4, made by `kforge optimize row_sum_fp32 --backend cpu
// --budget 4` plus a broken `kforge add`, tests/data/legacy/) open, migrate
// and read field by field. The workspace is kept as its `sqlite3 .dump` (text,
// with its user_version) and rebuilt from it
// before each test.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "util/error.h"
#include "util/text.h"

using namespace kforge;

namespace {

std::filesystem::path legacy(const char* name) {
    return std::filesystem::path(qEnvironmentVariable("KFORGE_TEST_DATA").toStdString()) / "data" / "legacy" / name;
}

// The schema-4 workspace at `file`, from its dump, not yet migrated.
void schemaFourWorkspace(const std::filesystem::path& file) {
    Database db(file);
    db.exec(readTextFile(legacy("schema4-workspace.sql")));
}

}  // namespace

class TestStoreMigration : public QObject {
    Q_OBJECT
private slots:
    void schemaFourWorkspaceMigratesAndReads() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "workspace.db";
        schemaFourWorkspace(file);
        Store store(file);
        QCOMPARE(store.schemaVersion(), latestSchemaVersion());
        const auto sessions = store.sessions();
        QCOMPARE(sessions.size(), size_t(1));
        const SessionRecord& r = sessions.front();
        QCOMPARE(r.task, std::string("row_sum_fp32"));
        QCOMPARE(r.device.backend, Backend::Cpu);
        QVERIFY(r.device.cpu && r.device.cpu->cores > 0);
        QVERIFY(r.device.copyBandwidthGbps > 0);

        const auto nodes = store.nodes(r.id);
        QCOMPARE(nodes.size(), size_t(5));
        const Node& root = nodes.at(0);
        QCOMPARE(root.status, Status::Passed);
        QVERIFY(root.compile && root.compile->ok);
        QVERIFY(root.evaluation);
        QCOMPARE(root.evaluation->workloads.size(), size_t(4));
        for (const auto& w : root.evaluation->workloads) {
            QVERIFY(w.timed());
            QVERIFY(w.baseline && w.baseline->median > 0);
            QVERIFY(w.floor);
            QCOMPARE(w.samplesMs.size(), size_t(w.timing.count));
        }
        QVERIFY(!root.profile);  // '{}' became "none"
        QCOMPARE(nodes.at(1).input.strategy, std::string("bo"));
        QVERIFY(nodes.at(1).input.spaceSize.has_value());

        const Node& broken = nodes.at(4);
        QCOMPARE(broken.status, Status::CompileError);
        QCOMPARE(broken.input.note, std::string("a broken edit"));
        QVERIFY(broken.compile && !broken.compile->ok);
        bool sawError = false;
        for (const auto& d : broken.compile->diagnostics) sawError = sawError || (d.severity == "error" && d.line == 2);
        QVERIFY(sawError);

        // Written back in the new shape, read again the same.
        store.updateNode(r.id, root);
        QCOMPARE(toJson(store.node(r.id, 1)), toJson(root));

        // A message stored before phrases were kept reads as the English it
        // was; one written now keeps its phrase, in the summary read too.
        QVERIFY(broken.message.verbatim && !broken.message.empty());
        Node died = broken;
        died.message = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner died: %1"), phrase(QT_TRANSLATE_NOOP("Phrase", "exit code %1"), 1));
        store.updateNode(r.id, died);
        QCOMPARE(store.node(r.id, died.id).message, died.message);
        QCOMPARE(store.nodes(r.id, Store::NodeDetail::Summary).at(4).message, died.message);
        QCOMPARE(store.node(r.id, died.id).message.english(), std::string("the runner died: exit code 1"));

        // A session from before the stop causes were kept has none, and its English reason.
        QVERIFY(r.stopCauses.empty());
        QVERIFY(!r.stopReason.empty());
    }

    void stopCausesRoundTripThroughStoreAndFile() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "workspace.db";
        schemaFourWorkspace(file);
        Store store(file);
        SessionRecord r = store.sessions().front();
        r.stopCauses = {StopCause::Plateau, StopCause::Time};
        r.stopReason = "no improvement in the last 5 evaluations; time limit of 1:00 reached";
        store.saveSession(r);
        QCOMPARE(store.session(r.id).stopCauses, r.stopCauses);
        const nlohmann::json j = toJson(store.session(r.id));
        QCOMPARE(j.at("stop_causes"), nlohmann::json::parse(R"(["plateau", "time"])"));
        QCOMPARE(sessionRecordFromJson(j, "s.kfsession").stopCauses, r.stopCauses);
        nlohmann::json bad = j;
        bad["stop_causes"][1] = "bored";
        try {
            sessionRecordFromJson(bad, "s.kfsession");
            QFAIL("an unknown cause was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("stop_causes[1]") != std::string::npos, e.what());
            QVERIFY2(std::string(e.what()).find("\"bored\" is not a stop cause") != std::string::npos, e.what());
        }
    }

    void deviceBaselinesRoundTripThroughStoreAndFile() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "workspace.db";
        schemaFourWorkspace(file);
        Store store(file);
        SessionRecord r = store.sessions().front();
        QVERIFY(r.deviceBaselines.empty());  // a session from before runners of several models
        DeviceBaseline other;
        other.device.backend = Backend::Cpu;
        other.device.name = "Test CPU";
        other.device.cpu = CpuFacts{1, 32u << 20};
        other.times["small"] = summarize({0.5, 0.25, 0.75});
        r.deviceBaselines = {other};
        store.saveSession(r);
        const SessionRecord back = store.session(r.id);
        QCOMPARE(back.deviceBaselines.size(), size_t{1});
        QCOMPARE(deviceModel(back.deviceBaselines[0].device), std::string("Test CPU x 1 thread"));
        QCOMPARE(back.deviceBaselines[0].times.at("small").median, 0.5);
        QVERIFY(baselineOn(back.deviceBaselines, "Test CPU x 1 thread"));
        QVERIFY(!baselineOn(back.deviceBaselines, "Test CPU x 2 threads"));
        const nlohmann::json j = toJson(back);
        QCOMPARE(sessionRecordFromJson(j, "s.kfsession").deviceBaselines[0].times.at("small").median, 0.5);
        nlohmann::json bad = j;
        bad["device_baselines"][0]["baseline"]["small"] = "fast";
        try {
            sessionRecordFromJson(bad, "s.kfsession");
            QFAIL("a baseline that is not timings was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("device_baselines[0].baseline.small") != std::string::npos, e.what());
        }
    }

    void schemaFourSessionFileImports() {
        QTemporaryDir dir;
        Store store(std::filesystem::path(dir.path().toStdString()) / "workspace.db");
        const int64_t id = store.importSession(nlohmann::json::parse(readTextFile(legacy("schema4-session.json"))));
        const auto nodes = store.nodes(id);
        QCOMPARE(nodes.size(), size_t(5));
        QVERIFY(nodes.at(0).evaluation && nodes.at(0).evaluation->workloads.size() == 4);
        QVERIFY(!nodes.at(0).profile);
        QCOMPARE(store.session(id).device.backend, Backend::Cpu);
    }

    void damagedNodeIsALocatedError() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "workspace.db";
        schemaFourWorkspace(file);
        Store store(file);
        const int64_t id = store.sessions().front().id;
        store.database().exec(R"(UPDATE nodes SET evaluation = json_set(evaluation, '$.workloads[1].median_ms', 'fast') WHERE id = 3)");
        QString message;
        try {
            store.nodes(id);
        } catch (const Error& e) {
            message = QString::fromUtf8(e.what());
        }
        QVERIFY2(message.contains(QStringLiteral("node 3")) && message.contains(QStringLiteral("evaluation.workloads[1].median_ms")),
                 qPrintable(message));
    }
};

QTEST_APPLESS_MAIN(TestStoreMigration)
#include "test_store_migration.moc"
