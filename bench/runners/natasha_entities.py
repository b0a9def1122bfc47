"""natasha 1.6 as an entity baseline: NER spans (PER, ORG, LOC) normalised with its morphology
(`span.normalize`), the spans of one type and one normal form merged into one entity. natasha
has no gazetteer, so no entity is placed on the map."""

from __future__ import annotations

from typing import Any

from runner_io import Prediction, Process, Unavailable, serve, span

TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


def load() -> Process:
    try:
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise Unavailable(f"natasha not importable: {exc}") from exc
    embedding = NewsEmbedding()
    segmenter, morph, tagger, vocab = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding), MorphVocab()

    def process(text: str) -> Prediction:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(tagger)
        entities: dict[tuple[str, str], dict[str, Any]] = {}
        for s in doc.spans:
            s.normalize(vocab)
            name = s.normal or s.text
            key = (s.type, name.lower())
            entity = entities.setdefault(key, {"id": f"n{len(entities) + 1}", "type": TYPES.get(s.type, s.type),
                                               "name": name, "mentions": [], "point": None})
            entity["mentions"].append([s.start, s.stop])
        return {"spans": [span("entity", s.type, s.start, s.stop) for s in doc.spans],
                "entities": list(entities.values())}

    return process


if __name__ == "__main__":
    serve(load, ("natasha", "slovnet", "navec"))
