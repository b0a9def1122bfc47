"""TEI in, letopis, TEI out: the edition's markup used, the output valid against tei_all, and
nothing of the edition lost on the way."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from lxml import etree

from letopis.cli import EXIT_SOME_FAILED, main
from letopis.export.tei import date_attributes
from letopis.ingest import read, read_tei

from tei_support import DATA, KINDS

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize("timex, attributes", [
    ({"value": "1552-10-12", "earliest": "1552-10-12", "latest": "1552-10-12", "anchor": "absolute"},
     {"when": "1552-10-12", "cert": "high"}),
    ({"value": "1552", "earliest": "1552-01-01", "latest": "1552-12-31", "anchor": "absolute"},
     {"when": "1552", "cert": "high"}),
    # a year read on the Julian calendar is no Gregorian year: its bounds are given instead
    ({"value": "1552", "earliest": "1552-01-11", "latest": "1553-01-10", "anchor": "absolute",
      "calendar": {"calendar": "julian", "written": "1552", "basis": "convention"}},
     {"notBefore": "1552-01-11", "notAfter": "1553-01-10", "calendar": "#julian", "cert": "high"}),
    ({"value": "XXXX-XX-XX", "earliest": None, "latest": "1552-10-01", "anchor": "relative"},
     {"notAfter": "1552-10-01", "cert": "medium"}),
    ({"value": "P6W", "type": "DURATION", "anchor": "absolute"}, {"type": "duration", "dur-iso": "P6W", "cert": "high"}),
    ({"value": "PXW", "type": "DURATION", "anchor": "absolute"}, {"type": "duration", "cert": "high"}),
    ({"value": "XXXX-XX-XX", "type": "DATE", "anchor": "relative"}, {}),  # nothing known: no bounds, no certainty
])
def test_date_attributes(timex, attributes):
    assert date_attributes({"id": "d1.t1", **timex}) == {"xml:id": "lt-d1.t1", **attributes}


def _by_source(chronology: dict, kind: str) -> str:
    return next(d["id"] for d in chronology["documents"] if d["source"].endswith(f"{kind}.xml"))


def _timexes(chronology: dict, kind: str) -> dict[str, dict]:
    doc = _by_source(chronology, kind)
    return {t["text"]: t for t in chronology["timexes"] if t["doc"] == doc}


def _entity(chronology: dict, ref: str) -> dict:
    (found,) = [e for e in chronology["entities"] if e["attributes"].get("ref") == ref]
    return found


def test_letter_dates_yesterday_from_its_header(tei_chronology):
    _, chronology = tei_chronology
    yesterday = _timexes(chronology, "letter")["Вчера"]
    assert (yesterday["earliest"], yesterday["anchor"]) == ("1812-10-02", "document")
    assert [m["text"] for m in _entity(chronology, "#kutuzov")["mentions"]] == ["Кутузов"]


def test_chronicle_range_bounds_the_events_in_its_sentence(tei_chronology):
    _, chronology = tei_chronology
    given = _timexes(chronology, "chronicle")["В конце того года"]
    assert (given["earliest"], given["latest"], given["rule"]) == ("1237-12-01", "1237-12-31", "tei_date")
    siege = next(e for e in chronology["events"] if e["trigger"]["text"] == "осадило")
    assert (siege["time"]["earliest"], siege["time"]["latest"], siege["time"]["timex"]) == ("1237-12-01", "1237-12-31", given["id"])
    assert _entity(chronology, "#ryazan")["id"] in siege["places"]


def test_edition_keeps_the_lemma_and_its_year(tei_chronology):
    _, chronology = tei_chronology
    assert _timexes(chronology, "edition")["1478 году"]["earliest"] == "1478-01-01"
    assert _entity(chronology, "#novgorod")["name"] == "Новгород"


def test_old_style_date_is_converted_and_keeps_what_was_written(tei_chronology):
    _, chronology = tei_chronology
    date = _timexes(chronology, "oldstyle")["14 декабря 1825 года"]
    assert date["earliest"] == date["latest"] == "1825-12-26"
    assert date["calendar"] == {"calendar": "julian", "written": "1825-12-14", "basis": "old-style mark"}


def test_different_refs_are_different_people_across_documents(tei_chronology):
    _, chronology = tei_chronology
    assert _entity(chronology, "#nikolai")["id"] != _entity(chronology, "#nicholas1")["id"]


def test_one_name_with_two_refs_is_two_people_in_one_document():
    import letopis
    from letopis.ingest import decode

    markup = (DATA / "letter.xml").read_text(encoding="utf-8").replace(
        "</placeName>.</p>", '</placeName>. Потом <persName ref="#nikolai-uncle">Николай</persName> уехал в полк.</p>')
    source = decode(markup.encode("utf-8"), "letter.xml")
    doc = letopis.analyse(source.text, given=source.given)
    named = {m.ref: m.entity for m in doc.mentions if m.text == "Николай"}
    assert set(named) == {"#nikolai", "#nikolai-uncle"} and named["#nikolai"] != named["#nikolai-uncle"]


@pytest.fixture(scope="module")
def tei_outputs(tei_files, tmp_path_factory) -> dict[str, str]:
    """`letopis extract FILE --format tei` of each test file."""
    folder = tmp_path_factory.mktemp("tei-out")
    out = {}
    for kind, path in tei_files.items():
        target = folder / f"{kind}.tei.xml"
        assert main(["extract", str(path), "-q", "-j", "1", "-f", "tei", "-o", str(target)]) == 0
        out[kind] = target.read_text(encoding="utf-8")
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_test_files_are_valid_tei(tei_schema, kind):
    assert tei_schema.errors((DATA / f"{kind}.xml").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("kind", KINDS)
def test_extract_tei_validates_against_tei_all(tei_outputs, tei_schema, kind):
    assert tei_schema.errors(tei_outputs[kind]) == []


def _without_letopis(root):
    """The tree with everything letopis added taken out again: its standOff, its xml:id on
    <text>, and its inline elements (their text and children kept in place)."""
    root = copy.deepcopy(root)
    for stand_off in root.findall(f"{TEI}standOff[@type='letopis']"):
        previous = stand_off.getprevious()
        if previous is not None:
            previous.tail = stand_off.tail
        root.remove(stand_off)
    text = root.find(f"{TEI}text")
    if text.get(XML_ID, "").startswith("lt-"):
        del text.attrib[XML_ID]
    ours = [e for e in root.iter() if e.get(XML_ID, "").startswith("lt-") or e.get("ref", "").startswith("#lt-")]
    for element in reversed(ours):  # innermost first
        parent, index = element.getparent(), element.getparent().index(element)
        before = element.getprevious()
        joined = (element.text or "")
        if before is not None:
            before.tail = (before.tail or "") + joined
        else:
            parent.text = (parent.text or "") + joined
        for child in reversed(list(element)):
            parent.insert(index, child)
        last = parent[index + len(element) - 1] if len(element) else before
        if last is not None:
            last.tail = (last.tail or "") + (element.tail or "")
        else:
            parent.text = (parent.text or "") + (element.tail or "")
        parent.remove(element)
    return root


@pytest.mark.parametrize("kind", KINDS)
def test_round_trip_keeps_every_character_and_every_element(tei_outputs, kind):
    original = (DATA / f"{kind}.xml").read_text(encoding="utf-8")
    out = tei_outputs[kind]
    assert read_tei(out).text == read_tei(original).text == read(DATA / f"{kind}.xml").text
    before = etree.fromstring(original.encode("utf-8"))
    after = etree.fromstring(out.encode("utf-8"))
    for child in before:
        child.tail = None
    stripped = _without_letopis(after)
    for child in stripped:
        child.tail = None
    assert etree.tostring(stripped, method="c14n") == etree.tostring(before, method="c14n")


def test_letopis_marks_inline_what_the_edition_did_not(tei_outputs):
    root = etree.fromstring(tei_outputs["letter"].encode("utf-8"))
    paragraph = root.find(f".//{TEI}body//{TEI}p")
    yesterday = paragraph.find(f"{TEI}date")
    assert (yesterday.text, yesterday.get("when"), yesterday.get("cert")) == ("Вчера", "1812-10-02", "medium")
    # the edition's own name stays as it was, linked from letopis's list instead
    kutuzov = paragraph.find(f"{TEI}persName")
    assert (kutuzov.text, kutuzov.get("ref")) == ("Кутузов", "#kutuzov")
    person = root.find(f".//{TEI}listPerson/{TEI}person[@corresp='#kutuzov']")
    assert person is not None and person.findtext(f"{TEI}persName") == "Кутузов"


def test_output_lists_entities_and_events_by_reference(tei_outputs):
    root = etree.fromstring(tei_outputs["chronicle"].encode("utf-8"))
    ids = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    ryazan = root.find(f".//{TEI}listPlace/{TEI}place[@corresp='#ryazan']")
    assert ryazan is not None and ryazan.findtext(f"{TEI}placeName") == "Рязань"
    siege = next(e for e in root.iter(f"{TEI}event") if e.findtext(f"{TEI}label") == "осадило")
    assert (siege.get("notBefore"), siege.get("notAfter")) == ("1237-12-01", "1237-12-31")
    assert siege.findtext(f"{TEI}note[@type='factuality']") == "actual"
    assert f"#{ryazan.get(XML_ID)}" in siege.get("where").split()
    for pointer in siege.iter(f"{TEI}ptr"):
        target = pointer.get("target")
        assert target.startswith("#string-range(") or target[1:] in ids, target
    sentence = siege.find(f"{TEI}ptr[@type='sentence']").get("target")
    text_id, start, length = sentence[len("#string-range(id('"):-1].replace("')", "").split(",")
    string_value = "".join(root.find(f"{TEI}text[@{{http://www.w3.org/XML/1998/namespace}}id='{text_id}']").itertext())
    assert "осадило" in string_value[int(start):int(start) + int(length)]


def test_old_style_output_date_keeps_the_calendar_and_gregorian_bounds(tei_outputs):
    root = etree.fromstring(tei_outputs["oldstyle"].encode("utf-8"))
    dates = [d for d in root.iter(f"{TEI}date") if d.get(XML_ID, "").startswith("lt-")]
    (date,) = [d for d in dates if d.text == "14 декабря 1825 года"]
    assert (date.get("when"), date.get("calendar"), date.get("cert")) == ("1825-12-26", "#julian", "high")


def test_export_from_json_finds_the_tei_sources_and_builds_a_corpus(tei_chronology, tei_schema, tmp_path):
    path, chronology = tei_chronology
    target = tmp_path / "corpus.xml"
    assert main(["export", "--from-json", str(path), "-f", "tei", "-o", str(target)]) == 0
    out = target.read_text(encoding="utf-8")
    assert tei_schema.errors(out) == []
    root = etree.fromstring(out.encode("utf-8"))
    assert root.tag == f"{TEI}teiCorpus" and len(root.findall(f"{TEI}TEI")) == len(KINDS)
    # the edition's apparatus is still there, the reading and the note included
    assert "Новъгородъ" in out and "приписка позднейшей рукой" in out
    assert len(root.findall(f"{TEI}standOff/{TEI}listPerson/{TEI}person")) >= 5


def test_plain_text_becomes_a_new_valid_tei_with_the_text_unchanged(tmp_path, tei_schema):
    text = ("Осада Казани\r\n\r\nВ 1552 году войско Ивана Грозного осадило Казань & взяло её 2 октября.\n"
            "Осада длилась шесть недель. Вслед за тем к Москве отошло всё Среднее Поволжье.\n")
    source = tmp_path / "kazan.txt"
    source.write_bytes(text.encode("utf-8"))
    target = tmp_path / "kazan.xml"
    assert main(["extract", str(source), "-q", "-j", "1", "-f", "tei", "-o", str(target)]) == 0
    out = target.read_text(encoding="utf-8")
    assert tei_schema.errors(out) == []
    root = etree.fromstring(out.encode("utf-8"))
    assert "".join(root.find(f"{TEI}text").itertext()) == text
    # a Russian date before 1918 is Old Style by the convention: Gregorian @when, Julian content
    assert any((d.text, d.get("when"), d.get("calendar")) == ("2 октября", "1552-10-12", "#julian")
               for d in root.iter(f"{TEI}date"))
    assert any(d.get("dur-iso") == "P6W" for d in root.iter(f"{TEI}date"))


def test_a_bad_file_is_reported_and_the_batch_goes_on(tei_files, tmp_path, capsys):
    bad = {
        "broken.xml": '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>Князь</text></TEI>',
        "other.xml": '<?xml version="1.0"?><letters><letter>Князь въехал в город.</letter></letters>',
        "hollow.xml": (DATA / "letter.xml").read_text(encoding="utf-8").replace(
            "<body>", "<body><!--").replace("</body>", "--></body>"),
        "huge.xml": (DATA / "letter.xml").read_text(encoding="utf-8").replace(
            "</body>", "<p>" + "Долгий рассказ о походе. " * 2000 + "</p></body>"),
    }
    for name, content in bad.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    target = tmp_path / "out.xml"
    code = main(["extract", str(tei_files["chronicle"]), *(str(tmp_path / n) for n in bad), "-q", "-j", "1",
                 "--max-size", "0.02", "-f", "tei", "-o", str(target)])
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("letopis: error:")]
    assert code == EXIT_SOME_FAILED and len(errors) == len(bad)
    assert "not well-formed XML" in errors[0] and "not a TEI P5 document" in errors[1]
    assert "no base text" in errors[2] and "over the" in errors[3]
    assert etree.fromstring(target.read_bytes()).tag == f"{TEI}TEI"


def test_export_from_a_store_keeps_the_edition(tei_files, tei_schema, tmp_path):
    db, target = tmp_path / "corpus.db", tmp_path / "edition.tei.xml"
    assert main(["ingest", str(tei_files["edition"]), "--db", str(db), "-q", "-j", "1"]) == 0
    assert main(["export", "--db", str(db), "-f", "tei", "-o", str(target)]) == 0
    out = target.read_text(encoding="utf-8")
    assert tei_schema.errors(out) == []
    assert '<rdg wit="#B">Новъгородъ</rdg>' in out and '<pb n="2"/>' in out
    assert read_tei(out).text == read(tei_files["edition"]).text
