"""Reading TEI P5: the base text with its offset map, what the markup says, and bad input."""

from __future__ import annotations

import pytest

from letopis.errors import EmptyInput, InputError
from letopis.ingest import decode, read, read_tei
from letopis.ingest.tei_given import bounds

from tei_support import DATA

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
        '<titleStmt><title>Т</title></titleStmt><publicationStmt><p>П</p></publicationStmt>'
        '<sourceDesc><p>И</p></sourceDesc></fileDesc>{header}</teiHeader><text><body>')
TAIL = "</body></text></TEI>"


def tei(body: str, header: str = "") -> str:
    return HEAD.format(header=header) + body + TAIL


@pytest.mark.parametrize("body, text", [
    ("<p>Князь въехал в город.</p>", "Князь въехал в город."),
    # notes, apparatus readings and forme work are not base text; the lemma is
    ("<p>Князь<note>Так в рукописи.</note> въехал в город.</p>", "Князь въехал в город."),
    ("<p>Князь въехал в <app><lem>Тверь</lem><rdg>Тферь</rdg></app>.</p>", "Князь въехал в Тверь."),
    ("<p>Князь <choice><sic>вьехал</sic><corr>въехал</corr></choice> в город.</p>", "Князь въехал в город."),
    ("<fw type='header'>Лист 3</fw><p>Князь въехал в город.</p>", "Князь въехал в город."),
    # line and page breaks divide words, or join them with break="no"; a sentence stays whole
    ("<p>Князь въехал<lb/>в город.</p>", "Князь въехал в город."),
    ("<p>Князь въе<lb break='no'/>\n   хал в город.</p>", "Князь въехал в город."),
    ("<p>Князь въехал <pb n='7'/> в город.</p>", "Князь въехал в город."),
    # blocks end with breaks; entities and CDATA are read as characters
    ("<head>Глава I</head><p>Князь въехал в город.</p>", "Глава I\n\nКнязь въехал в город."),
    ("<lg><l>Первая строка</l><l>вторая строка</l></lg>", "Первая строка\nвторая строка"),
    ("<p>Соль &amp; хлеб &#x2014; <![CDATA[<дары>]]></p>", "Соль & хлеб — <дары>"),
])
def test_base_text(body, text):
    markup = tei(body)
    read = read_tei(markup)
    assert read.text == text
    assert len(read.offsets) == len(text) + 1
    for i, ch in enumerate(text):  # every character points at itself, or at what it was read from
        at = read.offsets[i]
        assert markup[at] == ch or ch.isspace() or markup[at] == "&" or markup.startswith("<![CDATA[", at - 9 - i)


@pytest.mark.parametrize("attributes, value, earliest, latest, written", [
    ('when="1380-09-08"', "1380-09-08", "1380-09-08", "1380-09-08", None),
    ('when="1380"', "1380", "1380-01-01", "1380-12-31", None),
    ('notBefore="1380-09" notAfter="1380-10"', "1380", "1380-09-01", "1380-10-31", None),
    ('notBefore="1237-12-01"', "1237-12-01", "1237-12-01", None, None),
    ('notAfter="1240"', "1240", None, "1240-12-31", None),
    # Old Style: the written day moves to the proleptic Gregorian calendar, 12 days in the 19th century
    ('when="1825-12-14" calendar="#julian"', "1825-12-26", "1825-12-26", "1825-12-26", "1825-12-14"),
    ('when-custom="1709-06-27" datingMethod="#julian"', "1709-07-08", "1709-07-08", "1709-07-08", "1709-06-27"),
    # Julian 1700 was a leap year: its February ran to 29, the Gregorian 11 March
    ('when="1700-02" calendar="#julian"', "1700-02", "1700-02-11", "1700-03-11", "1700-02"),
])
def test_dates_given_by_the_markup(attributes, value, earliest, latest, written):
    source = decode(tei(f"<p>Это случилось <date {attributes}>тогда</date>.</p>").encode("utf-8"), "d.xml")
    (timex,) = source.given.timexes
    assert source.text[timex.start:timex.end] == "тогда"
    assert (timex.value, timex.earliest, timex.latest) == (value, earliest, latest)
    assert (timex.calendar.written if timex.calendar else None) == written
    assert timex.old_style == (written is not None) and timex.anchor == "absolute"


