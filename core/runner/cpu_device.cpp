// The CPU as a device. Buffers are placed so that their end (rounded up to 256
// bytes) meets a PROT_NONE page: a write past an output's end is either caught
// by the canary in the rounding slack or faults at once, instead of silently
// corrupting the runner's heap.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>
#include <vector>

#include "runner/device.h"
#include "runner/parallel.h"
#include "runner/verify.h"

namespace kforge {
namespace {

constexpr size_t kGuardBytes = size_t{64} << 20;

size_t pageSize() { return static_cast<size_t>(::sysconf(_SC_PAGESIZE)); }

size_t lastLevelCacheBytes() {
    size_t best = 0;
    for (int i = 0; i < 8; ++i) {
        std::ifstream in("/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(i) + "/size");
        std::string s;
        if (!(in >> s)) continue;
        size_t v = std::stoul(s);
        if (s.back() == 'K') v <<= 10;
        if (s.back() == 'M') v <<= 20;
        best = std::max(best, v);
    }
    return best ? best : size_t{32} << 20;
}

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

using Clock = std::chrono::steady_clock;

// Bytes per second of the best of five runs of `work(begin, end)` over [0, n),
// split evenly across `threads`, that moves `bytes` in all.
template <typename Work>
double bestParallelRate(unsigned threads, size_t n, double bytes, Work work) {
    double best = 0;
    for (int rep = 0; rep < 5; ++rep) {
        const auto t0 = Clock::now();
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            const size_t chunk = n / threads, begin = t * chunk, end = t + 1 == threads ? n : begin + chunk;
            pool.emplace_back([&work, begin, end] { work(begin, end); });
        }
        for (auto& th : pool) th.join();
        best = std::max(best, bytes / std::chrono::duration<double>(Clock::now() - t0).count());
    }
    return best;
}

// A multi-threaded memcpy of 256 MiB, counting bytes read + written.
double measureCopyBandwidth(unsigned threads) {
    const size_t bytes = size_t{256} << 20;
    std::vector<char> a(bytes, 1), b(bytes, 2);
    return bestParallelRate(threads, bytes, 2.0 * static_cast<double>(bytes),
                            [&](size_t begin, size_t end) { std::memcpy(b.data() + begin, a.data() + begin, end - begin); });
}

// STREAM's "add" (c = a + b over float arrays) on every thread, counting the
// bytes read and written. On some machines (AMD in a VM, seen here) glibc's
// memcpy moves less than plain vector loads and stores do, and a candidate's
// loop then beat a "floor" that was really memcpy's speed.
double measureStreamAdd(unsigned threads) {
    const size_t n = size_t{32} << 20;  // 128 MiB per array
    std::vector<float> a(n, 1.0f), b(n, 2.0f), c(n, 0.0f);
    const double rate = bestParallelRate(threads, n, 3.0 * sizeof(float) * static_cast<double>(n), [&](size_t begin, size_t end) {
        const float* __restrict x = a.data();
        const float* __restrict y = b.data();
        float* __restrict z = c.data();
        for (size_t i = begin; i < end; ++i) z[i] = x[i] + y[i];
    });
    asm volatile("" ::"r"(c.data()) : "memory");
    return rate;
}

// STREAM add over a working set of half the last-level cache, each thread
// passing over its own slice many times, so that after the first pass every
// access hits in cache: the bandwidth an honest kernel on a cache-resident
// workload can reach.
double measureCacheBandwidth(unsigned threads, size_t llcBytes) {
    const size_t n = std::max<size_t>(llcBytes / 2 / (3 * sizeof(float)), 4096);
    constexpr int kPasses = 40;
    std::vector<float> a(n, 1.0f), b(n, 2.0f), c(n, 0.0f);
    const double rate = bestParallelRate(threads, n, 3.0 * sizeof(float) * static_cast<double>(n) * kPasses,
                                         [&](size_t begin, size_t end) {
                                             const float* __restrict x = a.data();
                                             const float* __restrict y = b.data();
                                             float* __restrict z = c.data();
                                             for (int pass = 0; pass < kPasses; ++pass) {
                                                 for (size_t i = begin; i < end; ++i) z[i] = x[i] + y[i];
                                                 asm volatile("" ::"r"(z) : "memory");
                                             }
                                         });
    asm volatile("" ::"r"(c.data()) : "memory");
    return rate;
}

// Peak single-precision FMA rate, measured with independent accumulators wide
// enough for the widest vector unit this CPU has.
typedef float V4 __attribute__((vector_size(16)));
typedef float V8 __attribute__((vector_size(32)));
typedef float V16 __attribute__((vector_size(64)));

template <typename V>
__attribute__((always_inline)) inline double fmaLoop(long iters) {
    V acc[12];
#pragma GCC unroll 12
    for (int i = 0; i < 12; ++i) acc[i] = V{} + static_cast<float>(i) * 1e-3f;
    const V x = V{} + 0.999999f, y = V{} + 1e-7f;
    for (long it = 0; it < iters; ++it) {
#pragma GCC unroll 12  // the accumulators must live in registers
        for (int i = 0; i < 12; ++i) acc[i] = acc[i] * x + y;
    }
    float sink = 0;
    for (int i = 0; i < 12; ++i) sink += acc[i][0];
    return static_cast<double>(sink);
}
__attribute__((target("avx512f"))) double fma512(long iters) { return fmaLoop<V16>(iters); }
__attribute__((target("avx2,fma"))) double fma256(long iters) { return fmaLoop<V8>(iters); }
double fma128(long iters) { return fmaLoop<V4>(iters); }

double measurePeakFlops(unsigned threads) {
    int width = 4;
    double (*loop)(long) = fma128;
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) width = 16, loop = fma512;
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) width = 8, loop = fma256;
    const long iters = 20'000'000;
    double best = 0;
    for (int rep = 0; rep < 3; ++rep) {
        std::vector<std::thread> pool;
        std::vector<double> sinks(threads);
        const auto t0 = Clock::now();
        for (unsigned t = 0; t < threads; ++t) pool.emplace_back([&, t] { sinks[t] = loop(iters); });
        for (auto& th : pool) th.join();
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        best = std::max(best, 2.0 * 12 * width * static_cast<double>(iters) * threads / s);
    }
    return best;
}

}  // namespace

