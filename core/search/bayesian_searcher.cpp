#include "search/bayesian_searcher.h"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#include "search/simple_searchers.h"

namespace kforge {
namespace {

constexpr double kNoise = 1e-3;    // on standardized log-costs: timings repeat to about a percent
constexpr double kXi = 0.01;       // expected-improvement margin
constexpr size_t kMaxCandidates = 5000;

double matern52(const std::vector<double>& a, const std::vector<double>& b, double lengthScale) {
    double d2 = 0;
    for (size_t i = 0; i < a.size(); ++i) d2 += (a[i] - b[i]) * (a[i] - b[i]);
    const double r = std::sqrt(5.0 * d2) / lengthScale;
    return (1 + r + r * r / 3) * std::exp(-r);
}

struct Fit {
    double lengthScale = 0.3;
    Eigen::LLT<Eigen::MatrixXd> llt;
    Eigen::VectorXd alpha;
    double logLikelihood = -std::numeric_limits<double>::infinity();
};

Fit fit(const std::vector<std::vector<double>>& x, const Eigen::VectorXd& y, double lengthScale) {
    const auto n = static_cast<Eigen::Index>(x.size());
    Eigen::MatrixXd k(n, n);
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < n; ++j)
            k(i, j) = matern52(x[static_cast<size_t>(i)], x[static_cast<size_t>(j)], lengthScale) + (i == j ? kNoise : 0);
    Fit f;
    f.lengthScale = lengthScale;
    f.llt.compute(k);
    if (f.llt.info() != Eigen::Success) return f;
    f.alpha = f.llt.solve(y);
    const Eigen::MatrixXd l = f.llt.matrixL();
    f.logLikelihood = -0.5 * y.dot(f.alpha) - l.diagonal().array().log().sum();
    return f;
}

}  // namespace

BayesianSearcher::BayesianSearcher(const SearchSpace& space, uint64_t seed) : space_(space), rng_(seed) {
    // Latin hypercube: each dimension cut into n strata, each stratum used once.
    const size_t n = std::max<size_t>(5, space.dimensions() + 1);
    std::uniform_real_distribution<double> unit(0, 1);
    design_.assign(n, std::vector<double>(space.dimensions()));
    for (size_t d = 0; d < space.dimensions(); ++d) {
        std::vector<size_t> strata(n);
        for (size_t i = 0; i < n; ++i) strata[i] = i;
        std::shuffle(strata.begin(), strata.end(), rng_);
        for (size_t i = 0; i < n; ++i) design_[i][d] = (static_cast<double>(strata[i]) + unit(rng_)) / static_cast<double>(n);
    }
}

std::optional<size_t> BayesianSearcher::initialDesign(size_t step, const std::vector<bool>& measured) {
    return space_.nearestUnmeasured(design_[step], measured);
}

std::optional<size_t> BayesianSearcher::next(const std::vector<Trial>& history) {
    const auto measured = measuredMask(space_, history);
    if (history.size() < design_.size()) return initialDesign(history.size(), measured);

    // Observations: log(cost); a failure sits one unit above the worst success.
    double worst = -std::numeric_limits<double>::infinity();
    bool anySuccess = false;
    for (const auto& t : history)
        if (t.cost && *t.cost > 0) {
            worst = std::max(worst, std::log(*t.cost));
            anySuccess = true;
        }
    if (!anySuccess) return RandomSearcher(space_, rng_()).next(history);
    std::vector<std::vector<double>> x;
    std::vector<double> ys;
    for (const auto& t : history) {
        if (t.pending) continue;  // taken (measuredMask), but no observation yet
        x.push_back(space_.point(t.index));
        ys.push_back(t.cost && *t.cost > 0 ? std::log(*t.cost) : worst + 1);
    }
    Eigen::VectorXd y = Eigen::Map<Eigen::VectorXd>(ys.data(), static_cast<Eigen::Index>(ys.size()));
    const double mean = y.mean();
    const double sd = std::sqrt((y.array() - mean).square().mean());
    y = (y.array() - mean) / (sd > 1e-12 ? sd : 1.0);

    // Length scale by marginal likelihood over a small grid: cheap and robust.
    Fit best;
    for (double ls : {0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0}) {
        Fit f = fit(x, y, ls);
        if (f.logLikelihood > best.logLikelihood) best = std::move(f);
    }
    if (!std::isfinite(best.logLikelihood)) return RandomSearcher(space_, rng_()).next(history);

    std::vector<size_t> candidates;
    for (size_t i = 0; i < space_.size(); ++i)
        if (!measured[i]) candidates.push_back(i);
    if (candidates.empty()) return std::nullopt;
    if (candidates.size() > kMaxCandidates) {
        std::shuffle(candidates.begin(), candidates.end(), rng_);
        candidates.resize(kMaxCandidates);
    }
    const double yBest = y.minCoeff();
    double bestEi = -1;
    size_t choice = candidates.front();
    const auto n = static_cast<Eigen::Index>(x.size());
    Eigen::VectorXd k(n);
    for (size_t c : candidates) {
        for (Eigen::Index i = 0; i < n; ++i) k(i) = matern52(space_.point(c), x[static_cast<size_t>(i)], best.lengthScale);
        const double mu = k.dot(best.alpha);
        const Eigen::VectorXd v = best.llt.matrixL().solve(k);
        const double sigma = std::sqrt(std::max(1.0 + kNoise - v.squaredNorm(), 1e-12));
        const double gain = yBest - mu - kXi;
        const double z = gain / sigma;
        const double ei = gain * 0.5 * std::erfc(-z / std::sqrt(2.0)) + sigma * std::exp(-0.5 * z * z) / std::sqrt(2 * M_PI);
        if (ei > bestEi) {
            bestEi = ei;
            choice = c;
        }
    }
    return choice;
}

}  // namespace kforge
