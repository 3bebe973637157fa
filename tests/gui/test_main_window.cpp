// Tests of KernelForge's main window, About box, translations and settings.
// Runs on the offscreen platform; settings go to a temporary directory.

#include "eval/report.h"
#include "model/phrase.h"
#include "runner/verify.h"
#include "model/session_config.h"
#include "store/store.h"
#include "task/task.h"
#include "support/stored_session.h"
#include "ui/about_dialog.h"
#include "ui/application_info.h"
#include "ui/main_window.h"
#include "ui/phrase_text.h"
#include "ui/session/node_table_model.h"
#include "ui/session/session_summary.h"
#include "ui/session/stop_reason_text.h"
#include "ui/translation.h"
#include "ui/welcome_page.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include <utility>

using kforge::ui::AboutDialog;
using kforge::ui::MainWindow;
using kforge::ui::WelcomePage;

namespace {

const QString kSettingsOrganization = QStringLiteral("KernelForge");
const QString kSettingsApplication = QStringLiteral("KernelForge");

QLocale simplifiedChinese() {
    return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
}

QMenu* menuAt(const MainWindow& window, int index) {
    const QList<QAction*> entries = window.menuBar()->actions();
    return index < entries.size() ? entries.at(index)->menu() : nullptr;
}

QMenu* helpMenu(const MainWindow& window) {
    return window.findChild<QMenu*>(QStringLiteral("helpMenu"));
}

QStringList texts(const QList<QAction*>& actions) {
    QStringList result;
    for (const QAction* action : actions) {
        result << action->text();
    }
    return result;
}

QString allLabelText(const QWidget& widget) {
    QStringList parts;
    for (const QLabel* label : widget.findChildren<QLabel*>()) {
        parts << label->text();
    }
    return parts.join(QLatin1Char('\n'));
}

// Every text a user can read in `root`: window title, labels, menus, actions
// and buttons, except the standard buttons whose text Qt's catalog supplies.
QStringList visibleTexts(const QWidget& root) {
    QStringList result{root.windowTitle()};
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        // What a reader sees of rich text, not its markup and link targets.
        result << (label->textFormat() == Qt::RichText ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                                                       : label->text());
    }
    for (const QMenu* menu : root.findChildren<QMenu*>()) {
        result << menu->title();
        for (const QAction* action : menu->actions()) {
            result << action->text() << action->statusTip() << action->toolTip();
        }
    }
    for (const QAbstractButton* button : root.findChildren<QAbstractButton*>()) {
        if (qobject_cast<const QDialogButtonBox*>(button->parentWidget()) == nullptr) {
            result << button->text();
        }
    }
    result.removeAll(QString());
    return result;
}

// True when `text` still holds an English word once the names that stay in
// Latin letters in every language (product, vendors, versions) are removed.
bool looksEnglish(QString text) {
    const QStringList names{kforge::ui::compilerDescription(),
                            kforge::ui::buildType(),  // CMake's name for it: Debug, Release, …
                            kforge::ui::applicationName(),
                            QStringLiteral("ROCm"),
                            QStringLiteral("FlashInfer-Bench"),
                            QStringLiteral("PyTorch"),          // product names stay as their makers write them
                            QStringLiteral("kernel-builder"),
                            QStringLiteral("QScintilla"),
                            QStringLiteral("CUDA"),
                            QStringLiteral("HIP"),
                            QStringLiteral("CPU"),
                            QStringLiteral("MIT"),
                            QStringLiteral("LLM"),
                            QStringLiteral("Ctrl"),  // key names stay as printed on the keyboard
                            QStringLiteral("Qt")};
    for (const QString& name : names) {
        text.remove(name);
    }
    text.remove(QLatin1Char('&'));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    return word.match(text).hasMatch();
}

struct TsMessage {
    QString context;
    QString source;
    QString translation;
    QString type;
    bool numerus = false;  // a plural message: Chinese has its one form
};

