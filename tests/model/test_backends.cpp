// The backend registry (core/model/backend.h): one row per enum value, names
// that parse back to their backend, the order of preference, and a toolchain
// registered for every backend (core/toolchain/toolchain.cpp).
#include <QtTest>

#include <set>

#include "model/backend.h"
#include "toolchain/toolchain.h"

using namespace kforge;

namespace {

// Every value of the enum. A new backend is added here too, and the
// exhaustive switch below stops the build until it is.
constexpr Backend kAll[] = {Backend::Cpu, Backend::Cuda, Backend::Hip};

[[maybe_unused]] constexpr bool listedHere(Backend b) {
    switch (b) {
        case Backend::Cpu:
        case Backend::Cuda:
        case Backend::Hip: return true;
    }
    return false;
}

}  // namespace

class TestBackends : public QObject {
    Q_OBJECT
private slots:
    void oneRowPerBackend() {
        QCOMPARE(backends().size(), std::size(kAll));
        for (const Backend b : kAll) {
            int rows = 0;
            for (const BackendInfo& info : backends()) rows += info.backend == b ? 1 : 0;
            QCOMPARE(rows, 1);
            QVERIFY(backendInfo(b).backend == b);
        }
    }
    void namesRoundTrip() {
        std::set<std::string_view> names, titles;
        for (const BackendInfo& info : backends()) {
            QVERIFY(!info.name.empty() && !info.title.empty());
            QCOMPARE(backendName(info.backend), info.name);
            QVERIFY(parseBackend(info.name) == info.backend);
            names.insert(info.name);
            titles.insert(info.title);
        }
        QCOMPARE(names.size(), backends().size());
        QCOMPARE(titles.size(), backends().size());
        QVERIFY(!parseBackend("rocm"));
        QVERIFY(!parseBackend(""));
        std::vector<std::string> expected;
        for (const BackendInfo& info : backends()) expected.emplace_back(info.name);
        QVERIFY(backendNames() == expected);
    }
    void preferenceOrder() {
        std::vector<Backend> order;
        for (const BackendInfo& info : backends()) order.push_back(info.backend);
        QVERIFY((order == std::vector<Backend>{Backend::Cuda, Backend::Hip, Backend::Cpu}));
        // The last is what "auto" falls back to: it must always be there.
        QVERIFY(!backends().back().gpu);
    }
    void rowsAreComplete() {
        for (const BackendInfo& info : backends()) {
            QVERIFY(info.sourceExtension.starts_with('.'));
            QVERIFY(info.unitExtension.starts_with('.'));
            QVERIFY(info.inlineHeaderExtension.starts_with('.'));
            QVERIFY(!info.codeFence.empty() && !info.torchDevice.empty() && !info.torchDispatchKey.empty());
            QVERIFY(!info.torchExtension.empty() && !info.kernelBuilderBackend.empty() && !info.sharedObjectCommand.empty());
            QVERIFY(info.gpu || !info.profilable);
        }
    }
    void toolchainPerBackend() {
        for (const BackendInfo& info : backends()) {
            const auto toolchain = makeToolchain(info.backend, ToolchainPaths{});
            QVERIFY(toolchain != nullptr);
            QVERIFY(toolchain->backend() == info.backend);
        }
    }
};

QTEST_APPLESS_MAIN(TestBackends)
#include "test_backends.moc"
