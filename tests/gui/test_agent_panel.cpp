// The LLM agent in the desktop app: the exchange model under Qt's model
// tester; a real agent session on the CPU, served by a loopback server that
// plays a model, run through SessionRun in the main window, whose Agent panel
// lists the refused and the productive exchange, streams the answer and
// follows the node selection; knowledge notes; the LLM providers settings
// page round-tripping providers.json without ever writing a key; the wizard
// with the agent on.

#include "llm/api_key.h"
#include "store/store.h"
#include "support/loopback_http_server.h"
#include "ui/agent/agent_panel.h"
#include "ui/agent/exchange_model.h"
#include "ui/agent/note_dialog.h"
#include "ui/agent/providers_page.h"
#include "ui/settings/settings_dialog.h"
#include "ui/main_window.h"
#include "ui/translation.h"
#include "ui/session/node_selection.h"
#include "ui/session/session_run.h"
#include "ui/session/workspace.h"
#include "ui/wizard/device_detection.h"
#include "ui/wizard/new_session_wizard.h"
#include "ui/wizard/search_page.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace kforge::ui;
using namespace kforge::test;

namespace {

constexpr int kRunTimeoutMs = 300000;

std::string kernel(const std::string& body, const std::string& comment) {
    return "// " + comment + "\n#include <kf_abi.h>\n\nKF_EXPORT int kf_run(const kf_call* call) {\n"
           "    const int64_t n = kf_axis(call, \"N\");\n"
           "    const float* __restrict a = static_cast<const float*>(call->inputs[0].data);\n"
           "    const float* __restrict b = static_cast<const float*>(call->inputs[1].data);\n"
           "    float* __restrict c = static_cast<float*>(call->outputs[0].data);\n"
           "#pragma omp simd\n"
           "    for (int64_t i = 0; i < n; ++i) " + body + "\n    return 0;\n}\n";
}

ScriptedReply streamed(const std::string& text) {
    std::vector<std::string> pieces;
    for (size_t at = 0; at < text.size(); at += 40) pieces.push_back(text.substr(at, 40));
    return openAiStream(pieces, 1000, static_cast<int>(text.size() / 4));
}

kforge::LlmExchange exchange(int64_t id, std::optional<int64_t> node, int64_t parent, const std::string& refusal = {}) {
    kforge::LlmExchange e;
    e.id = id;
    e.sessionId = 1;
    e.nodeId = node;
    e.parentId = parent;
    e.mode = "optimize";
    e.refusal = refusal;
    e.outcome = "complete";
    e.inputTokens = 100 * id;
    e.outputTokens = 10 * id;
    e.cost = 0.5;
    e.startedAt = "2024-05-01T12:00:00Z";
    e.request = {{"system", "You write kernels."}, {"messages", {{{"role", "user"}, {"content", "Make it faster."}}}}};
    e.response = "Change: faster";
    return e;
}

std::vector<DetectedDevice> cpuOnly() {
    DetectedDevice cpu;
    cpu.backend = kforge::Backend::Cpu;
    cpu.available = true;
    cpu.facts.name = "Test CPU";
    cpu.facts.cpu = kforge::CpuFacts{8, 0};
    return {cpu};
}

void pressEnter(QWizard& wizard) {
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &wizard;
    QTest::keyClick(target, Qt::Key_Return);
}

QString providersFile() { return qEnvironmentVariable("KFORGE_PROVIDERS"); }

// With KFORGE_SCREENSHOT_DIR set, saves what `widget` looks like in English
// and in Simplified Chinese (for looking at, not for asserting).
void saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    QTranslator chinese;
    if (!kforge::ui::loadApplicationTranslation(chinese, QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China)))
        return;
    QCoreApplication::installTranslator(&chinese);
    QCoreApplication::processEvents();
    widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral("-zh_CN.png"));
    QCoreApplication::removeTranslator(&chinese);
    QCoreApplication::processEvents();
}

}  // namespace

class TestAgentPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
        qputenv("KFORGE_PROVIDERS", dir_.filePath(QStringLiteral("providers.json")).toUtf8());
        QVERIFY2(qEnvironmentVariableIsSet("KFORGE_RUNNER"), "run through ctest, or set KFORGE_RUNNER and KFORGE_RESOURCES");
    }

    void exchangeModelFollowsItsRows() {
        ExchangeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setExchanges(1, {exchange(1, std::nullopt, 1, "no code block in the answer"), exchange(2, 2, 1)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ExchangeModel::ColumnCount));
        QVERIFY(model.index(0, ExchangeModel::Result).data().toString().contains(QStringLiteral("no code block")));
        QCOMPARE(model.index(1, ExchangeModel::Result).data().toString(), QStringLiteral("node #2"));
        QCOMPARE(model.index(1, ExchangeModel::Parent).data().toString(), QStringLiteral("#1 → #2"));
        QCOMPARE(model.index(1, ExchangeModel::Tokens).data().toString(), QStringLiteral("200 + 20"));
        QCOMPARE(model.index(1, 0).data(ExchangeModel::NodeRole).toLongLong(), 2);
        QCOMPARE(model.rowOfNode(2), 1);
        QCOMPARE(model.rowOfNode(1), -1);
        model.addExchange(exchange(3, 3, 2));
        QCOMPARE(model.rowCount(), 3);
        kforge::LlmExchange again = exchange(3, 4, 2);
        model.addExchange(again);  // the same id: replaced, not appended
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfNode(4), 2);
        const auto totals = model.totals();
        QCOMPARE(totals.exchanges, 3);
        QCOMPARE(totals.inputTokens, int64_t(600));
        QCOMPARE(totals.outputTokens, int64_t(60));
        QCOMPARE(totals.cost, 1.5);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void agentRunShowsItsExchanges() {
        const std::string fast = "Change: a plain vectorized loop\n\n```cpp\n" + kernel("c[i] = a[i] + b[i];", "fast") + "```\n";
        const std::vector<std::string> script = {"I would vectorize the loop, but I write no code today.", fast};
        LoopbackHttpServer server([&](const ReceivedRequest&, int i) {
            return streamed(script[static_cast<size_t>(std::min(i, 1))]);
        });
        kforge::SessionConfig c;
        c.backend = kforge::Backend::Cpu;
        c.generators = {"llm"};
        c.seeds = 1;
        c.timing.warmupMs = 2;
        c.timing.budgetMs = 20;
        c.timing.minReps = 3;
        c.maxInFlight = 1;
        c.stop.evaluations = 2;  // the root and the agent's kernel
        kforge::LlmSettings llm;
        llm.provider.name = "scripted";
        llm.provider.baseUrl = server.url("/v1");
        llm.provider.model = "scripted-model";
        llm.provider.maxConcurrent = 1;
        llm.provider.retries = 0;
        llm.provider.prices = {1.0, 2.0};
        c.llm = llm;

        const QString db = dir_.filePath(QStringLiteral("agent.db"));
        MainWindow window(db);
        window.resize(1400, 900);
        window.show();
        AgentPanel* panel = window.agentPanel();
        QVERIFY(panel);
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy exchanges(window.sessionRun(), &SessionRun::exchangeRecorded);
        QSignalSpy text(window.sessionRun(), &SessionRun::llmTextArrived);
        QSignalSpy finished(window.sessionRun(), &SessionRun::finished);
        QSignalSpy failed(window.sessionRun(), &SessionRun::failed);
        QVERIFY(window.sessionRun()->startNew(QStringLiteral("vector_add_fp32"), c, QStringLiteral("agent"),
                                              QStringLiteral(KFORGE_TEST_DATA_DIR "/data/llm/slow_add.cpp")));
        QVERIFY(finished.wait(kRunTimeoutMs) || !finished.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
        QTRY_COMPARE(panel->model()->rowCount(), 2);
        QCOMPARE(exchanges.size(), 2);
        QVERIFY(!text.isEmpty());

        const kforge::LlmExchange* refused = panel->model()->at(0);
        const kforge::LlmExchange* made = panel->model()->at(1);
        QVERIFY(refused && made);
        QVERIFY(!refused->nodeId);
        QVERIFY2(refused->refusal.find("no code block") != std::string::npos, refused->refusal.c_str());
        QVERIFY(panel->model()->index(0, ExchangeModel::Result).data().toString().contains(QStringLiteral("no code block")));
        QCOMPARE(made->nodeId.value_or(0), int64_t(2));
        QCOMPARE(made->response, fast);
        // The live view received the answer as it streamed.
        QVERIFY2(panel->liveView()->toPlainText().contains(QStringLiteral("a plain vectorized loop")),
                 qPrintable(panel->liveView()->toPlainText()));
        // Totals: two exchanges of 1000 prompt tokens each.
        QVERIFY2(panel->totalsLabel()->text().startsWith(QStringLiteral("Exchanges: 2 · tokens: 2,000 in")),
                 qPrintable(panel->totalsLabel()->text()));

        // Selecting the new node selects the exchange that produced it; its prompt and answer show.
        window.nodeSelection()->select(1);
        QCOMPARE(panel->currentRow(), -1);
        window.nodeSelection()->select(2);
        QCOMPARE(panel->currentRow(), 1);
        QVERIFY(panel->promptView()->toPlainText().contains(QStringLiteral("=== System ===")));
        QVERIFY(panel->promptView()->toPlainText().contains(QStringLiteral("=== User ===")));
        QCOMPARE(panel->answerView()->toPlainText(), QString::fromStdString(fast));
        const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
        QCOMPARE(panel->promptView()->font().family(), fixed);
        QCOMPARE(panel->answerView()->font().family(), fixed);
        // The refused one shows its reason.
        panel->selectRow(0);
        QVERIFY(panel->outcomeLabel()->text().contains(QStringLiteral("no code block")));
        // Double-clicking the productive exchange selects its node.
        window.nodeSelection()->select(1);
        const QModelIndex second = panel->model()->index(1, ExchangeModel::Result);
        emit panel->table()->doubleClicked(second);
        QCOMPARE(window.nodeSelection()->current(), qint64(2));
        panel->selectRow(1);
        panel->tabs()->setCurrentIndex(1);
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("agentDock"))) dock->raise();
        saveScreenshot(window, QStringLiteral("agent-window"));
        panel->resize(1100, 420);
        saveScreenshot(*panel, QStringLiteral("agent-panel"));

        // Opened again from the store: the workspace loads the same exchanges.
        const qint64 sessionId = window.sessionRun()->sessionId();
        Workspace workspace(db);
        NodeSelection selection;
        AgentPanel reopened(&workspace, nullptr, &selection);
        QSignalSpy shown(&reopened, &AgentPanel::exchangesShown);
        reopened.setSession(sessionId);
        QVERIFY(shown.wait(10000));
        QCOMPARE(reopened.model()->rowCount(), 2);
        QCOMPARE(reopened.model()->at(1)->nodeId.value_or(0), int64_t(2));
        selection.select(2);
        QCOMPARE(reopened.currentRow(), 1);
    }

    // Several answers stream at once (one per node asked about): each keeps
    // its own text, the view follows the newest unless one is chosen, and an
    // answer's end is shown when its exchange is recorded.
    void liveViewKeepsOneStreamPerNode() {
        Workspace workspace(dir_.filePath(QStringLiteral("live.db")));
        SessionRun run(dir_.filePath(QStringLiteral("live.db")));
        AgentPanel panel(&workspace, &run, nullptr);
        panel.setSession(7);
        emit run.llmTextArrived(3, 0, QStringLiteral("Change: tile "));
        QCOMPARE(panel.liveView()->toPlainText(), QStringLiteral("Change: tile "));
        QVERIFY(panel.liveChoice()->isHidden());
        emit run.llmTextArrived(5, 0, QStringLiteral("Change: fuse"));
        QCOMPARE(panel.liveView()->toPlainText(), QStringLiteral("Change: fuse"));  // the newest
        QCOMPARE(panel.liveChoice()->count(), 2);
        QVERIFY(!panel.liveChoice()->isHidden());
        emit run.llmTextArrived(3, 0, QStringLiteral("by 32"));
        QCOMPARE(panel.liveView()->toPlainText(), QStringLiteral("Change: fuse"));  // node 3's text goes on aside
        // Choose node 3: it stays shown while node 5 streams on.
        const int three = panel.liveChoice()->findData(qint64(3));
        panel.liveChoice()->setCurrentIndex(three);
        emit panel.liveChoice()->activated(three);
        QCOMPARE(panel.liveView()->toPlainText(), QStringLiteral("Change: tile by 32"));
        emit run.llmTextArrived(5, 0, QStringLiteral(" the loops"));
        QCOMPARE(panel.liveView()->toPlainText(), QStringLiteral("Change: tile by 32"));
        // A retry voids what node 3 had streamed.
        emit run.llmTextArrived(3, 1, QStringLiteral("HTTP 429"));
        QVERIFY(panel.liveView()->toPlainText().contains(QStringLiteral("HTTP 429")));
        QVERIFY(!panel.liveView()->toPlainText().contains(QStringLiteral("tile")));
        // Node 3's exchange is recorded: complete; node 5 is shown once it streams again.
        kforge::LlmExchange e;
        e.sessionId = 7;
        e.parentId = 3;
        e.outcome = "ok";
        emit run.exchangeRecorded(7, e);
        QVERIFY(panel.findChild<QLabel*>(QStringLiteral("liveLabel"))->text().contains(QStringLiteral("complete")));
        QVERIFY(panel.liveChoice()->itemText(three).contains(QStringLiteral("answered")));
        emit run.llmTextArrived(5, 0, QStringLiteral("."));
        QCOMPARE(panel.liveView()->toPlainText(), QStringLiteral("Change: fuse the loops."));
        // Another session: nothing of these streams is left.
        panel.setSession(8);
        QVERIFY(panel.liveView()->toPlainText().isEmpty());
        QCOMPARE(panel.liveChoice()->count(), 0);
    }

    void notesAreCheckedAddedAndRemoved() {
        const QString db = dir_.filePath(QStringLiteral("notes.db"));
        Workspace workspace(db);
        AgentPanel panel(&workspace, nullptr, nullptr);
        QSignalSpy notes(&panel, &AgentPanel::notesShown);
        QVERIFY(notes.wait(10000));
        QCOMPARE(panel.notesList()->count(), 0);

        auto* dialog = qobject_cast<NoteDialog*>(panel.showAddNoteDialog());
        QVERIFY(dialog);
        dialog->titleEdit()->setText(QStringLiteral("Prefer float4 loads"));
        dialog->bodyEdit()->setPlainText(QStringLiteral("On Hopper, vector loads halve the instructions of a copy."));
        dialog->devicesEdit()->setText(QStringLiteral("hopper, pentium"));
        dialog->accept();
        QVERIFY(dialog->isVisible());  // refused: an unknown device family
        QVERIFY2(dialog->errorText().contains(QStringLiteral("pentium")), qPrintable(dialog->errorText()));
        QVERIFY(dialog->errorText().contains(QStringLiteral("Devices")));
        dialog->devicesEdit()->setText(QStringLiteral("hopper"));
        dialog->opTypesEdit()->setText(QStringLiteral("elementwise"));
        dialog->bottlenecksEdit()->setText(QStringLiteral("memory"));
        dialog->accept();
        QVERIFY(notes.wait(10000));
        QCOMPARE(panel.notesList()->count(), 1);
        QCOMPARE(panel.noteRecords().front().title, std::string("Prefer float4 loads"));
        QCOMPARE(panel.noteRecords().front().devices, std::vector<std::string>{"hopper"});
        QVERIFY(panel.notesList()->item(0)->text().contains(QStringLiteral("elementwise")));
        {
            kforge::Store store(db.toStdString());
            QCOMPARE(kforge::AgentRecords(store.database()).notes().size(), size_t(1));
        }
        panel.notesList()->setCurrentRow(0);
        QVERIFY(panel.removeNoteButton()->isEnabled());
        panel.removeNoteButton()->click();
        QVERIFY(notes.wait(10000));
        QCOMPARE(panel.notesList()->count(), 0);
    }

    void wizardOffersTheAgentWithItsBudgets() {
        QFile::remove(providersFile());
        {
            // No provider: the option is off, disabled, and says where to add one.
            NewSessionWizard wizard(kforge::AppPaths::discover(), cpuOnly);
            auto* llm = wizard.findChild<QCheckBox*>(QStringLiteral("llmCheck"));
            auto* note = wizard.findChild<QLabel*>(QStringLiteral("llmNote"));
            QVERIFY(llm && note);
            QVERIFY(!llm->isEnabled());
            QVERIFY2(note->text().contains(QStringLiteral("Preferences")), qPrintable(note->text()));
            QVERIFY(!wizard.config().llm);
        }
        kforge::ProviderConfig local;
        local.name = "local-vllm";
        local.baseUrl = "http://127.0.0.1:8000/v1";
        local.model = "qwen-coder";
        kforge::ProviderConfig deepseek;
        deepseek.name = "deepseek";
        deepseek.baseUrl = "https://api.deepseek.com/v1";
        deepseek.model = "deepseek-chat";
        deepseek.keyEnv = "DEEPSEEK_API_KEY";
        kforge::saveProviders(providersFile().toStdString(), {local, deepseek});

        NewSessionWizard wizard(kforge::AppPaths::discover(), cpuOnly);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isLoadingTasks(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isDetectingDevices(), 20000);
        pressEnter(wizard);
        QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::DevicePageId));
        pressEnter(wizard);
        QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::SearchPageId));
        auto* llm = wizard.findChild<QCheckBox*>(QStringLiteral("llmCheck"));
        auto* provider = wizard.findChild<QComboBox*>(QStringLiteral("llmProvider"));
        auto* tokens = wizard.findChild<QSpinBox*>(QStringLiteral("tokenBudget"));
        auto* cost = wizard.findChild<QDoubleSpinBox*>(QStringLiteral("costBudget"));
        QVERIFY(llm && provider && tokens && cost);
        QVERIFY(llm->isEnabled());
        QVERIFY(!llm->isChecked());  // off by default
        QCOMPARE(provider->count(), 2);
        llm->setChecked(true);
        provider->setCurrentIndex(1);
        tokens->setValue(500000);
        cost->setValue(2.5);
        pressEnter(wizard);
        QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::StopPageId));
        QSignalSpy accepted(&wizard, &QDialog::accepted);
        pressEnter(wizard);
        QTRY_COMPARE(accepted.count(), 1);
        const kforge::SessionConfig c = wizard.config();
        QVERIFY(c.llm.has_value());
        QCOMPARE(c.llm->provider.name, std::string("deepseek"));
        QCOMPARE(c.llm->provider.model, std::string("deepseek-chat"));
        QCOMPARE(c.llm->provider.keyEnv, std::string("DEEPSEEK_API_KEY"));
        QCOMPARE(c.generators, (std::vector<std::string>{"tuner", "llm"}));
        QCOMPARE(c.stop.tokens, std::optional<int64_t>(500000));
        QCOMPARE(c.stop.cost, std::optional<double>(2.5));
        QCOMPARE(c.stop.evaluations, std::optional<int>(50));
        // What the store keeps reads back the same.
        QCOMPARE(kforge::toJson(kforge::sessionConfigFromJson(kforge::toJson(c))), kforge::toJson(c));

        // Remembered for the next wizard: the agent and its provider are chosen again.
        NewSessionWizard again(kforge::AppPaths::discover(), cpuOnly);
        auto* againLlm = again.findChild<QCheckBox*>(QStringLiteral("llmCheck"));
        QVERIFY(againLlm->isChecked());
        QCOMPARE(again.config().llm->provider.name, std::string("deepseek"));
        QFile::remove(providersFile());
    }

    void providersPageRoundTripsWithoutKeys() {
        const QByteArray secret = "sk-test-0123456789abcdef-SECRET";
        qputenv("KFORGE_GUI_TEST_KEY", secret);
        kforge::ProviderConfig existing;
        existing.name = "local";
        existing.baseUrl = "http://127.0.0.1:1/v1";
        existing.model = "tiny";
        kforge::saveProviders(providersFile().toStdString(), {existing});

        LoopbackHttpServer server([](const ReceivedRequest&, int) { return openAiStream({"rea", "dy"}, 12, 2); });
        ProvidersPage page;
        page.load(AppSettings());
        page.resize(900, 520);
        page.show();
        QCOMPARE(page.list()->count(), 1);
        QCOMPARE(page.nameEdit()->text(), QStringLiteral("local"));
        QVERIFY(page.validate(nullptr).isEmpty());
        QSignalSpy keyStatus(&page, &ProvidersPage::keyStatusShown);
        QVERIFY(keyStatus.wait(10000));
        QCOMPARE(keyStatus.last().at(0).toString(), QStringLiteral("no key needed"));

        // Added from a preset, then edited.
        QSignalSpy changed(&page, &SettingsPage::changed);
        page.addPreset(0);
        QCOMPARE(page.list()->count(), 2);
        QCOMPARE(page.list()->currentRow(), 1);
        QVERIFY(!changed.isEmpty());
        page.nameEdit()->setText(QStringLiteral("scripted"));
        emit page.nameEdit()->textEdited(page.nameEdit()->text());
        QCOMPARE(page.list()->item(1)->text(), QStringLiteral("scripted"));
        page.baseUrlEdit()->setText(QStringLiteral("localhost:8000/v1"));
        emit page.baseUrlEdit()->textEdited(page.baseUrlEdit()->text());
        QWidget* field = nullptr;
        const QString problem = page.validate(&field);
        QVERIFY2(problem.contains(QStringLiteral("Base URL")), qPrintable(problem));
        QCOMPARE(field, static_cast<QWidget*>(page.baseUrlEdit()));
        page.baseUrlEdit()->setText(QString::fromStdString(server.url("/v1")));
        emit page.baseUrlEdit()->textEdited(page.baseUrlEdit()->text());
        page.modelEdit()->setText(QStringLiteral("scripted-model"));
        emit page.modelEdit()->textEdited(page.modelEdit()->text());
        page.keychainCheck()->setChecked(false);
        page.keyEnvEdit()->setText(QStringLiteral("KFORGE_GUI_TEST_KEY"));
        emit page.keyEnvEdit()->textEdited(page.keyEnvEdit()->text());
        page.concurrencySpin()->setValue(3);
        page.inputPriceSpin()->setValue(0.5);
        page.outputPriceSpin()->setValue(1.5);
        QVERIFY2(page.validate(nullptr).isEmpty(), qPrintable(page.validate(nullptr)));
        // The key: masked, never in full.
        QTRY_VERIFY_WITH_TIMEOUT(page.keyStatusLabel()->text().contains(QStringLiteral("KFORGE_GUI_TEST_KEY")), 10000);
        QVERIFY(!page.keyStatusLabel()->text().contains(QString::fromLatin1(secret)));
        QVERIFY(page.keyStatusLabel()->text().contains(QString::fromStdString(kforge::maskKey(secret.toStdString()))));

        // Test: a one-line prompt through the real client, off the UI thread.
        QSignalSpy tested(&page, &ProvidersPage::testFinished);
        page.testButton()->click();
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.last().at(0).toBool(), qPrintable(tested.last().at(1).toString()));
        QVERIFY(page.testResultLabel()->text().contains(QStringLiteral("ready")));
        QVERIFY(page.testResultLabel()->text().contains(QStringLiteral("12 + 2")));
        QCOMPARE(server.requests().front().headers.at("authorization"), "Bearer " + secret.toStdString());
        saveScreenshot(page, QStringLiteral("providers-page"));

        // Saved: both providers, as edited, and no key anywhere in the file.
        AppSettings settings;
        page.save(settings);
        settings.sync();
        const auto back = kforge::loadProviders(providersFile().toStdString());
        QCOMPARE(back.size(), size_t(2));
        QCOMPARE(back[1].name, std::string("scripted"));
        QCOMPARE(back[1].model, std::string("scripted-model"));
        QCOMPARE(back[1].keyEnv, std::string("KFORGE_GUI_TEST_KEY"));
        QCOMPARE(back[1].maxConcurrent, 3);
        QCOMPARE(back[1].prices.outputPerMillion, 1.5);
        QFile file(providersFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(secret));
        for (const QString& key : QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).allKeys())
            QVERIFY(!QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).value(key).toString().contains(QString::fromLatin1(secret)));

        // Removed, and saved again.
        page.list()->setCurrentRow(0);
        page.removeButton()->click();
        page.save(settings);
        QCOMPARE(kforge::loadProviders(providersFile().toStdString()).size(), size_t(1));
        QCOMPARE(kforge::loadProviders(providersFile().toStdString()).front().name, std::string("scripted"));

        // The Settings dialog lists the page.
        SettingsDialog dialog(&cpuOnly);
        bool listed = false;
        for (int i = 0; i < dialog.pageCount(); ++i) listed = listed || qobject_cast<ProvidersPage*>(dialog.page(i));
        QVERIFY(listed);
        QFile::remove(providersFile());
        qunsetenv("KFORGE_GUI_TEST_KEY");
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestAgentPanel)
#include "test_agent_panel.moc"
