// kernelforge: KernelForge's desktop application.

#include "ui/application_info.h"
#include "ui/main_window.h"
#include "ui/settings/settings_apply.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KernelForge"));
    QApplication::setApplicationName(kforge::ui::applicationName());
    QApplication::setApplicationVersion(kforge::ui::applicationVersion());
    QApplication::setWindowIcon(kforge::ui::applicationIcon());

    // The user's preferences: language (the system's unless chosen in
    // Settings), theme, and toolchain paths for every run started from here.
    kforge::ui::applySettings();

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