QList<TsMessage> readTsFile(const QString& path) {
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                messages << current;
            }
            continue;
        }
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = TsMessage{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            // Plural messages hold one <numerusform> per form (one in Chinese): its text is the translation.
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (current.numerus) current.translation = current.translation.trimmed();
        }
    }
    return xml.hasError() ? QList<TsMessage>{} : messages;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensWithTitleMenusAndStatusBar();
    void welcomePageIsHonest();
    void quitClosesTheWindow();
    void aboutShowsVersionWithoutBlocking();
    void aboutQtOpens();

    void chineseTranslationLoadsFromResources();
    void stopReasonsAreWordedInTheUsersLanguage();
    void englishLocaleKeepsSourceText();
    void languageChangeRetranslatesOpenWindows();
    void chineseTranslationIsComplete();
    void everyCorePhraseIsInTheCatalogs();
    void corePhrasesAreWordedInTheUsersLanguage();
    void coreErrorsAreWordedInTheUsersLanguage();
    void noEnglishLeftUnderChinese();

    void firstRunUsesDefaultSize();
    void sessionPanelIsReadableAtFirstRunSize();
    void geometryIsSavedAndRestored();

private:
    void installTranslator(QTranslator& translator);

    QTemporaryDir settingsDir_;
    QList<QTranslator*> installed_;
};

void TestMainWindow::initTestCase() {
    // Never touch the user's settings: test-mode standard paths, and the
    // settings files themselves in a temporary directory.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(settingsDir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    const QSettings probe(kSettingsOrganization, kSettingsApplication);
    QVERIFY2(probe.fileName().startsWith(settingsDir_.path()), qPrintable(probe.fileName()));
}

void TestMainWindow::init() {
    QSettings(kSettingsOrganization, kSettingsApplication).clear();
}

void TestMainWindow::cleanup() {
    for (QTranslator* translator : std::as_const(installed_)) {
        QCoreApplication::removeTranslator(translator);
    }
    installed_.clear();
    QCoreApplication::processEvents();
}

void TestMainWindow::installTranslator(QTranslator& translator) {
    QVERIFY(QCoreApplication::installTranslator(&translator));
    installed_ << &translator;
}

void TestMainWindow::opensWithTitleMenusAndStatusBar() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.windowTitle(), QStringLiteral("KernelForge"));
    QVERIFY2(!window.windowIcon().pixmap(32, 32).isNull(),
             "the SVG icon did not render: is Qt's SVG plugin (Debian: libqt6svg6) installed?");
    QVERIFY(QFile::exists(QStringLiteral(":/icons/kernelforge.svg")));

    QCOMPARE(texts(window.menuBar()->actions()), (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"),
                                                              QStringLiteral("&Session"), QStringLiteral("&View"),
                                                              QStringLiteral("&Help")}));

    QMenu* file = menuAt(window, 0);
    QVERIFY(file != nullptr);
    QCOMPARE(texts(file->actions()), (QStringList{QStringLiteral("&New Session…"), QStringLiteral("&Export Node…"), QString(),
                                                  QStringLiteral("&Quit")}));
    QCOMPARE(file->actions().at(0)->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(file->actions().at(1)->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
    QVERIFY(!file->actions().at(1)->isEnabled());  // nothing to export until a node is chosen
    QCOMPARE(file->actions().at(3)->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));

    QMenu* help = helpMenu(window);
    QVERIFY(help != nullptr);
    QCOMPARE(texts(help->actions()), (QStringList{QStringLiteral("&About KernelForge"), QStringLiteral("About &Qt")}));

    const QString version = QStringLiteral("Version %1").arg(kforge::ui::applicationVersion());
    QVERIFY2(allLabelText(*window.statusBar()).contains(version), qPrintable(allLabelText(*window.statusBar())));
}

void TestMainWindow::welcomePageIsHonest() {
    MainWindow window;
    auto* page = qobject_cast<WelcomePage*>(window.centralWidget());
    QVERIFY(page != nullptr);
    // Nothing to press that does nothing.
    QVERIFY(page->findChildren<QAbstractButton*>().isEmpty());
    const QString text = allLabelText(*page);
    QVERIFY(text.contains(QStringLiteral("Welcome to KernelForge")));
    QVERIFY(text.contains(QStringLiteral("version %1").arg(kforge::ui::applicationVersion())));
    QVERIFY(text.contains(QStringLiteral("New Session")));  // and it is there: the File menu has it
    QVERIFY(window.findChild<QAction*>(QStringLiteral("newSessionAction")) != nullptr);
}

