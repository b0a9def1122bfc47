"""Which encoding the bytes are in: BOMs, UTF-16/32 without a BOM, strict UTF-8, a <meta charset>,
then cp1251 / koi8-r / cp866 / mac-cyrillic chosen by how Russian the text looks."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInput, UndecodableInput
from ..lang.ru.letters import COMMON_LETTERS, RARE_LETTERS
from .binary import check_control_bytes

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


def decode_text(data: bytes, name: str, *, html: bool) -> tuple[str, str]:
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
    check_control_bytes(data, name)  # say "binary" rather than "undecodable" for random bytes
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
            score += 1.5 if low in COMMON_LETTERS else 0.7 if low in RARE_LETTERS else 1.0
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

