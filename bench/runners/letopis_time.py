"""letopis's temporal stage alone: time expression spans.

The runner is `Pipeline([TimexStage()])`: the stage reads the raw text and needs no
segmentation (it declares `requires = ("text",)`), so no sentence splitter runs here and the
row measures the temporal tagger itself, beside HeidelTime, dateparser and natasha's
DatesExtractor, which are taggers too. Its spans are the ones the stage gives after
segmentation in the full pipeline (the dates task also runs that pipeline as `letopis`).
"""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, serve, timex_span


def load() -> Process:
    try:
        from letopis.doc import Doc
        from letopis.pipeline import Pipeline
        from letopis.stages.timex import TimexStage
    except ImportError as exc:
        raise Unavailable(f"letopis not importable: {exc}") from exc
    pipeline = Pipeline([TimexStage()])
    # The warm-up names a reign too, so the dictionary the reign table reads loads here, with the model.
    pipeline(Doc("warm-up", "В мае 1812 года, при Александре I, армия Наполеона перешла Неман."))

    def process(text: str) -> Prediction:
        doc = pipeline(Doc("d", text))
        return {"spans": [timex_span(t) for t in doc.timexes]}

    return process


if __name__ == "__main__":
    serve(load, ("letopis",))
