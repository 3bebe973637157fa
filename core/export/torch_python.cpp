// The Python side of the torch and kernel-builder exports: fake kernels for
// torch.compile, the helpers the test and the benchmark share, the test and
// the benchmark themselves. Every file reads kforge.json rather than baking in
// numbers, so the package describes itself in one place.
#include <sstream>

#include "export/torch_sources.h"

namespace kforge {

std::string pythonFake(const ExportPlan& p) {
    const Task& t = p.task;
    std::ostringstream args, reads, outs;
    for (size_t i = 0; i < t.inputs.size(); ++i) args << (i ? ", " : "") << t.inputs[i].name;
    std::map<std::string, std::string> seen;
    for (const auto& a : t.axes)
        if (a.isConst) seen[a.name] = std::to_string(a.value);
    for (const auto& x : t.inputs)
        for (size_t d = 0; d < x.shape.size(); ++d)
            if (!seen.count(x.shape[d])) {
                seen[x.shape[d]] = x.name + ".shape[" + std::to_string(d) + "]";
            }
    for (const auto& [axis, expr] : seen) reads << "        " << axis << " = " << expr << "\n";
    std::string result;
    for (size_t i = 0; i < t.outputs.size(); ++i) {
        const auto& x = t.outputs[i];
        std::string shape = "(";
        for (const auto& a : x.shape) shape += a + ", ";
        shape += ")";
        result += (i ? ", " : "") + std::string("torch.empty(") + shape + ", dtype=torch." +
                  std::string(dtypeInfo(x.dtype).name) + ", device=" + t.inputs.front().name + ".device)";
    }
    std::string outArgs = args.str();
    for (const auto& x : t.outputs) outArgs += ", " + x.name;
    return fillTemplate(R"PY("""Fake (meta) kernels for the exported op, so that torch.compile and FakeTensor
tracing know its output shapes without running it. Written by KernelForge."""
import torch


def _registrar():
    library = getattr(torch, "library", None)
    if library is not None and hasattr(library, "register_fake"):  # torch >= 2.4
        return library.register_fake
    if library is not None and hasattr(library, "impl_abstract"):  # torch 2.2 and 2.3
        return library.impl_abstract
    # Older torch (Debian's 1.13 among them) has no fake-kernel API: the op runs
    # eagerly as usual, and torch.compile (2.0+) graph-breaks around it.
    return None


def register(namespace):
    """Registers the fake kernels of NAMESPACE::@OP@ and its _out variant; False when torch cannot."""
    registrar = _registrar()
    if registrar is None:
        return False

    @registrar(namespace + "::@OP@")
    def _fake(@ARGS@):
@READS@        return @RESULT@

    @registrar(namespace + "::@OP@_out")
    def _fake_out(@OUTARGS@):
        return None

    return True
)PY",
                        {{"OP", p.opName}, {"ARGS", args.str()}, {"READS", reads.str()}, {"RESULT", t.outputs.size() == 1 ? result : "(" + result + ")"},
                         {"OUTARGS", outArgs}});
}

std::string pythonTesting(const ExportPlan& p, const std::string& importName) {
    return fillTemplate(R"PY("""What the test and the benchmark share: the export's metadata, the task's
PyTorch reference, inputs made as the definition describes, and the tolerance
check KernelForge verified with. Written by KernelForge."""
import json
import os

import torch

import @IMPORT@ as package

_HERE = os.path.dirname(os.path.abspath(__file__))


def metadata():
    with open(os.path.join(_HERE, "kforge.json")) as f:
        return json.load(f)


META = metadata()
DEVICE = "cpu" if META["backend"] == "cpu" else "cuda"


OPS_NAMESPACE = getattr(package, "OPS_NAMESPACE", META["op"].split("::")[0])


def dtype_of(name):
    dtype = getattr(torch, name, None)
    if dtype is None:
        raise RuntimeError("this torch has no dtype " + name)
    return dtype


def reference():
    """The definition's `reference`: its run(...) function."""
    namespace = {}
    exec(compile(META["reference"], "reference.py", "exec"), namespace)
    return namespace["run"]


def op():
    return getattr(package, "@OP@")


def op_out():
    return getattr(package, "@OP@_out")


def make_inputs(workload, seed=0):
    """The inputs of one workload, in definition order, on the export's device."""
    axes = dict(workload["axes"])
    generator = torch.Generator().manual_seed(seed)
    out = []
    for spec in META["inputs"]:
        shape = [axes[a] for a in spec["shape"]]
        dtype = dtype_of(spec["dtype"])
        given = workload["inputs"].get(spec["name"], {"type": "random"})
        dist = spec["distribution"]
        if given["type"] == "scalar":
            x = torch.full(shape, given["value"], dtype=dtype)
        elif dtype.is_floating_point:
            if dist["kind"] == "normal":
                x = torch.randn(shape, generator=generator) * dist["b"] + dist["a"]
            else:
                x = torch.rand(shape, generator=generator) * (dist["b"] - dist["a"]) + dist["a"]
            x = x.to(dtype)
        elif dtype == torch.bool:
            x = torch.rand(shape, generator=generator) < 0.5
        else:
            x = torch.randint(int(dist["a"]), int(dist["b"]) + 1, shape, generator=generator).to(dtype)
        out.append(x.to(DEVICE))
    return out


def make_outputs(workload, device=DEVICE):
    axes = dict(workload["axes"])
    return [torch.empty([axes[a] for a in spec["shape"]], dtype=dtype_of(spec["dtype"]), device=device) for spec in META["outputs"]]


def as_tuple(result):
    return tuple(result) if isinstance(result, (tuple, list)) else (result,)


def mismatch(actual, expected, atol, rtol):
    """None when actual matches expected within atol + rtol * |expected| (NaN and Inf where expected has them), else why not."""
    if tuple(actual.shape) != tuple(expected.shape):
        return "shape %s, expected %s" % (tuple(actual.shape), tuple(expected.shape))
    a = actual.detach().to("cpu", torch.float64)
    e = expected.detach().to("cpu", torch.float64)
    nan = torch.isnan(e)
    if not torch.equal(nan, torch.isnan(a)):
        return "NaN positions differ"
    inf = torch.isinf(e)
    if not torch.equal(a[inf], e[inf]):
        return "Inf positions differ"
    finite = ~(nan | inf)
    err = (a - e).abs()
    bad = (err > atol + rtol * e.abs()) & finite
    if bool(bad.any()):
        i = int(bad.flatten().nonzero()[0])
        return "%d of %d elements differ; first at flat index %d: %r, expected %r (atol %g, rtol %g)" % (
            int(bad.sum()), bad.numel(), i, float(a.flatten()[i]), float(e.flatten()[i]), atol, rtol)
    return None
)PY",
                        {{"IMPORT", importName}, {"OP", p.opName}});
}

