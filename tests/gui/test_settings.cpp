// The Settings dialog and the preferences behind it, driven offscreen:
// AppSettings round-trips through a temporary QSettings file; the dialog
// loads and saves every page; an invalid compiler path is refused naming the
// field; a toolchain path reaches the environment runs read; Check runs
// `--version` off the UI thread; language and theme take effect at once in
// a live main window; the wizard starts on the default device.
// Set KFORGE_GRAB_DIR to save the dialog's pages as PNGs there.

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QChart>
#include <QtTest>

#include "toolchain/toolchain.h"
#include "ui/charts/charts_panel.h"
#include "ui/charts/trajectory_chart.h"
#include "ui/main_window.h"
#include "ui/session/session_workbench.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/devices_page.h"
#include "ui/settings/general_page.h"
#include "ui/settings/settings_apply.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/toolchains_page.h"
#include "ui/wizard/new_session_wizard.h"

using namespace kforge::ui;

namespace {

// A machine with a CUDA device and a CPU, answering at once.
std::vector<DetectedDevice> cudaAndCpu() {
    DetectedDevice cuda;
    cuda.backend = kforge::Backend::Cuda;
    cuda.available = true;
    cuda.facts.backend = kforge::Backend::Cuda;
    cuda.facts.name = "Test GPU";
    cuda.facts.gpu = kforge::GpuFacts{};
    cuda.facts.gpu->computeCapability = "9.0";
    cuda.facts.gpu->smCount = 132;
    cuda.compiler = QStringLiteral("Cuda compilation tools, release 12.4");
    DetectedDevice cpu;
    cpu.backend = kforge::Backend::Cpu;
    cpu.available = true;
    cpu.facts.name = "Test CPU";
    cpu.facts.cpu = kforge::CpuFacts{8, 0};
    cpu.compiler = QStringLiteral("c++ (test) 12.2.0");
    return {cuda, cpu};
}

void grab(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("KFORGE_GRAB_DIR");
    if (!dir.isEmpty()) widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QPushButton* button(SettingsDialog& dialog, QDialogButtonBox::StandardButton which) {
    return dialog.findChild<QDialogButtonBox*>()->button(which);
}

void choose(QComboBox* box, const QString& data) {
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    box->setCurrentIndex(index);
}

// What a user does: select the text and type a new one.
void typeInto(QLineEdit* field, const QString& text) {
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    if (!text.isEmpty()) QTest::keyClicks(field, text);
}

QMenu* menuAt(const MainWindow& window, int index) {
    const QList<QAction*> entries = window.menuBar()->actions();
    return index < entries.size() ? entries.at(index)->menu() : nullptr;
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

}  // namespace

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void appSettingsRoundTrip();
    void dialogLoadsAndSavesEveryPage();
    void invalidNvccPathIsRefusedNamingTheField();
    void toolchainPathReachesTheEnvironment();
    void checkRunsVersionOffTheUiThread();
    void languageSwitchRetranslatesTheLiveWindow();
    void darkThemeDarkensTheApplicationAndCharts();
    void preferencesIsInTheEditMenu();
    void wizardStartsOnTheDefaultDevice();
    void runnersAreCheckedSavedAndShownInTheWizard();
    void layoutRoundTripsDocksAndSplitters();

private:
    // An executable shell script in the temporary directory.
    QString script(const QString& name, const QByteArray& body);

    QTemporaryDir settingsDir_;
    QTemporaryDir tools_;
    bool nvccInherited_ = false;
};

void TestSettings::initTestCase() {
    // Never the user's settings: test-mode standard paths and a temporary settings directory.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(settingsDir_.isValid() && tools_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    const QSettings probe(QStringLiteral("KernelForge"), QStringLiteral("KernelForge"));
    QVERIFY2(probe.fileName().startsWith(settingsDir_.path()), qPrintable(probe.fileName()));
    nvccInherited_ = qEnvironmentVariableIsSet("KFORGE_NVCC");
    // The application's own start-up, on empty settings: nothing changes.
    applySettings();
}

void TestSettings::init() {
    QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).clear();
}

void TestSettings::cleanup() {
    // Back to what a fresh start would give, whatever a test left behind.
    QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).clear();
    applyToolchainPaths(AppSettings());
    applyTheme(Theme::System);
    applyLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
}

