"""TEI P5: the source text with letopis's names and dates marked in it, and its entities and
events listed in a `<standOff>` (docs/exports.md, "TEI").

A document read from TEI keeps its own markup, every element and every character: letopis's
`<persName>`, `<placeName>`, `<orgName>`, `<roleName>`, `<rs>` and `<date>` go inline where
they nest cleanly (the span lies in one run of the file's text, with no tag inside), and
elsewhere into a `<listAnnotation>` of notes that point at the span with TEI's
`string-range()`, counted in the string value of `<text>`. Spans the edition had marked
already are left to its own elements. Any other document becomes a new TEI file whose
paragraphs are the text's blank-line blocks.

One document gives a `<TEI>`; several give a `<teiCorpus>` whose `<standOff>` lists the
entities once for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from .. import __version__
from ..adapters import xml
from ..ingest.tei import NS, read_tei
from ..errors import InputError
from .source import ExportError, Record, Source, geo_of, source

PREFIX = "lt-"  # letopis's xml:ids, kept apart from an edition's own
# entity type -> inline element, its @type, the list it goes into, and the list's entry element
ELEMENTS: dict[str, tuple[str, str | None, str, str]] = {
    "PERSON": ("persName", None, "listPerson", "person"),
    "GROUP": ("persName", "group", "listPerson", "personGrp"),
    "PROFESSION": ("roleName", None, "listPerson", "person"),
    "LOCATION": ("placeName", None, "listPlace", "place"),
    "FACILITY": ("placeName", "facility", "listPlace", "place"),
    "ORGANIZATION": ("orgName", None, "listOrg", "org"),
}
NAME_OF_ENTRY = {"person": "persName", "personGrp": "persName", "place": "placeName", "org": "orgName"}
LISTS = ("listPerson", "listPlace", "listOrg")
CERT = {"absolute": "high", "explicit": "high", "context": "medium", "document": "medium", "relative": "medium",
        "inferred": "low"}
_W3C = re.compile(r"^-?\d{4,}(-\d\d(-\d\d)?)?$")
_DURATION = re.compile(r"^P(\d+[YMWD])*(T(\d+[HMS])+)?$")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DEFAULT_NS = re.compile(r'<(?:[\w.-]+:)?TEI\b[^>]*\sxmlns\s*=\s*["\']' + re.escape(NS) + '["\']')


def to_xml(chronology: Any, *, texts: Mapping[str, str] | None = None, markup: Mapping[str, str] | None = None,
           **extras: Any) -> str:
    """The chronology as TEI P5. `texts` holds each document's text (a document without one
    is left out: TEI is the annotated text); `markup` the decoded TEI file of documents read from TEI."""
    src = source(chronology, texts=texts, **extras)
    markup = dict(markup or {})
    documents = [d for d in src.documents.values() if d["id"] in src.texts]
    if not documents:
        raise ExportError("TEI export needs the documents' texts: export from a store, or keep the "
                          "source files beside the chronology JSON")
    trees = [_document(src, d, markup.get(d["id"]), lists=len(documents) == 1) for d in documents]
    if len(trees) == 1:
        return xml.to_string(trees[0])
    corpus = xml.element("teiCorpus", ns=NS)
    julian = any(e.get(f"{{{xml.XML_NS}}}id") == "julian" for tree in trees for e in tree.iter())
    corpus.append(_header("letopis chronology", f"{len(trees)} documents", calendar=not julian))
    corpus.append(_stand_off(_entity_lists(src, {d["id"] for d in documents})))
    corpus.extend(trees)
    return xml.to_string(corpus)


@dataclass(slots=True)
class _Base:
    """A document's markup and, for each character of its text, where it is in the markup and
    in the string value of `<text>`."""

    markup: str
    offsets: list[int]
    strings: list[int]
    marked: set[tuple[int, int, str]] = field(default_factory=set)  # spans the edition marked itself
    default_tei: bool = True  # unprefixed elements are TEI elements where the text lies


def _document(src: Source, document: Record, markup: str | None, lists: bool) -> Any:
    doc_id, text = document["id"], src.texts[document["id"]]
    base = _from_tei(markup, text) if markup is not None else None
    if base is None:
        base = _skeleton(text, str(document.get("source") or doc_id), calendar=lists)
    spans = _spans(src, doc_id, text)
    inline = _inline(spans, base, text)
    root = xml.parse(_insert(base, text, inline))
    text_element = root.find(f"{{{NS}}}text")
    text_id = text_element.get(f"{{{xml.XML_NS}}}id") or f"{PREFIX}{doc_id}-text"
    text_element.set(f"{{{xml.XML_NS}}}id", text_id)
    parts = _entity_lists(src, {doc_id}) if lists else []
    parts += [_events(src, doc_id, text, base, text_id),
              _annotations([s for s in spans if s not in inline], base, text, text_id)]
    stand_off = _stand_off(parts)
    if len(stand_off):
        _place_after_text(root, stand_off)
    return root


def _from_tei(markup: str, text: str) -> _Base | None:
    """The edition's markup, when it still reads as the analysed text (else None: a new file is made)."""
    try:
        tei = read_tei(markup)
    except InputError:
        return None
    if tei.text != text:
        return None
    marked = {(m.start, m.end, m.tag) for m in tei.marked}
    return _Base(markup, tei.offsets, tei.string_offsets, marked, bool(_DEFAULT_NS.search(markup)))


