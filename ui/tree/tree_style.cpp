#include "ui/tree/tree_style.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <array>
#include <cmath>

#include "ui/tree/tree_graph_data.h"

namespace kforge::ui {

namespace {

// The view's translation context: these words are the view's words.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::TreeGraphView)
};

// The upper three quarters of matplotlib's viridis: blue, teal, green, yellow.
// Its purple end is left out, where it would meet the colours of failures.
constexpr std::array<QRgb, 7> kViridis = {0x3b528bu, 0x2c728eu, 0x21918cu, 0x28ae80u, 0x5ec962u, 0xaddc30u, 0xfde725u};

// Quantized so that a far zoom can batch nodes of one colour into one call.
constexpr int kScaleSteps = 48;

}  // namespace

VerdictKind verdictKind(const GraphNode& node) {
    if (node.pending) return VerdictKind::Pending;
    switch (node.status) {
        case Status::Passed:
            return VerdictKind::Passed;
        case Status::IncorrectShape:
        case Status::IncorrectNumerical:
        case Status::IncorrectDtype:
        case Status::Nondeterministic:
        case Status::IncompleteWrite:
        case Status::InputModified:
            return VerdictKind::Incorrect;
        case Status::CompileError:
            return VerdictKind::CompileError;
        case Status::RuntimeError:
            return VerdictKind::RuntimeError;
        case Status::Fault:
            return VerdictKind::Fault;
        case Status::Timeout:
            return VerdictKind::Timeout;
        case Status::SuspiciousSpeed:
        case Status::WorkAfterReturn:
            return VerdictKind::Suspicious;
        case Status::InvalidConfig:
            return VerdictKind::InvalidConfig;
        case Status::NotRun:
            return VerdictKind::NotRun;
    }
    return VerdictKind::NotRun;
}

QColor verdictColor(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::Passed:
            return QColor(QRgb{0x21918cu});
        case VerdictKind::Pending:
            return QColor(QRgb{0x9aa0a6u});
        case VerdictKind::Incorrect:
            return QColor(QRgb{0xf28e2bu});
        case VerdictKind::CompileError:
            return QColor(QRgb{0xe15759u});
        case VerdictKind::RuntimeError:
            return QColor(QRgb{0xff6fa8u});
        case VerdictKind::Fault:
            return QColor(QRgb{0x8f2d56u});
        case VerdictKind::Timeout:
            return QColor(QRgb{0x9c755fu});
        case VerdictKind::Suspicious:
            return QColor(QRgb{0xb07aa1u});
        case VerdictKind::InvalidConfig:
            return QColor(QRgb{0xbab0acu});
        case VerdictKind::NotRun:
            return QColor(QRgb{0x7f7f7fu});
    }
    return QColor(QRgb{0x7f7f7fu});
}

QString verdictKindName(VerdictKind kind) {
    switch (kind) {
        case VerdictKind::Passed:
            return Text::tr("Passed");
        case VerdictKind::Pending:
            return Text::tr("Pending");
        case VerdictKind::Incorrect:
            return Text::tr("Incorrect");
        case VerdictKind::CompileError:
            return Text::tr("Compile error");
        case VerdictKind::RuntimeError:
            return Text::tr("Runtime error");
        case VerdictKind::Fault:
            return Text::tr("Fault");
        case VerdictKind::Timeout:
            return Text::tr("Timeout");
        case VerdictKind::Suspicious:
            return Text::tr("Suspiciously fast");
        case VerdictKind::InvalidConfig:
            return Text::tr("Invalid configuration");
        case VerdictKind::NotRun:
            return Text::tr("Not run");
    }
    return {};
}

