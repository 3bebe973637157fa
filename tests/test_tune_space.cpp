#include <QtTest>

#include "task/tune_space.h"
#include "util/error.h"

using namespace kforge;

class TestTuneSpace : public QObject {
    Q_OBJECT
private slots:
    void parsesDeclarations() {
        const auto space = parseTuneSpace(
            "// @tune BLOCK 64 128 256\n"
            "int x; // @tune VEC 1 2 4\n"
            "/* not a declaration */\n"
            "// @constraint BLOCK * VEC <= 512\n",
            "k.cu");
        QCOMPARE(space.params.size(), size_t{2});
        QCOMPARE(space.params[0].name, std::string("BLOCK"));
        QCOMPARE(space.params[1].line, 2);
        QCOMPARE(space.size(), 9.0);
        QCOMPARE(space.defaults().at("BLOCK"), std::string("64"));
        QCOMPARE(space.defaults().at("VEC"), std::string("1"));
        QVERIFY(space.violation({{"BLOCK", "256"}, {"VEC", "2"}}).empty());
        QCOMPARE(space.violation({{"BLOCK", "256"}, {"VEC", "4"}}), std::string("BLOCK * VEC <= 512"));
        // 9 configurations, (256, 4) is the only one over the limit.
        QCOMPARE(space.enumerate().size(), size_t{8});
    }
    void configurationsDescribeThemselves() {
        QCOMPARE(describeConfig({{"A", "1"}, {"B", "x"}}), std::string("A=1 B=x"));
    }
    void errorsNameFileAndLine() {
        auto expectError = [](const char* src, const char* needle) {
            try {
                parseTuneSpace(src, "cand.cpp");
                QFAIL("no error");
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
            }
        };
        expectError("// @tune\n", "cand.cpp:1: @tune needs a parameter name");
        expectError("\n// @tune B\n", "cand.cpp:2: @tune B lists no values");
        expectError("// @tune B 1 1\n", "listed twice");
        expectError("// @tune B 1\n// @tune B 2\n", "declared twice");
        expectError("// @tune B 1\n// @constraint C < 2\n", "cand.cpp:2: @constraint uses 'C'");
        expectError("// @tune B 1\n// @constraint B < \n", "cand.cpp:2: @constraint");
        expectError("// @tune B 1;2\n", "is not a value");
    }
    void sourceWithoutDeclarationsHasEmptySpace() {
        const auto space = parseTuneSpace("int main() { return 0; }\n", "x.cpp");
        QVERIFY(space.empty());
        QCOMPARE(space.enumerate().size(), size_t{1});
    }
};

QTEST_GUILESS_MAIN(TestTuneSpace)
#include "test_tune_space.moc"
