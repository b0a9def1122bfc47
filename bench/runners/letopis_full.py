"""letopis through its public API: `letopis.analyse(text) -> Doc`.

Entity mentions, time expressions and event triggers become spans (layers `entity`,
`timex`, `event`); the event links a later task scores are left for that task's issue.
"""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, serve, span


def load() -> Process:
    try:
        import letopis
    except ImportError as exc:
        raise Unavailable(f"letopis not importable: {exc}") from exc
    analyse = getattr(letopis, "analyse", None)
    if analyse is None:
        raise Unavailable("letopis.analyse is not there yet")
    analyse("В мае 1812 года армия Наполеона перешла Неман.")  # load the models

    def process(text: str) -> Prediction:
        doc = analyse(text)
        spans = [span("entity", m.type, m.start, m.end, subtype=m.subtype) for m in doc.mentions]
        spans += [span("timex", t.type, t.start, t.end) for t in doc.timexes]
        spans += [span("event", e.type, e.trigger.start, e.trigger.end) for e in doc.events]
        return {"spans": spans}

    return process


if __name__ == "__main__":
    serve(load)
