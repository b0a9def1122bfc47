"""Stages and pipelines.

A stage is a small callable `Doc -> Doc` that only adds to the document and says
what it needs (`requires`) and what it adds (`assigns`). A pipeline is a list of
stages, checked once when it is built.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from .doc import Doc
from .errors import PipelineError


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    """An ordered list of stages, checked so that each stage's needs are met."""

    def __init__(self, stages: Sequence[Stage]):
        available: set[str] = {"text"}
        for stage in stages:
            missing = [need for need in stage.requires if need not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, "
                    f"which no earlier stage assigns"
                )
            available.update(stage.assigns)
        self.stages = list(stages)
        self.timings: dict[str, float] = {stage.name: 0.0 for stage in stages}

    def __call__(self, doc: Doc, on_stage: Callable[[str, int, int], None] | None = None) -> Doc:
        """Run every stage over `doc`; `on_stage(name, number, count)` is told as each begins."""
        for number, stage in enumerate(self.stages, 1):
            if on_stage is not None:
                on_stage(stage.name, number, len(self.stages))
            began = time.perf_counter()
            doc = stage(doc)
            self.timings[stage.name] += time.perf_counter() - began
            doc.done.update(stage.assigns)
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]
