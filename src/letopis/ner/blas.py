"""Run small matrix products on one BLAS thread.

The tagger's recurrent step multiplies small matrices many times; OpenBLAS's thread
hand-off costs more than the product itself (3x slower on two busy cores). numpy wheels
bundle OpenBLAS under a prefixed name; when it is not found this does nothing.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def _openblas() -> tuple[Any, Any] | None:
    import numpy

    folder = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for path in sorted(folder.glob("libscipy_openblas*.so*")) + sorted(folder.glob("libopenblas*.so*")):
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for prefix, suffix in (("scipy_openblas", "64_"), ("openblas", ""), ("scipy_openblas", "")):
            getter = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
            setter = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
            if getter is not None and setter is not None:
                getter.restype = ctypes.c_int
                setter.argtypes = [ctypes.c_int]
                return getter, setter
    return None


@contextmanager
def one_thread() -> Iterator[None]:
    found = _openblas()
    if found is None:
        yield
        return
    getter, setter = found
    before = getter()
    setter(1)
    try:
        yield
    finally:
        setter(before)
