"""Raw tensor files: the bytes the runner generated, row-major, no header.

One place that maps the definition's dtype names to torch dtypes.
"""
import os

DTYPE_NAMES = ("float32", "float16", "bfloat16", "float8_e4m3fn", "float8_e5m2",
               "int64", "int32", "int16", "int8", "bool")


def torch_dtype(name):
    import torch
    if name not in DTYPE_NAMES:
        raise ValueError("unknown dtype '%s' (known: %s)" % (name, ", ".join(DTYPE_NAMES)))
    dtype = getattr(torch, name, None)
    if dtype is None:
        raise ValueError("dtype %s needs a newer PyTorch than %s" % (name, torch.__version__))
    return dtype


def dtype_name(dtype):
    import torch
    for name in DTYPE_NAMES:
        if getattr(torch, name, None) == dtype:
            return name
    return str(dtype).replace("torch.", "")


def read_tensor(path, dtype_name_, shape):
    """The tensor stored at `path` (exactly numel * itemsize bytes)."""
    import torch
    dtype = torch_dtype(dtype_name_)
    numel = 1
    for d in shape:
        numel *= int(d)
    itemsize = torch.empty((), dtype=dtype).element_size()
    with open(path, "rb") as f:
        data = f.read()
    if len(data) != numel * itemsize:
        raise ValueError("%s: %d bytes, expected %d (%s %s)" % (path, len(data), numel * itemsize,
                                                               dtype_name_, list(shape)))
    if numel == 0:
        return torch.empty(tuple(shape), dtype=dtype)
    raw = torch.frombuffer(bytearray(data), dtype=torch.uint8)
    return raw.view(dtype).reshape(tuple(shape))


def write_tensor(path, tensor):
    """Writes the tensor's elements row-major, atomically (a reader never sees half a file)."""
    t = tensor.detach().contiguous().cpu().reshape(-1)
    data = t.view(__import__("torch").uint8).numpy().tobytes() if t.numel() else b""
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
