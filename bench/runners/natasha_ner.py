"""natasha 1.6 NER (slovnet tagger over navec embeddings): PER, ORG, LOC spans."""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, serve, span


def load() -> Process:
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise Unavailable(f"natasha not importable: {exc}") from exc
    segmenter = Segmenter()
    tagger = NewsNERTagger(NewsEmbedding())

    def process(text: str) -> Prediction:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return {"spans": [span("entity", s.type, s.start, s.stop) for s in doc.spans]}

    return process


if __name__ == "__main__":
    serve(load, ("natasha", "slovnet", "navec"))
