"""natasha 1.6 `DatesExtractor` (yargy grammar): date spans with the day bounds of their facts."""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, bounds, serve, span


def load() -> Process:
    try:
        from natasha import DatesExtractor, MorphVocab
    except ImportError as exc:
        raise Unavailable(f"natasha not importable: {exc}") from exc
    extractor = DatesExtractor(MorphVocab())

    def process(text: str) -> Prediction:
        return {"spans": [span("timex", "DATE", m.start, m.stop, **bounds(m.fact.year, m.fact.month, m.fact.day))
                          for m in extractor(text)]}

    return process


if __name__ == "__main__":
    serve(load, ("natasha", "yargy"))
