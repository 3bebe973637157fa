#!/usr/bin/env python3
"""Does timing an op on one input set, again and again, measure it faster than
rotating over several input sets?

The runner times a candidate on up to three input sets in turn (so that a
kernel cannot answer from what it kept of the previous call), each call after
an L2 flush; the PyTorch baselines are timed on one set of inputs. A flush
evicts the data either way, but not necessarily what maps it: if the GPU's
TLBs (or DRAM row state) still hold the one set's pages, the baselines start
warmer than the candidates, by an amount that would show most on small ops.

Each op is torch.compile'd and captured once per input set in a CUDA graph,
then timed under the harness's rules (flush of max(4 x L2, 128 MiB) on the
stream, a 50 us spin, start event, replay, stop event), interleaved: one set
every call against three sets in turn. Run on the GPU machine from the
repository root:  python3 bench/rotation_asymmetry.py [SETS]
"""
import statistics
import sys

import torch

from asymmetry_ops import FLUSH, cases, spin_cycles

REPS = 300


def main():
    sets = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    spin = spin_cycles(50)
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    print(f"device: {torch.cuda.get_device_name(0)}, torch {torch.__version__}, flush {FLUSH.numel() >> 20} MiB, "
          f"50 us spin, {REPS} calls each way, interleaved")
    print(f"| op (torch.compile, CUDA graph) | 1 input set: median us | {sets} sets in turn: median us | rotated - one |")
    print("| --- | ---: | ---: | ---: |")
    for name, fn, make in cases(rmsnorm_shapes=[(7, 520), (128, 4096), (256, 8192), (4096, 4096)],
                                layernorm_shapes=[(256, 4096)], row_sum_shapes=[(4096, 4096)],
                                transpose_shapes=[(1000, 1500)]):
        compiled = torch.compile(fn)
        graphs = []  # set 0 for the one-set side; 1..sets for the rotating side
        for _ in range(sets + 1):
            args = make()
            for _ in range(3):
                compiled(*args)
            torch.cuda.synchronize()
            g = torch.cuda.CUDAGraph()
            with torch.cuda.graph(g):
                compiled(*args)
            graphs.append((g, args))  # the graph replays on these tensors: keep them alive
        times = {False: [], True: []}
        turn = 0
        for i in range(2 * REPS):
            rotated = i % 2 == 1
            if rotated:
                turn = turn % sets + 1
            FLUSH.fill_(i % 256)
            torch.cuda._sleep(spin)
            start.record()
            graphs[turn if rotated else 0][0].replay()
            stop.record()
            stop.synchronize()
            times[rotated].append(start.elapsed_time(stop) * 1e3)
        a, b = statistics.median(times[False]), statistics.median(times[True])
        print(f"| {name} | {a:.2f} | {b:.2f} | {b - a:+.2f} ({100 * (b - a) / a:+.1f}%) |", flush=True)


if __name__ == "__main__":
    main()
