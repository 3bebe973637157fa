#!/usr/bin/env python3
"""One call of a task's reference under torch.compile, bracketed by
cudaProfilerStart/Stop, for Nsight Compute started with --profile-from-start
off: the compiled kernels of one workload, profiled by the same ncu options
and metrics as `kforge profile` takes of a candidate (bench/ncu_small_shapes.sh).

usage: ncu --profile-from-start off ... python3 profile_torch_compile.py TASK_DIR UUID
"""
import json
import os
import sys

import torch


def shape_of(dims, axes):
    return [axes[d] if isinstance(d, str) else d for d in dims]


def main(task_dir, uuid):
    definition = json.load(open(os.path.join(task_dir, "definition.json")))
    workload = next(json.loads(l) for l in open(os.path.join(task_dir, "workloads.jsonl"))
                    if l.strip() and json.loads(l)["uuid"] == uuid)
    axes = dict(workload["axes"])
    for name, axis in definition["axes"].items():
        if axis.get("type") == "const":
            axes[name] = axis["value"]
    inputs = []
    for name, spec in definition["inputs"].items():
        dtype = getattr(torch, spec["dtype"])
        shape = shape_of(spec.get("shape", []), axes)
        if dtype.is_floating_point:
            inputs.append(torch.randn(shape, device="cuda", dtype=dtype))
        else:
            inputs.append(torch.randint(0, 2, shape, device="cuda", dtype=dtype))
    scope = {}
    exec(definition["reference"], scope)
    compiled = torch.compile(scope["run"])
    for _ in range(5):  # compile, autotune, warm
        compiled(*inputs)
    torch.cuda.synchronize()
    torch.cuda.cudart().cudaProfilerStart()
    compiled(*inputs)
    torch.cuda.synchronize()
    torch.cuda.cudart().cudaProfilerStop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
