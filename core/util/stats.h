#pragma once
#include <vector>

namespace kforge {

struct SampleStats {
    int count = 0;
    double median = 0;
    double min = 0;
    double max = 0;
    double p20 = 0;
    double p80 = 0;
    double mean = 0;
    double cv = 0;  // standard deviation / mean
    // The spread of the middle 60% as a fraction of the median, scaled to
    // match cv for normally distributed samples: one preempted call among a
    // hundred does not move it, a machine that is busy throughout does.
    double robustCv() const { return median > 0 ? (p80 - p20) / (1.6832 * median) : 0; }
};

// Percentiles by linear interpolation between order statistics.
SampleStats summarize(std::vector<double> samples);
double percentile(const std::vector<double>& sorted, double p);

}  // namespace kforge