QString TestSettings::script(const QString& name, const QByteArray& body) {
    const QString path = tools_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write("#!/bin/sh\n" + body + "\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

void TestSettings::appSettingsRoundTrip() {
    {
        const AppSettings fresh;
        QCOMPARE(fresh.language(), QStringLiteral("system"));
        QCOMPARE(fresh.theme(), Theme::System);
        for (Tool tool : kTools) QVERIFY(fresh.toolPath(tool).isEmpty());
        QVERIFY(fresh.defaultDevice().isEmpty());
        QVERIFY(!fresh.defaultBackend());
    }
    {
        AppSettings settings;
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setTheme(Theme::Dark);
        settings.setToolPath(Tool::Cxx, QStringLiteral("/opt/gcc/bin/g++"));
        settings.setToolPath(Tool::Nvcc, QStringLiteral("  /usr/local/cuda-12.4/bin/nvcc "));
        settings.setToolPath(Tool::Hipcc, QStringLiteral("/opt/rocm/bin/hipcc"));
        settings.setDefaultDevice(QStringLiteral("cuda"));
    }
    {
        const AppSettings reread;  // a new QSettings: what the file holds
        QCOMPARE(reread.language(), QStringLiteral("zh_CN"));
        QCOMPARE(reread.theme(), Theme::Dark);
        QCOMPARE(reread.toolPath(Tool::Cxx), QStringLiteral("/opt/gcc/bin/g++"));
        QCOMPARE(reread.toolPath(Tool::Nvcc), QStringLiteral("/usr/local/cuda-12.4/bin/nvcc"));
        QCOMPARE(reread.toolPath(Tool::Hipcc), QStringLiteral("/opt/rocm/bin/hipcc"));
        QCOMPARE(reread.defaultDevice(), QStringLiteral("cuda"));
        QCOMPARE(reread.defaultBackend(), std::optional(kforge::Backend::Cuda));
    }
    const QSettings raw(QStringLiteral("KernelForge"), QStringLiteral("KernelForge"));
    QVERIFY(raw.fileName().startsWith(settingsDir_.path()));
    QVERIFY(!raw.allKeys().isEmpty());
    {
        // Back to the defaults: the keys go, nothing "empty" is stored.
        AppSettings settings;
        settings.setLanguage(QStringLiteral("system"));
        settings.setTheme(Theme::System);
        for (Tool tool : kTools) settings.setToolPath(tool, QString());
        settings.setDefaultDevice(QString());
    }
    QVERIFY2(QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).allKeys().isEmpty(),
             qPrintable(QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).allKeys().join(u',')));
    // A device key this version does not know means "best available".
    QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge"))
        .setValue(QStringLiteral("Preferences/defaultDevice"), QStringLiteral("tpu"));
    QVERIFY(AppSettings().defaultDevice().isEmpty());
}

