"""Fuzzing the decoder and the HTML reader: any bytes, any declared charset, give a `Source`
or an `InputError`, never another exception; what is given back is consistent."""

from __future__ import annotations

import codecs
import encodings.aliases
import hashlib

from hypothesis import example, given, strategies as st

from letopis.errors import InputError
from letopis.ingest import decode, html_to_text

CODEC_NAMES = sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
                     | {"base64", "hex", "rot13", "zip", "bz2", "undefined", "utf-8", "cp1251", "koi8-r", "x-user-defined",
                        "unicode", "utf-7", "idna", "punycode", "raw_unicode_escape", "unicode_escape", "mbcs"})
RUSSIAN = "Весной 1703 года на острове заложили крепость, а через девять лет туда перенесли столицу. "


def _check(source, data: bytes) -> None:
    assert isinstance(source.text, str) and source.text.strip()
    source.text.encode("utf-8")  # no lone surrogate reaches the analysis
    assert source.sha256 == hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    if source.source_offsets is not None:
        assert len(source.source_offsets) == len(source.text) + 1
        assert all(0 <= o for o in source.source_offsets)
    assert all(isinstance(w, str) and "\n" not in w for w in source.warnings)


def _decode(data: bytes, format: str | None = None):
    try:
        source = decode(data, "fuzz", format=format)
    except InputError:
        return None
    _check(source, data)
    return source


@given(st.binary(max_size=2048), st.sampled_from([None, "text", "markdown", "html"]))
def test_any_bytes(data, format):
    _decode(data, format)


@given(st.sampled_from(CODEC_NAMES), st.binary(max_size=512), st.sampled_from(["cp1251", "koi8-r", "utf-8", "cp866"]))
@example("base64", b"", "cp1251")  # issue 22: LookupError from non-text codecs
@example("rot13", b"", "cp1251")
@example("undefined", b"", "cp1251")
@example("zip", b"", "koi8-r")
@example("unicode_escape", b"\\", "cp1251")  # found by this test: a text codec that fails on the page
def test_any_declared_charset(charset, noise, codec):
    page = (f'<html><head><meta charset="{charset}"></head><body><p>'.encode("ascii")
            + RUSSIAN.encode(codec) + noise + b"</p></body></html>")
    source = _decode(page)
    if source is not None and not noise and codec in ("cp1251", "koi8-r", "cp866"):
        assert RUSSIAN.strip() in source.text, (charset, source.encoding)


PIECES = list("<>/=\"'&#;!-pbrdivscrilemta xh\nЖж") + ["&amp;", "&#x41;", "&#0;", "&#xD800;", "<br>", "<p>", "</p>",
                                                        "<script>", "</script>", "<pre>", "</pre>", "<!--", "-->"]


@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
def test_html_to_text_maps_every_character(markup):
    text, offsets = html_to_text(markup)
    assert len(offsets) == len(text) + 1
    assert all(0 <= o <= len(markup) for o in offsets)


@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ .,", min_size=1, max_size=40),
       st.sampled_from(["cp1251", "koi8-r", "cp866", "mac-cyrillic"]))
@example("аЮаЮ", "cp1251")  # found by the long profile: odd capitals outweighed «¬есной» of mac-cyrillic
def test_russian_in_a_code_page_reads_back(words, codec):
    text = RUSSIAN + words
    source = _decode(text.encode(codec), "text")
    assert source is not None and source.text == text, source and source.encoding


@given(st.sampled_from(["cp1251", "koi8-r", "cp866"]), st.integers(1, 4))
def test_utf8_mixed_with_a_code_page_reads_back(codec, repeat):
    first, second = RUSSIAN * repeat + "\n", "Петербург стал столицей.\n" * repeat
    source = _decode(first.encode("utf-8") + second.encode(codec), "text")
    assert source is not None and source.text == first + second
