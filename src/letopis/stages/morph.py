"""Morphology: slovnet part of speech and features, pymorphy lemmas."""

from __future__ import annotations

from ..adapters import natasha
from ..doc import Doc


class MorphStage:
    name = "morph"
    requires = ("tokens", "sentences")
    assigns = ("morph",)

    def __call__(self, doc: Doc) -> Doc:
        words = [[t.text for t in doc.sentence_tokens(i)] for i in range(len(doc.sentences))]
        for index, tags in enumerate(natasha.tag_morph(words)):
            for token, (pos, feats) in zip(doc.sentence_tokens(index), tags):
                token.pos, token.feats = pos, feats
                token.lemma = natasha.lemma(token.text, pos, feats)
        return doc
