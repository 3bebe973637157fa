// kforge-bench-verify: what checking one candidate's output costs in the runner,
// per step, on a real device: downloading it into fresh pageable memory (what
// the runner did before) and into a reused page-locked HostBuffer (what it does
// now), comparing two runs byte for byte, and comparing against a reference
// bit-identical and with every element off in the last place.
//
//   kforge-bench-verify [--backend cuda|cpu] [--mib 1024] [--reps 5]
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

#include "runner/device.h"
#include "runner/host_buffer.h"
#include "runner/verify.h"
#include "util/stats.h"

using namespace kforge;

namespace {

double medianSeconds(int reps, const std::function<void()>& step) {
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        step();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return summarize(ms).median / 1e3;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the runner's output checks on one device"};
    std::string backend = "cuda";
    size_t mib = 1024;
    int reps = 5;
    app.add_option("--backend", backend, "cuda or cpu")->check(CLI::IsMember({"cuda", "cpu"}));
    app.add_option("--mib", mib, "output size in MiB")->check(CLI::PositiveNumber);
    app.add_option("--reps", reps, "repetitions per step (the median is shown)")->check(CLI::PositiveNumber);
    CLI11_PARSE(app, argc, argv);

    std::string why;
    auto device = backend == "cuda" ? openCudaDevice(0, why) : openCpuDevice(why);
    if (!device) {
        std::fprintf(stderr, "kforge-bench-verify: no %s device: %s\n", backend.c_str(), why.c_str());
        return 2;
    }
    const size_t bytes = mib << 20;
    const size_t n = bytes / sizeof(float);
    std::vector<float> host(n);
    for (size_t i = 0; i < n; ++i) host[i] = static_cast<float>(i % 4093) * 0.001f - 2.0f;
    DeviceBuffer out = device->allocate(bytes, 0);
    device->upload(out, host.data(), bytes);

    HostBuffer pinned(*device), second(*device);
    pinned.resize(bytes);
    second.resize(bytes);
    device->download(second.data(), out, 0, bytes);
    std::vector<uint8_t> expected(bytes), perturbed(bytes);
    std::memcpy(expected.data(), host.data(), bytes);
    for (size_t i = 0; i < n; ++i) host[i] = std::nextafter(host[i], 1e30f);
    std::memcpy(perturbed.data(), host.data(), bytes);

    struct Row {
        const char* step;
        double seconds;
    };
    std::vector<Row> rows;
    rows.push_back({"download, fresh pageable vector", medianSeconds(reps, [&] {
                        std::vector<uint8_t> v(bytes);
                        device->download(v.data(), out, 0, bytes);
                    })});
    rows.push_back({"download, reused page-locked buffer", medianSeconds(reps, [&] { device->download(pinned.data(), out, 0, bytes); })});
    rows.push_back({"bytesEqual(run 1, run 2)", medianSeconds(reps, [&] { (void)bytesEqual(pinned.view(), second.view()); })});
    rows.push_back({"compare to reference, bit-identical", medianSeconds(reps, [&] {
                        (void)compareToReference(DType::Float32, pinned.view(), expected, Tolerance{1e-5, 1e-5});
                    })});
    rows.push_back({"compare to reference, every element 1 ulp off", medianSeconds(reps, [&] {
                        (void)compareToReference(DType::Float32, perturbed, expected, Tolerance{1e-5, 1e-5});
                    })});
    device->release(out);

    std::printf("| step (%zu MiB float32, %s, median of %d) | seconds | GB/s |\n| --- | ---: | ---: |\n", mib, backend.c_str(), reps);
    for (const auto& r : rows) std::printf("| %s | %.4f | %.1f |\n", r.step, r.seconds, static_cast<double>(bytes) / r.seconds / 1e9);
    return 0;
}