void TestMainWindow::quitClosesTheWindow() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction*>(QStringLiteral("quitAction"))->trigger();
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::aboutShowsVersionWithoutBlocking() {
#ifdef KFORGE_VERSION
    // The build's version reaches the library, not the fallback.
    QCOMPARE(kforge::ui::applicationVersion(), QStringLiteral(KFORGE_VERSION));
#endif
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.findChild<AboutDialog*>() == nullptr);

    // As a user would: Help > About KernelForge. open() returns at once.
    QMenu* help = helpMenu(window);
    QVERIFY(help != nullptr);
    help->actions().at(0)->trigger();

    auto* dialog = window.findChild<AboutDialog*>();
    QVERIFY(dialog != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("About KernelForge"));

    const QString text = allLabelText(*dialog);
    QVERIFY2(text.contains(QStringLiteral("KernelForge")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Version %1").arg(kforge::ui::applicationVersion())), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(kforge::ui::compilerDescription()), qPrintable(text));
    QVERIFY(kforge::ui::buildDate().isValid());
    QVERIFY2(text.contains(kforge::ui::buildDate().toString(Qt::ISODate)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MIT License")), qPrintable(text));

    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(buttons != nullptr);
    buttons->button(QDialogButtonBox::Close)->click();
    QTRY_VERIFY(!dialog->isVisible());

    // A second request shows the same box again rather than stacking boxes.
    window.showAboutDialog();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(window.findChildren<AboutDialog*>().size(), 1);
    dialog->reject();
    QTRY_VERIFY(!dialog->isVisible());
}

void TestMainWindow::aboutQtOpens() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // QApplication::aboutQt() runs its own event loop; close it from a timer.
    bool sawMessageBox = false;
    QTimer closer;
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, this, [&] {
        if (QWidget* modal = QApplication::activeModalWidget()) {
            sawMessageBox = qobject_cast<QMessageBox*>(modal) != nullptr;
            modal->close();
            closer.stop();
        }
    });
    closer.start();
    window.findChild<QAction*>(QStringLiteral("aboutQtAction"))->trigger();
    closer.stop();
    QVERIFY(sawMessageBox);
}

void TestMainWindow::chineseTranslationLoadsFromResources() {
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/kernelforge_zh_CN.qm")));

    QTranslator translator;
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));
    QCOMPARE(translator.translate("kforge::ui::MainWindow", "&File"), QString::fromUtf8("文件(&F)"));

    installTranslator(translator);
    MainWindow window;
    QMenu* file = menuAt(window, 0);
    QVERIFY(file != nullptr);
    QCOMPARE(file->title(), QString::fromUtf8("文件(&F)"));
    QCOMPARE(helpMenu(window)->title(), QString::fromUtf8("帮助(&H)"));
    QCOMPARE(window.windowTitle(), QStringLiteral("KernelForge"));
}

