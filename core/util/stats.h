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
};

// Percentiles by linear interpolation between order statistics.
SampleStats summarize(std::vector<double> samples);
double percentile(const std::vector<double>& sorted, double p);

}  // namespace kforge
