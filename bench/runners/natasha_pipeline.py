"""The natasha 1.6 pipeline as a whole, the peer of letopis's full extraction for speed:
segmentation (razdel), morphology, syntax and NER (slovnet over navec), a lemma for
every token (pymorphy2 through `MorphVocab`) and `DatesExtractor` (yargy) over the text.

It runs in either environment (natasha is a letopis dependency, so `.venv` has it).
Predictions are its NER and date spans, so the runner also fits `bench/run.py`'s
contract; `bench/scale.py` uses it for throughput and memory.
"""

from __future__ import annotations

from runner_io import Prediction, Process, Unavailable, serve, span


def load() -> Process:
    try:
        from natasha import (
            DatesExtractor,
            Doc,
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as exc:
        raise Unavailable(f"natasha not importable: {exc}") from exc
    embedding = NewsEmbedding()
    segmenter = Segmenter()
    morph = NewsMorphTagger(embedding)
    syntax = NewsSyntaxParser(embedding)
    ner = NewsNERTagger(embedding)
    vocab = MorphVocab()
    dates = DatesExtractor(vocab)

    def process(text: str) -> Prediction:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        for token in doc.tokens:
            token.lemmatize(vocab)
        spans = [span("entity", s.type, s.start, s.stop) for s in doc.spans]
        spans += [span("timex", "DATE", m.start, m.stop) for m in dates(text)]
        return {"spans": spans}

    process("В мае 1812 года армия Наполеона перешла Неман.")  # warm up
    return process


if __name__ == "__main__":
    serve(load, ("natasha", "slovnet", "navec", "razdel", "yargy", "pymorphy2"))
