"""`kforge import kernelbench PROBLEM.py --out DIR`: a KernelBench problem as a task.

A KernelBench problem defines `class Model(nn.Module)`, `get_inputs()` and
`get_init_inputs()`. The task made from it:
  * inputs: forward()'s arguments (shapes and dtypes from get_inputs()), then the
    module's parameters and buffers, named after them ('fc.weight' -> fc_weight);
  * outputs: what forward() returns (out, or out0, out1, ... for a tuple);
  * axes: one const axis per dimension (x_dim0, ...), one workload;
  * reference: the problem file itself plus a run(...) that calls the module
    through functional_call with the given parameters (no copy into the module);
  * kforge.inputs: each parameter's distribution as the module's initialiser
    makes it (uniform within the observed bounds, or normal with the observed
    mean and spread), drawn by KernelForge's seeded generator so candidate and
    reference see the same bytes. The values are not the module's own draw.
Prints one JSON line: {"ok": true, "task": DIR} or {"ok": false, "error": "FILE:LINE: why"}.
"""
import inspect
import json
import math
import os
import sys
import traceback

from .tensors import dtype_name

WRAPPER = '''

# --- added by `kforge import kernelbench`: the definition's run(...) ---
_kforge_model = None
_kforge_state_names = %(state)r


def _kforge_call(module, state, args):
    try:
        from torch.func import functional_call
    except ImportError:  # PyTorch before 2.0
        from torch.nn.utils.stateless import functional_call
    return functional_call(module, state, tuple(args))


def run(%(signature)s):
    global _kforge_model
    if _kforge_model is None:
        _kforge_model = Model(*get_init_inputs()).eval()
    state = dict(zip(_kforge_state_names, [%(state_args)s]))
    return _kforge_call(_kforge_model, state, [%(forward_args)s])
'''


class ImportFailure(Exception):
    pass


def located(path, e):
    """FILE:LINE: why, for an exception raised while running the problem file."""
    if isinstance(e, SyntaxError):
        return "%s:%s: syntax error: %s" % (path, e.lineno, e.msg)
    line = None
    for frame in traceback.extract_tb(e.__traceback__):
        if frame.filename == path:
            line = frame.lineno
    where = "%s:%d" % (path, line) if line else path
    return "%s: %s: %s" % (where, type(e).__name__, e)


def identifier(name):
    out = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    return out if out and not out[0].isdigit() else "t_" + out


def distribution(t):
    import torch
    v = t.detach().float().reshape(-1)
    lo, hi = float(v.min()), float(v.max())
    if v.numel() < 2 or hi - lo < 1e-12:
        return {"distribution": "uniform", "low": lo, "high": hi}
    std = float(v.std())
    # A uniform on [lo, hi] has std (hi - lo) / sqrt(12); a normal's range is far wider.
    if abs(std * math.sqrt(12) / (hi - lo) - 1) < 0.1:
        return {"distribution": "uniform", "low": lo, "high": hi}
    return {"distribution": "normal", "mean": float(v.mean()), "std": std}


