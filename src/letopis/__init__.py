"""letopis: source-linked chronologies from Russian historical narrative.

    >>> import letopis
    >>> chron = letopis.extract("19 августа 1944 года в Париже началось восстание.")
    >>> chron.events[0].time.earliest
    '1944-08-19'

`extract` returns a `Chronology` (typed records that serialise to the
`letopis.chronology/1` JSON contract with `.to_dict()` / `.to_json()`);
`analyse` returns the full internal `Doc` of one text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .chronology import Chronology
    from .doc import Doc, Given
    from .ingest import Source
    from .pipeline import Pipeline

__all__ = ["Chronology", "Doc", "analyse", "default_pipeline", "extract", "extract_sources", "__version__"]


@lru_cache(maxsize=1)
def default_pipeline() -> "Pipeline":
    """The full pipeline; built once per process, its models load on first use.
    `letopis.registry.make_pipeline` makes others (stages left out or disabled, models given)."""
    from .registry import make_pipeline

    return make_pipeline()


def analyse(
    text: str,
    *,
    doc_id: str = "d1",
    source: str = "<string>",
    dct: str | None = None,
    calendar: str = "auto",
    genre: str = "auto",
    pipeline: "Pipeline | None" = None,
    on_stage: "Callable[[str, int, int], None] | None" = None,
    given: "Given | None" = None,
) -> "Doc":
    """Run the pipeline over one text and return its `Doc` with everything found.

    `dct` is the document creation date (ISO), for news: relative dates such as
    «вчера» are then anchored on it. Without it, dates are anchored on the narrative.
    `calendar` says how unmarked Russian dates before 14 February 1918 are read: `auto` (Old
    Style when the text is about Russia, `letopis.time.convention`), `julian-before-1918`
    (always Old Style) or `gregorian` (as written). Marked and dual dates follow their marks.
    `genre` says whose sense of event to use: `history` (a historian's: «окончил
    университет», «стал профессором»), `news` (NEREL's) or `auto` (decided from the text,
    `letopis.stages.narrative`).
    `on_stage(name, number, count)` is called as each stage begins (progress on a long text).
    `given` holds what the source's markup already says (a TEI file's dates, names and header
    date, `Source.given`): the stages take its spans as found, and its date stands for `dct`
    when none is passed.
    """
    from .doc import Doc, Given

    if not isinstance(text, str):
        raise TypeError(f"analyse() takes a str, not {type(text).__name__}; decode bytes with letopis.ingest.decode()")
    from .stages.narrative import check_genre
    from .time.convention import check_setting

    given = given or Given()
    doc = Doc(doc_id, text, source=source, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), dct=dct or given.dct,
              calendar=check_setting(calendar), genre=check_genre(genre), given=given)
    return (pipeline or default_pipeline())(doc, on_stage)


def extract(
    texts: "str | Sequence[str]",
    *,
    dct: str | None = None,
    calendar: str = "auto",
    genre: str = "auto",
    pipeline: "Pipeline | None" = None,
) -> "Chronology":
    """The chronology of one text, or of several texts taken together (`calendar` and `genre`
    as for `analyse`)."""
    from .chronology import build

    items = [texts] if isinstance(texts, str) else list(texts)
    docs = [analyse(text, doc_id=f"d{i}", dct=dct, calendar=calendar, genre=genre, pipeline=pipeline)
            for i, text in enumerate(items, 1)]
    return build(docs)


def extract_sources(
    sources: "Iterable[Source]",
    *,
    dct: str | None = None,
    calendar: str = "auto",
    genre: str = "auto",
    pipeline: "Pipeline | None" = None,
) -> "Chronology":
    """The chronology of documents read with `letopis.ingest.read` (one `documents` entry each)."""
    from .chronology import build

    docs = []
    for i, src in enumerate(sources, 1):
        doc = analyse(src.text, doc_id=f"d{i}", source=src.name, dct=dct, calendar=calendar, genre=genre,
                      pipeline=pipeline, given=src.given)
        doc.source_offsets = src.source_offsets
        docs.append(doc)
    return build(docs)


def __getattr__(name: str):  # lazy access to the record types named in __all__
    if name == "Chronology":
        from .chronology import Chronology

        return Chronology
    if name == "Doc":
        from .doc import Doc

        return Doc
    raise AttributeError(name)
