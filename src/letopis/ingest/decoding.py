"""Decoding: raw bytes into one `Source`, or a clear `InputError`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..errors import BinaryInput, EmptyInput, InputError, InputTooLarge
from .binary import check_controls, magic
from .encodings import decode_text
from .markup import html_to_text, looks_like_html

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FORMATS = ("text", "markdown", "html")
_FORMAT_ALIASES = {"txt": "text", "text": "text", "md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}


@dataclass(slots=True)
class Source:
    """One input document, decoded."""

    name: str  # path as given, or "<stdin>"
    text: str  # the text letopis analyses (for HTML: the visible text)
    encoding: str  # "utf-8", "utf-8-sig", "cp1251", "koi8-r", "utf-16-le", ...
    format: str  # "text", "markdown", "html"
    sha256: str  # hex sha256 of `text` encoded as UTF-8
    # HTML only: source_offsets[i] is the offset in the decoded markup of text[i];
    # one extra entry maps len(text) to len(markup). None for text and Markdown.
    source_offsets: list[int] | None = None
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
    warnings: list[str] = []
    text, encoding = decode_text(data, name, html=format == "html", warnings=warnings)
    check_controls(text, name)
    if format is None:
        format = "html" if looks_like_html(text[:2048]) else "text"
    offsets = None
    if format == "html":
        text, offsets = html_to_text(text)
        if not text.strip():
            raise EmptyInput(f"{name}: the HTML has no visible text; there is nothing to analyse")
    elif not text.strip():
        raise EmptyInput(f"{name}: contains only whitespace; there is nothing to analyse")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(name=name, text=text, encoding=encoding, format=format, sha256=sha, source_offsets=offsets,
                  warnings=warnings)


def too_large(name: str, size: int, limit: int) -> str:
    mib = 1024 * 1024
    return (f"{name}: is {size / mib:.1f} MiB, over the {limit / mib:.1f} MiB limit; "
            "raise it with --max-size (max_bytes= in the library) or split the file")
