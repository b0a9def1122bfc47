"""The stages by name, and pipelines made from them, spaCy-style.

    >>> from letopis.registry import make_pipeline
    >>> make_pipeline(exclude=["roles", "time_links", "coreference", "relations", "dating"]).names[-1]
    'factuality'

A stage is made by its factory (the stage class) only when a pipeline asks for it, so that a
pipeline without a model never loads that model. `config` passes a stage's arguments in from
outside, models included: `make_pipeline(config={"events": {"model": my_model}})`, or
`config={"relations": {"cause_model": my_cause_model}}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from importlib import import_module
from typing import Any

from .errors import PipelineError
from .pipeline import Pipeline, Stage

# name -> "module:factory" under letopis.stages, in the order of the default pipeline.
FACTORIES: dict[str, str] = {
    "segment": "segment:SegmentStage",
    "morph": "morph:MorphStage",
    "syntax": "syntax:SyntaxStage",
    "ner": "ner:NERStage",
    "entities": "entities:EntityStage",
    "timex": "timex:TimexStage",
    "places_in_time": "places_in_time:PlacesInTimeStage",
    "events": "events:EventStage",
    "factuality": "factuality:FactualityStage",
    "roles": "roles:RolesStage",
    "time_links": "time_links:TimeLinkStage",
    "coreference": "coreference:CoreferenceStage",
    "relations": "relations:RelationsStage",
    "dating": "dating:DatingStage",
}
DEFAULT: tuple[str, ...] = tuple(FACTORIES)


def factory(name: str) -> Callable[..., Stage]:
    """The factory of the stage called `name`."""
    if name not in FACTORIES:
        raise PipelineError(f"no stage is called {name!r}; the stages are {', '.join(FACTORIES)}")
    module, attribute = FACTORIES[name].split(":")
    return getattr(import_module(f"letopis.stages.{module}"), attribute)


def make_stage(name: str, **arguments: Any) -> Stage:
    return factory(name)(**arguments)


def make_pipeline(
    names: Iterable[str] = DEFAULT,
    *,
    exclude: Iterable[str] = (),
    disable: Iterable[str] = (),
    config: Mapping[str, Mapping[str, Any]] | None = None,
    given: Iterable[str] = ("text",),
) -> Pipeline:
    """A pipeline of the stages called `names`, checked as any pipeline is.

    `exclude`d stages are never made; `disable`d ones are made (their models ready) but do not
    run, and are kept in `Pipeline.disabled`. `config[name]` holds a stage's arguments.
    """
    names, exclude, disable, config = list(names), set(exclude), set(disable), dict(config or {})
    unknown = [name for name in (*exclude, *disable, *config) if name not in names]
    if unknown:
        raise PipelineError(f"the pipeline has no stage {', '.join(map(repr, sorted(unknown)))}")
    made = {name: make_stage(name, **config.get(name, {})) for name in names if name not in exclude}
    pipeline = Pipeline([stage for name, stage in made.items() if name not in disable], given=given)
    pipeline.disabled = [stage for name, stage in made.items() if name in disable]
    return pipeline