def import_problem(path, out_dir, seed):
    import torch
    path = os.path.abspath(path)
    try:
        source = open(path).read()
    except OSError as e:
        raise ImportFailure("%s: cannot be read (%s)" % (path, e.strerror))
    namespace = {"__name__": "kforge_problem", "__file__": path}
    try:
        exec(compile(source, path, "exec"), namespace)
    except Exception as e:
        raise ImportFailure(located(path, e))
    for name in ("Model", "get_inputs", "get_init_inputs"):
        if name not in namespace:
            raise ImportFailure("%s: defines no %s (a KernelBench problem has class Model(nn.Module), get_inputs() and get_init_inputs())"
                                % (path, name))
    if not (isinstance(namespace["Model"], type) and issubclass(namespace["Model"], torch.nn.Module)):
        raise ImportFailure("%s: Model is not a subclass of torch.nn.Module" % path)
    torch.manual_seed(seed)
    try:
        init = list(namespace["get_init_inputs"]())
        model = namespace["Model"](*init).eval()
        inputs = list(namespace["get_inputs"]())
        with torch.no_grad():
            result = model(*inputs)
    except Exception as e:
        raise ImportFailure(located(path, e))
    try:
        params = list(inspect.signature(model.forward).parameters)
    except (TypeError, ValueError):
        params = []
    if len(params) != len(inputs) or any(p in ("self",) for p in params):
        params = ["x%d" % i for i in range(len(inputs))]
    for i, t in enumerate(inputs):
        if not isinstance(t, torch.Tensor):
            raise ImportFailure("%s: get_inputs()[%d] is a %s; only tensors are supported" % (path, i, type(t).__name__))
    outputs = list(result) if isinstance(result, (tuple, list)) else [result]
    for i, t in enumerate(outputs):
        if not isinstance(t, torch.Tensor):
            raise ImportFailure("%s: forward() returns a %s as output %d; only tensors are supported" % (path, type(t).__name__, i))

    state = list(model.named_parameters()) + list(model.named_buffers())
    names = {}
    axes, tensors_in, tensors_out, kf_inputs = {}, {}, {}, {}

    def add(table, name, t):
        name = identifier(name)
        if name in names:
            raise ImportFailure("%s: two tensors would be named '%s'" % (path, name))
        names[name] = True
        shape = []
        for d, size in enumerate(t.shape):
            axis = "%s_dim%d" % (name, d)
            axes[axis] = {"type": "const", "value": int(size)}
            shape.append(axis)
        table[name] = {"shape": shape, "dtype": dtype_name(t.dtype)}
        return name

    forward_names = [add(tensors_in, p, t) for p, t in zip(params, inputs)]
    state_names = [add(tensors_in, n, t) for n, t in state]
    for (n, t), name in zip(state, state_names):
        kf_inputs[name] = distribution(t)
    for name, t in zip(forward_names, inputs):
        kf_inputs[name] = distribution(t)
    out_names = ["out"] if len(outputs) == 1 else ["out%d" % i for i in range(len(outputs))]
    for n, t in zip(out_names, outputs):
        add(tensors_out, n, t)
    total = sum(t.numel() * t.element_size() for t in inputs + [s for _, s in state] + outputs)

    base = os.path.splitext(os.path.basename(path))[0]
    task_name = identifier(base)
    reference = source.rstrip() + "\n" + WRAPPER % {
        "state": [n for n, _ in state],
        "signature": ", ".join(forward_names + state_names),
        "state_args": ", ".join(state_names),
        "forward_args": ", ".join(forward_names)}
    definition = {
        "name": task_name,
        "op_type": "kernelbench",
        "description": "Imported from the KernelBench problem %s: Model(%s).forward. Parameters and buffers are inputs; "
                       "their values are drawn from the distribution the module's initialiser gives them." % (
                           os.path.basename(path), ", ".join(repr(a) for a in init)),
        "axes": axes,
        "inputs": tensors_in,
        "outputs": tensors_out,
        "reference": reference,
        "constraints": [],
        "kforge": {"bytes": str(total), "tolerance": {"atol": 1e-3, "rtol": 1e-3}, "inputs": kf_inputs},
    }
    workload = {"uuid": task_name + "-kernelbench", "axes": {}, "inputs": {n: {"type": "random"} for n in tensors_in}}
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "definition.json"), "w") as f:
        json.dump(definition, f, indent=2)
        f.write("\n")
    with open(os.path.join(out_dir, "workloads.jsonl"), "w") as f:
        f.write(json.dumps(workload) + "\n")
    return out_dir


def main(argv):
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # the problem file may print
    if len(argv) != 4:
        out.write(json.dumps({"ok": False, "error": "usage: kernelbench PROBLEM.py OUT_DIR SEED"}) + "\n")
        return 2
    try:
        import torch  # noqa: F401
        d = import_problem(argv[1], argv[2], int(argv[3]))
        out.write(json.dumps({"ok": True, "task": d}) + "\n")
        return 0
    except ImportFailure as e:
        out.write(json.dumps({"ok": False, "error": str(e)}) + "\n")
        return 1
    finally:
        out.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
