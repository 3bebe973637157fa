#!/usr/bin/env python3
"""Validates a `kforge export` directory against the documented schemas:
kernel-builder's build.toml (build2cmake's config: [general] name, backends;
[torch] include/minver/maxver/pyext/src; [kernel.NAME] backend, depends, src,
include and the backend's flags, unknown keys rejected) and FlashInfer-Bench's
Solution and Trace (flashinfer_bench/data: solution.py, trace.py).
Usage: validate_export.py FORMAT DIR. Exit 1 with the reasons when invalid."""
import json
import os
import sys
import tomllib

errors = []


def need(cond, msg):
    if not cond:
        errors.append(msg)


def keys_ok(obj, allowed, required, where):
    for k in obj:
        need(k in allowed, "%s: unknown key %r" % (where, k))
    for k in required:
        need(k in obj, "%s: missing %r" % (where, k))


def kernel_builder(d):
    with open(os.path.join(d, "build.toml"), "rb") as f:
        b = tomllib.load(f)
    keys_ok(b, {"general", "torch", "kernel"}, {"general"}, "build.toml")
    g = b.get("general", {})
    keys_ok(g, {"name", "universal", "backends", "license", "version", "cuda", "hub", "python-depends"}, {"name"}, "[general]")
    backends = {"cpu", "cuda", "metal", "rocm", "xpu"}
    for x in g.get("backends", []):
        need(x in backends, "[general] backends: unknown %r" % x)
    t = b.get("torch", {})
    keys_ok(t, {"include", "minver", "maxver", "pyext", "src"}, {"src"}, "[torch]")
    for s in t.get("src", []):
        need(os.path.isfile(os.path.join(d, s)), "[torch] src %s does not exist" % s)
    flags = {"cpu": {"cxx-flags"}, "cuda": {"cuda-capabilities", "cuda-flags", "cuda-minver", "cxx-flags"},
             "rocm": {"rocm-archs", "hip-flags", "cxx-flags"}, "metal": {"cxx-flags"}, "xpu": {"sycl-flags", "cxx-flags"}}
    kernels = b.get("kernel", {})
    need(kernels, "no [kernel.NAME]")
    for name, k in kernels.items():
        where = "[kernel.%s]" % name
        need(k.get("backend") in backends, where + ": backend must be one of " + ", ".join(sorted(backends)))
        keys_ok(k, {"backend", "depends", "include", "src"} | flags.get(k.get("backend"), set()), {"backend", "depends", "src"}, where)
        need(k.get("backend") in g.get("backends", [k.get("backend")]), where + ": backend not in [general] backends")
        for dep in k.get("depends", []):
            need(dep == "torch" or dep.startswith("cutlass"), where + ": unknown dependency %r" % dep)
        for s in k.get("src", []):
            need(os.path.isfile(os.path.join(d, s)), where + ": src %s does not exist" % s)
        for cc in k.get("cuda-capabilities", []):
            need(cc.replace(".", "").replace("a", "").isdigit() and "." in cc, where + ": bad cuda capability %r" % cc)
    name = g.get("name", "").replace("-", "_")
    for rel in ("torch-ext/torch_binding.cpp", "torch-ext/torch_binding.h", "torch-ext/%s/__init__.py" % name):
        need(os.path.isfile(os.path.join(d, rel)), "missing " + rel)
    binding = open(os.path.join(d, "torch-ext/torch_binding.cpp")).read()
    need("TORCH_LIBRARY_EXPAND(TORCH_EXTENSION_NAME" in binding and "REGISTER_EXTENSION(TORCH_EXTENSION_NAME)" in binding,
         "torch_binding.cpp must use TORCH_LIBRARY_EXPAND and REGISTER_EXTENSION")


