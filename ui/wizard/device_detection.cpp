#include "ui/wizard/device_detection.h"
#include "ui/phrase_text.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <exception>

#include "eval/runner_client.h"
#include "toolchain/toolchain.h"

namespace kforge::ui {

namespace {

// lupdate reads the context from the class: no QObject needed for tr().
class DeviceDetection {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::DeviceDetection)
};

DetectedDevice probe(const kforge::AppPaths& paths, kforge::Backend backend) {
    DetectedDevice d;
    d.backend = backend;
    try {
        kforge::RunnerClient runner(paths.runner, backend);
        kforge::Phrase why;
        d.available = runner.available(why);
        if (d.available)
            d.facts = runner.facts();
        else
            d.why = phraseText(why);
    } catch (const std::exception& e) {
        d.available = false;
        d.why = errorText(e);
    }
    try {
        const auto toolchain =
            kforge::makeToolchain(backend, kforge::ToolchainPaths::fromEnvironment(paths.abiInclude()));
        const std::string version = toolchain->version();
        d.compiler = QString::fromStdString(version.substr(0, version.find('\n')));
    } catch (const std::exception&) {
        d.compiler.clear();  // shown as "compiler not found"
    }
    return d;
}

// The registry's titles are proper names, left as they are; the CPU's alone
// has always been offered to translators.
[[maybe_unused]] constexpr const char* kTranslatedTitles[] = {QT_TRANSLATE_NOOP("kforge::ui::DeviceDetection", "CPU")};

QString gib(double bytes) {
    return QLocale().toString(bytes / double(1ull << 30), 'f', 1);
}

}  // namespace

std::vector<DetectedDevice> detectDevices(const kforge::AppPaths& paths) {
    std::vector<DetectedDevice> devices;
    for (const kforge::BackendInfo& info : kforge::backends()) devices.push_back(probe(paths, info.backend));
    return devices;
}

int backendPreference(kforge::Backend backend) {
    const auto all = kforge::backends();
    const auto it = std::find_if(all.begin(), all.end(), [backend](const kforge::BackendInfo& info) { return info.backend == backend; });
    return static_cast<int>(it - all.begin());
}

QString backendTitle(kforge::Backend backend) {
    const std::string title(kforge::backendInfo(backend).title);
    return QCoreApplication::translate("kforge::ui::DeviceDetection", title.c_str());
}

bool runnable(const DetectedDevice& d) {
    // The host compiler is taken to be there; a GPU's must have been found.
    return d.available && (!kforge::backendInfo(d.backend).gpu || !d.compiler.isEmpty());
}

QString deviceName(const DetectedDevice& device) {
    const std::string& name = device.facts.name;
    return name.empty() ? backendTitle(device.backend) : QString::fromStdString(name);
}

QStringList deviceFacts(const DetectedDevice& d) {
    const QLocale locale;
    const auto& f = d.facts;
    QStringList facts;
    if (f.gpu && !f.gpu->computeCapability.empty())
        facts << DeviceDetection::tr("sm %1, %2 SMs").arg(QString::fromStdString(f.gpu->computeCapability)).arg(f.gpu->smCount);
    if (f.gpu && !f.gpu->gcnArch.empty()) facts << QString::fromStdString(f.gpu->gcnArch);
    if (f.cpu) facts << DeviceDetection::tr("%n core(s)", nullptr, f.cpu->cores);
    if (f.memoryBytes > 0) facts << DeviceDetection::tr("%1 GiB").arg(gib(static_cast<double>(f.memoryBytes)));
    if (f.copyBandwidthGbps > 0) facts << DeviceDetection::tr("%1 GB/s copy").arg(locale.toString(f.copyBandwidthGbps, 'f', 0));
    const char* key = f.peakTflops.count("bfloat16") ? "bfloat16" : "float32";
    if (const auto it = f.peakTflops.find(key); it != f.peakTflops.end()) {
        const double peak = it->second;
        facts << DeviceDetection::tr("%1 TFLOP/s %2").arg(locale.toString(peak, 'f', peak < 10 ? 2 : 1), QLatin1String(key));
    }
    return facts;
}

}  // namespace kforge::ui
