"""The child process the core starts: `python -m kforge_torch.child REQUEST.json`.

Protocol: JSON lines on stdout (the real stdout; fd 1 is pointed at stderr so a
reference that prints cannot corrupt it):

  {"hello": PROTOCOL_VERSION, "torch": "2.11.0", "python": "3.12.3", "device": "NVIDIA H200"}
  {"progress": "what it does now", "uuid": ..., "baseline": ..., "phase": "run" | "compile" | "time"}
  {"outputs": UUID}                                   the reference's outputs of every seed are written
  {"baseline": {"uuid", "name", "status", "message", "samples_ms", "setup_seconds"}}
  {"done": true}

The core watches the progress lines (a deadline per step, a longer one while
torch.compile compiles) and kills the process group on silence, as it does with
the runner. A baseline already reported survives a later crash; the core starts
the child again with `skip` listing the (uuid, baseline) pairs done or failed.

The request (written by core/torchref/torch_child.cpp):
  reference: the definition's Python source with run(...); vendor: {name, run} or null
  device: "cpu" | "cuda"; flush_bytes; timing {warmup_ms, budget_ms, min_reps, max_reps}
  baselines: ["eager", "compile", "vendor"]; compile_mode: "default" | "max-autotune-no-cudagraphs"
  inputs: [{name, dtype}]; outputs: [{name, dtype, atol, rtol}]
  workloads: [{uuid, input_shapes, output_shapes, scalars}]
  seeds: [...], timed_seed; inputs_dir (uuid/seed/INDEX.bin, written by the runner)
  expected_dir: where to write the reference's outputs (uuid/seed/INDEX.bin), or null
  skip: [[uuid, baseline], ...]
"""
import json
import os
import platform
import sys
import time
import traceback

from . import PROTOCOL_VERSION
from .tensors import read_tensor, write_tensor, torch_dtype, dtype_name

_out = None


def send(obj):
    _out.write(json.dumps(obj) + "\n")
    _out.flush()


def progress(text, uuid=None, baseline=None, phase="run"):
    send({"progress": text, "uuid": uuid, "baseline": baseline, "phase": phase})


def short_error(e):
    """The exception's type and message, with the innermost frame of the reference if there is one."""
    where = ""
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        if frame.filename.startswith("<"):
            where = " (%s line %d)" % (frame.filename, frame.lineno)
            break
    text = "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[0] if str(e).strip() else "")
    return text[:2000] + where


def load_run(source, label):
    # A real module, registered under an importable name: torch.compile
    # (dynamo) imports a function's __module__ to read its globals, and fails
    # on a name it cannot import ("kforge_definition reference").
    import types
    name = "kforge_" + "".join(c if c.isalnum() else "_" for c in label)
    module = types.ModuleType(name)
    sys.modules[name] = module
    namespace = module.__dict__
    exec(compile(source, "<%s>" % label, "exec"), namespace)
    run = namespace.get("run")
    if not callable(run):
        raise ValueError("the %s defines no function run(...)" % label)
    return run


def as_outputs(result, spec_outputs, shapes, what):
    """The result of run(...) as a list of tensors checked against the definition."""
    import torch
    outs = list(result) if isinstance(result, (tuple, list)) else [result]
    if len(outs) != len(spec_outputs):
        raise ValueError("%s returned %d outputs, the definition has %d" % (what, len(outs), len(spec_outputs)))
    for o, spec, shape in zip(outs, spec_outputs, shapes):
        if not isinstance(o, torch.Tensor):
            raise ValueError("%s: output '%s' is a %s, not a tensor" % (what, spec["name"], type(o).__name__))
        if list(o.shape) != list(shape):
            raise ValueError("%s: output '%s' has shape %s, the definition says %s" % (what, spec["name"], list(o.shape), list(shape)))
        if o.dtype != torch_dtype(spec["dtype"]):
            raise ValueError("%s: output '%s' is %s, the definition says %s" % (what, spec["name"], dtype_name(o.dtype), spec["dtype"]))
    return outs


def mismatch(outs, expected, spec_outputs):
    """None when every output agrees with the reference's within its tolerance, else why not."""
    import torch
    for o, e, spec in zip(outs, expected, spec_outputs):
        a, b = o.float(), e.float()
        ok = torch.isclose(a, b, atol=float(spec["atol"]), rtol=float(spec["rtol"]), equal_nan=True)
        if not bool(ok.all()):
            bad = int((~ok).sum())
            i = int((~ok).reshape(-1).nonzero()[0])
            return "output '%s': %d of %d elements differ from the reference (first at index %d: expected %.9g, got %.9g; atol %g, rtol %g)" % (
                spec["name"], bad, ok.numel(), i, float(b.reshape(-1)[i]), float(a.reshape(-1)[i]), spec["atol"], spec["rtol"])
    return None


def baseline_line(uuid, name, status, message="", samples=None, setup=0.0):
    send({"baseline": {"uuid": uuid, "name": name, "status": status, "message": message,
                       "samples_ms": samples or [], "setup_seconds": setup}})


