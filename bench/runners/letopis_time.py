"""letopis's temporal stage alone (segment + timex): time expression spans.

The dates task also runs the full pipeline; this row measures the temporal tagger's own
speed beside HeidelTime, dateparser and natasha's DatesExtractor, which are taggers too.
"""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, serve, span


def load() -> Process:
    try:
        from letopis.doc import Doc
        from letopis.pipeline import Pipeline
        from letopis.stages.segment import SegmentStage
        from letopis.stages.timex import TimexStage
    except ImportError as exc:
        raise Unavailable(f"letopis not importable: {exc}") from exc
    pipeline = Pipeline([SegmentStage(), TimexStage()])
    pipeline(Doc("warm-up", "В мае 1812 года армия Наполеона перешла Неман."))

    def process(text: str) -> Prediction:
        doc = pipeline(Doc("d", text))
        return {"spans": [span("timex", t.type, t.start, t.end) for t in doc.timexes]}

    return process


if __name__ == "__main__":
    serve(load, ("letopis",))
