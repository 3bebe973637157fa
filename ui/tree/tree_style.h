#pragma once
// How the search tree looks: a colour per kind of verdict, a sequential colour
// scale for the speedup of passed nodes, and the words for both. Failures are
// warm hues and passed nodes the cool-to-bright viridis range, so "failed" and
// "slow" never look alike; every card also says its verdict in words.
#include <QColor>
#include <QString>
#include <vector>

#include "runner/protocol.h"

namespace kforge::ui {

struct GraphNode;

enum class VerdictKind {
    Passed,
    Pending,
    Incorrect,  // wrong shape, numbers or dtype, nondeterministic, unwritten elements
    CompileError,
    RuntimeError,
    Fault,
    Timeout,
    Suspicious,  // faster than the physics floor allows
    InvalidConfig,
    NotRun,
};
inline constexpr int kVerdictKindCount = 10;

VerdictKind verdictKind(const GraphNode& node);
// The fill of a card of that kind; Passed has no single colour (see SpeedupScale).
QColor verdictColor(VerdictKind kind);
QString verdictKindName(VerdictKind kind);        // for the legend: "Compile error"
QString statusDisplayName(Status status);         // for tooltips: "Incorrect numerical result"
QString verdictCardLabel(const GraphNode& node);  // the card's second line when not passed: "compile"

// The best node and the path to it are drawn in this accent.
QColor bestAccent();
// Black or white, whichever reads better on `fill`.
QColor readableTextOn(const QColor& fill);
QString generatorDisplayName(const QString& generator);
QString formatSpeedup(double speedup);  // "1.84×"

// Speedup to colour on a log scale over [low, high]; the baseline (1×) is
// always inside, so a candidate slower than the baseline is visibly at the cold end.
class SpeedupScale {
public:
    SpeedupScale(double minSpeedup = 1, double maxSpeedup = 1);
    double low() const { return low_; }
    double high() const { return high_; }
    double position(double speedup) const;  // 0 at low, 1 at high, clamped
    QColor color(double speedup) const;
    QColor colorAt(double position) const;
    bool operator==(const SpeedupScale& other) const { return low_ == other.low_ && high_ == other.high_; }

private:
    double low_;
    double high_;
    double logLow_;
    double logSpan_;
};

}  // namespace kforge::ui
