"""KernelForge's Python side: runs a task's PyTorch reference in a child process.

The core starts `python -m kforge_torch.child REQUEST.json` (see child.py for
the protocol). Nothing here is imported by the core; torch is imported lazily so
that `kforge_torch` loads (and reports a clear error) without it.
"""

PROTOCOL_VERSION = 1