QString statusDisplayName(Status status) {
    switch (status) {
        case Status::Passed:
            return Text::tr("Passed");
        case Status::IncorrectShape:
            return Text::tr("Incorrect shape");
        case Status::IncorrectNumerical:
            return Text::tr("Incorrect numerical result");
        case Status::IncorrectDtype:
            return Text::tr("Incorrect data type");
        case Status::RuntimeError:
            return Text::tr("Runtime error");
        case Status::CompileError:
            return Text::tr("Compile error");
        case Status::Timeout:
            return Text::tr("Timeout");
        case Status::Fault:
            return Text::tr("Fault");
        case Status::Nondeterministic:
            return Text::tr("Nondeterministic");
        case Status::IncompleteWrite:
            return Text::tr("Incomplete write");
        case Status::InputModified:
            return Text::tr("Modified its inputs");
        case Status::WorkAfterReturn:
            return Text::tr("Work after return");
        case Status::SuspiciousSpeed:
            return Text::tr("Suspiciously fast");
        case Status::InvalidConfig:
            return Text::tr("Invalid configuration");
        case Status::NotRun:
            return Text::tr("Not run");
    }
    return {};
}

QString verdictCardLabel(const GraphNode& node) {
    if (node.pending) return Text::tr("pending");
    switch (node.status) {
        case Status::Passed:
            return formatSpeedup(node.speedup);
        case Status::IncorrectShape:
            return Text::tr("shape");
        case Status::IncorrectNumerical:
            return Text::tr("wrong");
        case Status::IncorrectDtype:
            return Text::tr("dtype");
        case Status::RuntimeError:
            return Text::tr("runtime");
        case Status::CompileError:
            return Text::tr("compile");
        case Status::Timeout:
            return Text::tr("timeout");
        case Status::Fault:
            return Text::tr("fault");
        case Status::Nondeterministic:
            return Text::tr("nondet.");
        case Status::IncompleteWrite:
            return Text::tr("partial");
        case Status::InputModified:
            return Text::tr("inputs");
        case Status::WorkAfterReturn:
            return Text::tr("async");
        case Status::SuspiciousSpeed:
            return Text::tr("too fast");
        case Status::InvalidConfig:
            return Text::tr("config");
        case Status::NotRun:
            return Text::tr("not run");
    }
    return {};
}

QColor bestAccent() {
    return QColor(QRgb{0xf59e0bu});
}

QColor readableTextOn(const QColor& fill) {
    // Relative luminance (sRGB approximated by a 2.2 gamma) against the 0.18 midpoint.
    const auto lin = [](double c) { return std::pow(c, 2.2); };
    const double l = 0.2126 * lin(fill.redF()) + 0.7152 * lin(fill.greenF()) + 0.0722 * lin(fill.blueF());
    return l > 0.22 ? QColor(QRgb{0x1b1f24u}) : QColor(QRgb{0xffffffu});
}

QString generatorDisplayName(const QString& generator) {
    if (generator == QLatin1String("tuner")) return Text::tr("tuner");
    if (generator == QLatin1String("manual")) return Text::tr("manual");
    if (generator == QLatin1String("llm")) return Text::tr("LLM");
    if (generator == QLatin1String("template")) return Text::tr("template");
    return generator;
}

QString formatSpeedup(double speedup) {
    return Text::tr("%1×").arg(QLocale().toString(speedup, 'f', speedup < 10 ? 2 : 1));
}

SpeedupScale::SpeedupScale(double minSpeedup, double maxSpeedup)
    : low_(std::min(1.0, std::max(minSpeedup, 1e-3))), high_(std::max(1.0, maxSpeedup)) {
    if (high_ / low_ < 1.25) high_ = low_ * 1.25;  // a scale needs some span to shade over
    logLow_ = std::log(low_);
    logSpan_ = std::log(high_) - logLow_;
}

double SpeedupScale::position(double speedup) const {
    if (!(speedup > 0)) return 0;
    const double t = (std::log(speedup) - logLow_) / logSpan_;
    return std::clamp(t, 0.0, 1.0);
}

QColor SpeedupScale::color(double speedup) const {
    return colorAt(position(speedup));
}

QColor SpeedupScale::colorAt(double position) const {
    const double t = std::round(std::clamp(position, 0.0, 1.0) * kScaleSteps) / kScaleSteps;
    const double scaled = t * static_cast<double>(kViridis.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(scaled), kViridis.size() - 2);
    const double f = scaled - static_cast<double>(i);
    const QColor a(kViridis[i]);
    const QColor b(kViridis[i + 1]);
    const auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

}  // namespace kforge::ui
