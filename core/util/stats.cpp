#include "util/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kforge {

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const double pos = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = pos - static_cast<double>(lo);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

SampleStats summarize(std::vector<double> samples) {
    SampleStats s;
    if (samples.empty()) return s;
    std::sort(samples.begin(), samples.end());
    s.count = static_cast<int>(samples.size());
    s.min = samples.front();
    s.max = samples.back();
    s.median = percentile(samples, 0.5);
    s.p20 = percentile(samples, 0.2);
    s.p80 = percentile(samples, 0.8);
    s.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
    double var = 0;
    for (double x : samples) var += (x - s.mean) * (x - s.mean);
    var /= static_cast<double>(samples.size());
    s.cv = s.mean > 0 ? std::sqrt(var) / s.mean : 0;
    return s;
}

}  // namespace kforge
