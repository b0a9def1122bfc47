"""TEI P5: the base text of an edition's `<text>`, with a map from every text offset back
into the decoded markup, and the elements of its own markup that letopis can use.

lxml (`adapters.xml`) checks that the file is well-formed TEI and reads the header; the text
itself is read from the markup string by a small tokenizer, so that every character keeps its
offset in the file. Read as base text: everything in `<text>` except notes, apparatus readings
other than the lemma (`<app>`: `<lem>` only), the rejected half of a `<choice>` (`<sic>`,
`<orig>`, `<abbr>`), forme work and figure descriptions. Divisions, paragraphs, heads and lines
end with breaks as HTML blocks do; `<lb/>`, `<pb/>`, `<cb/>` and `<milestone/>` divide words
(a space) and join them with `break="no"`, so a page break never cuts a sentence in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from ..adapters import xml
from ..errors import EmptyInput, InputError

NS = "http://www.tei-c.org/ns/1.0"
_SNIFF = re.compile(r'^\ufeff?\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?.*?\?>\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?TEI[\s>]', re.S)

SKIPPED = frozenset({"note", "rdg", "rdgGrp", "witDetail", "fw", "figDesc", "teiHeader", "standOff",
                     "facsimile", "sourceDoc", "interpGrp", "spanGrp", "linkGrp"})
CHOICE_SKIPPED = frozenset({"sic", "orig", "abbr"})  # inside <choice>: the corrected, regular, expanded form is read
PARAGRAPH = frozenset({"p", "head", "div", "div1", "div2", "div3", "div4", "ab", "lg", "list", "table", "opener",
                       "closer", "sp", "floatingText", "trailer", "titlePage", "epigraph", "argument", "byline",
                       "front", "body", "back", "group", "docTitle", "postscript", "listBibl", "castList"})
LINE = frozenset({"l", "item", "row", "salute", "signed", "dateline", "addrLine", "address", "speaker", "label",
                  "titlePart", "docAuthor", "docDate", "bibl", "stage"})
CELL = frozenset({"cell"})
WORD_BREAKS = frozenset({"lb", "pb", "cb", "milestone", "gap", "space"})
MARKED = frozenset({"date", "persName", "placeName", "orgName"})
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_SPACE = " \t\n\r"

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</(?P<close>[^\s>]+)\s*>"
    r"|<(?P<open>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>"
    r"|&(?P<ref>#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);",
    re.S)
_ATTRIBUTE = re.compile(r"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(slots=True)
class Marked:
    """An element of the edition's markup that letopis uses: a date or a name, over `start:end` of the read text."""

    tag: str  # date, persName, placeName, orgName
    attributes: dict[str, str]
    start: int
    end: int


@dataclass(slots=True)
class TeiText:
    """What the reader found in one TEI document."""

    text: str
    offsets: list[int]  # offsets[i]: where text[i] is in the markup; one more entry for len(text)
    string_offsets: list[int]  # the same in the string value of <text> (TEI's string-range()); one more entry
    marked: list[Marked] = field(default_factory=list)
    header_date: dict[str, str] | None = None  # attributes of the header's creation or publication <date>
    header_date_text: str = ""


def looks_like_tei(head: bytes | str) -> bool:
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return bool(_SNIFF.match(head))


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _attributes(raw: str) -> dict[str, str]:
    return {_attribute_name(m.group(1)): unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(raw)}


def _attribute_name(name: str) -> str:
    return name if name.startswith("xml:") else _local(name)


class _Reader:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.offsets: list[int] = []
        self.strings: list[int] = []
        self.string = 0  # characters of the string value of <text> so far
        self.space: tuple[int, int] | None = None  # a pending collapsed space: markup and string offsets
        self.breaks = 0
        self.break_at = (0, 0)
        self.join = False  # after <lb break="no"/>: the next whitespace run is no word break
        self.marked: list[Marked] = []

    def emit(self, ch: str, at: int) -> None:
        if self.breaks and self.out:
            for _ in range(self.breaks):
                self.out.append("\n")
                self.offsets.append(self.break_at[0])
                self.strings.append(self.break_at[1])
        elif self.space is not None and self.out and self.out[-1] != "\n":
            self.out.append(" ")
            self.offsets.append(self.space[0])
            self.strings.append(self.space[1])
        self.breaks, self.space, self.join = 0, None, False
        self.out.append(ch)
        self.offsets.append(at)
        self.strings.append(self.string)

    def text(self, data: str, start: int, literal: bool = True) -> None:
        for i, ch in enumerate(data):
            at = start + i if literal else start
            if ch in _SPACE:
                if self.space is None and not self.join:
                    self.space = (at, self.string)
            else:
                self.emit(ch, at)
            if not (literal and ch == "\r" and data.startswith("\n", i + 1)):
                self.string += 1  # XML reads a line end "\r\n" as one "\n"

    def skipped(self, data: str, literal: bool = True) -> None:
        self.string += len(data) - (data.count("\r\n") if literal else 0)

    def block(self, n: int, at: int) -> None:
        if n > self.breaks:
            self.breaks, self.break_at = n, (at, self.string)

    def word_break(self, attributes: dict[str, str], at: int) -> None:
        if attributes.get("break") == "no":
            self.space, self.join = None, True
        elif self.space is None:
            self.space = (at, self.string)


