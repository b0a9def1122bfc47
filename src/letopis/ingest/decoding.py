"""Decoding: raw bytes into one `Source`, or a clear `InputError`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import BinaryInput, EmptyInput, InputError, InputTooLarge
from .binary import check_controls, magic
from .encodings import decode_text
from .markup import html_to_text, looks_like_html
from .tei import looks_like_tei, read_tei
from .tei_given import given as tei_given

if TYPE_CHECKING:
    from ..doc import Given

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FORMATS = ("text", "markdown", "html", "tei")
_FORMAT_ALIASES = {"txt": "text", "text": "text", "md": "markdown", "markdown": "markdown", "html": "html", "htm": "html",
                   "tei": "tei", "xml": "tei"}


@dataclass(slots=True)
class Source:
    """One input document, decoded."""

    name: str  # path as given, or "<stdin>"
    text: str  # the text letopis analyses (for HTML: the visible text)
    encoding: str  # "utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16-le", ...
    format: str  # "text", "markdown", "html", "tei"
    sha256: str  # hex sha256 of `text` encoded as UTF-8
    # HTML and TEI: source_offsets[i] is the offset in the decoded markup of text[i];
    # one extra entry maps len(text) to len(markup). None for text and Markdown.
    source_offsets: list[int] | None = None
    # TEI: the dates, names and document date its markup gives (`ingest.tei_given`).
    given: "Given | None" = None
    # What was doubtful in reading it (a lying <meta charset>, mixed encodings), one line each.
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str = "<bytes>", *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode raw bytes into a `Source`; `format` None means sniff HTML, else plain text."""
    if format is not None:
        if format.lower() not in _FORMAT_ALIASES:
            raise InputError(f"{name}: unknown format {format!r}; use one of {', '.join(FORMATS)}")
        format = _FORMAT_ALIASES[format.lower()]
    if len(data) > max_bytes:
        raise InputTooLarge(too_large(name, len(data), max_bytes))
    if not data:
        raise EmptyInput(f"{name}: file is empty; there is nothing to analyse")
    kind = magic(data)
    if kind:
        raise BinaryInput(f"{name}: looks like {kind}, not text; convert it to plain text (UTF-8) first")
    if format is None and looks_like_html(data[:2048]):
        format = "html"
    elif format is None and looks_like_tei(data[:4096]):
        format = "tei"
    warnings: list[str] = []
    text, encoding = decode_text(data, name, html=format in ("html", "tei"), warnings=warnings)
    check_controls(text, name)
    if format is None:
        format = "html" if looks_like_html(text[:2048]) else "tei" if looks_like_tei(text[:4096]) else "text"
    offsets, given = None, None
    if format == "tei":
        tei = read_tei(text, name)
        text, offsets, given = tei.text, tei.offsets, tei_given(tei)
    elif format == "html":
        text, offsets = html_to_text(text)
        if not text.strip():
            raise EmptyInput(f"{name}: the HTML has no visible text; there is nothing to analyse")
    elif not text.strip():
        raise EmptyInput(f"{name}: contains only whitespace; there is nothing to analyse")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(name=name, text=text, encoding=encoding, format=format, sha256=sha, source_offsets=offsets,
                  given=given, warnings=warnings)


def too_large(name: str, size: int, limit: int) -> str:
    mib = 1024 * 1024
    return (f"{name}: is {size / mib:.1f} MiB, over the {limit / mib:.1f} MiB limit; "
            "raise it with --max-size (max_bytes= in the library) or split the file")
