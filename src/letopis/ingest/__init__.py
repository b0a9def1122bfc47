"""Ingest: bytes in, one decoded document text out, or a clear `InputError`.

`read(path)` and `decode(data)` detect the encoding (BOMs, UTF-16 without a BOM, strict UTF-8,
then cp1251 / koi8-r / cp866 / mac-cyrillic chosen by how Russian the text looks), refuse empty,
binary, undecodable and oversized input with one-line messages, and for HTML keep only the
visible text together with a map from every text offset back into the decoded markup; TEI P5
likewise keeps the base text of its `<text>`, and its dates and names (`tei`, `tei_given`).
Plain text and Markdown are kept exactly as decoded (no newline or Unicode normalisation).
See docs/input-formats.md.

Modules: `decoding` (bytes to a `Source`), `encodings` (which code page), `binary` (refusing
non-text input), `markup` (HTML to visible text), `files` (reading a path or standard input).
"""

from .decoding import DEFAULT_MAX_BYTES, FORMATS, Source, decode
from .files import read, read_markup
from .markup import CELL, LINE, PARAGRAPH, SKIPPED, VOID, html_to_text
from .tei import TeiText, read_tei

__all__ = ["CELL", "DEFAULT_MAX_BYTES", "FORMATS", "LINE", "PARAGRAPH", "SKIPPED", "Source", "VOID",
           "TeiText", "decode", "html_to_text", "read", "read_markup", "read_tei"]
