// kernelforge: KernelForge's desktop application.

#include "ui/application_info.h"
#include "ui/main_window.h"
#include "ui/translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KernelForge"));
    QApplication::setApplicationName(kforge::ui::applicationName());
    QApplication::setApplicationVersion(kforge::ui::applicationVersion());
    QApplication::setWindowIcon(kforge::ui::applicationIcon());

    // Qt's catalog first, so KernelForge's own, installed last, wins where
    // both translate the same text.
    const QLocale locale = QLocale::system();
    QTranslator qtTranslator;
    if (kforge::ui::loadQtTranslation(qtTranslator, locale)) {
        QApplication::installTranslator(&qtTranslator);
    }
    QTranslator appTranslator;
    if (kforge::ui::loadApplicationTranslation(appTranslator, locale)) {
        QApplication::installTranslator(&appTranslator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(kforge::ui::commandLineDescription());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), kforge::ui::demoOptionDescription());
    parser.addOption(demo);
    parser.process(app);

    kforge::ui::MainWindow window;
    window.show();
    if (parser.isSet(demo)) window.startDemoSession();
    return QApplication::exec();
}