void TestMainWindow::stopReasonsAreWordedInTheUsersLanguage() {
    // In English the GUI says what the engine wrote, from the record's typed causes.
    kforge::StopConditions stop;
    stop.evaluations = 18;
    stop.seconds = 90;
    stop.plateau = 5;
    stop.target = 1.5;
    kforge::StopProgress progress;
    progress.evaluations = 18;
    progress.seconds = 95;
    progress.sinceImprovement = 5;
    progress.bestSpeedup = 2.25;
    const auto reason = kforge::stopReason(stop, progress);
    QVERIFY(reason);
    kforge::SessionRecord r;
    r.config.stop = stop;
    r.bestSpeedup = 2.25;
    r.stopCauses = reason->causes;
    r.stopReason = reason->text;
    QCOMPARE(kforge::ui::stopReasonText(r), QString::fromStdString(reason->text));
    r.stopCauses = {kforge::StopCause::User};
    QCOMPARE(kforge::ui::stopReasonText(r), QStringLiteral("stopped by the user"));
    // A record from before the causes were kept shows its English text.
    r.stopCauses.clear();
    r.stopReason = "an old reason";
    QCOMPARE(kforge::ui::stopReasonText(r), QStringLiteral("an old reason"));

    QTranslator translator;
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));
    installTranslator(translator);
    r.stopCauses = reason->causes;
    const QString chinese = kforge::ui::stopReasonText(r);
    QVERIFY2(chinese.contains(QStringLiteral("18")) && chinese.contains(QStringLiteral("1:30")), qPrintable(chinese));
    for (const char* english : {"budget", "reached", "evaluations", "improvement", "time limit", "target"})
        QVERIFY2(!chinese.contains(QLatin1String(english)), qPrintable(chinese));
    for (const auto cause : {kforge::StopCause::User, kforge::StopCause::EditsEvaluated, kforge::StopCause::NothingToTune,
                             kforge::StopCause::Exhausted, kforge::StopCause::Tokens, kforge::StopCause::Cost}) {
        r.stopCauses = {cause};
        r.config.stop.tokens = 1000;
        r.config.stop.cost = 2.5;
        const QString text = kforge::ui::stopReasonText(r);
        QVERIFY2(!text.contains(QLatin1String("the ")) && !text.contains(QLatin1String("reached")), qPrintable(text));
    }
}

void TestMainWindow::englishLocaleKeepsSourceText() {
    // English is the source language: its catalog, if one loads, is empty,
    // and installing it changes nothing.
    QTranslator translator;
    const bool loaded =
        kforge::ui::loadApplicationTranslation(translator, QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(!loaded || translator.isEmpty());
    QCoreApplication::installTranslator(&translator);
    installed_ << &translator;
    MainWindow window;
    QCOMPARE(menuAt(window, 0)->title(), QStringLiteral("&File"));
}

void TestMainWindow::languageChangeRetranslatesOpenWindows() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showAboutDialog();
    auto* dialog = window.findChild<AboutDialog*>();
    QVERIFY(dialog != nullptr);
    QCOMPARE(menuAt(window, 0)->title(), QStringLiteral("&File"));

    QTranslator translator;
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));
    installTranslator(translator);
    QTRY_COMPARE(menuAt(window, 0)->title(), QString::fromUtf8("文件(&F)"));
    QTRY_COMPARE(dialog->windowTitle(), QString::fromUtf8("关于 KernelForge"));
    QTRY_VERIFY(allLabelText(*window.centralWidget()).contains(QString::fromUtf8("欢迎使用 KernelForge")));

    QCoreApplication::removeTranslator(&translator);
    installed_.clear();
    QTRY_COMPARE(menuAt(window, 0)->title(), QStringLiteral("&File"));
    dialog->reject();
}

void TestMainWindow::chineseTranslationIsComplete() {
    const QString dir = QStringLiteral(KFORGE_TRANSLATIONS_DIR);
    const QList<TsMessage> chinese = readTsFile(dir + QStringLiteral("/kernelforge_zh_CN.ts"));
    const QList<TsMessage> english = readTsFile(dir + QStringLiteral("/kernelforge_en.ts"));
    QVERIFY2(chinese.size() >= 10, "kernelforge_zh_CN.ts missing, unreadable or nearly empty");

    QTranslator translator;
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));

    QSet<QString> chineseKeys;
    for (const TsMessage& message : chinese) {
        const QString where = message.context + QStringLiteral(": ") + message.source;
        chineseKeys.insert(where);
        QVERIFY2(message.type.isEmpty(), qPrintable(QStringLiteral("not finished (%1): %2").arg(message.type, where)));
        QVERIFY2(!message.translation.isEmpty(), qPrintable(QStringLiteral("no translation: ") + where));
        // The embedded catalog is built from this file.
        QCOMPARE(translator.translate(message.context.toUtf8().constData(), message.source.toUtf8().constData(), nullptr,
                                      message.numerus ? 1 : -1),
                 message.translation);
    }
    // Both catalogs list the same strings, so neither was left behind by lupdate.
    QSet<QString> englishKeys;
    for (const TsMessage& message : english) {
        englishKeys.insert(message.context + QStringLiteral(": ") + message.source);
    }
    QCOMPARE(englishKeys, chineseKeys);
}

