"""What bench/spin_asymmetry.py and bench/rotation_asymmetry.py share: the
harness's flush buffer (max(4 x L2, 128 MiB), written on the stream before
every timed call), a GPU spin calibrated in cycles per microsecond, and the
ops whose small shapes we lose against torch.compile (issue 17), each with a
function that makes a fresh set of its inputs.
"""
import torch

L2 = torch.cuda.get_device_properties(0).L2_cache_size
FLUSH = torch.empty(max(4 * L2, 128 << 20), dtype=torch.uint8, device="cuda")


def spin_cycles(us):
    """torch.cuda._sleep cycles that spin about `us` microseconds (median of 3 calibrations)."""
    start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    rates = []
    for _ in range(3):
        start.record()
        torch.cuda._sleep(1_000_000)
        stop.record()
        stop.synchronize()
        rates.append(1_000_000 / (start.elapsed_time(stop) * 1e3))
    return int(sorted(rates)[1] * us)


def rmsnorm(x, w):
    xf = x.float()
    return (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + 1e-6) * w.float()).to(torch.bfloat16)


def layernorm(x, g, b):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), g, b)


def row_sum(x):
    return x.sum(-1)


def transpose(x):
    return x.t().contiguous()


def cases(rmsnorm_shapes, layernorm_shapes, row_sum_shapes, transpose_shapes):
    """(name, op, make_inputs) for each shape given."""
    bf = dict(device="cuda", dtype=torch.bfloat16)
    for m, h in rmsnorm_shapes:
        yield f"rmsnorm {m}x{h}", rmsnorm, lambda m=m, h=h: (torch.randn(m, h, **bf), torch.rand(h, **bf) + 0.5)
    for m, n in layernorm_shapes:
        yield f"layernorm {m}x{n}", layernorm, lambda m=m, n=n: (torch.randn(m, n, device="cuda"),
                                                                 torch.randn(n, device="cuda"), torch.randn(n, device="cuda"))
    for m, n in row_sum_shapes:
        yield f"row_sum {m}x{n}", row_sum, lambda m=m, n=n: (torch.randn(m, n, device="cuda"),)
    for m, n in transpose_shapes:
        yield f"transpose {m}x{n}", transpose, lambda m=m, n=n: (torch.randn(m, n, device="cuda"),)
