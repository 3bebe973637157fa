"""Does the GPU spin before the start event (kforge_torch/timing.py) take the
host's dispatch time out of PyTorch baselines, and change nothing else?

Times torch eager and torch.compile ops at small (dispatch-bound) and large
(bandwidth-bound) shapes with the harness's Timer, with the spin and without
it (cover forced to 0), interleaved, and prints medians side by side.
Run on the GPU machine from the repository root:
    python3 bench/torch_timer_cover.py
"""
import statistics
import sys

sys.path.insert(0, "resources/python")
import torch  # noqa: E402

from kforge_torch.timing import Timer  # noqa: E402

TIMING = {"warmup_ms": 50, "budget_ms": 300, "min_reps": 20, "max_reps": 2000}
FLUSH = 4 * torch.cuda.get_device_properties(0).L2_cache_size


def rmsnorm(x, w):
    return (x.float() * torch.rsqrt(x.float().pow(2).mean(-1, keepdim=True) + 1e-6)).to(x.dtype) * w


def cases():
    for m, h in [(128, 4096), (7, 520), (65536, 8192)]:
        x = torch.randn(m, h, device="cuda", dtype=torch.bfloat16)
        w = torch.randn(h, device="cuda", dtype=torch.bfloat16)
        yield f"rmsnorm {m}x{h}", rmsnorm, (x, w)
    for m, n in [(256, 4096), (32768, 8192)]:
        x = torch.randn(m, n, device="cuda")
        g, b = torch.randn(n, device="cuda"), torch.randn(n, device="cuda")
        yield f"layernorm {m}x{n}", lambda x, g, b: torch.nn.functional.layer_norm(x, (x.shape[-1],), g, b), (x, g, b)


def median_ms(fn, args, cover):
    timer = Timer("cuda:0", FLUSH, TIMING)
    if not cover:
        timer.cycles_per_ms = 0  # the spin is then 0 cycles: the old rule
    samples = timer.measure(lambda: fn(*args))
    host = sorted(timer.host_ms)
    return statistics.median(samples), host[len(host) // 2]


print("| op | kind | median, no spin (ms) | median, spin (ms) | host time per call (ms) | ratio |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for name, fn, args in cases():
    for kind, f in [("eager", fn), ("compile", torch.compile(fn))]:
        f(*args)
        torch.cuda.synchronize()
        runs = {True: [], False: []}
        hosts = []
        for _ in range(3):  # interleaved: the machine's state drifts
            for cover in (False, True):
                m, h = median_ms(f, args, cover)
                runs[cover].append(m)
                hosts.append(h)
        old, new = statistics.median(runs[False]), statistics.median(runs[True])
        print(f"| {name} | {kind} | {old:.4f} | {new:.4f} | {statistics.median(hosts):.4f} | {old / new:.2f}x |", flush=True)