// The patterns core marks with QT_TRANSLATE_NOOP("Phrase", ...), adjacent
// literals joined, as lupdate reads them.
QSet<QString> corePhrasePatterns() {
    QSet<QString> patterns;
    const QRegularExpression mark(QStringLiteral(R"re(QT_TRANSLATE_NOOP\(\s*"Phrase"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re"));
    const QRegularExpression literal(QStringLiteral(R"re("((?:[^"\\]|\\.)*)")re"));
    QDirIterator files(QStringLiteral(KFORGE_TRANSLATIONS_DIR "/../core"), {QStringLiteral("*.cpp")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto m = mark.globalMatch(text); m.hasNext();) {
            QString pattern;
            for (auto l = literal.globalMatch(m.next().captured(1)); l.hasNext();) pattern += l.next().captured(1);
            pattern.replace(QStringLiteral("\\n"), QStringLiteral("\n")).replace(QStringLiteral("\\\""), QStringLiteral("\""));
            patterns.insert(pattern);
        }
    }
    return patterns;
}

void TestMainWindow::everyCorePhraseIsInTheCatalogs() {
    // A phrase added to core without running lupdate would show in English.
    const QSet<QString> patterns = corePhrasePatterns();
    QVERIFY2(patterns.size() >= 30, qPrintable(QString::number(patterns.size())));
    QSet<QString> chinese;
    for (const TsMessage& message : readTsFile(QStringLiteral(KFORGE_TRANSLATIONS_DIR "/kernelforge_zh_CN.ts")))
        if (message.context == QLatin1String("Phrase")) chinese.insert(message.source);
    QStringList missing;
    for (const QString& pattern : patterns)
        if (!chinese.contains(pattern)) missing << pattern;
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("run the kforge_ui_lupdate target: ") + missing.join(QStringLiteral(" | "))));
}

void TestMainWindow::corePhrasesAreWordedInTheUsersLanguage() {
    // What the runner and the report code really write: a failed check, and
    // the summary of how the timed calls were guarded.
    kforge::WorkloadOutcome outcome;
    kforge::Comparison c;
    c.checked = 4096;
    c.mismatches = 3;
    c.firstBad = 17;
    c.expected = 1.5;
    c.actual = -2;
    const kforge::Tolerance tolerance{1e-5, 1e-4};
    kforge::recordMismatch(outcome, kforge::Status::IncorrectNumerical,
                           kforge::phrase(QT_TRANSLATE_NOOP("Phrase", "%1, mismatches"),
                                          kforge::phrase(QT_TRANSLATE_NOOP("Phrase", "timed call %1 (seed %2)"), 12, 7)),
                           "out", c, 7, &tolerance);
    kforge::WorkloadReport w;
    w.checks = kforge::TimedCallChecks{};
    w.checks->timedCalls = 200;
    w.checks->verifiedCalls = 9;
    w.checks->inputSets = 1;
    w.checks->limits = kforge::phrase(QT_TRANSLATE_NOOP("Phrase", "one input set: the request has one seed"));
    const kforge::Phrase checks = kforge::checksSummary({w});

    // Without a translator the GUI shows the core's English exactly.
    QCOMPARE(kforge::ui::phraseText(outcome.message), QString::fromStdString(outcome.message.english()));
    QTranslator translator;
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));
    installTranslator(translator);
    for (const kforge::Phrase& p : {outcome.message, checks}) {
        const QString text = kforge::ui::phraseText(p);
        for (const char* english : {"seed", "timed call", "mismatches", "elements", "expected", "verified", "not done", "input set"})
            QVERIFY2(!text.contains(QLatin1String(english)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("'out'")) || p == checks, qPrintable(text));  // names stay as they are
        QVERIFY2(text.contains(QStringLiteral("17")) || p == checks, qPrintable(text));
    }
}

