"""Ingest: encodings, formats, HTML visible text with its offset map, and clean input errors."""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import random
import sys
from types import SimpleNamespace

import pytest

from letopis.errors import (BinaryInput, EmptyInput, InputError, InputTooLarge, UndecodableInput,
                            UnreadableInput)
from letopis.ingest import DEFAULT_MAX_BYTES, decode, html_to_text, read

PARIS = ("Восстание в Париже началось 19 августа 1944 года.\r\n"
         "Немецкий гарнизон капитулировал 25 августа; генерал фон Хольтиц подписал акт о сдаче.\n")
NOVGOROD = "В 1478 году Иван III присоединил Новгород к Москве, и вечевой колокол увезли в столицу."
ROME = "Мартовские иды: Гай Юлий Цезарь убит в сенате заговорщиками во главе с Брутом и Кассием."
KULIKOVO = "Куликовская битва произошла 8 сентября 1380 года у впадения Непрядвы в Дон."


@pytest.mark.parametrize("text, raw, encoding", [
    (PARIS, PARIS.encode("utf-8"), "utf-8"),
    (PARIS, codecs.BOM_UTF8 + PARIS.encode("utf-8"), "utf-8-sig"),
    (PARIS, PARIS.encode("cp1251"), "cp1251"),
    (PARIS, PARIS.encode("koi8-r"), "koi8-r"),
    (PARIS, PARIS.encode("cp866"), "cp866"),
    (NOVGOROD, NOVGOROD.encode("cp1251"), "cp1251"),
    (NOVGOROD, NOVGOROD.encode("koi8-r"), "koi8-r"),
    (NOVGOROD, NOVGOROD.encode("mac-cyrillic"), "mac-cyrillic"),
    (KULIKOVO, KULIKOVO.encode("koi8-r"), "koi8-r"),
    (ROME, ROME.encode("cp1251"), "cp1251"),
    ("Москва", "Москва".encode("cp1251"), "cp1251"),
    ("Москва", "Москва".encode("koi8-r"), "koi8-r"),
    ("ВОЙНА И МИР", "ВОЙНА И МИР".encode("cp1251"), "cp1251"),
    (PARIS, codecs.BOM_UTF16_LE + PARIS.encode("utf-16-le"), "utf-16-le"),
    (PARIS, codecs.BOM_UTF16_BE + PARIS.encode("utf-16-be"), "utf-16-be"),
    (PARIS, PARIS.encode("utf-16-le"), "utf-16-le"),
    (PARIS, PARIS.encode("utf-16-be"), "utf-16-be"),
    (ROME, ROME.encode("utf-16-le"), "utf-16-le"),
    ("🏛 Рим 🗡 " * 50, ("🏛 Рим 🗡 " * 50).encode("utf-16-be"), "utf-16-be"),  # astral symbols
    (PARIS, codecs.BOM_UTF32_LE + PARIS.encode("utf-32-le"), "utf-32-le"),
    (PARIS, PARIS.encode("utf-32-be"), "utf-32-be"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 15 else None)
def test_encoding_detected_and_text_kept_exactly(tmp_path, text, raw, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    src = read(path)
    assert src.encoding == encoding
    assert src.text == text  # \r\n kept, no BOM, nothing normalised
    assert src.format == "text"
    assert src.source_offsets is None
    assert src.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert src.name == str(path)


@pytest.mark.parametrize("filename, format", [
    ("хроника.txt", "text"),
    ("notes.md", "markdown"),
    ("notes.MARKDOWN", "markdown"),
    ("no-extension", "text"),
])
def test_text_and_markdown_kept_as_read(tmp_path, filename, format):
    body = "# Париж, 1944\r\n\r\n*Восстание* началось 19 августа 1944 года.\n"
    path = tmp_path / filename
    path.write_bytes(body.encode("utf-8"))
    src = read(path)
    assert (src.format, src.text) == (format, body)


def test_every_encoding_of_the_bundled_example_decodes_back():
    path = os.path.join(os.path.dirname(__file__), "..", "examples", "paris-1944.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for codec in ("cp1251", "koi8-r", "cp866", "mac-cyrillic"):
        raw = text.encode(codec, "replace")  # koi8-r has no «»: they become "?"
        src = decode(raw, "paris-1944.txt")
        assert (src.encoding, src.text) == (codec, raw.decode(codec))


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>Освобождение Парижа — Википедия</title>
  <style>p { color: red } /* Восстание */</style>
  <script>var s = "<p>Скрипт: немцы вошли</p>"; if (a < b && c > d) {}</script>
</head>
<body>
  <h1>Освобождение   Парижа</h1>
  <p>Восстание &laquo;началось&raquo; 19&nbsp;августа 1944&#160;года,
     а 25 августа гарнизон капитулировал &amp; сдался.<br>Генерал фон Хольтиц подписал акт.</p>
  <noscript>Включите JavaScript</noscript>
  <template><p>Шаблон</p></template>
  <svg><text>Подпись к рисунку</text></svg>
  <ul><li>Бидо</li><li>Роль-Танги</li></ul>
  <div>Де Голль <b>вошёл</b> в город.</div>
</body>
</html>
"""

PAGE_TEXT = ("Освобождение Парижа\n\n"
             "Восстание «началось» 19\xa0августа 1944\xa0года, а 25 августа гарнизон капитулировал & сдался.\n"
             "Генерал фон Хольтиц подписал акт.\n\n"
             "Бидо\nРоль-Танги\n\n"
             "Де Голль вошёл в город.")


@pytest.mark.parametrize("filename, raw", [
    ("paris.html", PAGE.encode("utf-8")),
    ("paris.htm", PAGE.encode("utf-8")),
    ("paris.txt.unknown", PAGE.encode("utf-8")),  # sniffed by its doctype
    ("paris.html", PAGE.replace('charset="utf-8"', 'charset="windows-1251"').encode("cp1251")),
    ("paris.html", PAGE.replace('charset="utf-8"', 'charset="koi8-r"').encode("koi8-r", "replace")),  # "—" lost
    ("paris.html", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le")),
])
def test_html_visible_text(tmp_path, filename, raw):
    path = tmp_path / filename
    path.write_bytes(raw)
    src = read(path)
    markup = raw.decode(src.encoding) if not raw.startswith(codecs.BOM_UTF16_LE) else raw[2:].decode("utf-16-le")
    assert src.format == "html"
    assert src.text == PAGE_TEXT
    for hidden in ("Скрипт", "немцы вошли", "color", "Википедия", "JavaScript", "Шаблон", "Подпись"):
        assert hidden not in src.text
    # the offset map: every letter points at the same letter in the markup
    assert len(src.source_offsets) == len(src.text) + 1
    assert src.source_offsets[-1] == len(markup)
    assert src.source_offsets == sorted(src.source_offsets)
    letters = [i for i, ch in enumerate(src.text) if ch.isalpha()]
    assert letters and all(markup[src.source_offsets[i]] == src.text[i] for i in letters)
    # an entity maps to its "&"
    i = src.text.index("«")
    assert markup.startswith("&laquo;", src.source_offsets[i])


@pytest.mark.parametrize("markup, text", [
    ("<p>Иван   Грозный\n\tвзял <i>Казань</i></p>", "Иван Грозный взял Казань"),
    ("<p>Первый абзац.</p><p>Второй абзац.</p>", "Первый абзац.\n\nВторой абзац."),
    ("<div>Строка</div><div>Строка два</div>", "Строка\nСтрока два"),
    ("Смута <br> кончилась", "Смута\nкончилась"),
    ("<pre>  1612\n  Минин</pre>", "  1612\n  Минин"),
    ("<table><tr><td>1380</td><td>Куликово</td></tr></table>", "1380 Куликово"),
    ("<p>&#1052;&#x43E;сква &lt;столица&gt; &copy; &unknown;</p>", "Москва <столица> © &unknown;"),
    ("<!-- комментарий --><p>Текст<![CDATA[ скрыто ]]></p>", "Текст"),
    ("<script>document.write('<p>Полтава</p>')</script><p>Нарва</p>", "Нарва"),
    ("<html><head><title>Заголовок</title><body><p>Тело</p>", "Тело"),  # head left open
])
def test_html_rules(markup, text):
    out, offsets = html_to_text(markup)
    assert out == text
    assert len(offsets) == len(out) + 1


def test_html_script_never_leaks_even_with_tricky_content():
    markup = "<p>До</p><script>if (x < 1) { s = '</p><p>Утечка'; }</script><p>После</p>"
    out, _ = html_to_text(markup)
    assert out == "До\n\nПосле"


@pytest.mark.parametrize("codec", ["mac-cyrillic", "cp866", "koi8-r", "cp1251"])
def test_html_meta_charset_is_respected(codec):
    # capitals alone are the same bytes in mac-cyrillic and cp866; only the declaration decides
    raw = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={codec}"></head>'.encode()
    src = decode(raw + "<body><h1>ВОЙНА И МИР</h1>".encode(codec), "page.html")
    assert (src.encoding, src.text) == (codec, "ВОЙНА И МИР")


def test_html_with_meta_cp1251_but_really_utf8():
    raw = '<html><head><meta charset="windows-1251"></head><body>Полтавская битва</body></html>'.encode("utf-8")
    src = decode(raw, "page.html")
    assert (src.encoding, src.text) == ("utf-8", "Полтавская битва")


def test_explicit_format_overrides_extension(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<p>Бородинское &amp; сражение</p>", encoding="utf-8")
    assert read(path).text == "<p>Бородинское &amp; сражение</p>"
    assert read(path, format="html").text == "Бородинское & сражение"


# --- errors -----------------------------------------------------------------------------------

_rng = random.Random(1944)
RANDOM = bytes(_rng.randrange(256) for _ in range(4096))
RANDOM_NO_NUL = bytes(_rng.randrange(1, 256) for _ in range(4096))


@pytest.mark.parametrize("raw, error, words", [
    (b"", EmptyInput, "empty"),
    (b" \r\n\t  \n", EmptyInput, "whitespace"),
    ("\ufeff  \n".encode("utf-8"), EmptyInput, "whitespace"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryInput, "looks like a PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", BinaryInput, "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "PNG"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", BinaryInput, "gzip"),
    (RANDOM, BinaryInput, "binary"),
    (RANDOM_NO_NUL, BinaryInput, "binary"),
    (b"\x01\x02\x03\x04\x05\x06\x07 text " * 50, BinaryInput, "control characters"),
    ("Восстание".encode("utf-8") + b"\x00\x00\x00\x07\x00", BinaryInput, "NUL"),
    (bytes(range(0x80, 0x100)) * 4, UndecodableInput, "UTF-8"),
    ("Café crème brûlée à la française".encode("latin-1"), UndecodableInput, "re-save"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", UndecodableInput, "byte-order mark"),
])
def test_bad_input_raises_a_clear_error(tmp_path, raw, error, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    with pytest.raises(error) as info:
        read(path)
    message = str(info.value)
    assert isinstance(info.value, InputError)
    assert str(path) in message and words in message
    assert "\n" not in message


def test_html_without_visible_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><head><title>Title</title></head><body><script>alert(1)</script></body></html>")
    with pytest.raises(EmptyInput, match=r"page\.html: the HTML has no visible text"):
        read(path)


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(PARIS.encode("utf-8") * 100)
    with pytest.raises(InputTooLarge, match=r"big\.txt.*--max-size"):
        read(path, max_bytes=1000)
    assert read(path, max_bytes=100_000).text == PARIS * 100


def test_too_large_bytes_and_default_limit():
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    with pytest.raises(InputTooLarge, match="max-size"):
        decode(b"x" * 11, "x.txt", max_bytes=10)


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableInput, match="no such file"):
        read(tmp_path / "нет-такого.txt")


def test_directory(tmp_path):
    with pytest.raises(UnreadableInput, match="directory"):
        read(tmp_path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(PARIS, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(UnreadableInput, match="permission denied"):
        read(path)


def test_unknown_format_name():
    with pytest.raises(InputError, match="unknown format 'pdf'"):
        decode(PARIS.encode(), "x", format="pdf")


def test_batch_continues_after_bad_files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(NOVGOROD, encoding="cp1251")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    names = ["empty.txt", "missing.txt", "scan.pdf", "good.txt"]
    done, failed = [], []
    for name in names:
        try:
            done.append(read(tmp_path / name))
        except InputError as exc:
            failed.append(str(exc))
    assert [s.text for s in done] == [NOVGOROD]
    assert len(failed) == 3


@pytest.mark.parametrize("raw, text, format", [
    (PARIS.encode("utf-8"), PARIS, "text"),
    (NOVGOROD.encode("cp1251"), NOVGOROD, "text"),
    (b"<!doctype html><p>\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd0\xbd</p>", "Минин", "html"),
])
def test_stdin(monkeypatch, raw, text, format):
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(raw)))
    src = read("-")
    assert (src.name, src.text, src.format) == ("<stdin>", text, format)


def test_stdin_too_large(monkeypatch):
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"a" * 50)))
    with pytest.raises(InputTooLarge, match="<stdin>"):
        read("-", max_bytes=20)


def test_utf16_le_bom_followed_by_nul_is_not_taken_for_utf32():
    text = "\x00" + PARIS * 3  # FF FE 00 00 begins like a UTF-32 LE byte-order mark
    src = decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "nul.txt")
    assert (src.encoding, src.text) == ("utf-16-le", text)
