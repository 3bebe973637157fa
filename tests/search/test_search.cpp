// Search strategies replayed against tuning spaces recorded on an H200
// (tests/data/recorded/): fast, deterministic, and still real measurements.
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "search/searcher.h"
#include "util/error.h"

using namespace kforge;
using Json = nlohmann::json;

namespace {

struct Recording {
    std::string task;
    std::unique_ptr<SearchSpace> space;
    std::vector<std::optional<double>> cost;  // by space index
    double best = 0;
};

Recording load(const std::string& file) {
    const std::string dir = qEnvironmentVariable("KFORGE_TEST_DATA").toStdString() + "/data/recorded/";
    std::ifstream in(dir + file);
    std::string line;
    std::getline(in, line);
    Recording r;
    r.task = Json::parse(line).at("task").get<std::string>();
    // The space as it was when the sweep was recorded (templates move on).
    const std::string stem = file.substr(0, file.rfind(".jsonl"));
    r.space = std::make_unique<SearchSpace>(parseTuneSpaceFile(dir + stem + ".space.cu"));
    r.cost.assign(r.space->size(), std::nullopt);
    size_t rows = 0;
    while (std::getline(in, line)) {
        const Json j = Json::parse(line);
        const auto index = r.space->indexOf(j.at("config").get<TuneConfig>());
        if (!index) throw std::runtime_error(file + ": a recorded configuration is not in the template's space");
        if (j.at("status") == "PASSED") r.cost[*index] = j.at("median_ms").get<double>();
        ++rows;
    }
    if (rows != r.space->size()) throw std::runtime_error(file + ": the recording does not cover the space");
    r.best = 1e300;
    for (const auto& c : r.cost)
        if (c) r.best = std::min(r.best, *c);
    return r;
}

// Evaluations until a configuration within `slack` of the best is measured.
size_t evaluationsToFind(const Recording& r, std::string_view strategy, uint64_t seed, double slack = 1.10) {
    auto searcher = makeSearcher(strategy, *r.space, seed);
    std::vector<Trial> history;
    while (auto next = searcher->next(history)) {
        history.push_back({*next, r.cost[*next]});
        if (r.cost[*next] && *r.cost[*next] <= slack * r.best) return history.size();
    }
    return history.size() + 1;
}

}  // namespace

class TestSearch : public QObject {
    Q_OBJECT
private slots:
    void bayesianOptimizationBeatsAThirdOfTheGrid_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("row_sum 198 configs") << "sweep_row_sum_fp32_h200.jsonl";
        QTest::newRow("softmax 66 configs") << "sweep_softmax_fp32_h200.jsonl";
        QTest::newRow("vector_add 45 configs") << "sweep_vector_add_fp32_h200.jsonl";
    }
    void bayesianOptimizationBeatsAThirdOfTheGrid() {
        QFETCH(QString, file);
        const Recording r = load(file.toStdString());
        const size_t third = r.space->size() / 3;
        double boSum = 0, randomSum = 0;
        for (uint64_t seed = 1; seed <= 5; ++seed) {
            const size_t bo = evaluationsToFind(r, "bo", seed);
            boSum += static_cast<double>(bo);
            randomSum += static_cast<double>(evaluationsToFind(r, "random", seed));
            QVERIFY2(bo < third, (file.toStdString() + ": seed " + std::to_string(seed) + " needed " + std::to_string(bo) +
                                  " of " + std::to_string(r.space->size()) + " evaluations").c_str());
        }
        qInfo("%s: within 10%% of the optimum after %.1f evaluations (bo) vs %.1f (random), grid has %zu",
              qPrintable(file), boSum / 5, randomSum / 5, r.space->size());
    }

    void everyStrategyCoversTheSpaceOnceDespiteFailures() {
        const Recording r = load("sweep_softmax_fp32_h200.jsonl");
        for (const auto& name : searcherNames()) {
            auto s = makeSearcher(name, *r.space, 7);
            std::vector<Trial> history;
            std::set<size_t> seen;
            while (auto next = s->next(history)) {
                QVERIFY2(seen.insert(*next).second, (name + " proposed a configuration twice").c_str());
                // Every fifth configuration "fails to compile": a data point, not an abort.
                history.push_back({*next, *next % 5 == 0 ? std::nullopt : r.cost[*next]});
                QVERIFY(history.size() <= r.space->size());
            }
            QCOMPARE(seen.size(), r.space->size());
        }
    }

    void searchersAreDeterministicForASeed() {
        const Recording r = load("sweep_row_sum_fp32_h200.jsonl");
        for (const auto& name : searcherNames())
            QCOMPARE(evaluationsToFind(r, name, 3), evaluationsToFind(r, name, 3));
    }

    void unknownStrategyIsAnError() {
        const Recording r = load("sweep_vector_add_fp32_h200.jsonl");
        QVERIFY_THROWS_EXCEPTION(Error, makeSearcher("hillclimb", *r.space, 1));
        try {
            makeSearcher("hillclimb", *r.space, 1);
        } catch (const Error& e) {
            for (const auto& name : searcherNames()) QVERIFY2(std::string(e.what()).find(name) != std::string::npos, e.what());
        }
    }

    // One table: every row builds the strategy of its name, names are unique,
    // the default (bo) is first, and every row has a title for the wizard.
    void registryRowsBuildTheirStrategy() {
        const Recording r = load("sweep_vector_add_fp32_h200.jsonl");
        std::set<std::string_view> names;
        for (const SearcherInfo& s : searchers()) {
            QVERIFY(names.insert(s.name).second);
            QCOMPARE(makeSearcher(s.name, *r.space, 1)->name(), s.name);
            QVERIFY(s.title && *s.title);
        }
        QCOMPARE(searcherNames().front(), std::string("bo"));
        QCOMPARE(searcherNames().size(), searchers().size());
    }

    void encodingSpansTheUnitCube() {
        const Recording r = load("sweep_vector_add_fp32_h200.jsonl");
        QCOMPARE(r.space->dimensions(), size_t{3});
        for (size_t i = 0; i < r.space->size(); ++i)
            for (double x : r.space->point(i)) QVERIFY(x >= 0 && x <= 1);
        // BLOCK 128 < 256 < 512 < 1024 whatever order @tune lists them in.
        const auto at = r.space->indexOf({{"BLOCK", "128"}, {"VEC", "1"}, {"ITEMS", "1"}});
        QVERIFY(at);
        QCOMPARE(r.space->point(*at)[0], 0.0);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
