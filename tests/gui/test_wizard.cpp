// The new-session wizard, driven offscreen: its defaults accepted with Enter
// on every page give a runnable configuration; a bad time limit is refused
// with a message naming the field; a definition file can be chosen; the device
// page stays responsive while detection runs; the last choices are remembered.
// Set KFORGE_GRAB_DIR to save each page as a PNG there.

#include "ui/wizard/new_session_wizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

#include <algorithm>

#include "eval/evaluator.h"

using namespace kforge::ui;

namespace {

// A machine with a CPU and no CUDA, answering at once.
std::vector<DetectedDevice> cpuOnly() {
    DetectedDevice cuda;
    cuda.backend = kforge::Backend::Cuda;
    cuda.why = QStringLiteral("libcuda.so.1 not found");
    DetectedDevice cpu;
    cpu.backend = kforge::Backend::Cpu;
    cpu.available = true;
    cpu.facts.name = "Test CPU";
    cpu.facts.cpu = kforge::CpuFacts{8, 0};
    cpu.facts.copyBandwidthGbps = 21.5;
    cpu.facts.peakTflops = {{"float32", 0.9}};
    cpu.compiler = QStringLiteral("c++ (test) 12.2.0");
    return {cuda, cpu};
}

void grab(QWizard& wizard, const QString& name) {
    const QString dir = qEnvironmentVariable("KFORGE_GRAB_DIR");
    if (!dir.isEmpty()) wizard.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Enter, as the engineer presses it, on whatever has the focus.
void pressEnter(QWizard& wizard) {
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &wizard;
    QTest::keyClick(target, Qt::Key_Return);
}

}  // namespace

class TestWizard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void defaultsAcceptedWithEnterGiveARunnableConfig();
    void badTimeLimitIsRefusedNamingTheField();
    void definitionFileCanBeChosen();
    void brokenDefinitionFileIsReportedOnThePage();
    void devicePageDoesNotBlockWhileDetecting();
    void lastChoicesAreRemembered();

private:
    QTemporaryDir settingsDir_;
    kforge::AppPaths paths_;
};

void TestWizard::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    paths_ = kforge::AppPaths::discover();
    QVERIFY2(!kforge::builtinTaskNames(paths_).empty(), "KFORGE_RESOURCES must point at the resources with tasks/");
}

void TestWizard::init() {
    QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).clear();
}

void TestWizard::defaultsAcceptedWithEnterGiveARunnableConfig() {
    // The real detector: starts the CPU runner (and finds whatever else is attached).
    NewSessionWizard wizard(paths_, [paths = paths_] { return detectDevices(paths); });
    wizard.show();
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isLoadingTasks(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isDetectingDevices(), 60000);
    auto* tasks = wizard.findChild<QTreeWidget*>(QStringLiteral("taskList"));
    QVERIFY(tasks);
    QAbstractItemModelTester tester(tasks->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    grab(wizard, QStringLiteral("wizard-1-task"));

    QCOMPARE(wizard.currentId(), int(NewSessionWizard::TaskPageId));
    pressEnter(wizard);
    QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::DevicePageId));
    grab(wizard, QStringLiteral("wizard-2-device"));
    pressEnter(wizard);
    QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::SearchPageId));
    grab(wizard, QStringLiteral("wizard-3-search"));
    pressEnter(wizard);
    QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::StopPageId));
    grab(wizard, QStringLiteral("wizard-4-stop"));
    QSignalSpy accepted(&wizard, &QDialog::accepted);
    pressEnter(wizard);
    QTRY_COMPARE(accepted.count(), 1);

    QCOMPARE(wizard.taskRef(), QString::fromStdString(kforge::builtinTaskNames(paths_).front()));
    const kforge::SessionConfig c = wizard.config();
    // The best device found: the CPU on a machine without an accelerator.
    kforge::Phrase why;
    kforge::Evaluator evaluator(paths_);
    const bool cuda = evaluator.runner(kforge::Backend::Cuda).available(why);
    const bool hip = evaluator.runner(kforge::Backend::Hip).available(why);
    if (!cuda && !hip) QCOMPARE(c.backend, kforge::Backend::Cpu);
    QCOMPARE(c.generators, std::vector<std::string>{"tuner"});
    QCOMPARE(c.tuner, std::string("bo"));
    QCOMPARE(c.selection, std::string("ucb"));
    QCOMPARE(c.speedupAgainst, kforge::SpeedupBasis::Best);  // the user's yardstick unless they say otherwise
    QCOMPARE(c.stop.evaluations, std::optional<int>(50));
    QVERIFY(!c.stop.seconds && !c.stop.plateau && !c.stop.target);
    // What the store would keep reads back as the same configuration.
    const kforge::SessionConfig back = kforge::sessionConfigFromJson(kforge::toJson(c));
    QCOMPARE(kforge::toJson(back), kforge::toJson(c));
    QVERIFY(wizard.name().startsWith(wizard.taskRef()));
    // The task resolves as a session would load it.
    QCOMPARE(QString::fromStdString(kforge::resolveTask(wizard.taskRef().toStdString(), paths_).name),
             wizard.taskRef());
}