void TestMainWindow::coreErrorsAreWordedInTheUsersLanguage() {
    // What a user meets first: a task of their own that does not load. The
    // error is thrown by the real loader and shown through errorText.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile definition(dir.filePath(QStringLiteral("definition.json")));
    QVERIFY(definition.open(QIODevice::WriteOnly));
    definition.write(R"({"name": "mine", "op_type": "add", "axes": {"N": {"type": "var"}}, "inputs": {"x": {"shape": ["N"]}},
                        "outputs": {"y": {"shape": ["N"], "dtype": "float32"}}, "reference": "def run(x): return x"})");
    definition.close();
    QFile workloads(dir.filePath(QStringLiteral("workloads.jsonl")));
    QVERIFY(workloads.open(QIODevice::WriteOnly));
    workloads.write(R"({"uuid": "w", "axes": {"N": 4}})" "\n");
    workloads.close();
    QString english;
    QTranslator translator;  // installed below, for the rest of the test
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));
    try {
        kforge::loadTask(dir.path().toStdString());
        QFAIL("a definition whose input has no dtype loaded");
    } catch (const kforge::Error& e) {
        english = QString::fromUtf8(e.what());
        QCOMPARE(kforge::ui::errorText(e), english);  // without a translator: the English, exactly
        installTranslator(translator);
        const QString chinese = kforge::ui::errorText(e);
        QVERIFY2(chinese != english, qPrintable(chinese));
        QVERIFY2(chinese.contains(QStringLiteral("definition.json")), qPrintable(chinese));  // where stays as it is
        for (const char* word : {"missing", "required", "must be"})
            QVERIFY2(!chinese.contains(QLatin1String(word)), qPrintable(english + QStringLiteral(" -> ") + chinese));
    }
    QVERIFY2(english.contains(QStringLiteral("missing")) || english.contains(QStringLiteral("must be")), qPrintable(english));

    // The runners of a run, as the session panel lists them.
    kforge::RunnerProgress busy{"cuda:0", kforge::RunnerProgress::State::Busy, 12, 30, 0, {}};
    kforge::RunnerProgress gone{"ssh://box (cuda:1)", kforge::RunnerProgress::State::Unusable, std::nullopt, 4, 1,
                                kforge::phrase(QT_TRANSLATE_NOOP("Phrase", "every runner was lost (the last: %1)"), "eof")};
    const QString runners = kforge::ui::runnersText({busy, gone});
    QVERIFY(kforge::ui::runnersText({busy}).isEmpty());  // one healthy runner: the status says it all
    QVERIFY2(runners.contains(QStringLiteral("ssh://box (cuda:1)")) && runners.contains(QStringLiteral("12")), qPrintable(runners));
    for (const char* word : {"busy", "measured", "not used", "lost"})
        QVERIFY2(!runners.contains(QLatin1String(word)), qPrintable(runners));
}

void TestMainWindow::noEnglishLeftUnderChinese() {
    QTranslator translator;
    QVERIFY(kforge::ui::loadApplicationTranslation(translator, simplifiedChinese()));
    installTranslator(translator);

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showAboutDialog();
    auto* dialog = window.findChild<AboutDialog*>();
    QVERIFY(dialog != nullptr);

    // Catches a tr() string that never reached the .ts file.
    QStringList untranslated;
    for (const QString& text : visibleTexts(window) + visibleTexts(*dialog)) {
        if (looksEnglish(text)) {
            untranslated << text;
        }
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
    dialog->reject();
}

void TestMainWindow::firstRunUsesDefaultSize() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize available = window.screen()->availableSize();
    QVERIFY(window.width() >= qMin(900, available.width() * 8 / 10));
    QVERIFY(window.height() >= qMin(600, available.height() * 8 / 10));
    QVERIFY(window.width() <= available.width());
    QVERIFY(window.height() <= available.height());
}

