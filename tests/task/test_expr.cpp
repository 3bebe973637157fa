#include <QtTest>

#include "task/expr.h"
#include "util/error.h"

using kforge::Expr;

class TestExpr : public QObject {
    Q_OBJECT
    static double eval(const char* text, double n = 10, double m = 3) {
        return Expr::parse(text).eval([&](std::string_view name) -> std::optional<double> {
            if (name == "N") return n;
            if (name == "M") return m;
            return std::nullopt;
        });
    }
private slots:
    void arithmeticFollowsPrecedence() {
        QCOMPARE(eval("2 + 3 * 4"), 14.0);
        QCOMPARE(eval("(2 + 3) * 4"), 20.0);
        QCOMPARE(eval("2 ** 3 ** 2"), 512.0);  // right-associative
        QCOMPARE(eval("-2 ** 2"), -4.0);
        QCOMPARE(eval("12 * N + 4 * M"), 132.0);
        QCOMPARE(eval("N % 4"), 2.0);
        QCOMPARE(eval("N / 4"), 2.5);
        QCOMPARE(eval("min(N, M, 7)"), 3.0);
        QCOMPARE(eval("max(N, 2 * M)"), 10.0);
        QCOMPARE(eval("1.5e3"), 1500.0);
    }
    void comparisonsAndLogic() {
        QCOMPARE(eval("N % 2 == 0 && M < 4"), 1.0);
        QCOMPARE(eval("N > 20 || M >= 3"), 1.0);
        QCOMPARE(eval("!(N == 10)"), 0.0);
        QCOMPARE(eval("N != 10"), 0.0);
        QCOMPARE(eval("N <= 9"), 0.0);
    }
    void namesAreListedOnce() {
        const auto names = Expr::parse("N * M + N").names();
        QCOMPARE(names.size(), size_t{2});
        QCOMPARE(names[0], std::string("N"));
        QCOMPARE(names[1], std::string("M"));
    }
    void syntaxErrorsNameTheColumn() {
        try {
            Expr::parse("2 * (N + 1");
            QFAIL("no error");
        } catch (const kforge::Error& e) {
            QVERIFY2(std::string(e.what()).find("missing ')'") != std::string::npos, e.what());
        }
        try {
            Expr::parse("N $ 2");
            QFAIL("no error");
        } catch (const kforge::Error& e) {
            QVERIFY2(std::string(e.what()).find("column 3") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(kforge::Error, Expr::parse("sqrt(N)"));
        QVERIFY_THROWS_EXCEPTION(kforge::Error, Expr::parse(""));
    }
    void evaluationErrors() {
        QVERIFY_THROWS_EXCEPTION(kforge::Error, eval("N / (M - 3)"));
        QVERIFY_THROWS_EXCEPTION(kforge::Error, eval("K + 1"));
    }
};

QTEST_GUILESS_MAIN(TestExpr)
#include "test_expr.moc"
