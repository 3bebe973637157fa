"""The runner's timer rules, in Python (core/runner/runner_service.cpp, cpu_device.cpp,
cuda_device.cpp): warm-up until `warmup_ms` has passed and at least 3 calls; then
timed calls until `budget_ms` has passed and at least `min_reps` (at most
`max_reps`); before every timed call the last-level cache is flushed by writing a
buffer of `flush_bytes` (the size the runner uses, from its device facts), outside
the timed region. On CUDA each call is timed with events on the current stream;
on the CPU with a monotonic clock around the call. Every sample is returned: the
core computes the statistics with the same code as for candidates.
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
        if self.cuda:
            self.start = torch.cuda.Event(enable_timing=True)
            self.stop = torch.cuda.Event(enable_timing=True)

    def flush(self):
        if self.flush_buffer is None:
            return
        self.flush_value = (self.flush_value + 1) % 256
        self.flush_buffer.fill_(self.flush_value)  # on the stream, before the start event

    def time_once(self, fn):
        if self.cuda:
            self.start.record()
            fn()
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
        budget_end = time.monotonic() + self.budget_ms / 1e3
        samples = []
        while len(samples) < self.min_reps or (time.monotonic() < budget_end and len(samples) < self.max_reps):
            self.flush()
            samples.append(self.time_once(fn))
        self.synchronize()
        return samples
