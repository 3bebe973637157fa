"""The runner's timer rules, in Python (core/runner/runner_service.cpp, cpu_device.cpp,
cuda_device.cpp): warm-up until `warmup_ms` has passed and at least 3 calls; then
timed calls until `budget_ms` has passed and at least `min_reps` (at most
`max_reps`); before every timed call the last-level cache is flushed by writing a
buffer of `flush_bytes` (the size the runner uses, from its device facts), outside
the timed region. On CUDA each call is timed with events on the current stream;
on the CPU with a monotonic clock around the call. Every sample is returned: the
core computes the statistics with the same code as for candidates.

On CUDA the time is the GPU's, never the host's. A PyTorch call spends host
time before its first kernel is queued (Python, the dispatcher, torch.compile's
guards: 5 to 60 us depending on the host), and the start event is queued
before it: when that host time outlasts the cache flush still running on the
GPU, the GPU idles between the start event and the first kernel and the idle
time is counted as the op's. The runner's candidates are launched from C++ in
a few microseconds, well inside the flush, so to time both by the same rule
each timed call here is preceded, after the flush, by a GPU spin
(torch.cuda._sleep) longer than the host time the warm-up calls took to
queue their work. The numbers then no longer depend on how fast the host is.
The runner spins 50 us after its flush as well (a GPU that has just written
the flush buffer is still writing L2's dirty lines back to DRAM), and the spin
here is never shorter, so neither side starts on a quieter memory system.
"""
import time


class Timer:
    def __init__(self, device, flush_bytes, timing):
        import torch
        self.torch = torch
        self.device = device
        self.cuda = device.startswith("cuda")
        self.warmup_ms = float(timing["warmup_ms"])
        self.budget_ms = float(timing["budget_ms"])
        self.min_reps = int(timing["min_reps"])
        self.max_reps = int(timing["max_reps"])
        self.flush_value = 0
        self.flush_buffer = torch.empty(int(flush_bytes), dtype=torch.uint8, device=device) if flush_bytes > 0 else None
        self.host_ms = []        # host time to queue one call, from the warm-up
        self.cover_cycles = 0    # GPU spin before each timed call
        if self.cuda:
            self.start = torch.cuda.Event(enable_timing=True)
            self.stop = torch.cuda.Event(enable_timing=True)
            self.cycles_per_ms = self._calibrate_sleep()

    def _calibrate_sleep(self):
        """GPU clock cycles torch.cuda._sleep spins per millisecond (median of 3)."""
        cycles = 2_000_000
        rates = []
        for _ in range(3):
            self.start.record()
            self.torch.cuda._sleep(cycles)
            self.stop.record()
            self.stop.synchronize()
            rates.append(cycles / max(float(self.start.elapsed_time(self.stop)), 1e-6))
        return sorted(rates)[1]

    def flush(self):
        if self.flush_buffer is None:
            return
        self.flush_value = (self.flush_value + 1) % 256
        self.flush_buffer.fill_(self.flush_value)  # on the stream, before the start event

    def time_once(self, fn):
        if self.cuda:
            if self.cover_cycles:
                self.torch.cuda._sleep(self.cover_cycles)  # queued after the flush, before the start event
            self.start.record()
            if self.cover_cycles:  # the timed calls: the host's time is no longer needed
                fn()
            else:
                t0 = time.perf_counter_ns()
                fn()
                self.host_ms.append((time.perf_counter_ns() - t0) / 1e6)
            self.stop.record()
            self.stop.synchronize()
            return float(self.start.elapsed_time(self.stop))
        t0 = time.perf_counter_ns()
        fn()
        return (time.perf_counter_ns() - t0) / 1e6

    def synchronize(self):
        if self.cuda:
            self.torch.cuda.synchronize()

    def measure(self, fn):
        warm_end = time.monotonic() + self.warmup_ms / 1e3
        warm = 0
        while warm < 3 or time.monotonic() < warm_end:
            self.time_once(fn)
            warm += 1
        if self.cuda and self.host_ms:
            # Twice the host time of the slower warm-up calls (the 90th percentile,
            # leaving out the first, which may compile), at most 5 ms, so that the
            # call's kernels are queued before the GPU reaches the start event;
            # plus the 50 us the runner spins after its flush (cuda_device.cpp),
            # so that no op here meets a quieter memory system than a candidate.
            host = sorted(self.host_ms[1:] or self.host_ms)
            cover_ms = min(2 * host[int(0.9 * (len(host) - 1))] + 0.05, 5.0)
            self.cover_cycles = int(self.cycles_per_ms * cover_ms)
        budget_end = time.monotonic() + self.budget_ms / 1e3
        samples = []
        while len(samples) < self.min_reps or (time.monotonic() < budget_end and len(samples) < self.max_reps):
            self.flush()
            samples.append(self.time_once(fn))
        self.synchronize()
        return samples
