"""Stages and pipelines.

A stage is a small callable `Doc -> Doc` that only adds to the document and says
what it needs (`requires`) and what it adds (`assigns`). A pipeline is a list of
stages, checked once when it is built: every name is a layer of `letopis.layers`, and every
stage's needs are met by an earlier stage or by what the pipeline is given.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from . import layers
from .doc import Doc
from .errors import PipelineError


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    """An ordered list of stages, checked so that each stage's needs are met.

    `given` names the layers (`letopis.layers`) the Doc already holds when the pipeline runs:
    the text alone for a fresh Doc; more for a partial pipeline run on an analysed Doc, which
    is then checked, as far as the Doc shows its layers, before any stage runs.
    """

    def __init__(self, stages: Sequence[Stage], given: Iterable[str] = ("text",)):
        given = tuple(given)
        _check_names("the pipeline's given layers", given)
        available: set[str] = set(given)
        assigned: set[str] = set()
        needs: set[str] = set()
        for stage in stages:
            if not isinstance(stage, Stage):
                raise PipelineError(f"{stage!r} is no stage: a stage has a name, requires, assigns and is called on a Doc")
            _check_names(f"stage {stage.name!r}", (*stage.requires, *stage.assigns))
            missing = [need for need in stage.requires if need not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(missing)}, "
                    f"which no earlier stage assigns"
                )
            needs.update(need for need in stage.requires if need not in assigned)
            assigned.update(stage.assigns)
            available.update(stage.assigns)
        self.stages = list(stages)
        self.given = given
        self.needs = needs  # what the Doc must hold before the first stage
        self.disabled: list[Stage] = []  # stages made but not run (`registry.make_pipeline(disable=...)`)
        self.timings: dict[str, float] = {stage.name: 0.0 for stage in stages}

    def __call__(self, doc: Doc, on_stage: Callable[[str, int, int], None] | None = None) -> Doc:
        """Run every stage over `doc`; `on_stage(name, number, count)` is told as each begins."""
        lacking = layers.missing(doc, self.needs)
        if lacking:
            raise PipelineError(
                f"document {doc.id!r} has no {', '.join(lacking)}: run the stages that assign "
                f"{'them' if len(lacking) > 1 else 'it'} first"
            )
        for number, stage in enumerate(self.stages, 1):
            if on_stage is not None:
                on_stage(stage.name, number, len(self.stages))
            began = time.perf_counter()
            doc = stage(doc)
            self.timings[stage.name] += time.perf_counter() - began
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]


def _check_names(what: str, names: tuple[str, ...]) -> None:
    unknown = layers.unknown(names)
    if unknown:
        raise PipelineError(f"{what} names no layer {', '.join(map(repr, unknown))}; the layers are {', '.join(layers.LAYERS)}")
