"""A `<meta charset>` is a claim, not a fact (issue 22, severe 4 and the input defects):
non-text codecs are ignored, a lying Cyrillic declaration is overruled, and a file mixing
UTF-8 with cp1251 is read piece by piece, each time with a warning."""

import pytest

from letopis.cli import EXIT_OK, main
from letopis.ingest import decode
from letopis.ingest.encodings import is_text_codec

BODY = "Летом 1709 года под Полтавой русская армия разбила шведов. Король Карл бежал к туркам."


def page(charset: str, body: str = BODY, codec: str = "cp1251") -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>'.encode(codec)


@pytest.mark.parametrize("charset", ["base64", "hex", "rot13", "rot_13", "zip", "zlib", "bz2", "quopri", "uu",
                                     "undefined", "utf-16", "utf-32-le", "no-such-codec"])
def test_meta_naming_no_text_codec_falls_back_to_detection(charset):
    source = decode(page(charset), "page.html")
    assert (source.encoding, source.text) == ("cp1251", BODY)


@pytest.mark.parametrize("charset", ["base64", "rot13", "zip", "undefined"])
def test_meta_naming_a_non_text_codec_is_warned_about(charset):
    source = decode(page(charset), "page.html")
    assert any("not a text encoding" in w for w in source.warnings)


@pytest.mark.parametrize("label, name", [
    ("windows-1251", "cp1251"), ("KOI8-R", "koi8-r"), ("latin-1", "iso8859-1"),
    ("base64", None), ("hex", None), ("rot13", None), ("bz2", None), ("undefined", None), ("utf-16", None),
])
def test_text_codecs(label, name):
    assert is_text_codec(label) == name


def test_lying_koi8r_meta_on_cp1251_bytes_is_overruled_with_a_warning():
    source = decode(page("koi8-r"), "page.html")
    assert (source.encoding, source.text) == ("cp1251", BODY)
    assert any("says koi8-r" in w and "cp1251" in w for w in source.warnings)


@pytest.mark.parametrize("truth", ["koi8-r", "cp866", "mac-cyrillic", "cp1251"])
def test_true_declaration_is_kept_without_a_warning(truth):
    source = decode(page(truth, codec=truth), "page.html")
    assert (source.encoding, source.text, source.warnings) == (truth, BODY, [])


def test_a_short_title_does_not_overrule_its_declaration():
    raw = b'<html><head><meta charset="cp866"></head><body><h1>' + "Петр".encode("cp866") + b"</h1></body></html>"
    assert decode(raw, "page.html").encoding == "cp866"


def test_mixed_utf8_and_cp1251_lines_are_each_read_right():
    first = "Весной 1703 года на Заячьем острове заложили крепость.\n"
    second = "Через девять лет туда перенесли столицу из Москвы.\n"
    source = decode(first.encode("utf-8") + second.encode("cp1251"), "mixed.txt")
    assert source.text == first + second
    assert source.encoding == "utf-8+cp1251"
    assert any("mixes UTF-8 with cp1251" in w for w in source.warnings)


def test_cp1251_alone_is_not_taken_for_a_mix():
    source = decode(BODY.encode("cp1251"), "plain.txt")
    assert (source.encoding, source.warnings) == ("cp1251", [])


@pytest.mark.parametrize("charset", ["base64", "zip", "koi8-r"])
def test_extract_keeps_the_batch_and_prints_the_warning(capsys, tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(page(charset))
    code = main(["extract", str(path), "-q"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK and "Traceback" not in err
    assert "Полтав" in out and "letopis: warning:" in err


def test_ingest_stores_a_page_with_a_non_text_meta(capsys, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(page("rot13"))
    code = main(["ingest", str(path), "--db", str(tmp_path / "c.db"), "-j", "1", "-q"])
    _, err = capsys.readouterr()
    assert code == EXIT_OK and "Traceback" not in err


# Found by the fuzzing suite (tests/fuzz), each kept here by name.

def test_fuzz_finding_mac_cyrillic_declared_on_cp1251_bytes():
    """Close code pages differ in a few letters only: «¬есной», «дев€ть» gave the lie away."""
    source = decode(page("maccyrillic"), "page.html")
    assert (source.encoding, source.text) == ("cp1251", BODY)


def test_fuzz_finding_cp1251_declared_on_mac_cyrillic_bytes():
    source = decode(page("cp1251", codec="mac-cyrillic"), "page.html")
    assert (source.encoding, source.text) == ("mac-cyrillic", BODY)


def test_fuzz_finding_unicode_escape_declared_on_a_backslash():
    """A text codec that fails on the page (a lone backslash) falls back to detection."""
    raw = b'<html><head><meta charset="unicode_escape"></head><body><p>' + BODY.encode("cp1251") + b"\\</p></body></html>"
    source = decode(raw, "page.html")
    assert source.text == BODY + "\\"


def test_fuzz_finding_cp866_bytes_that_are_valid_utf8_in_a_mix():
    """cp866 «тал» (E2 A0 AB) is valid UTF-8 («⠫»): each line goes to the reading that is Russian."""
    first = "Весной 1703 года на Заячьем острове заложили крепость.\n"
    second = "Петербург стал столицей.\n"
    source = decode(first.encode("utf-8") + second.encode("cp866"), "mixed.txt")
    assert source.text == first + second


def test_fuzz_finding_capital_after_lowercase_at_the_end_keeps_cp1251():
    """Letter pairs must not outvote the letters between two close code pages (cp1251, mac-cyrillic)."""
    text = BODY + " аА"
    assert decode(text.encode("cp1251"), "plain.txt").text == text
