#include "ui/settings/toolchains_page.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>

#include "ui/background_call.h"
#include "ui/settings/settings_apply.h"
#include "util/process.h"

namespace kforge::ui {

namespace {

struct CheckOutcome {
    bool ok = false;
    QString text;  // the version line, or what went wrong
};

// The line of `--version` output that names the version: nvcc prints it last
// ("Cuda compilation tools, release 12.4, V12.4.131"), compilers first.
QString versionLine(const QString& output) {
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    static const QRegularExpression versionWord(QStringLiteral("version|release"), QRegularExpression::CaseInsensitiveOption);
    for (const QString& line : lines)
        if (versionWord.match(line).hasMatch()) return line.trimmed();
    return lines.isEmpty() ? QString() : lines.first().trimmed();
}

}  // namespace

ToolchainsPage::ToolchainsPage(QWidget* parent) : SettingsPage(parent), intro_(new QLabel(this)) {
    setObjectName(QStringLiteral("toolchainsPage"));
    intro_->setWordWrap(true);
    auto* grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    int line = 0;
    for (Tool tool : kTools) {
        Row& r = row(tool);
        const QString key = QString::fromLatin1(toolEnvironmentVariable(tool)).mid(7).toLower();  // cxx, nvcc, hipcc
        r.label = new QLabel(this);
        r.path = new QLineEdit(this);
        r.path->setObjectName(key + QStringLiteral("Path"));
        r.path->setClearButtonEnabled(true);
        r.label->setBuddy(r.path);
        r.browse = new QPushButton(this);
        r.browse->setObjectName(key + QStringLiteral("Browse"));
        r.check = new QPushButton(this);
        r.check->setObjectName(key + QStringLiteral("Check"));
        r.result = new QLabel(this);
        r.result->setObjectName(key + QStringLiteral("CheckResult"));
        r.result->setWordWrap(true);
        r.result->setTextFormat(Qt::PlainText);
        r.result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.warning = new QAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QString(), this);
        grid->addWidget(r.label, line, 0);
        grid->addWidget(r.path, line, 1);
        grid->addWidget(r.browse, line, 2);
        grid->addWidget(r.check, line, 3);
        grid->addWidget(r.result, line + 1, 1, 1, 3);
        line += 2;
        connect(r.path, &QLineEdit::textEdited, this, [this, tool] {
            Row& edited = row(tool);
            ++edited.generation;  // a check still running is about the old path
            edited.result->clear();
            markProblem(tool, {});
            emit changed();
        });
        connect(r.browse, &QPushButton::clicked, this, [this, tool] { browse(tool); });
        connect(r.check, &QPushButton::clicked, this, [this, tool] { check(tool); });
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addSpacing(6);
    layout->addLayout(grid);
    layout->addStretch(1);
    retranslateUi();
}

QString ToolchainsPage::title() const {
    return tr("Toolchains");
}

QString ToolchainsPage::toolTitle(Tool tool) {
    switch (tool) {
        case Tool::Cxx:
            return tr("Host C++ compiler");
        case Tool::Nvcc:
            return tr("CUDA compiler (nvcc)");
        case Tool::Hipcc:
            return tr("HIP compiler (hipcc)");
    }
    return {};
}

QString ToolchainsPage::pathProblem(Tool tool, const QString& path) {
    const QString p = path.trimmed();
    if (p.isEmpty()) return {};
    if (!p.contains(QLatin1Char('/'))) {
        if (QStandardPaths::findExecutable(p).isEmpty())
            return tr("%1: there is no program called “%2” in PATH.").arg(toolTitle(tool), p);
        return {};
    }
    const QFileInfo info(p);
    if (!info.exists()) return tr("%1: %2 does not exist.").arg(toolTitle(tool), p);
    if (info.isDir()) return tr("%1: %2 is a folder, not a program.").arg(toolTitle(tool), p);
    if (!info.isExecutable()) return tr("%1: %2 is not executable.").arg(toolTitle(tool), p);
    return {};
}

void ToolchainsPage::load(const AppSettings& settings) {
    for (Tool tool : kTools) {
        Row& r = row(tool);
        r.path->setText(settings.toolPath(tool));
        ++r.generation;
        r.result->clear();
        markProblem(tool, {});
    }
}

QString ToolchainsPage::validate(QWidget** field) {
    if (field) *field = nullptr;
    QString first;
    for (Tool tool : kTools) {
        const QString problem = pathProblem(tool, row(tool).path->text());
        markProblem(tool, problem);
        if (!problem.isEmpty() && first.isEmpty()) {
            first = problem;
            if (field) *field = row(tool).path;
        }
    }
    return first;
}

void ToolchainsPage::save(AppSettings& settings) const {
    for (Tool tool : kTools) settings.setToolPath(tool, row(tool).path->text());
}

void ToolchainsPage::markProblem(Tool tool, const QString& problem) {
    Row& r = row(tool);
    r.path->removeAction(r.warning);
    r.warning->setToolTip(problem);
    if (!problem.isEmpty()) r.path->addAction(r.warning, QLineEdit::TrailingPosition);
}

void ToolchainsPage::browse(Tool tool) {
    auto* dialog = new QFileDialog(this, tr("Choose the %1").arg(toolTitle(tool)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    const QString current = row(tool).path->text().trimmed();
    const QString start = current.isEmpty() ? autoDetectedToolPath(tool) : current;
    if (start.contains(QLatin1Char('/'))) dialog->setDirectory(QFileInfo(start).absolutePath());
    connect(dialog, &QFileDialog::fileSelected, this, [this, tool](const QString& file) {
        Row& r = row(tool);
        r.path->setText(file);
        ++r.generation;
        r.result->clear();
        markProblem(tool, {});
        emit changed();
    });
    dialog->open();
}

void ToolchainsPage::check(Tool tool) {
    Row& r = row(tool);
    const QString typed = r.path->text().trimmed();
    const QString problem = pathProblem(tool, typed);
    markProblem(tool, problem);
    if (!problem.isEmpty()) {
        r.result->setText(problem);
        emit checkFinished(tool);
        return;
    }
    const QString program = typed.isEmpty() ? autoDetectedToolPath(tool) : typed;
    r.checking = true;
    r.check->setEnabled(false);
    r.result->setText(tr("Running %1 --version…").arg(program));
    const unsigned generation = r.generation;
    // A compiler on a network file system can take seconds to answer: never on the UI thread.
    runInBackground<CheckOutcome>(
        this,
        [program] {
            kforge::RunOptions options;
            options.timeout = std::chrono::seconds(30);
            options.maxOutputBytes = 64 << 10;
            const kforge::ProcessResult result = kforge::runProcess({program.toStdString(), "--version"}, options);
            const QString output = QString::fromLocal8Bit(result.output.data(), static_cast<qsizetype>(result.output.size()));
            if (result.ok()) return CheckOutcome{true, versionLine(output)};
            return CheckOutcome{false, QString::fromStdString(result.status.describe()) + QLatin1Char('\n') + versionLine(output)};
        },
        [this, tool, program, generation](CheckOutcome outcome) {
            Row& done = row(tool);
            done.checking = false;
            done.check->setEnabled(true);
            if (generation == done.generation) {
                if (outcome.ok) {
                    done.result->setText(tr("%1 answers: %2").arg(program, outcome.text));
                } else {
                    const QString why = outcome.text.trimmed().replace(QLatin1Char('\n'), QStringLiteral(": "));
                    done.result->setText(tr("%1: could not run %2 --version (%3).").arg(toolTitle(tool), program, why));
                }
            }
            emit checkFinished(tool);
        });
}

void ToolchainsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    SettingsPage::changeEvent(event);
}

void ToolchainsPage::retranslateUi() {
    intro_->setText(tr("The compilers that turn candidates into shared objects. Leave a field empty to find the "
                       "compiler as the command line does. Runs started after a change use the new compiler."));
    for (Tool tool : kTools) {
        Row& r = row(tool);
        r.label->setText(tr("%1:").arg(toolTitle(tool)));
        r.path->setPlaceholderText(tr("Auto-detect (%1)").arg(autoDetectedToolPath(tool)));
        r.browse->setText(tr("Browse…"));
        r.check->setText(tr("Check"));
        r.check->setToolTip(tr("Run the compiler with --version and show what it says"));
    }
}

}  // namespace kforge::ui