def read_tei(markup: str, name: str = "<tei>") -> TeiText:
    """The base text of a TEI document (decoded markup), or an `InputError` saying why not."""
    try:
        root = xml.parse(markup)
    except xml.XmlError as error:
        raise InputError(f"{name}: {error}") from None
    found, namespace = xml.local_name(root), xml.namespace(root)
    if (found, namespace) == ("teiCorpus", NS):
        raise InputError(f"{name}: is a teiCorpus; split it into one TEI file per document")
    if (found, namespace) != ("TEI", NS):
        where = f"namespace {namespace}" if namespace else "no namespace"
        raise InputError(f"{name}: is XML whose root is <{found}> in {where}, not a TEI P5 document "
                         f"(<TEI xmlns=\"{NS}\">); convert it to plain text or TEI first")
    reader = _Reader()
    stack: list[str] = []
    text_depth = skip_depth = 0  # stack depth at which <text> and the skipped element opened
    open_marks: list[tuple[int, Marked]] = []
    position = 0
    for token in _TOKEN.finditer(markup):
        data = markup[position:token.start()]
        if data and text_depth:
            if skip_depth:
                reader.skipped(data)
            else:
                reader.text(data, position)
        position = token.end()
        if token.group("cdata") is not None and text_depth:
            if skip_depth:
                reader.skipped(token.group("cdata"))
            else:
                reader.text(token.group("cdata"), token.start("cdata"))
        elif token.group("ref") is not None and text_depth:
            value = _reference(token.group("ref"), name)
            if skip_depth:
                reader.skipped(value, literal=False)
            else:
                reader.text(value, token.start(), literal=False)
        elif token.group("open") is not None:
            tag = _local(token.group("open"))
            attributes = _attributes(token.group("attrs"))
            empty = bool(token.group("empty"))
            parent = stack[-1] if stack else ""
            if not empty:
                stack.append(tag)
            if tag == "text" and not text_depth and parent == "TEI":
                text_depth = len(stack)
                continue
            if not text_depth or skip_depth:
                continue
            if tag in SKIPPED or (parent == "choice" and tag in CHOICE_SKIPPED) or (parent == "app" and tag != "lem"):
                if not empty:
                    skip_depth = len(stack)
                continue
            _opening(reader, tag, attributes, token.start())
            if tag in MARKED and not empty:
                open_marks.append((len(stack), Marked(tag, attributes, len(reader.out), -1)))
        elif token.group("close") is not None:
            tag = _local(token.group("close"))
            depth = len(stack)
            if stack:
                stack.pop()
            if skip_depth and depth == skip_depth:
                skip_depth = 0
            elif text_depth and depth == text_depth:
                text_depth = 0
            elif text_depth and not skip_depth:
                if tag in PARAGRAPH:
                    reader.block(2, token.start())
                elif tag in LINE:
                    reader.block(1, token.start())
                if open_marks and open_marks[-1][0] == depth:
                    _, mark = open_marks.pop()
                    mark.end = len(reader.out)
                    reader.marked.append(mark)
    reader.offsets.append(len(markup))
    reader.strings.append(reader.string)
    text = "".join(reader.out)
    if not text.strip():
        raise EmptyInput(f"{name}: the TEI <text> has no base text; there is nothing to analyse")
    marks = [m for m in (_trimmed(m, text) for m in reader.marked) if m is not None]
    marks.sort(key=lambda m: (m.start, -m.end))
    date, date_text = _header_date(root)
    return TeiText(text, reader.offsets, reader.strings, marks, date, date_text)


def _opening(reader: _Reader, tag: str, attributes: dict[str, str], at: int) -> None:
    if tag in WORD_BREAKS:
        reader.word_break(attributes, at)
    elif tag in PARAGRAPH:
        reader.block(2, at)
    elif tag in LINE:
        reader.block(1, at)
    elif tag in CELL and reader.out and reader.out[-1] != "\n" and reader.space is None:
        reader.space = (at, reader.string)


def _reference(ref: str, name: str) -> str:
    if ref.startswith("#x"):
        return chr(int(ref[2:], 16))
    if ref.startswith("#"):
        return chr(int(ref[1:]))
    if ref in _PREDEFINED:
        return _PREDEFINED[ref]
    raise InputError(f"{name}: uses the entity &{ref}; declared in a DTD; expand it to characters first")


def _trimmed(mark: Marked, text: str) -> Marked | None:
    """The mark without the breaks and spaces read before its first character."""
    start, end = mark.start, mark.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    mark.start, mark.end = start, end
    return mark


def _header_date(root) -> tuple[dict[str, str] | None, str]:
    """The attributes and text of the header's `<creation><date>`, else its `<publicationStmt><date>`."""
    for path in (f"{{{NS}}}teiHeader/{{{NS}}}profileDesc/{{{NS}}}creation//{{{NS}}}date",
                 f"{{{NS}}}teiHeader/{{{NS}}}fileDesc/{{{NS}}}publicationStmt/{{{NS}}}date"):
        found = root.find(path)
        if found is not None:
            return dict(found.attrib), "".join(found.itertext()).strip()
    return None, ""
