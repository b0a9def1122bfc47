"""Ingest: bytes in, one decoded document text out, or a clear `InputError`.

`read(path)` and `decode(data)` detect the encoding (BOMs, UTF-16 without a BOM, strict UTF-8,
then cp1251 / koi8-r / cp866 / mac-cyrillic chosen by how Russian the text looks), refuse empty,
binary, undecodable and oversized input with one-line messages, and for HTML keep only the
visible text together with a map from every text offset back into the decoded markup.
Plain text and Markdown are kept exactly as decoded (no newline or Unicode normalisation).
See docs/input-formats.md.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from .errors import BinaryInput, EmptyInput, InputError, InputTooLarge, UndecodableInput, UnreadableInput

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FORMATS = ("text", "markdown", "html")
_FORMAT_ALIASES = {"txt": "text", "text": "text", "md": "markdown", "markdown": "markdown", "html": "html", "htm": "html"}
_EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}


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


def read(path: str | os.PathLike, *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file; "-" reads the bytes of standard input."""
    if os.fspath(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return decode(data, "<stdin>", format=format, max_bytes=max_bytes)
    name = os.fspath(path)
    name = name if isinstance(name, str) else os.fsdecode(name)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableInput(f"{name}: is a directory, not a file; pass the files inside it instead")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputTooLarge(_too_large(name, info.st_size, max_bytes))
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # +1: notice a file that grew or a pipe that is too long
    except FileNotFoundError:
        raise UnreadableInput(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise UnreadableInput(f"{name}: is a directory, not a file; pass the files inside it instead") from None
    except PermissionError:
        raise UnreadableInput(f"{name}: permission denied; make the file readable or copy it elsewhere") from None
    except OSError as exc:
        raise UnreadableInput(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if format is None:
        format = _EXTENSIONS.get(os.path.splitext(name)[1].lower())
    return decode(data, name, format=format, max_bytes=max_bytes)


def decode(data: bytes, name: str = "<bytes>", *, format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Decode raw bytes into a `Source`; `format` None means sniff HTML, else plain text."""
    if format is not None:
        if format.lower() not in _FORMAT_ALIASES:
            raise InputError(f"{name}: unknown format {format!r}; use one of {', '.join(FORMATS)}")
        format = _FORMAT_ALIASES[format.lower()]
    if len(data) > max_bytes:
        raise InputTooLarge(_too_large(name, len(data), max_bytes))
    if not data:
        raise EmptyInput(f"{name}: file is empty; there is nothing to analyse")
    kind = _magic(data)
    if kind:
        raise BinaryInput(f"{name}: looks like {kind}, not text; convert it to plain text (UTF-8) first")
    if format is None and _looks_like_html(data[:2048]):
        format = "html"
    text, encoding = _decode_text(data, name, html=format == "html")
    _check_controls(text, name)
    if format is None:
        format = "html" if _looks_like_html(text[:2048]) else "text"
    offsets = None
    if format == "html":
        text, offsets = html_to_text(text)
        if not text.strip():
            raise EmptyInput(f"{name}: the HTML has no visible text; there is nothing to analyse")
    elif not text.strip():
        raise EmptyInput(f"{name}: contains only whitespace; there is nothing to analyse")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(name=name, text=text, encoding=encoding, format=format, sha256=sha, source_offsets=offsets)


def _too_large(name: str, size: int, limit: int) -> str:
    mib = 1024 * 1024
    return (f"{name}: is {size / mib:.1f} MiB, over the {limit / mib:.1f} MiB limit; "
            "raise it with --max-size (max_bytes= in the library) or split the file")


# --- binary detection -------------------------------------------------------------------------

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old MS Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ\x90\x00", "an executable (Windows)"),
    (b"SQLite format 3\x00", "an SQLite database"),
]


def _magic(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "a bzip2 archive"
    if data[:4] in (b"RIFF",) and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a media file (RIFF)"
    return None


_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")  # not \t \n \v \f \r, nor \x1a (DOS end of file)


def _check_controls(text: str, name: str, chunk: int = 1 << 20) -> None:
    """Refuse text where more than 1 % of characters are control characters."""
    bad = 0
    for i in range(0, len(text), chunk):
        bad += len(_CONTROL.findall(text, i, i + chunk))
    if bad and bad > 0.01 * len(text):
        raise BinaryInput(f"{name}: looks binary ({bad} control characters); pass a text file")


_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))


def _check_control_bytes(data: bytes, name: str, chunk: int = 1 << 20) -> None:
    """The same test on bytes in an ASCII-compatible encoding, before decoding."""
    bad = sum(len(data[i:i + chunk]) - len(data[i:i + chunk].translate(None, _CONTROL_BYTES))
              for i in range(0, len(data), chunk))
    if bad and bad > 0.01 * len(data):
        raise BinaryInput(f"{name}: looks binary ({bad} control characters); pass a text file")


# --- encoding detection -----------------------------------------------------------------------

_BOMS: list[tuple[bytes, str, str]] = [  # UTF-32 first: its LE BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
]
_SINGLE_BYTE = ("cp1251", "koi8-r", "cp866", "mac-cyrillic")  # in order of preference on a tie
_SAMPLE = 1 << 16
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)


def _decode_text(data: bytes, name: str, *, html: bool) -> tuple[str, str]:
    failed: tuple[str, int] | None = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            skip = 0 if codec == "utf-8-sig" else len(bom)
            try:
                return codecs.decode(memoryview(data)[skip:], codec), label
            except UnicodeDecodeError as exc:
                failed = failed or (label, exc.start + skip)  # FF FE 00 00 may still be UTF-16 LE
    if failed:
        raise UndecodableInput(f"{name}: starts with a {failed[0]} byte-order mark but is not valid {failed[0]} "
                               f"(byte {failed[1]}); re-save it as UTF-8")
    if b"\x00" in data:
        found = _wide_unicode(data)
        if found is None:
            raise BinaryInput(f"{name}: looks binary (contains NUL bytes and is not UTF-16); pass a text file")
        return found
    declared = _declared_charset(data) if html else None
    # Valid UTF-8 wins even over a <meta charset> naming a single-byte code page: non-ASCII
    # text in cp1251 or koi8-r is virtually never valid UTF-8, and pages re-saved as UTF-8
    # often keep their old declaration.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    _check_control_bytes(data, name)  # say "binary" rather than "undecodable" for random bytes
    return _single_byte(data, name)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # a wide charset declared in an 8-bit file is a lie (browsers treat it as UTF-8 too)
    return None if codec.startswith(("utf-16", "utf-32")) else codec


def _wide_unicode(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 without a BOM: the codec that decodes strictly into text-like characters.

    Candidates are scored on a sample; only the winner decodes the whole input.
    """
    scored: list[tuple[float, str]] = []
    for codec, unit in (("utf-16-le", 2), ("utf-16-be", 2), ("utf-32-le", 4), ("utf-32-be", 4)):
        if len(data) % unit:
            continue
        try:
            sample = codecs.getincrementaldecoder(codec)().decode(data[:_SAMPLE], final=False)
        except UnicodeDecodeError:
            continue
        share = _textlike_share(sample)
        if share >= 0.9:
            scored.append((share, codec))
    for _, codec in sorted(scored, reverse=True):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None


def _textlike_share(text: str) -> float:
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch.isalnum() and (ch < "\u0530" or "\u2000" <= ch < "\u2070")
               or ch.isspace() or ("\x21" <= ch <= "\x7e") or "\u2010" <= ch <= "\u206f" or ch in "«»№—–…"
               or ch > "\uffff")  # emoji and other astral symbols
    return good / len(text)


_COMMON = frozenset("оеаинтсрвлкмдпу")  # the most frequent Russian letters
_RARE = frozenset("ъёщэфцю")


def _russian_score(text: str) -> float:
    """How Russian the non-ASCII characters of `text` look: below 0 garbage, above 1 Russian.

    Letters are scored case-blind by frequency; what tells the code pages apart is case
    (cp1251 read as koi8-r swaps it: «вОССТАНИЕ»), a Cyrillic letter glued to a Latin one
    («Cafй»), and symbols such as box drawing where letters should be.
    """
    score = 0.0
    count = 0
    prev = " "
    for ch in text:
        if ch < "\x80":
            prev = ch
            continue
        count += 1
        low = ch.lower()
        if "а" <= low <= "я" or low == "ё":
            score += 1.5 if low in _COMMON else 0.7 if low in _RARE else 1.0
            if ch != low and ("а" <= prev <= "я" or prev == "ё"):
                score -= 2.5  # a capital right after a lowercase letter
            elif prev.isascii() and prev.isalpha():
                score -= 2.5  # Cyrillic glued to Latin
        elif ch in "«»—–…№\xa0":
            score += 0.5
        else:
            score -= 1.0
        prev = ch
    return score / count if count else 0.0


def _single_byte(data: bytes, name: str) -> tuple[str, str]:
    sample = data[:_SAMPLE]
    scored: list[tuple[float, int, str]] = []
    for rank, codec in enumerate(_SINGLE_BYTE):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((_russian_score(text), -rank, codec))
    if scored:
        score, _, codec = max(scored)
        if score >= 0.5:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    raise UndecodableInput(f"{name}: cannot tell the encoding (not UTF-8, UTF-16, or Russian in "
                           f"{', '.join(_SINGLE_BYTE)}); re-save the file as UTF-8")


# --- HTML -------------------------------------------------------------------------------------

_HTML_SNIFF = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)


def _looks_like_html(head: bytes | str) -> bool:
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return bool(_HTML_SNIFF.match(head))


SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title",
                     "iframe", "object", "canvas", "select", "datalist"})
PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
                       "table", "figure", "section", "article", "header", "footer", "aside", "nav",
                       "main", "hr", "body", "address", "details", "fieldset", "form"})
LINE = frozenset({"div", "li", "tr", "dt", "dd", "caption", "figcaption", "summary", "legend", "center",
                  "thead", "tbody", "tfoot", "option"})
CELL = frozenset({"td", "th"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
_SPACE = " \t\n\r\f"


class _Visible(HTMLParser):
    """Collects visible text, one output character at a time with its markup offset."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.lines = [0] + [m.end() for m in re.finditer("\n", markup)]
        self.out: list[str] = []
        self.offsets: list[int] = []
        self.skip: list[str] = []  # open skipped elements
        self.pre = 0
        self.space: int | None = None  # offset of a pending collapsed space
        self.breaks = 0  # pending line breaks (2 = blank line)
        self.break_at = 0

    def pos(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def emit(self, ch: str, at: int) -> None:
        if self.breaks and self.out:
            for _ in range(self.breaks):
                self.out.append("\n")
                self.offsets.append(self.break_at)
            self.space = None
        elif self.space is not None and self.out and self.out[-1] != "\n":
            self.out.append(" ")
            self.offsets.append(self.space)
        self.breaks = 0
        self.space = None
        self.out.append(ch)
        self.offsets.append(at)

    def block(self, n: int) -> None:
        if n > self.breaks:
            self.breaks, self.break_at = n, self.pos()

    def text(self, data: str, start: int, literal: bool = True) -> None:
        """Add `data`; `literal` False means all of it comes from one entity at `start`."""
        for i, ch in enumerate(data):
            at = start + i if literal else start
            if ch in _SPACE and not self.pre:
                if self.space is None:
                    self.space = at
            elif ch == "\n" and self.pre:
                self.space = None
                self.breaks = 0
                self.out.append("\n")
                self.offsets.append(at)
            else:
                self.emit(ch, at)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self.skip.clear()  # a <head> left open ends here
        if self.skip or tag in SKIPPED:
            if tag in SKIPPED and tag not in VOID:
                self.skip.append(tag)
            return
        self.opening(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.skip and tag not in SKIPPED:
            self.opening(tag)

    def opening(self, tag: str) -> None:
        if tag == "br":
            self.space = None
            if self.out:
                self.emit("\n", self.pos())
            self.space = None
        elif tag in PARAGRAPH:
            self.block(2)
        elif tag in LINE:
            self.block(1)
        elif tag in CELL and self.out and self.out[-1] != "\n" and self.space is None:
            self.space = self.pos()
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in PARAGRAPH:
            self.block(2)
        elif tag in LINE:
            self.block(1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text(data, self.pos())

    def handle_entityref(self, name: str) -> None:
        if self.skip:
            return
        start = self.pos()
        semi = self.markup.startswith(";", start + 1 + len(name))
        raw = f"&{name};" if semi else f"&{name}"
        value = unescape(raw)
        self.text(value, start, literal=value == raw)

    def handle_charref(self, name: str) -> None:
        if self.skip:
            return
        self.text(unescape(f"&#{name};"), self.pos(), literal=False)


def html_to_text(markup: str) -> tuple[str, list[int]]:
    """The visible text of `markup` and, for each of its characters (plus the end), the markup offset."""
    parser = _Visible(markup)
    parser.feed(markup)
    parser.close()
    parser.offsets.append(len(markup))
    return "".join(parser.out), parser.offsets
