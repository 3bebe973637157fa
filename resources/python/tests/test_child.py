"""Tests of kforge_torch without KernelForge: tensor files, the timer's rules and the child's protocol."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

try:
    import torch
except ImportError:  # pragma: no cover
    torch = None

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_DIR = os.path.dirname(HERE)


@unittest.skipIf(torch is None, "no torch in this interpreter")
class TensorFiles(unittest.TestCase):
    def test_round_trip_keeps_the_bytes(self):
        from kforge_torch.tensors import read_tensor, write_tensor
        with tempfile.TemporaryDirectory() as d:
            for dtype in ("float32", "bfloat16", "int64", "bool"):
                t = (torch.arange(12) % 3).to(getattr(torch, dtype)).reshape(3, 4)
                path = os.path.join(d, dtype + ".bin")
                write_tensor(path, t)
                self.assertEqual(os.path.getsize(path), 12 * t.element_size())
                self.assertTrue(torch.equal(read_tensor(path, dtype, [3, 4]), t))

    def test_a_short_file_is_an_error_naming_it(self):
        from kforge_torch.tensors import read_tensor
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.bin")
            open(path, "wb").write(b"\0" * 6)
            with self.assertRaisesRegex(ValueError, "x.bin: 6 bytes, expected 8"):
                read_tensor(path, "float32", [2])


@unittest.skipIf(torch is None, "no torch in this interpreter")
class TimerRules(unittest.TestCase):
    def test_at_least_three_warm_up_calls_and_min_reps_flushed_each(self):
        from kforge_torch.timing import Timer
        timer = Timer("cpu", 1 << 16, {"warmup_ms": 0, "budget_ms": 0, "min_reps": 5, "max_reps": 100})
        calls = []
        flushes = []
        original = timer.flush
        timer.flush = lambda: (flushes.append(1), original())
        samples = timer.measure(lambda: calls.append(1))
        self.assertEqual(len(samples), 5)
        self.assertEqual(len(calls), 3 + 5)
        self.assertEqual(len(flushes), 5)

    def test_max_reps_caps_the_budget(self):
        from kforge_torch.timing import Timer
        timer = Timer("cpu", 0, {"warmup_ms": 0, "budget_ms": 10000, "min_reps": 1, "max_reps": 7})
        self.assertEqual(len(timer.measure(lambda: None)), 7)


@unittest.skipIf(torch is None, "no torch in this interpreter")
class ChildProtocol(unittest.TestCase):
    def run_child(self, request):
        with tempfile.TemporaryDirectory() as d:
            inputs = os.path.join(d, "inputs")
            for seed in request["seeds"]:
                os.makedirs(os.path.join(inputs, "w", str(seed)))
                for i in range(2):
                    t = torch.full((8,), float(seed + i), dtype=torch.float32)
                    t.numpy().tofile(os.path.join(inputs, "w", str(seed), "%d.bin" % i))
            request["inputs_dir"] = inputs
            request["expected_dir"] = os.path.join(d, "expected")
            path = os.path.join(d, "request.json")
            json.dump(request, open(path, "w"))
            code = "import sys; sys.path.insert(0, %r); from kforge_torch.child import main; sys.exit(main(sys.argv))" % PACKAGE_DIR
            p = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=300)
            lines = [json.loads(line) for line in p.stdout.splitlines()]
            expected = os.path.join(d, "expected", "w", "2", "0.bin")
            written = torch.frombuffer(bytearray(open(expected, "rb").read()), dtype=torch.float32) if os.path.exists(expected) else None
            return p.returncode, lines, written

    def request(self, **kw):
        r = {"reference": "import torch\n\ndef run(a, b):\n    print('noise on stdout')\n    return a + b\n",
             "vendor": {"name": "wrong", "run": "def run(a, b):\n    return a - b\n"},
             "device": "cpu", "flush_bytes": 1 << 16,
             "timing": {"warmup_ms": 0, "budget_ms": 0, "min_reps": 4, "max_reps": 10},
             "baselines": ["eager", "compile", "vendor"], "compile_mode": "default",
             "inputs": [{"name": "a", "dtype": "float32"}, {"name": "b", "dtype": "float32"}],
             "outputs": [{"name": "c", "dtype": "float32", "atol": 1e-4, "rtol": 1e-4}],
             "workloads": [{"uuid": "w", "input_shapes": [[8], [8]], "output_shapes": [[8]], "scalars": [None, None]}],
             "seeds": [1, 2], "timed_seed": 1, "skip": []}
        r.update(kw)
        return r

    def test_baselines_outputs_and_a_clean_protocol(self):
        code, lines, written = self.run_child(self.request())
        self.assertEqual(code, 0)
        self.assertIn("hello", lines[0])
        self.assertEqual(lines[-1], {"done": True})
        self.assertEqual(written.tolist(), [5.0] * 8)  # seed 2: 2 + 3
        baselines = {l["baseline"]["name"]: l["baseline"] for l in lines if isinstance(l.get("baseline"), dict)}
        self.assertEqual(baselines["eager"]["status"], "PASSED")
        self.assertEqual(len(baselines["eager"]["samples_ms"]), 4)
        self.assertEqual(baselines["vendor"]["status"], "INCORRECT_NUMERICAL")
        if not hasattr(torch, "compile"):
            self.assertEqual(baselines["compile"]["status"], "NOT_RUN")
            self.assertIn("PyTorch 2.0", baselines["compile"]["message"])

    def test_a_wrong_shape_is_a_runtime_error_with_the_reason(self):
        code, lines, _ = self.run_child(self.request(reference="def run(a, b):\n    return (a + b)[:4]\n", baselines=["eager"]))
        self.assertEqual(code, 0)
        eager = [l["baseline"] for l in lines if isinstance(l.get("baseline"), dict)][0]
        self.assertEqual(eager["status"], "RUNTIME_ERROR")
        self.assertIn("shape [4], the definition says [8]", eager["message"])

    def test_skip_leaves_out_what_is_done(self):
        _, lines, _ = self.run_child(self.request(skip=[["w", "vendor"], ["w", "compile"]]))
        self.assertEqual([l["baseline"]["name"] for l in lines if isinstance(l.get("baseline"), dict)], ["eager"])


if __name__ == "__main__":
    unittest.main()
