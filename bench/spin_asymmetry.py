#!/usr/bin/env python3
"""Does a GPU spin between the cache flush and the start event change the
time of the op that follows?

The PyTorch baselines are timed as flush, spin (to cover Python's dispatch
time, kforge_torch/timing.py), start event, op, stop event; the runner times
candidates as flush, start event, op, stop event (its launch is queued while
the flush runs). If the spin also lets the memory system finish the flush's
write-backs, the baselines start on a quieter DRAM than the candidates, and
small ops would measure faster as baselines than they are.

Each op here is torch.compile'd and captured in a CUDA graph, so that its
launch costs a few microseconds of host time and is queued inside the flush
without a spin; it is then timed both ways, interleaved, by the harness's own
flush (a buffer of max(4 x L2, 128 MiB), written on the stream). Run on the
GPU machine from the repository root:  python3 bench/spin_asymmetry.py
"""
import statistics

import torch

from asymmetry_ops import FLUSH, cases, spin_cycles

REPS = 300


def main():
    spin = spin_cycles(50)  # 50 us: longer than any write-back tail
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    print(f"device: {torch.cuda.get_device_name(0)}, torch {torch.__version__}, flush {FLUSH.numel() >> 20} MiB, "
          f"{REPS} calls each way, interleaved")
    print("| op (torch.compile, CUDA graph) | no spin: median us | 50 us spin: median us | spin - no spin |")
    print("| --- | ---: | ---: | ---: |")
    for name, fn, make in cases(rmsnorm_shapes=[(7, 520), (128, 4096), (256, 8192), (65536, 8192)],
                                layernorm_shapes=[(256, 4096), (33, 1000)], row_sum_shapes=[(4096, 4096), (1024, 4096)],
                                transpose_shapes=[(1000, 1500), (3, 100000)]):
        args = make()
        compiled = torch.compile(fn)
        for _ in range(3):
            compiled(*args)
        torch.cuda.synchronize()
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph):
            compiled(*args)
        times = {False: [], True: []}
        for i in range(2 * REPS):
            spun = i % 2 == 1
            FLUSH.fill_(i % 256)
            if spun:
                torch.cuda._sleep(spin)
            start.record()
            graph.replay()
            stop.record()
            stop.synchronize()
            times[spun].append(start.elapsed_time(stop) * 1e3)
        a, b = statistics.median(times[False]), statistics.median(times[True])
        print(f"| {name} | {a:.2f} | {b:.2f} | {b - a:+.2f} ({100 * (b - a) / a:+.1f}%) |", flush=True)


if __name__ == "__main__":
    main()