def fib(d):
    sols = [os.path.join(r, f) for r, _, fs in os.walk(os.path.join(d, "solutions")) for f in fs if f.endswith(".json")]
    need(len(sols) == 1, "expected one solution, found %d" % len(sols))
    defs = [os.path.join(r, f) for r, _, fs in os.walk(os.path.join(d, "definitions")) for f in fs if f.endswith(".json")]
    need(len(defs) == 1, "expected one definition")
    definition = json.load(open(defs[0]))
    for s in sols:
        sol = json.load(open(s))
        keys_ok(sol, {"name", "definition", "author", "description", "spec", "sources"}, {"name", "definition", "author", "spec", "sources"}, "solution")
        need(sol["definition"] == definition["name"], "solution names another definition")
        spec = sol["spec"]
        keys_ok(spec, {"language", "target_hardware", "entry_point", "dependencies", "destination_passing_style", "binding"},
                {"language", "target_hardware", "entry_point"}, "spec")
        need(spec["language"] in {"python", "triton", "cpp", "cuda", "tilelang"}, "spec.language")
        need(isinstance(spec["target_hardware"], list) and spec["target_hardware"] and all(spec["target_hardware"]), "spec.target_hardware")
        need(spec["entry_point"].count("::") == 1, "spec.entry_point must be file::function")
        need(spec.get("binding") in (None, "tvm-ffi", "torch"), "spec.binding")
        paths = [x["path"] for x in sol["sources"]]
        need(len(paths) == len(set(paths)) and paths, "sources: empty or repeated paths")
        for x in sol["sources"]:
            keys_ok(x, {"path", "content"}, {"path", "content"}, "source")
            need(not os.path.isabs(x["path"]) and ".." not in x["path"].split("/"), "source path %s" % x["path"])
        need(spec["entry_point"].split("::")[0] in paths, "entry point's file is not among the sources")
        traces = [os.path.join(r, f) for r, _, fs in os.walk(os.path.join(d, "traces")) for f in fs if f.endswith(".jsonl")]
        need(traces, "no traces")
        for t in traces:
            for line in open(t):
                tr = json.loads(line)
                keys_ok(tr, {"definition", "workload", "solution", "evaluation"}, {"definition", "workload"}, "trace")
                keys_ok(tr["workload"], {"uuid", "axes", "inputs"}, {"uuid", "axes", "inputs"}, "trace.workload")
                need(tr["solution"] == sol["name"], "trace names another solution")
                ev = tr["evaluation"]
                keys_ok(ev, {"status", "environment", "timestamp", "log", "correctness", "performance"}, {"status", "environment", "timestamp"}, "evaluation")
                need(ev["status"] in {"PASSED", "INCORRECT_SHAPE", "INCORRECT_NUMERICAL", "INCORRECT_DTYPE", "RUNTIME_ERROR", "COMPILE_ERROR", "TIMEOUT"}, "status")
                need(ev["environment"].get("hardware"), "environment.hardware")
                if ev["status"] == "PASSED":
                    c, p = ev.get("correctness"), ev.get("performance")
                    need(c is not None and p is not None, "PASSED needs correctness and performance")
                    for k in ("latency_ms", "reference_latency_ms", "speedup_factor"):
                        need(isinstance(p.get(k), (int, float)) and p[k] >= 0, "performance.%s" % k)
                    for k in ("max_relative_error", "max_absolute_error"):
                        need(c.get(k) == "NaN" or (isinstance(c.get(k), (int, float)) and c[k] >= 0), "correctness.%s" % k)
                for name, var in tr["workload"]["axes"].items():
                    need(definition["axes"].get(name, {}).get("type") == "var", "workload axis %s is not a var axis" % name)


def torch_pkg(d):
    for rel in ("setup.py", "pyproject.toml", "README.md"):
        need(os.path.isfile(os.path.join(d, rel)), "missing " + rel)
    tests = os.listdir(os.path.join(d, "tests"))
    need(any(t.startswith("test_") for t in tests), "no test")


def standalone(d):
    need(os.path.isfile(os.path.join(d, "kf_abi.h")), "missing kf_abi.h")
    srcs = [f for f in os.listdir(d) if f.endswith((".cpp", ".cu", ".hip"))]
    need(srcs, "no source")
    for s in srcs:
        text = open(os.path.join(d, s)).read()
        need("// built by KernelForge with" in text and "// measured per workload" in text, s + ": header lacks the build command or measurements")


{"kernel-builder": kernel_builder, "fib": fib, "torch": torch_pkg, "standalone": standalone}[sys.argv[1]](sys.argv[2])
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("valid")
