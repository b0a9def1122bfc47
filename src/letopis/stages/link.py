"""The linker as it was before it was cut into stages, for the training recipes under
`train/links/` that still call it: `time_links`, `coreference`, `relations` and `dating`
run in that order. New code names those stages (`letopis.registry`)."""

from __future__ import annotations

from ..doc import Doc
from .coreference import CoreferenceStage
from .dating import DatingStage, date_from_timexes  # noqa: F401  (train/links/train.py)
from .relations import RelationsStage
from .time_links import TimeLinkStage, attach_linked_timexes, attach_timexes  # noqa: F401  (train/links/train.py)


class LinkStage:
    name = "link"
    requires = TimeLinkStage.requires
    assigns = ("time_links", "coreference", "relations", "causes", "dates")

    def __call__(self, doc: Doc) -> Doc:
        for stage in (TimeLinkStage(), CoreferenceStage(), RelationsStage(), DatingStage()):
            doc = stage(doc)
        return doc
