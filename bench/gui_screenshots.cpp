// kforge-gui-screenshots: the README's screenshots, reproducibly. Runs a real
// session on the CPU backend in the main window (a private workspace, the
// chosen language) and saves the window mid-run and after the run, with the
// best node and its parent selected so the diff, the details and the charts
// have something to show.
//
//   kforge-gui-screenshots --lang zh_CN --out docs/screenshots [--task softmax_fp32] [--budget 24] [--size 1920x1080]
//
// Without --size the window keeps the size a first start gives it (what a new
// user sees, 1100 x 720 inside the frame); with it the files are named
// main-window-*-WxH-LANG.png.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <QTranslator>

#include "store/store.h"
#include "ui/application_info.h"
#include "ui/main_window.h"
#include "ui/session/node_selection.h"
#include "ui/session/node_table_model.h"
#include "ui/session/session_run.h"
#include "ui/translation.h"

namespace {

int doneNodes(const kforge::ui::NodeTableModel* model) {
    int done = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        done += model->index(row, 0).data(kforge::ui::NodeTableModel::NodeStateRole).toInt() ==
                static_cast<int>(kforge::NodeState::Done);
    return done;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KernelForge"));
    QApplication::setApplicationName(kforge::ui::applicationName());
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves the main window mid-run and after a run"));
    parser.addHelpOption();
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en or zh_CN"), QStringLiteral("lang"), QStringLiteral("en"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("folder for the PNGs"), QStringLiteral("dir"), QStringLiteral("."));
    const QCommandLineOption task(QStringLiteral("task"), QStringLiteral("built-in task"), QStringLiteral("name"),
                                  QStringLiteral("softmax_fp32"));
    const QCommandLineOption budget(QStringLiteral("budget"), QStringLiteral("evaluations"), QStringLiteral("n"), QStringLiteral("24"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("window size WxH (default: the first-start size)"),
                                  QStringLiteral("WxH"));
    parser.addOptions({lang, out, task, budget, size});
    parser.process(app);

    QStandardPaths::setTestModeEnabled(true);  // the user's settings stay untouched
    const QLocale locale(parser.value(lang));
    QTranslator qt, own;
    if (kforge::ui::loadQtTranslation(qt, locale)) QApplication::installTranslator(&qt);
    if (kforge::ui::loadApplicationTranslation(own, locale)) QApplication::installTranslator(&own);
    QLocale::setDefault(locale);

    QTemporaryDir dir;
    kforge::ui::MainWindow window(dir.filePath(QStringLiteral("workspace.db")));
    QString sizeTag;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.size() == 2 ? wh[0].toInt() : 0, h = wh.size() == 2 ? wh[1].toInt() : 0;
        if (w < 200 || h < 200) {
            QTextStream(stderr) << "--size " << parser.value(size) << ": expected WxH, for instance 1920x1080\n";
            return 2;
        }
        window.resize(w, h);
        sizeTag = QStringLiteral("%1x%2-").arg(w).arg(h);
    }
    window.show();
    QTest::qWait(200);

    kforge::SessionConfig config;
    config.backend = kforge::Backend::Cpu;
    config.generators = {"tuner"};
    config.tuner = "bo";
    config.stop.evaluations = parser.value(budget).toInt();
    QSignalSpy finished(window.sessionRun(), &kforge::ui::SessionRun::finished);
    QSignalSpy failed(window.sessionRun(), &kforge::ui::SessionRun::failed);
    window.startSession(parser.value(task), config, parser.value(task) + QStringLiteral(" on the CPU"));

    const QString suffix = sizeTag + parser.value(lang);
    const QString folder = parser.value(out);
    QDir().mkpath(folder);
    QTextStream log(stderr);
    // Mid-run: once a third of the budget is in.
    const int third = std::max(2, config.stop.evaluations.value_or(24) / 3);
    if (!QTest::qWaitFor([&] { return doneNodes(window.nodeModel()) >= third || !failed.isEmpty(); }, 600000) || !failed.isEmpty()) {
        log << "the run did not get going: " << (failed.isEmpty() ? QString() : failed.first().first().toString()) << "\n";
        return 1;
    }
    window.nodeSelection()->select(window.nodeModel()->rowCount() > 1 ? 2 : 1);
    QTest::qWait(500);
    window.grab().save(folder + QStringLiteral("/main-window-running-") + suffix + QStringLiteral(".png"));

    if (!finished.wait(900000)) {
        log << "the run did not finish\n";
        return 1;
    }
    // After: the best node against its parent, both selected.
    const auto record = window.openSessionRecord();
    const qint64 best = record && record->bestNode ? *record->bestNode : 1;
    kforge::Store store(dir.filePath(QStringLiteral("workspace.db")).toStdString());
    const auto parent = store.node(record->id, best).parent;
    window.nodeSelection()->setSelected(parent ? QList<qint64>{*parent, best} : QList<qint64>{best});
    window.nodeSelection()->setCurrent(best);
    QTest::qWait(1500);
    window.grab().save(folder + QStringLiteral("/main-window-finished-") + suffix + QStringLiteral(".png"));
    log << "saved the screenshots in " << folder << "\n";
    return 0;
}
