"""A natasha-based event baseline: every verb is an event; its agent is its syntactic
subject (natasha's syntax), named as natasha's NER span over it normalised, else the
subject's lemma; a passive verb's agent is its instrumental oblique («взята войсками»).
Its date is the nearest date in its sentence (natasha DatesExtractor); a date without a
year takes the year of the last dated expression before it; a sentence without a date
takes the last full date before it (context). Every event is actual."""

from __future__ import annotations

from typing import Any

from runner_io import Prediction, Process, Unavailable, bounds, event, serve, span

Span = tuple[int, int]


def gap(a: Span, b: Span) -> int:
    return max(b[0] - a[1], a[0] - b[1], 0)


def load() -> Process:
    try:
        from natasha import (DatesExtractor, Doc, MorphVocab, NewsEmbedding, NewsMorphTagger,
                             NewsNERTagger, NewsSyntaxParser, Segmenter)
    except ImportError as exc:
        raise Unavailable(f"natasha not importable: {exc}") from exc
    embedding = NewsEmbedding()
    segmenter, morph, ner = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding)
    syntax, vocab = NewsSyntaxParser(embedding), MorphVocab()
    dates = DatesExtractor(vocab)

    def agent(sent: Any, verb: Any, names: list[Any]) -> list[dict[str, Any]]:
        passive = verb.feats.get("Voice") == "Pass"
        for token in sent.tokens:
            if token.head_id != verb.id:
                continue
            subject = token.rel == "nsubj" and not passive
            by_whom = passive and token.rel == "obl" and token.feats.get("Case") == "Ins"
            if not (subject or by_whom) or token.pos not in ("NOUN", "PROPN", "PRON"):
                continue
            for name in names:
                if name.start <= token.start < name.stop:
                    name.normalize(vocab)
                    return [{"name": name.normal or name.text, "spans": [(name.start, name.stop)]}]
            token.lemmatize(vocab)
            return [{"name": token.lemma, "spans": [(token.start, token.stop)]}]
        return []

    def process(text: str) -> Prediction:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        found = sorted(dates(text), key=lambda m: m.start)
        windows: list[tuple[Span, dict[str, str | None]]] = []
        year = None
        for m in found:  # a date without a year takes the last year seen
            year = m.fact.year or year
            windows.append(((m.start, m.stop), bounds(year, m.fact.month, m.fact.day)))
        names = [s for s in doc.spans if s.type in ("PER", "ORG", "LOC")]
        events, spans = [], []
        for sent in doc.sents:
            inside = [(w, b) for w, b in windows if sent.start <= w[0] and w[1] <= sent.stop and b["earliest"]]
            before = [(w, b) for w, b in windows if w[1] <= sent.start and b["earliest"]]
            for token in sent.tokens:
                if token.pos != "VERB":
                    continue
                trigger = (token.start, token.stop)
                if inside:
                    _, window = min(inside, key=lambda wb: (gap(trigger, wb[0]), wb[0]))
                    basis = "explicit"
                elif before:
                    window, basis = before[-1][1], "context"
                else:
                    window, basis = {"earliest": None, "latest": None}, "unknown"
                spans.append(span("event", "VERB", *trigger))
                events.append(event(trigger, window["earliest"], window["latest"], basis, "actual",
                                    agent(sent, token, names)))
        spans += [span("timex", "DATE", w[0], w[1], **b) for w, b in windows]
        return {"spans": spans, "events": events}

    return process


if __name__ == "__main__":
    serve(load, ("natasha",))