def _skeleton(text: str, title: str, calendar: bool) -> _Base:
    """A new TEI document whose body holds `text`, one `<p>` per blank-line block (the
    Julian calendar declared in its header unless a corpus header declares it)."""
    head = xml.to_string(_header(title, "the text as letopis read it", calendar)).split("?>", 1)[1].strip()
    head = head.replace(f' xmlns="{NS}"', "", 1)  # declared on <TEI> already
    out = [f'<TEI xmlns="{NS}">', head, "<text><body>"]
    size = sum(map(len, out))
    offsets: list[int] = []
    cuts = [0]
    for m in re.finditer(r"\n[ \t\r]*\n\s*", text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    for n in range(0, len(cuts) - 1):
        piece = text[cuts[n]:cuts[n + 1]]
        paragraph = n % 2 == 0 and piece.strip()
        if paragraph:
            out.append("<p>")
            size += 3
        for ch in piece:
            offsets.append(size)
            written = _char(ch)
            out.append(written)
            size += len(written)
        if paragraph:
            out.append("</p>")
            size += 4
    out.append("</body></text></TEI>")
    offsets.append(size)
    return _Base("".join(out), offsets, list(range(len(text) + 1)))


def _char(ch: str) -> str:
    if ch == "\r":
        return "&#13;"
    if _NOT_XML.match(ch):
        return "\ufffd"
    return escape(ch)


def _header(title: str, about: str, calendar: bool = True) -> Any:
    header = xml.element("teiHeader", ns=NS)
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", text=title)
    _sub(_sub(file_desc, "publicationStmt"), "p", text=f"Annotated by letopis {__version__}")
    _sub(_sub(file_desc, "sourceDesc"), "p", text=about)
    application = _sub(_sub(_sub(header, "encodingDesc"), "appInfo"), "application",
                       {"ident": "letopis", "version": __version__})
    _sub(application, "label", text="letopis")
    if calendar:  # what @calendar="#julian" on letopis's dates points at
        calendars = _sub(_sub(header, "profileDesc"), "calendarDesc")
        _sub(_sub(calendars, "calendar", {"xml:id": "julian"}), "p", text="Julian calendar (Old Style)")
    return header


def _sub(parent: Any, tag: str, attributes: dict[str, str] | None = None, text: str | None = None) -> Any:
    child = xml.element(tag, attributes, text, ns=NS)
    parent.append(child)
    return child


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    tag: str
    attributes: tuple[tuple[str, str], ...]


def _spans(src: Source, doc_id: str, text: str) -> list[_Span]:
    spans: list[_Span] = []
    for entity in src.entities.values():
        if entity["type"] not in ELEMENTS:
            continue
        tag, kind, _, _ = ELEMENTS[entity["type"]]
        for m in entity.get("mentions") or []:
            if m["doc"] != doc_id or not 0 <= m["start"] < m["end"] <= len(text):
                continue
            name = m.get("form") in (None, "name", "adjective")
            attributes = {"ref": f"#{PREFIX}{entity['id']}"}
            if name and kind:
                attributes["type"] = kind
            if not name:
                attributes["type"] = entity["type"].lower()
            spans.append(_Span(m["start"], m["end"], tag if name else "rs", tuple(attributes.items())))
    for t in src.chronology.get("timexes") or []:
        if t["doc"] == doc_id and 0 <= t["start"] < t["end"] <= len(text):
            spans.append(_Span(t["start"], t["end"], "date", tuple(date_attributes(t).items())))
    spans.sort(key=lambda s: (s.start, -s.end))
    return spans


def date_attributes(timex: Record) -> dict[str, str]:
    """`@xml:id`, `@when` or `@notBefore`/`@notAfter`, `@calendar` and `@cert` of a timex's `<date>`."""
    attributes = {"xml:id": f"{PREFIX}{timex['id']}"}
    earliest, latest, value = timex.get("earliest"), timex.get("latest"), timex.get("value") or ""
    calendar = (timex.get("calendar") or {}).get("calendar")
    if timex.get("type", "DATE") in ("DATE", "TIME") and (earliest or latest):
        if earliest and earliest == latest:
            attributes["when"] = earliest
        elif _W3C.match(value) and calendar != "julian" and _whole(value, earliest, latest):
            attributes["when"] = value
        else:
            if earliest:
                attributes["notBefore"] = earliest
            if latest:
                attributes["notAfter"] = latest
    elif timex.get("type", "DATE") not in ("DATE", "TIME"):
        attributes["type"] = str(timex["type"]).lower()
        if attributes["type"] == "duration" and _DURATION.match(value):
            attributes["dur-iso"] = value
    if calendar == "julian":
        attributes["calendar"] = "#julian"
    cert = CERT.get(str(timex.get("anchor")))
    if cert and len(attributes) > 1:
        attributes["cert"] = cert
    return attributes


def _whole(value: str, earliest: str | None, latest: str | None) -> bool:
    """Whether a year or a month value spans exactly the bounds."""
    from ..ingest.tei_given import bounds

    return bounds(value, False) == (earliest, latest)


def _inline(spans: list[_Span], base: _Base, text: str) -> set[_Span]:
    """The spans that nest cleanly: within one run of the markup's text, not crossing another,
    and not marked by the edition already."""
    taken: list[_Span] = []
    for span in spans:
        if (span.start, span.end, span.tag) in base.marked:
            continue  # the edition's own element is there
            continue
        first, last = base.offsets[span.start], base.offsets[span.end - 1]
        if base.markup[first:last + 1] != text[span.start:span.end]:
            continue
        if any(t.start < span.end and span.start < t.end and not (t.start <= span.start and span.end <= t.end)
               or (t.start, t.end) == (span.start, span.end) for t in taken):
            continue
        taken.append(span)
    return set(taken)


def _tag(span: _Span, default_tei: bool) -> str:
    attributes = dict(span.attributes)
    if not default_tei:
        attributes = {"xmlns": NS, **attributes}
    rendered = "".join(f' {name}="{escape(value, {chr(34): "&quot;"})}"' for name, value in attributes.items())
    return f"<{span.tag}{rendered}>"


def _insert(base: _Base, text: str, inline: set[_Span]) -> str:
    edits: list[tuple[int, int, int, str]] = []
    for span in inline:
        edits.append((base.offsets[span.start], 1, -span.end, _tag(span, base.default_tei)))
        edits.append((base.offsets[span.end - 1] + 1, 0, -span.start, f"</{span.tag}>"))
    edits.sort()
    out, position = [], 0
    for at, _, _, piece in edits:
        out.append(base.markup[position:at])
        out.append(piece)
        position = at
    out.append(base.markup[position:])
    return "".join(out)


def _pointer(base: _Base, text_id: str, start: int, end: int) -> str:
    """TEI's pointer to the text's characters `start:end` (end > start), in the string value of `<text>`."""
    first, last = base.strings[start], base.strings[end - 1] + 1
    return f"#string-range(id('{text_id}'),{first},{last - first})"


def _stand_off(parts: list[Any]) -> Any:
    stand_off = xml.element("standOff", {"type": "letopis"}, ns=NS)
    stand_off.extend([part for part in parts if len(part)])
    xml.indent(stand_off)
    return stand_off


def _place_after_text(root: Any, stand_off: Any) -> None:
    """Append `stand_off` to the document, on a line of its own (the source's whitespace untouched)."""
    last = root[-1] if len(root) else None
    if last is not None:
        original = last.tail or ""
        stand_off.tail, last.tail = original, original if original.endswith("\n") else original + "\n"
    root.append(stand_off)


def _entity_lists(src: Source, doc_ids: set[str]) -> list[Any]:
    """`<listPerson>`, `<listPlace>`, `<listOrg>` of the entities the documents mention."""
    lists = {name: xml.element(name, ns=NS) for name in LISTS}
    for entity in src.entities.values():
        if entity["type"] not in ELEMENTS or not any(m["doc"] in doc_ids for m in entity.get("mentions") or []):
            continue
        _, kind, list_name, entry_name = ELEMENTS[entity["type"]]
        attributes = {"xml:id": f"{PREFIX}{entity['id']}"}
        ref = (entity.get("attributes") or {}).get("ref")
        if isinstance(ref, str) and ref.strip():
            attributes["corresp"] = ref.strip()
        if kind:
            attributes["type" if entry_name == "place" else "role"] = kind
        if entity["type"] == "PROFESSION":
            attributes["role"] = "profession"
        entry = _sub(lists[list_name], entry_name, attributes)
        name_tag = NAME_OF_ENTRY[entry_name]
        _sub(entry, name_tag, {"type": "normal"}, entity["name"])
        for alias in entity.get("aliases") or []:
            _sub(entry, name_tag, {"type": "alias"}, alias)
        geo = geo_of(entity)
        if geo and entry_name == "place":
            _sub(_sub(entry, "location"), "geo", text=f"{geo['lat']} {geo['lon']}")
            if geo.get("id") is not None:
                _sub(entry, "idno", {"type": str(geo.get("source") or "gazetteer")}, str(geo["id"]))
    return list(lists.values())


def _events(src: Source, doc_id: str, text: str, base: _Base, text_id: str) -> Any:
    events = xml.element("listEvent", ns=NS)
    for event in src.event_list:
        if event["doc"] != doc_id:
            continue
        time = event.get("time") or {}
        attributes = {"xml:id": f"{PREFIX}{event['id']}", "type": event["type"]}
        earliest, latest = time.get("earliest"), time.get("latest")
        if earliest and earliest == latest:
            attributes["when"] = earliest
        else:
            if earliest:
                attributes["notBefore"] = earliest
            if latest:
                attributes["notAfter"] = latest
        if (earliest or latest) and time.get("basis") in CERT:
            attributes["cert"] = CERT[time["basis"]]
        places = [f"#{PREFIX}{p}" for p in event.get("places") or [] if p in src.entities]
        if places:
            attributes["where"] = " ".join(places)
        entry = _sub(events, "event", attributes)
        trigger = event["trigger"]
        _sub(entry, "label", text=trigger["text"])
        _sub(entry, "note", {"type": "factuality"}, event["factuality"])
        for participant in event.get("participants") or []:
            if participant["entity"] in src.entities:
                _sub(entry, "ptr", {"type": participant["role"], "target": f"#{PREFIX}{participant['entity']}"})
        if time.get("timex"):
            _sub(entry, "ptr", {"type": "timex", "target": f"#{PREFIX}{time['timex']}"})
        for what, span in (("trigger", trigger), ("sentence", event.get("sentence") or {})):
            start, end = span.get("start"), span.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                _sub(entry, "ptr", {"type": what, "target": _pointer(base, text_id, start, end)})
    return events


def _annotations(spans: list[_Span], base: _Base, text: str, text_id: str) -> Any:
    """The spans not marked inline by letopis, as notes pointing at them (those the edition
    marked itself too: the note carries letopis's reading and its ids)."""
    notes = xml.element("listAnnotation", {"type": "letopis"}, ns=NS)
    for span in spans:
        note = _sub(notes, "note", {"type": span.tag, "target": _pointer(base, text_id, span.start, span.end)})
        _sub(note, span.tag, dict(span.attributes), text[span.start:span.end])
    return notes
