"""Run small matrix products on one BLAS thread.

The tagger's recurrent step multiplies small matrices many times; OpenBLAS's thread
hand-off costs more than the product itself (3x slower on two busy cores). threadpoolctl
finds whichever BLAS numpy loaded; with none found, this does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from threadpoolctl import ThreadpoolController


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    # Made once, on first use: by then numpy (and its BLAS) is loaded, and finding the
    # libraries again on every call would cost more than the products it saves.
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    with _controller().limit(limits=1, user_api="blas"):
        yield