void TestSettings::dialogLoadsAndSavesEveryPage() {
    const QString cxx = script(QStringLiteral("my-c++"), "echo 'my-c++ (test) 1.0'");
    {
        AppSettings settings;
        settings.setToolPath(Tool::Cxx, cxx);
        settings.setDefaultDevice(QStringLiteral("cpu"));
        settings.setTheme(Theme::Light);
    }
    SettingsDialog dialog(&cudaAndCpu);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.pageCount(), 4);  // General, Toolchains, Devices, LLM Providers

    // Loaded.
    QCOMPARE(dialog.generalPage()->themeBox()->currentData().toString(), QStringLiteral("light"));
    QCOMPARE(dialog.generalPage()->languageBox()->currentData().toString(), QStringLiteral("system"));
    QVERIFY(dialog.generalPage()->languageBox()->findData(QStringLiteral("zh_CN")) > 0);  // what we ship
    QVERIFY(dialog.generalPage()->languageBox()->findData(QStringLiteral("en")) > 0);
    QCOMPARE(dialog.toolchainsPage()->pathField(Tool::Cxx)->text(), cxx);
    QVERIFY(dialog.toolchainsPage()->pathField(Tool::Nvcc)->text().isEmpty());
    QCOMPARE(dialog.devicesPage()->deviceBox()->currentData().toString(), QStringLiteral("cpu"));
    QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());  // nothing changed yet
    grab(dialog, QStringLiteral("settings-general"));

    // Devices: detected when the page is shown; the stored choice survives it.
    dialog.showPage(dialog.devicesPage());
    QTRY_VERIFY(!dialog.devicesPage()->isDetecting());
    QComboBox* devices = dialog.devicesPage()->deviceBox();
    QCOMPARE(devices->currentData().toString(), QStringLiteral("cpu"));
    QVERIFY(devices->findData(QStringLiteral("cuda")) > 0);
    QVERIFY(devices->itemText(0).contains(QStringLiteral("Test GPU")));  // "best" says which one it is now
    grab(dialog, QStringLiteral("settings-devices"));

    // Changed on every page, then OK.
    choose(devices, QStringLiteral("cuda"));
    QVERIFY(button(dialog, QDialogButtonBox::Apply)->isEnabled());
    choose(dialog.generalPage()->themeBox(), QStringLiteral("system"));
    dialog.showPage(dialog.toolchainsPage());
    const QString hipcc = script(QStringLiteral("my-hipcc"), "echo 'HIP version: 6.0'");
    typeInto(dialog.toolchainsPage()->pathField(Tool::Hipcc), hipcc);
    typeInto(dialog.toolchainsPage()->pathField(Tool::Cxx), QString());
    grab(dialog, QStringLiteral("settings-toolchains"));
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const AppSettings saved;
    QCOMPARE(saved.defaultDevice(), QStringLiteral("cuda"));
    QCOMPARE(saved.theme(), Theme::System);
    QCOMPARE(saved.toolPath(Tool::Hipcc), hipcc);
    QVERIFY(saved.toolPath(Tool::Cxx).isEmpty());

    // Cancel writes nothing.
    SettingsDialog again(&cudaAndCpu);
    again.show();
    QCOMPARE(again.toolchainsPage()->pathField(Tool::Hipcc)->text(), hipcc);
    typeInto(again.toolchainsPage()->pathField(Tool::Hipcc), QString());
    button(again, QDialogButtonBox::Cancel)->click();
    QCOMPARE(AppSettings().toolPath(Tool::Hipcc), hipcc);
}

void TestSettings::invalidNvccPathIsRefusedNamingTheField() {
    SettingsDialog dialog(&cudaAndCpu);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString missing = tools_.filePath(QStringLiteral("no-such-dir/nvcc"));
    QLineEdit* nvcc = dialog.toolchainsPage()->pathField(Tool::Nvcc);
    typeInto(nvcc, missing);
    dialog.showPage(dialog.generalPage());  // the problem is on another page than the one shown

    button(dialog, QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.isVisible());  // refused: the dialog stays
    QVERIFY2(dialog.problem().contains(QStringLiteral("CUDA compiler (nvcc)")), qPrintable(dialog.problem()));
    QVERIFY2(dialog.problem().contains(missing), qPrintable(dialog.problem()));
    QVERIFY(dialog.problem().contains(QStringLiteral("does not exist")));
    QCOMPARE(dialog.currentPage(), dialog.toolchainsPage());  // shown where it is
    QVERIFY(!nvcc->actions().isEmpty());                      // and marked in the field
    QVERIFY(nvcc->actions().first()->toolTip().contains(missing));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("settingsProblem"))->isVisible());
    grab(dialog, QStringLiteral("settings-refused"));
    // Never silently saved, never applied.
    QVERIFY(AppSettings().toolPath(Tool::Nvcc).isEmpty());
    QVERIFY(qgetenv("KFORGE_NVCC") != QFile::encodeName(missing));

    // Apply refuses the same way; a file that is not a program too.
    const QString notExecutable = tools_.filePath(QStringLiteral("plain-nvcc"));
    {
        QFile file(notExecutable);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a program\n");
    }
    typeInto(nvcc, notExecutable);
    QVERIFY(nvcc->actions().isEmpty());  // editing clears the mark
    button(dialog, QDialogButtonBox::Apply)->click();
    QVERIFY2(dialog.problem().contains(QStringLiteral("CUDA compiler (nvcc)")) &&
                 dialog.problem().contains(QStringLiteral("is not executable")),
             qPrintable(dialog.problem()));
    QVERIFY(AppSettings().toolPath(Tool::Nvcc).isEmpty());

    // Fixed: accepted, and the message goes.
    typeInto(nvcc, QString());
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog.isVisible());
    QVERIFY(dialog.problem().isEmpty());
}