def test_a_date_without_values_is_left_to_the_tagger():
    source = decode(tei("<p>Это случилось <date>в 1380 году</date>.</p>").encode("utf-8"), "d.xml")
    assert source.given.timexes == []


def test_names_given_by_the_markup_with_their_refs():
    source = decode(tei('<p><persName ref="#d">Дмитрий</persName> пошёл на <placeName ref="http://x/don">Дон</placeName> '
                        'с <orgName>дружиной</orgName>.</p>').encode("utf-8"), "d.xml")
    assert [(m.text, m.type, m.ref, m.source) for m in source.given.mentions] == [
        ("Дмитрий", "PERSON", "#d", "markup"), ("Дон", "LOCATION", "http://x/don", "markup"),
        ("дружиной", "ORGANIZATION", None, "markup")]


@pytest.mark.parametrize("header, dct", [
    ('<profileDesc><creation><date when="1812-10-03"/></creation></profileDesc>', "1812-10-03"),
    ('<profileDesc><creation><date when="1812-09-21" calendar="#julian"/></creation></profileDesc>', "1812-10-03"),
    ('<profileDesc><creation><date when="1812"/></creation></profileDesc>', None),  # no day to count from
    ("", None),
])
def test_document_date_from_the_header(header, dct):
    source = decode(tei("<p>Вчера пришли вести.</p>", header).encode("utf-8"), "d.xml")
    assert source.given.dct == dct


def test_publication_date_when_there_is_no_creation_date():
    markup = tei("<p>Вчера пришли вести.</p>").replace("<p>П</p></publicationStmt>",
                                                        '<date when="1901-05-02"/></publicationStmt>')
    assert decode(markup.encode("utf-8"), "d.xml").given.dct == "1901-05-02"


@pytest.mark.parametrize("kind", ["letter", "chronicle", "edition", "oldstyle"])
def test_test_files_are_read_as_tei_by_extension_and_by_content(kind, tmp_path):
    path = DATA / f"{kind}.xml"
    by_extension = read(path)
    renamed = tmp_path / f"{kind}.txt.data"
    renamed.write_bytes(path.read_bytes())
    assert by_extension.format == read(renamed).format == "tei"
    assert by_extension.text == read(renamed).text


def test_edition_reads_the_lemma_without_notes_and_across_page_breaks():
    text = read(DATA / "edition.xml").text
    assert "Новгород к Москве, а вечевой колокол увезли в столицу." in text
    assert "Новъгородъ" not in text and "приписка" not in text and "\n" not in text


@pytest.mark.parametrize("content, error, words", [
    ('<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Князь</body></text></TEI>',
     InputError, "not well-formed XML at line 1"),
    ('<?xml version="1.0"?><chronicle><entry>Князь въехал.</entry></chronicle>', InputError, "not a TEI P5 document"),
    ('<?xml version="1.0"?><TEI><text><body><p>Князь въехал.</p></body></text></TEI>', InputError, "no namespace"),
    (tei("<p><note>Только примечание.</note></p>"), EmptyInput, "has no base text"),
    (tei("<p>&nbsp;</p>"), InputError, "Entity 'nbsp' not defined"),
])
def test_bad_tei_is_refused_with_one_line(tmp_path, content, error, words):
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as raised:
        read(path)
    assert words in str(raised.value) and "\n" not in str(raised.value) and str(path) in str(raised.value)


def test_julian_bounds_of_a_year():
    assert bounds("1700", True) == ("1700-01-11", "1701-01-11")


@pytest.mark.parametrize("kind", ["letter", "chronicle", "edition", "oldstyle"])
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_string_offsets_point_into_the_string_value_of_text(kind, line_end):
    """What TEI's string-range() counts: the characters of <text> as an XML parser reads them."""
    from lxml import etree

    markup = (DATA / f"{kind}.xml").read_text(encoding="utf-8").replace("\n", line_end)
    read = read_tei(markup)
    root = etree.fromstring(markup.encode("utf-8"))
    value = "".join(root.find("{http://www.tei-c.org/ns/1.0}text").itertext())
    assert len(read.string_offsets) == len(read.text) + 1 and read.string_offsets[-1] == len(value)
    for i, ch in enumerate(read.text):
        if not ch.isspace():
            assert value[read.string_offsets[i]] == ch
