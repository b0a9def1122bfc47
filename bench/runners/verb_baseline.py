"""The plain event baseline: every verb is an event, linked to the nearest date and the
nearest place in its sentence (natasha morphology, NER and DatesExtractor). As a whole event
(the history task) it takes that date's day bounds, no agent, and is always actual."""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, bounds, event, serve, span

Span = tuple[int, int]


def gap(a: Span, b: Span) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(b[0] - a[1], a[0] - b[1], 0)


def nearest(target: Span, candidates: list[Span]) -> Span | None:
    return min(candidates, key=lambda c: (gap(target, c), c)) if candidates else None


def load() -> Process:
    try:
        from natasha import (DatesExtractor, Doc, MorphVocab, NewsEmbedding, NewsMorphTagger,
                             NewsNERTagger, Segmenter)
    except ImportError as exc:
        raise Unavailable(f"natasha not importable: {exc}") from exc
    embedding = NewsEmbedding()
    segmenter, morph, ner = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding)
    dates = DatesExtractor(MorphVocab())

    def process(text: str) -> Prediction:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        found_dates = list(dates(text))
        all_dates = [(m.start, m.stop) for m in found_dates]
        date_bounds = {(m.start, m.stop): bounds(m.fact.year, m.fact.month, m.fact.day) for m in found_dates}
        places = [(s.start, s.stop) for s in doc.spans if s.type == "LOC"]
        spans, links, events = [], [], []
        for sent in doc.sents:
            inside = lambda s: sent.start <= s[0] and s[1] <= sent.stop  # noqa: E731
            sent_dates, sent_places = list(filter(inside, all_dates)), list(filter(inside, places))
            for token in sent.tokens:
                if token.pos != "VERB":
                    continue
                trigger = (token.start, token.stop)
                spans.append(span("event", "VERB", *trigger))
                for label, candidates in (("event-time", sent_dates), ("event-place", sent_places)):
                    arg = nearest(trigger, candidates)
                    if arg is not None:
                        links.append({"type": label, "event": list(trigger), "arg": list(arg)})
                day = nearest(trigger, sent_dates)
                window = date_bounds[day] if day else {"earliest": None, "latest": None}
                basis = "explicit" if window["earliest"] else "unknown"
                events.append(event(trigger, window["earliest"], window["latest"], basis, "actual", []))
        spans += [span("timex", "DATE", *d) for d in all_dates]
        spans += [span("entity", "LOC", *p) for p in places]
        return {"spans": spans, "relations": links, "events": events}

    return process


if __name__ == "__main__":
    serve(load, ("natasha",))