void TestSettings::toolchainPathReachesTheEnvironment() {
    const QString nvcc = script(QStringLiteral("nvcc"), "echo 'Cuda compilation tools, release 99.1, V99.1.0'");
    SettingsDialog dialog(&cudaAndCpu);
    dialog.show();
    typeInto(dialog.toolchainsPage()->pathField(Tool::Nvcc), nvcc);
    button(dialog, QDialogButtonBox::Apply)->click();
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QCOMPARE(qEnvironmentVariable("KFORGE_NVCC"), nvcc);
    // What every run started from now on uses.
    QCOMPARE(QString::fromStdString(kforge::ToolchainPaths::fromEnvironment({}).nvcc), nvcc);
    QVERIFY(!button(dialog, QDialogButtonBox::Apply)->isEnabled());

    // Emptied: auto-detection as before, the inherited environment back.
    typeInto(dialog.toolchainsPage()->pathField(Tool::Nvcc), QString());
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(qEnvironmentVariableIsSet("KFORGE_NVCC"), nvccInherited_);
    QVERIFY(QString::fromStdString(kforge::ToolchainPaths::fromEnvironment({}).nvcc) != nvcc);
    QCOMPARE(autoDetectedToolPath(Tool::Nvcc), QString::fromStdString(kforge::ToolchainPaths::fromEnvironment({}).nvcc));
}

void TestSettings::checkRunsVersionOffTheUiThread() {
    // Slow on purpose: the dialog must keep answering while it runs.
    const QString good = script(QStringLiteral("slow-nvcc"),
                                "sleep 0.5\necho 'nvcc: NVIDIA (R) Cuda compiler driver'\necho 'Cuda compilation tools, release 98.7, V98.7.1'");
    const QString bad = script(QStringLiteral("broken-nvcc"), "echo 'libfoo.so: cannot open shared object file' >&2\nexit 3");
    SettingsDialog dialog(&cudaAndCpu);
    dialog.show();
    ToolchainsPage* page = dialog.toolchainsPage();
    dialog.showPage(page);
    QSignalSpy finished(page, &ToolchainsPage::checkFinished);

    typeInto(page->pathField(Tool::Nvcc), good);
    page->checkButton(Tool::Nvcc)->click();
    QVERIFY(page->isChecking(Tool::Nvcc));  // click() returned before the tool did
    QVERIFY(!page->checkButton(Tool::Nvcc)->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(page->checkResult(Tool::Nvcc)->text().contains(QStringLiteral("release 98.7")),
             qPrintable(page->checkResult(Tool::Nvcc)->text()));
    grab(dialog, QStringLiteral("settings-check"));

    typeInto(page->pathField(Tool::Nvcc), bad);
    page->checkButton(Tool::Nvcc)->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    const QString error = page->checkResult(Tool::Nvcc)->text();
    QVERIFY2(error.contains(bad) && error.contains(QStringLiteral("CUDA compiler (nvcc)")) &&
                 error.contains(QStringLiteral("exit code 3")) && error.contains(QStringLiteral("libfoo.so")),
             qPrintable(error));

    // A missing file is said at once, naming the field.
    const QString missing = tools_.filePath(QStringLiteral("gone/nvcc"));
    typeInto(page->pathField(Tool::Nvcc), missing);
    page->checkButton(Tool::Nvcc)->click();
    QCOMPARE(finished.count(), 3);
    QVERIFY(page->checkResult(Tool::Nvcc)->text().contains(QStringLiteral("CUDA compiler (nvcc)")));
    QVERIFY(page->checkResult(Tool::Nvcc)->text().contains(missing));
    dialog.reject();
}

void TestSettings::languageSwitchRetranslatesTheLiveWindow() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(menuAt(window, 0)->title(), QStringLiteral("&File"));
    auto* tabs = window.chartsPanel()->findChild<QTabWidget*>();
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(0), QStringLiteral("Trajectory"));

    SettingsDialog* dialog = window.showSettingsDialog();
    QTRY_VERIFY(dialog->isVisible());
    choose(dialog->generalPage()->languageBox(), QStringLiteral("zh_CN"));
    button(*dialog, QDialogButtonBox::Apply)->click();
    QCOMPARE(AppSettings().language(), QStringLiteral("zh_CN"));

    // At once, without a restart: the window, its docks and panels, the dialog itself.
    QTRY_COMPARE(menuAt(window, 0)->title(), QString::fromUtf8("文件(&F)"));
    QCOMPARE(menuAt(window, 1)->title(), QString::fromUtf8("编辑(&E)"));
    QVERIFY(window.findChild<QDockWidget*>(QStringLiteral("sessionsDock"))->windowTitle() != QStringLiteral("Sessions"));
    QVERIFY(tabs->tabText(0) != QStringLiteral("Trajectory"));
    QVERIFY(window.chartsPanel()->trajectory()->chart()->title() != QStringLiteral("Speedup by evaluation"));
    QCOMPARE(dialog->windowTitle(), QString::fromUtf8("首选项"));
    QVERIFY(dialog->generalPage()->languageBox()->currentData().toString() == QStringLiteral("zh_CN"));
    grab(*dialog, QStringLiteral("settings-general-zh_CN"));
    dialog->showPage(dialog->toolchainsPage());
    grab(*dialog, QStringLiteral("settings-toolchains-zh_CN"));
    grab(window, QStringLiteral("main-window-zh_CN"));

    // And back.
    choose(dialog->generalPage()->languageBox(), QStringLiteral("en"));
    button(*dialog, QDialogButtonBox::Ok)->click();
    QTRY_COMPARE(menuAt(window, 0)->title(), QStringLiteral("&File"));
    QCOMPARE(tabs->tabText(0), QStringLiteral("Trajectory"));
    QCOMPARE(window.chartsPanel()->trajectory()->chart()->title(), QStringLiteral("Speedup by evaluation"));
}