void TestWizard::badTimeLimitIsRefusedNamingTheField() {
    NewSessionWizard wizard(paths_, cpuOnly);
    wizard.show();
    QTRY_VERIFY(!wizard.isLoadingTasks() && !wizard.isDetectingDevices());
    wizard.next();
    wizard.next();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewSessionWizard::StopPageId));
    wizard.findChild<QCheckBox*>(QStringLiteral("timeCheck"))->setChecked(true);
    wizard.findChild<QLineEdit*>(QStringLiteral("timeLimit"))->setText(QStringLiteral("10 parsecs"));
    grab(wizard, QStringLiteral("wizard-4-stop-invalid"));
    QSignalSpy accepted(&wizard, &QDialog::accepted);
    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(wizard.currentId(), int(NewSessionWizard::StopPageId));
    QVERIFY2(wizard.validationMessage().contains(QStringLiteral("Time limit")), qPrintable(wizard.validationMessage()));
    QVERIFY(wizard.validationMessage().contains(QStringLiteral("10 parsecs")));

    // Corrected, it is taken.
    wizard.findChild<QLineEdit*>(QStringLiteral("timeLimit"))->setText(QStringLiteral("2h30m"));
    QVERIFY(wizard.validationMessage().isEmpty());
    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(wizard.config().stop.seconds, std::optional<double>(9000.0));
    QCOMPARE(wizard.config().stop.evaluations, std::optional<int>(50));
}

void TestWizard::definitionFileCanBeChosen() {
    const QString definition =
        QString::fromStdString((paths_.tasksDirectory() / "vector_add_fp32" / "definition.json").string());
    const kforge::Task expected = kforge::loadTask(definition.toStdString());
    NewSessionWizard wizard(paths_, cpuOnly);
    wizard.show();
    QTRY_VERIFY(!wizard.isLoadingTasks());
    QSignalSpy loaded(&wizard, &NewSessionWizard::tasksLoaded);
    wizard.setDefinitionFile(definition);
    QVERIFY(wizard.isLoadingTasks());
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(wizard.taskRef(), definition);
    auto* workloads = wizard.findChild<QTableWidget*>(QStringLiteral("workloadTable"));
    QAbstractItemModelTester tester(workloads->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(workloads->rowCount(), int(expected.workloads.size()));
    QCOMPARE(workloads->item(0, 0)->text(), QString::fromStdString(expected.workloads.front().uuid));
    const QString reference = wizard.findChild<QPlainTextEdit*>(QStringLiteral("referenceView"))->toPlainText();
    QVERIFY(reference.contains(QStringLiteral("def run")));
    // What the tuner can search, per backend.
    const QString summary = wizard.findChild<QLabel*>(QStringLiteral("taskSummary"))->text();
    QVERIFY2(summary.contains(QStringLiteral("Tunable templates: CPU (template)")), qPrintable(summary));
    wizard.next();
    QTRY_COMPARE(wizard.currentId(), int(NewSessionWizard::DevicePageId));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.config().backend, kforge::Backend::Cpu);
}