std::string pythonTest(const ExportPlan& p, const std::string& importName) {
    return fillTemplate(R"PY("""Checks @QUALIFIED@ against the task's PyTorch reference on every workload
KernelForge exported, the op and its _out variant, and with torch.library.opcheck
where this torch has it. Run: python -m pytest tests/ (or python tests/test_@OP@.py).
Written by KernelForge."""
import re
import unittest

import torch

from @IMPORT@ import _testing as kt


class TestExportedOp(unittest.TestCase):
    def check(self, workload):
        ref = kt.reference()
        for seed in (0, 1):
            inputs = kt.make_inputs(workload, seed)
            before = [x.clone() for x in inputs]
            expected = kt.as_tuple(ref(*inputs))
            actual = kt.as_tuple(kt.op()(*inputs))
            for spec, a, e in zip(kt.META["outputs"], actual, expected):
                why = kt.mismatch(a, e, spec["atol"], spec["rtol"])
                self.assertIsNone(why, "%s, seed %d, output %s: %s" % (workload["uuid"], seed, spec["name"], why))
            outs = kt.make_outputs(workload)
            for o in outs:
                if o.dtype.is_floating_point:
                    o.fill_(float("nan"))
            kt.op_out()(*inputs, *outs)
            for spec, a, e in zip(kt.META["outputs"], outs, expected):
                why = kt.mismatch(a, e, spec["atol"], spec["rtol"])
                self.assertIsNone(why, "%s (_out), seed %d, output %s: %s" % (workload["uuid"], seed, spec["name"], why))
            for x, y in zip(inputs, before):
                self.assertTrue(torch.equal(x, y), "%s: the op changed an input" % workload["uuid"])

    def test_rejects_a_wrong_dtype(self):
        workload = kt.META["workloads"][0]
        inputs = kt.make_inputs(workload)
        wrong = torch.int8 if inputs[0].dtype != torch.int8 else torch.int16
        inputs[0] = inputs[0].to(wrong)
        with self.assertRaisesRegex(RuntimeError, "must be"):
            kt.op()(*inputs)

    def test_opcheck(self):
        library = getattr(torch, "library", None)
        if library is None or not hasattr(library, "opcheck"):
            self.skipTest("torch %s has no torch.library.opcheck (2.4+)" % torch.__version__)
        workload = min(kt.META["workloads"], key=lambda w: sum(x.numel() for x in kt.make_inputs(w)))
        inputs = kt.make_inputs(workload)
        name = kt.META["op"].split("::")[1]
        ops = getattr(torch.ops, kt.OPS_NAMESPACE)
        library.opcheck(getattr(ops, name).default, tuple(inputs))
        library.opcheck(getattr(ops, name + "_out").default, tuple(inputs) + tuple(kt.make_outputs(workload)))


for _w in kt.META["workloads"]:
    setattr(TestExportedOp, "test_" + re.sub(r"\W", "_", _w["uuid"]), lambda self, w=_w: self.check(w))

if __name__ == "__main__":
    unittest.main()
)PY",
                        {{"IMPORT", importName}, {"OP", p.opName}, {"QUALIFIED", p.opNamespace + "::" + p.opName}});
}

std::string pythonBenchmark(const ExportPlan& p, const std::string& importName) {
    return fillTemplate(R"PY("""Times @QUALIFIED@ against the task's PyTorch reference, eager and under
torch.compile, on every exported workload, beside what KernelForge measured for
the same kernel. Timed as KernelForge times: warm-up, then one call per
repetition with the last-level cache flushed before it (outside the timed
region), median over repetitions; on a GPU with CUDA events on the current stream.
By default each timer takes as many repetitions as KernelForge took for the
workload (kforge.json): a long kernel repeated back to back for seconds runs on
a hotter, slower-clocked GPU, so another count measures another GPU state.
Run: python benchmarks/benchmark_@OP@.py [--reps N] [--no-compile] [--json]
Written by KernelForge."""
import argparse
import json
import statistics
import time

import torch

from @IMPORT@ import _testing as kt


def flush_buffer():
    if kt.DEVICE == "cuda":
        l2 = getattr(torch.cuda.get_device_properties(0), "L2_cache_size", 64 << 20)
        return torch.empty(max(4 * l2, 128 << 20), dtype=torch.uint8, device="cuda")
    return torch.empty(256 << 20, dtype=torch.uint8)


def time_ms(fn, args, reps, warmup, flush):
    for _ in range(warmup):
        fn(*args)
    samples = []
    if kt.DEVICE == "cuda":
        torch.cuda.synchronize()
        for _ in range(reps):
            flush.zero_()
            start = torch.cuda.Event(enable_timing=True)
            end = torch.cuda.Event(enable_timing=True)
            start.record()
            fn(*args)
            end.record()
            end.synchronize()
            samples.append(start.elapsed_time(end))
    else:
        for _ in range(reps):
            flush.zero_()
            t0 = time.perf_counter()
            fn(*args)
            samples.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=None,
                        help="repetitions per timer (default: KernelForge's count for the workload, else 50)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--no-compile", action="store_true", help="skip torch.compile of the reference")
    parser.add_argument("--json", action="store_true", help="print one JSON array instead of a table")
    args = parser.parse_args()
    ref = kt.reference()
    compiled = None
    if not args.no_compile and hasattr(torch, "compile"):
        compiled = torch.compile(ref)
    flush = flush_buffer()
    rows = []
    for w in kt.META["workloads"]:
        inputs = kt.make_inputs(w)
        row = {"workload": w["uuid"], "variant": w["variant"], "node": w["node"], "kforge_ms": w["measured"]["median_ms"]}
        taken = w["measured"].get("samples", 0)
        reps = args.reps or (min(1000, max(5, taken)) if taken else 50)
        row["reps"] = reps
        row["op_ms"] = time_ms(kt.op(), inputs, reps, args.warmup, flush)
        outs = kt.make_outputs(w)
        row["op_out_ms"] = time_ms(lambda *a: kt.op_out()(*a, *outs), inputs, reps, args.warmup, flush)
        row["eager_ms"] = time_ms(ref, inputs, reps, args.warmup, flush)
        row["compile_ms"] = None
        if compiled is not None:
            try:
                row["compile_ms"] = time_ms(compiled, inputs, reps, args.warmup, flush)
            except Exception as e:  # a reference torch.compile cannot take is a finding, not a crash
                row["compile_error"] = str(e).splitlines()[0][:200]
        row["op_vs_kforge"] = row["op_out_ms"] / row["kforge_ms"] if row["kforge_ms"] else None
        rows.append(row)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("%-40s %10s %10s %10s %10s %10s %9s %9s" % ("workload", "kforge ms", "op ms", "op_out ms", "eager ms", "compile ms", "vs eager", "op/kf"))
    for r in rows:
        c = "%10.4f" % r["compile_ms"] if r["compile_ms"] is not None else "%10s" % "-"
        print("%-40s %10.4f %10.4f %10.4f %10.4f %s %8.2fx %8.3f" % (
            r["workload"][:40], r["kforge_ms"], r["op_ms"], r["op_out_ms"], r["eager_ms"], c, r["eager_ms"] / r["op_ms"], r["op_vs_kforge"] or 0))


if __name__ == "__main__":
    main()
)PY",
                        {{"IMPORT", importName}, {"OP", p.opName}, {"QUALIFIED", p.opNamespace + "::" + p.opName}});
}

}  // namespace kforge
