#include <QtTest>

#include "task/tune_space.h"
#include "util/error.h"

using namespace kforge;

class TestTuneSpace : public QObject {
    Q_OBJECT
private slots:
    void undeclaredOverrideNamesTheDeclaredOnes() {
        const TuneSpace space = parseTuneSpace("// @tune BLOCK 64 128\n// @tune VEC 1 4\n", "k.cpp");
        checkOverridesDeclared(space, {{"BLOCK", "128"}}, "k.cpp");  // declared: fine
        try {
            checkOverridesDeclared(space, {{"BLOK", "128"}}, "k.cpp");
            QFAIL("an undeclared -D was accepted");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("k.cpp: -D BLOK=128") == 0 && m.find("BLOCK, VEC") != std::string::npos, m.c_str());
        }
        try {
            checkOverridesDeclared(parseTuneSpace("int x;\n", "plain.cpp"), {{"N", "1"}}, "plain.cpp");
            QFAIL("a -D for a source without @tune was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("no @tune parameters") != std::string::npos, e.what());
        }
    }
    void brokenConstraintIsLocated() {
        const TuneSpace space = parseTuneSpace("// @tune BLOCK 64 128\n// @tune VEC 1 4\n\n// @constraint BLOCK * VEC <= 256\n", "k.cpp");
        checkConstraints(space, {{"BLOCK", "64"}, {"VEC", "4"}}, "k.cpp");
        QVERIFY(space.brokenConstraint({{"BLOCK", "64"}, {"VEC", "4"}}) == nullptr);
        try {
            checkConstraints(space, {{"BLOCK", "128"}, {"VEC", "4"}}, "k.cpp");
            QFAIL("a configuration breaking @constraint passed");
        } catch (const Error& e) {
            const std::string m = e.what();
            QVERIFY2(m.find("k.cpp:4: configuration BLOCK=128 VEC=4 breaks @constraint BLOCK * VEC <= 256") == 0, m.c_str());
        }
    }
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
        expectError("// @tune B 1 2\n// @seed C=1\n", "cand.cpp:2: @seed: no @tune declares C (declared: B)");
        expectError("// @tune B 1 2\n// @seed B=3\n", "cand.cpp:2: @seed: B=3 is not one of its @tune values (line 1: 1 2)");
        expectError("// @tune B 1 2\n// @seed B=1 B=2\n", "cand.cpp:2: @seed: B is given twice");
        expectError("// @tune B 1 2\n// @seed B\n", "cand.cpp:2: @seed: 'B' is not NAME=VALUE");
        expectError("// @tune B 1 2\n// @seed\n", "cand.cpp:2: @seed names no parameters");
        expectError("// @tune B 1 2\n// @constraint B < 2\n// @seed B=2\n",
                    "cand.cpp:3: @seed: B=2 breaks @constraint B < 2 (line 2)");
    }
    void seedsAreCompleteConfigurations() {
        // A seed may precede the @tune lines; names it leaves out take their default.
        const auto space = parseTuneSpace(
            "// @seed VEC=4\n"
            "// @tune BLOCK 64 128 256\n"
            "// @tune VEC 1 2 4\n"
            "// @seed BLOCK=256 VEC=2\n",
            "k.cu");
        QCOMPARE(space.seeds.size(), size_t{2});
        QCOMPARE(space.seeds[0].line, 1);
        QCOMPARE(describeConfig(space.seeds[0].config), std::string("BLOCK=64 VEC=4"));
        QCOMPARE(describeConfig(space.seeds[1].config), std::string("BLOCK=256 VEC=2"));
    }
    void sourceWithoutDeclarationsHasEmptySpace() {
        const auto space = parseTuneSpace("int main() { return 0; }\n", "x.cpp");
        QVERIFY(space.empty());
        QCOMPARE(space.enumerate().size(), size_t{1});
    }
};

QTEST_GUILESS_MAIN(TestTuneSpace)
#include "test_tune_space.moc"
