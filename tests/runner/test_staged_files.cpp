// What a runner on another host receives in place of a path: base64 that must
// be canonical, bytes that must match their SHA-256 and stay under the limit,
// written once into a private directory that goes with the runner.
#include <QtTest>
#include <sys/stat.h>

#include <fstream>

#include "runner/protocol.h"
#include "runner/staged_files.h"
#include "util/base64.h"
#include "util/sha256.h"

using namespace kforge;

class TestStagedFiles : public QObject {
    Q_OBJECT
private slots:
    void base64RoundTrips() {
        const std::vector<std::string> samples = {"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\0\xff\x10", 3)};
        for (const auto& s : samples)
            QCOMPARE(base64Decode(base64Encode(s)).value(), s);
        QCOMPARE(base64Encode("foobar"), std::string("Zm9vYmFy"));
        QCOMPARE(base64Encode("fo"), std::string("Zm8="));
    }
    void base64RejectsWhatIsNotCanonical() {
        for (const char* bad : {"Zm8", "Zm8=Zm8=", "Zm9v\n", "Zm!v", "Zm9=", "Z===", "Zm8==="})
            QVERIFY2(!base64Decode(bad), bad);
    }
    void stagesVerifiedBytesPrivately() {
        const std::string bytes = "\x7f" "ELF not really, but bytes";
        std::filesystem::path dir;
        {
            StagedFiles staged;
            const auto path = staged.stage(sha256Hex(bytes), base64Encode(bytes));
            dir = staged.directory();
            std::ifstream in(path, std::ios::binary);
            QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), bytes);
            struct stat st {};
            QCOMPARE(::stat(dir.c_str(), &st), 0);
            QCOMPARE(st.st_mode & 0777, 0700u);
            QCOMPARE(staged.stage(sha256Hex(bytes), base64Encode(bytes)), path);  // the same bytes, the same file
        }
        QVERIFY(!std::filesystem::exists(dir));  // gone with the runner
    }
    void refusesDamagedOrOversizedData() {
        StagedFiles staged;
        const std::string bytes = "abc";
        auto refused = [&](const std::string& sha, const std::string& data, const char* expected) {
            try {
                staged.stage(sha, data);
                QFAIL("staged");
            } catch (const RequestError& e) {
                QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
            }
        };
        refused(sha256Hex("abd"), base64Encode(bytes), "its SHA-256 is not the one given");
        refused("../../etc/passwd", base64Encode(bytes), "64 lowercase hex digits");
        refused(sha256Hex(bytes), "YWJj!", "not canonical base64");
        refused(sha256Hex(bytes), std::string((StagedFiles::maxBytes / 3 + 2) * 4, 'A'), "(the limit)");
    }
};

QTEST_APPLESS_MAIN(TestStagedFiles)
#include "test_staged_files.moc"