void TestSettings::darkThemeDarkensTheApplicationAndCharts() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!isDark(QApplication::palette()));
    QChart* chart = window.chartsPanel()->trajectory()->chart();
    QVERIFY(chart->backgroundBrush().color().lightness() >= 128);

    SettingsDialog* dialog = window.showSettingsDialog();
    choose(dialog->generalPage()->themeBox(), QStringLiteral("dark"));
    button(*dialog, QDialogButtonBox::Apply)->click();
    QVERIFY(isDark(QApplication::palette()));
    QTRY_VERIFY(isDark(window.palette()));
    // The views repaint in it: the charts (through applyChartTheme), the welcome page.
    QTRY_VERIFY(chart->backgroundBrush().color().lightness() < 128);
    QVERIFY(isDark(window.centralWidget()->palette()));
    grab(*dialog, QStringLiteral("settings-dark"));
    grab(window, QStringLiteral("main-window-dark"));

    choose(dialog->generalPage()->themeBox(), QStringLiteral("light"));
    button(*dialog, QDialogButtonBox::Apply)->click();
    QVERIFY(!isDark(QApplication::palette()));
    QTRY_VERIFY(chart->backgroundBrush().color().lightness() >= 128);

    choose(dialog->generalPage()->themeBox(), QStringLiteral("dark"));
    button(*dialog, QDialogButtonBox::Apply)->click();
    QVERIFY(isDark(QApplication::palette()));
    // System: the platform's palette again (light on the offscreen platform).
    choose(dialog->generalPage()->themeBox(), QStringLiteral("system"));
    button(*dialog, QDialogButtonBox::Ok)->click();
    QVERIFY(!isDark(QApplication::palette()));
    QTRY_VERIFY(chart->backgroundBrush().color().lightness() >= 128);
}

void TestSettings::preferencesIsInTheEditMenu() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMenu* edit = window.findChild<QMenu*>(QStringLiteral("editMenu"));
    QVERIFY(edit);
    QCOMPARE(menuAt(window, 1), edit);
    QAction* preferences = window.findChild<QAction*>(QStringLiteral("preferencesAction"));
    QVERIFY(preferences && edit->actions().contains(preferences));
    QCOMPARE(preferences->text(), QStringLiteral("&Preferences…"));
    QVERIFY(preferences->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    preferences->trigger();
    auto* dialog = window.findChild<SettingsDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    // A second request brings the same dialog forward.
    QCOMPARE(window.showSettingsDialog(), dialog);
    dialog->reject();
}

