"""Imported once by the fork server of `letopis.engines.processes`: loads the models there,
so every worker forked from it starts with them already in memory, and the pages that hold
them stay shared between the workers (copy-on-write) instead of one copy each."""

try:
    from ..engines.processes import warm_up

    warm_up()
except Exception:  # noqa: BLE001 - never kill the fork server; each worker loads the models itself then
    pass
