"""Writes w.safetensors, the recorded input of tests/data/fib (run with any
python3: `/usr/bin/python3 make_safetensors.py`). The format is written by hand
(struct + json), since the safetensors package need not be installed:
8 bytes little-endian header length, the JSON header, then the raw bytes.

Values follow a formula the test candidate (scale_add_check_cpu.cpp) and
tests/test_fib_import.cpp check element by element: w[i][j] = (8*i + j) / 2 - 7.75,
exact in float32.
"""
import json
import struct
import sys

N = 8


def f32(rows):
    return struct.pack("<%df" % (rows * N), *[(N * i + j) / 2 - 7.75 for i in range(rows) for j in range(N)])


def i32(rows):
    return struct.pack("<%di" % (rows * N), *[N * i + j for i in range(rows) for j in range(N)])


tensors = [("w_m4", "F32", [4, N], f32(4)), ("w_m6", "F32", [6, N], f32(6)), ("w_i32", "I32", [4, N], i32(4))]
header, data = {"__metadata__": {"format": "pt"}}, b""
for name, dtype, shape, raw in tensors:
    header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
    data += raw
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)  # the format pads the header to 8 bytes with spaces
with open(sys.argv[1] if len(sys.argv) > 1 else "w.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)