uint64_t availableHostMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kib = 0;
    std::string unit;
    while (meminfo >> key >> kib) {
        std::getline(meminfo, unit);
        if (key == "MemAvailable:") return kib * 1024;
    }
    return static_cast<uint64_t>(::sysconf(_SC_AVPHYS_PAGES)) * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

namespace {

class CpuDevice final : public Device {
public:
    CpuDevice() {
        threads_ = cpuThreadLimit();  // the runner caps OpenMP at the same count (app/runner/main.cpp)
        llc_ = lastLevelCacheBytes();
        flush_.assign(std::max<size_t>(2 * llc_, size_t{64} << 20) / sizeof(uint64_t), 0);
        remeasure();
    }
    void remeasure() override {
        // One thread as well as all: on a machine shared with other work the
        // threads fight those processes for cores, while a one-thread candidate
        // still streams at a core's full rate, and must never beat the floor.
        copyBandwidth_ = std::max({copyBandwidth_, measureCopyBandwidth(threads_), measureStreamAdd(threads_),
                                   measureCopyBandwidth(1), measureStreamAdd(1)});
        cacheBandwidth_ = std::max({cacheBandwidth_, measureCacheBandwidth(threads_, llc_), measureCacheBandwidth(1, llc_)});
        peakFlops_ = std::max(peakFlops_, measurePeakFlops(threads_));
    }
    std::string backend() const override { return "cpu"; }
    DeviceFacts facts() override {
        DeviceFacts f;
        f.backend = Backend::Cpu;
        f.name = cpuModel();
        f.memoryBytes = static_cast<uint64_t>(::sysconf(_SC_PHYS_PAGES)) * static_cast<uint64_t>(pageSize());
        f.copyBandwidthGbps = copyBandwidth_ / 1e9;
        f.peakTflops = {{"float32", peakFlops_ / 1e12}};
        f.peakSource = "measured: FMA loop on every core";
        f.bandwidthSource =
            "measured: the fastest of memcpy of 256 MiB and STREAM add over 3 x 128 MiB, on one thread and on all, bytes read + "
            "written";
        f.cacheBandwidthGbps = std::max(cacheBandwidth_, copyBandwidth_) / 1e9;
        f.cacheBandwidthSource = "measured: STREAM add over 3 arrays in half the last-level cache, 40 passes, bytes read + written";
        f.cpu = CpuFacts{static_cast<int>(threads_), static_cast<uint64_t>(llc_)};
        f.flushBytes = flush_.size() * sizeof(uint64_t);  // written before every timed call; the PyTorch baselines use the same
        return f;
    }
    uint64_t freeMemoryBytes() override { return availableHostMemoryBytes(); }
    DeviceBuffer allocate(size_t bytes, size_t slack) override {
        const size_t page = pageSize();
        const size_t body = (bytes + slack + 255) / 256 * 256;
        const size_t pages = (body + page - 1) / page * page;
        // Address space only: a stray write up to kGuardBytes past the end faults
        // instead of landing in the next buffer.
        const size_t mapped = pages + kGuardBytes;
        void* base = ::mmap(nullptr, mapped, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (base == MAP_FAILED) throw std::runtime_error("cannot allocate " + std::to_string(bytes) + " bytes of host memory");
        if (::mprotect(base, pages, PROT_READ | PROT_WRITE) != 0) {
            ::munmap(base, mapped);
            throw std::runtime_error("cannot allocate " + std::to_string(bytes) + " bytes of host memory");
        }
        DeviceBuffer b;
        b.base = base;
        b.baseBytes = mapped;
        b.data = static_cast<char*>(base) + pages - body;  // 256-byte aligned: page-aligned minus a multiple of 256
        b.bytes = bytes;
        b.slack = body - bytes;
        return b;
    }
    void release(DeviceBuffer& b) override {
        if (b.base) ::munmap(b.base, b.baseBytes);
        b = {};
    }
    void setReadOnly(const DeviceBuffer& b, bool readOnly) override {
        ::mprotect(b.base, b.baseBytes - kGuardBytes, readOnly ? PROT_READ : PROT_READ | PROT_WRITE);
    }
    void upload(const DeviceBuffer& dst, const void* src, size_t bytes) override { std::memcpy(dst.data, src, bytes); }
    void download(void* dst, const DeviceBuffer& src, size_t offset, size_t bytes) override {
        std::memcpy(dst, static_cast<const char*>(src.data) + offset, bytes);
    }
    void fill(const DeviceBuffer& dst, uint8_t value, size_t offset, size_t bytes) override {
        std::memset(static_cast<char*>(dst.data) + offset, value, bytes);
    }
    void copy(const DeviceBuffer& dst, const DeviceBuffer& src, size_t bytes) override { std::memcpy(dst.data, src.data, bytes); }
    void* stream() override { return nullptr; }
    void synchronizeStream() override {}
    void synchronize() override {}
    bool sameBytes(const DeviceBuffer& a, const DeviceBuffer& b, size_t bytes) override {
        return bytesEqual({static_cast<const uint8_t*>(a.data), bytes}, {static_cast<const uint8_t*>(b.data), bytes});
    }
    void flushCache() override {
        // Reading and writing back a buffer twice the LLC evicts everything a
        // candidate touched. Not memset: for buffers this large glibc uses
        // non-temporal stores, which bypass the cache and evict nothing (seen
        // here: honest kernels on a 16 MiB workload beat DRAM bandwidth).
        ++flushValue_;
        const uint64_t add = flushValue_;
        parallelChunks(flush_.size(), [&](size_t, size_t begin, size_t end) {
            uint64_t* p = flush_.data();
            for (size_t i = begin; i < end; ++i) p[i] += add;
        });
        asm volatile("" ::"r"(flush_.data()) : "memory");
    }
    TimedCall timeCall(const std::function<int()>& call) override {
        TimedCall t;
        const auto t0 = Clock::now();
        t.rc = call();
        t.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        return t;
    }

private:
    unsigned threads_ = 1;
    size_t llc_ = 0;
    std::vector<uint64_t> flush_;
    unsigned char flushValue_ = 0;
    double copyBandwidth_ = 0;
    double cacheBandwidth_ = 0;
    double peakFlops_ = 0;
};

}  // namespace

std::unique_ptr<Device> openCpuDevice(std::string&) { return std::make_unique<CpuDevice>(); }

}  // namespace kforge