void TestSettings::wizardStartsOnTheDefaultDevice() {
    const kforge::AppPaths paths = kforge::AppPaths::discover();
    const auto backendChosen = [&paths]() -> std::optional<kforge::Backend> {
        NewSessionWizard wizard(paths, &cudaAndCpu);
        wizard.show();
        if (!QTest::qWaitForWindowExposed(&wizard)) return std::nullopt;
        if (!QTest::qWaitFor([&] { return !wizard.isLoadingTasks() && !wizard.isDetectingDevices(); }, 20000))
            return std::nullopt;
        wizard.next();  // to the device page, which learns the task
        if (wizard.currentId() != NewSessionWizard::DevicePageId) return std::nullopt;
        return wizard.config().backend;
    };
    // Nothing set: the best device (the CUDA one; the first built-in task runs on CUDA).
    QCOMPARE(backendChosen(), std::optional(kforge::Backend::Cuda));
    AppSettings().setDefaultDevice(QStringLiteral("cpu"));
    QCOMPARE(backendChosen(), std::optional(kforge::Backend::Cpu));
}

void TestSettings::runnersAreCheckedSavedAndShownInTheWizard() {
    SettingsDialog dialog(&cudaAndCpu);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QLineEdit* runners = dialog.devicesPage()->runnersField();
    // A port out of range: refused, the column named, the field marked.
    typeInto(runners, QStringLiteral("cuda:0,ssh://gpu-box:99999"));
    dialog.showPage(dialog.generalPage());
    button(dialog, QDialogButtonBox::Ok)->click();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.problem().contains(QStringLiteral("99999")) && dialog.problem().contains(QStringLiteral("column")),
             qPrintable(dialog.problem()));
    QCOMPARE(dialog.currentPage(), dialog.devicesPage());
    QVERIFY(!runners->actions().isEmpty());
    QVERIFY(AppSettings().runners().isEmpty());  // never saved
    grab(dialog, QStringLiteral("settings-runners-refused"));

    typeInto(runners, QStringLiteral("cuda:0,cuda:1"));
    QVERIFY(runners->actions().isEmpty());
    button(dialog, QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(AppSettings().runners(), QStringLiteral("cuda:0,cuda:1"));

    // The wizard's device page says where the session will run.
    const kforge::AppPaths paths = kforge::AppPaths::discover();
    NewSessionWizard wizard(paths, &cudaAndCpu);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(QTest::qWaitFor([&] { return !wizard.isLoadingTasks() && !wizard.isDetectingDevices(); }, 20000));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(NewSessionWizard::DevicePageId));
    auto* said = wizard.findChild<QLabel*>(QStringLiteral("deviceRunners"));
    QVERIFY(said && said->isVisible());
    QVERIFY2(said->text().contains(QStringLiteral("cuda:0,cuda:1")), qPrintable(said->text()));
    grab(wizard, QStringLiteral("wizard-device-runners"));

    AppSettings().setRunners(QString());  // back to this machine's device
    QVERIFY(!QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")).contains(QStringLiteral("Preferences/runners")));
}

void TestSettings::layoutRoundTripsDocksAndSplitters() {
    QList<int> sizes;
    {
        MainWindow first;
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.findChild<QDockWidget*>(QStringLiteral("summaryDock"))->hide();
        QSplitter* split = first.workbench()->splitter();
        QVERIFY(split->count() == 2);
        const int total = split->sizes().value(0) + split->sizes().value(1);
        split->setSizes({total > 0 ? total / 4 : 100, total > 0 ? total - total / 4 : 300});
        sizes = split->sizes();
        first.close();
    }
    MainWindow second;
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("summaryDock"))->isHidden());
    QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("sessionsDock"))->isVisible());
    QCOMPARE(second.workbench()->splitter()->sizes(), sizes);
}

QTEST_MAIN(TestSettings)
#include "test_settings.moc"