void TestWizard::brokenDefinitionFileIsReportedOnThePage() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("definition.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"name\": \"broken\", ");
    file.close();
    NewSessionWizard wizard(paths_, cpuOnly);
    wizard.show();
    QTRY_VERIFY(!wizard.isLoadingTasks());
    const QString before = wizard.taskRef();
    wizard.setDefinitionFile(path);
    QTRY_VERIFY(!wizard.isLoadingTasks());
    QVERIFY2(wizard.validationMessage().startsWith(QStringLiteral("Definition file")),
             qPrintable(wizard.validationMessage()));
    QVERIFY(wizard.validationMessage().contains(QStringLiteral("definition.json")));
    QCOMPARE(wizard.taskRef(), before);  // the earlier choice stands
}

void TestWizard::devicePageDoesNotBlockWhileDetecting() {
    auto release = std::make_shared<QSemaphore>();
    NewSessionWizard wizard(paths_, [release] {
        release->acquire();  // a slow runner start, until the test says so
        return cpuOnly();
    });
    wizard.show();
    QTRY_VERIFY(!wizard.isLoadingTasks());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewSessionWizard::DevicePageId));
    QVERIFY(wizard.isDetectingDevices());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(wizard.findChild<QLabel*>(QStringLiteral("deviceStatus"))->text().startsWith(QStringLiteral("Detecting")));
    grab(wizard, QStringLiteral("wizard-2-device-detecting"));

    // The event loop runs on: a timer fires and the engineer can go back and forth.
    bool fired = false;
    QTimer::singleShot(0, this, [&fired] { fired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(fired, 1000);
    wizard.back();
    QCOMPARE(wizard.currentId(), int(NewSessionWizard::TaskPageId));
    wizard.next();
    QVERIFY(wizard.isDetectingDevices());

    release->release();
    QTRY_VERIFY(!wizard.isDetectingDevices());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    auto* devices = wizard.findChild<QTreeWidget*>(QStringLiteral("deviceList"));
    QAbstractItemModelTester tester(devices->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(devices->topLevelItemCount(), 2);
    QCOMPARE(devices->currentItem()->text(0), QStringLiteral("Test CPU"));
    // CUDA is listed with its reason but cannot be chosen.
    QVERIFY(!(devices->topLevelItem(0)->flags() & Qt::ItemIsSelectable));
    QVERIFY(devices->topLevelItem(0)->text(3).contains(QStringLiteral("libcuda")));
}

void TestWizard::lastChoicesAreRemembered() {
    {
        NewSessionWizard wizard(paths_, cpuOnly);
        wizard.show();
        QTRY_VERIFY(!wizard.isLoadingTasks() && !wizard.isDetectingDevices());
        auto* tasks = wizard.findChild<QTreeWidget*>(QStringLiteral("taskList"));
        tasks->setCurrentItem(tasks->topLevelItem(tasks->topLevelItemCount() - 1));
        wizard.next();
        wizard.next();
        auto* strategy = wizard.findChild<QComboBox*>(QStringLiteral("tunerStrategy"));
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("genetic")));
        auto* policy = wizard.findChild<QComboBox*>(QStringLiteral("selectionPolicy"));
        policy->setCurrentIndex(policy->findData(QStringLiteral("beam")));
        auto* basis = wizard.findChild<QComboBox*>(QStringLiteral("speedupAgainst"));
        QVERIFY(basis);
        basis->setCurrentIndex(basis->findData(QStringLiteral("native")));
        wizard.next();
        wizard.findChild<QCheckBox*>(QStringLiteral("plateauCheck"))->setChecked(true);
        wizard.button(QWizard::FinishButton)->click();
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
    }
    const auto names = kforge::builtinTaskNames(paths_);
    NewSessionWizard again(paths_, cpuOnly);
    QTRY_VERIFY(!again.isLoadingTasks() && !again.isDetectingDevices());
    QCOMPARE(again.taskRef(), QString::fromStdString(names.back()));
    const kforge::SessionConfig c = again.config();
    QCOMPARE(c.tuner, std::string("genetic"));
    QCOMPARE(c.selection, std::string("beam"));
    QCOMPARE(c.speedupAgainst, kforge::SpeedupBasis::Native);
    QCOMPARE(c.stop.plateau, std::optional<int>(20));
    QCOMPARE(c.stop.evaluations, std::optional<int>(50));
}

QTEST_MAIN(TestWizard)
#include "test_wizard.moc"