def compile_unavailable(torch):
    if not hasattr(torch, "compile"):
        return ("torch.compile needs PyTorch 2.0 or later; this interpreter has torch %s "
                "(Debian's python3-torch is 1.13 and has none), so there is no compile baseline" % torch.__version__)
    return None


def main(argv):
    global _out
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    _out = os.fdopen(protocol_fd, "w")
    if len(argv) != 2:
        send({"error": "usage: python -m kforge_torch.child REQUEST.json"})
        return 2
    try:
        import torch
    except Exception as e:  # the core looks for an interpreter with torch; this is a last line
        send({"error": "cannot import torch: " + short_error(e)})
        return 2
    with open(argv[1]) as f:
        req = json.load(f)

    device = req["device"]
    if device == "cuda" and not torch.cuda.is_available():
        send({"error": "this PyTorch (%s) has no CUDA device" % torch.__version__})
        return 2
    device_name = torch.cuda.get_device_name(0) if device == "cuda" else platform.processor() or "cpu"
    send({"hello": PROTOCOL_VERSION, "torch": torch.__version__, "python": platform.python_version(), "device": device_name})

    from .timing import Timer
    timer = Timer(device, int(req["flush_bytes"]), req["timing"])
    skip = {tuple(s) for s in req.get("skip", [])}
    wanted = req["baselines"]
    run = load_run(req["reference"], "definition reference")
    vendor = req.get("vendor")
    vendor_run = load_run(vendor["run"], "vendor " + vendor["name"]) if vendor and "vendor" in wanted else None
    mode = req.get("compile_mode", "default")
    no_compile = compile_unavailable(torch)

    for w in req["workloads"]:
        uuid = w["uuid"]
        if all((uuid, n) in skip for n in wanted) and (uuid, "eager") in skip:
            continue  # done, or its reference crashed the child before

        def load(seed):
            args = []
            for i, spec in enumerate(req["inputs"]):
                t = read_tensor(os.path.join(req["inputs_dir"], uuid, str(seed), "%d.bin" % i), spec["dtype"], w["input_shapes"][i])
                t = t.to(device)
                args.append(t.item() if w["scalars"][i] is not None else t)
            return args

        # Eager: the reference as written, on every seed when its outputs judge.
        expected = None
        eager_error = None
        timed_args = None
        with torch.no_grad():
            try:
                seeds = req["seeds"] if req.get("expected_dir") else [req["timed_seed"]]
                for seed in seeds:
                    progress("%s: reference, seed %d" % (uuid, seed), uuid, "eager")
                    args = load(seed)
                    outs = as_outputs(run(*args), req["outputs"], w["output_shapes"], "the reference")
                    timer.synchronize()
                    if req.get("expected_dir"):
                        d = os.path.join(req["expected_dir"], uuid, str(seed))
                        os.makedirs(d, exist_ok=True)
                        for i, o in enumerate(outs):
                            write_tensor(os.path.join(d, "%d.bin" % i), o)
                    if seed == req["timed_seed"]:
                        expected, timed_args = outs, args
                if req.get("expected_dir"):
                    send({"outputs": uuid})
            except Exception as e:
                eager_error = short_error(e)

            for name in wanted:
                if (uuid, name) in skip:
                    continue
                if eager_error is not None:
                    baseline_line(uuid, name, "RUNTIME_ERROR" if name == "eager" else "NOT_RUN",
                                  eager_error if name == "eager" else "the reference failed: " + eager_error)
                    continue
                setup = 0.0
                try:
                    if name == "eager":
                        fn = run
                    elif name == "compile":
                        if no_compile:
                            baseline_line(uuid, name, "NOT_RUN", no_compile)
                            continue
                        torch._dynamo.reset()  # every workload compiles afresh: its own setup time
                        fn = torch.compile(run, dynamic=False, mode=None if mode == "default" else mode)
                        progress("%s: torch.compile (%s)" % (uuid, mode), uuid, name, "compile")
                        t0 = time.monotonic()
                        fn(*timed_args)
                        timer.synchronize()
                        setup = time.monotonic() - t0
                    elif name == "vendor":
                        if not vendor:
                            baseline_line(uuid, name, "NOT_RUN", "the task names no vendor op (kforge.vendor)")
                            continue
                        fn = vendor_run
                    else:
                        baseline_line(uuid, name, "NOT_RUN", "unknown baseline '%s'" % name)
                        continue
                    if name != "eager":
                        progress("%s: %s, checking" % (uuid, name), uuid, name)
                        outs = as_outputs(fn(*timed_args), req["outputs"], w["output_shapes"], name)
                        why = mismatch(outs, expected, req["outputs"])
                        if why:
                            baseline_line(uuid, name, "INCORRECT_NUMERICAL", why, setup=setup)
                            continue
                    progress("%s: %s, timing" % (uuid, name), uuid, name, "time")
                    args = timed_args
                    samples = timer.measure(lambda: fn(*args))
                    baseline_line(uuid, name, "PASSED", "", samples, setup)
                except Exception as e:
                    baseline_line(uuid, name, "RUNTIME_ERROR", short_error(e), setup=setup)
        del expected, timed_args
    send({"done": True})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