// The Session panel at the first-run size: the sessions list is in front until
// a session opens; then the panel is (a tab beside the list) and shows every
// line of a finished session without scrolling. Stacked under the list it had room for its heading and two lines.
void TestMainWindow::sessionPanelIsReadableAtFirstRunSize() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("workspace.db"));
    int64_t session = 0;
    {
        kforge::Store store(db.toStdString());
        kforge::SessionRecord r = kforge::test::createStoredSession(store, "softmax, finished", "softmax_fp32", 24);
        kforge::Node root;
        root.id = 1;
        root.generator = "template";
        root.sourceHash = store.putSource("// a template\n");
        root.sourceExtension = ".cpp";
        root.createdAt = "2026-01-01T00:00:00Z";
        kforge::test::storeMeasuredNode(store, r.id, root, kforge::Status::Passed, 0.597);
        r.status = "finished";
        r.stopReason = "budget of 24 evaluations reached";
        r.stopCauses = {kforge::StopCause::Evaluations};
        r.evaluations = 24;
        r.bestNode = 1;
        r.bestSpeedup = 0.597;
        r.activeSeconds = 157;
        store.saveSession(r);
        session = r.id;
    }
    QTranslator chinese;
    QVERIFY(kforge::ui::loadApplicationTranslation(chinese, QLocale(QLocale::Chinese, QLocale::China)));
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
    for (const QSize size : {QSize(1100, 720), QSize(1100, 806)}) {
        if (language == QStringLiteral("zh_CN") && installed_.isEmpty()) installTranslator(chinese);
        MainWindow window(db);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("summaryDock"));
        auto* scroll = window.findChild<QScrollArea*>(QStringLiteral("summaryScroll"));
        auto* list = window.findChild<QDockWidget*>(QStringLiteral("sessionsDock"));
        QVERIFY(dock && scroll && list);
        // No session open: the list is in front.
        QTRY_VERIFY(!list->visibleRegion().isEmpty());
        QVERIFY(dock->visibleRegion().isEmpty());
        QSignalSpy opened(&window, &MainWindow::sessionOpened);
        window.openSession(session);
        QVERIFY(opened.wait(10000));
        QTest::qWait(100);  // the posted layout requests
        const QString where = QStringLiteral("%1 %2x%3, summary viewport %4x%5, content %6")
                                  .arg(language)
                                  .arg(size.width())
                                  .arg(size.height())
                                  .arg(scroll->viewport()->width())
                                  .arg(scroll->viewport()->height())
                                  .arg(scroll->widget()->height());
        const QString shots = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/session-panel-%1x%2-%3.png").arg(size.width()).arg(size.height()).arg(language)));
        QVERIFY2(!dock->visibleRegion().isEmpty(), qPrintable(where));
        QVERIFY2(!scroll->verticalScrollBar()->isVisible(), qPrintable(where));
        // The Nodes table shows every column up to Speedup without scrolling sideways.
        auto* nodes = window.findChild<QTableView*>(QStringLiteral("nodeTable"));
        QVERIFY(nodes);
        const QHeaderView* header = nodes->horizontalHeader();
        const int speedup = kforge::ui::NodeTableModel::SpeedupColumn;
        const int right = header->sectionViewportPosition(speedup) + header->sectionSize(speedup);
        QVERIFY2(right <= nodes->viewport()->width(),
                 qPrintable(where + QStringLiteral(", Speedup ends at %1 of %2 px").arg(right).arg(nodes->viewport()->width())));
    }
}

void TestMainWindow::geometryIsSavedAndRestored() {
    const QRect chosen(40, 50, 1000, 720);  // above the minimum size the docks give the window
    {
        MainWindow first;
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.setGeometry(chosen);
        QTRY_COMPARE(first.geometry(), chosen);
        first.close();
    }

    const QSettings settings(kSettingsOrganization, kSettingsApplication);
    QVERIFY(settings.fileName().startsWith(settingsDir_.path()));
    QVERIFY(settings.contains(QStringLiteral("MainWindow/geometry")));
    QVERIFY(settings.contains(QStringLiteral("MainWindow/state")));

    MainWindow second;
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.geometry(), chosen);
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
