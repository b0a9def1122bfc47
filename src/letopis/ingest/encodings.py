"""Which encoding the bytes are in: BOMs, UTF-16/32 without a BOM, strict UTF-8, a <meta charset>,
then cp1251 / koi8-r / cp866 / mac-cyrillic chosen by how Russian the text looks.

A `<meta charset>` is a claim, not a fact: only a text codec is taken from it (never
`base64`, `rot13`, `zip` or `undefined`), and a declared Cyrillic code page that reads as
garbage while another reads as Russian is overruled. A file that mixes UTF-8 with a
single-byte code page is decoded piece by piece when that reads better than either alone.
Each such decision is reported as a warning (`decode_text` returns them)."""

from __future__ import annotations

import codecs
import re
import warnings as warnings_module

from ..errors import BinaryInput, UndecodableInput
from ..lang.ru.letters import COMMON_BIGRAMS, COMMON_LETTERS, RARE_LETTERS
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


def decode_text(data: bytes, name: str, *, html: bool, warnings: list[str] | None = None) -> tuple[str, str]:
    """The text and the encoding's label; what was doubtful is appended to `warnings`."""
    warnings = [] if warnings is None else warnings
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
    declared = _declared_charset(data, name, warnings) if html else None
    # Valid UTF-8 wins even over a <meta charset> naming a single-byte code page: non-ASCII
    # text in cp1251 or koi8-r is virtually never valid UTF-8, and pages re-saved as UTF-8
    # often keep their old declaration.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        found = _declared_or_better(data, name, declared, warnings)
        if found:
            return found
    check_control_bytes(data, name)  # say "binary" rather than "undecodable" for random bytes
    return _single_byte(data, name, warnings)


def is_text_codec(label: str) -> str | None:
    """The codec's name if `label` names a codec that turns bytes into text, else None
    (`base64`, `hex`, `rot13`, `zip`, `bz2` are bytes-to-bytes or str-to-str; `undefined`
    always fails; UTF-16/32 declared in an 8-bit file is a lie browsers ignore too)."""
    try:
        info = codecs.lookup(label)
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in ("undefined",):
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return None
    try:
        b"abc".decode(info.name)
    except Exception:  # noqa: BLE001 - a codec that cannot decode ASCII is no text codec for us
        return None
    return info.name


def _declared_charset(data: bytes, name: str = "<bytes>", warnings: list[str] | None = None) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace")
    codec = is_text_codec(label)
    if codec is None and warnings is not None:
        try:
            codecs.lookup(label)
            known = True
        except LookupError:
            known = False
        if known and not label.lower().replace("_", "-").startswith(("utf-16", "utf-32", "utf16", "utf32")):
            warnings.append(f"{name}: <meta charset={label!r}> is not a text encoding; the encoding was detected instead")
    return codec


_CYRILLIC_PAGES = frozenset({"cp1251", "koi8_r", "koi8-r", "cp866", "mac_cyrillic", "mac-cyrillic", "iso8859_5",
                             "koi8_u", "cp855", "kz1048", "ptcp154"})
_OVERRULE_MARGIN = 0.5  # in `_reading_score`; a right reading beats a wrong one by 0.7 or more


def _declared_or_better(data: bytes, name: str, declared: str, warnings: list[str]) -> tuple[str, str] | None:
    """The declared encoding, unless it reads as garbage and a Cyrillic code page (or a mix
    of UTF-8 and one) reads as Russian: then that one, with a warning."""
    try:
        with warnings_module.catch_warnings():
            warnings_module.simplefilter("ignore")  # unicode_escape warns about «\<»
            text = data.decode(declared)
    except (UnicodeError, LookupError, ValueError):
        warnings.append(f"{name}: the bytes are not valid {declared} as <meta charset> declares; "
                        "the encoding was detected instead")
        return None
    if not _has_non_ascii(data):
        return text, declared
    russian, reading = _russian_score(text[:_SAMPLE]), _reading_score(text[:_SAMPLE])
    best = _best_reading(data)
    if best is not None and best[0] >= 0.5 and (best[1] - reading >= _OVERRULE_MARGIN or (
            best[1] > reading and _broken_words(best[3][:_SAMPLE]) < _broken_words(text[:_SAMPLE]))):
        _, _, label, decoded = best
        warnings.append(f"{name}: <meta charset> says {declared}, but the text reads as Russian only in {label}; "
                        f"decoded as {label}")
        return decoded, label
    if russian < 0.5 and declared.replace("-", "_") in _CYRILLIC_PAGES:
        warnings.append(f"{name}: the text does not read as Russian in {declared} (as <meta charset> declares) "
                        "nor in another Cyrillic code page; it may be garbled: check the source's encoding")
    return text, declared


_NOT_GLUED = r"[^\w\s\-'’.,;:!?«»\"()\[\]<>—–…№/]"
_SYMBOL_IN_WORD = re.compile(rf"(?i)(?<=[а-яё]){_NOT_GLUED}|{_NOT_GLUED}(?=[а-яё])")


def _broken_words(text: str) -> int:
    """Symbols glued to Cyrillic letters («¬есной», «дев€ть»): a close but wrong code page."""
    return len(_SYMBOL_IN_WORD.findall(text))


def _has_non_ascii(data: bytes) -> bool:
    return not data[:_SAMPLE].isascii()


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


def _cyrillic(ch: str) -> bool:
    low = ch.lower()
    return low == "ё" or "а" <= low <= "я"


def _russian_score(text: str) -> float:
    """How Russian the non-ASCII characters of `text` look: below 0 garbage, above 1 Russian.

    Letters are scored case-blind by frequency; what tells the code pages apart is case
    (cp1251 read as koi8-r swaps it: «вОССТАНИЕ»), a Cyrillic letter glued to a Latin one
    («Cafй»), and symbols such as box drawing where letters should be; a symbol inside a word
    («¬есной» of cp1251 read as mac-cyrillic) weighs more than an odd capital («аЮ»).
    """
    score = 0.0
    count = 0
    prev = " "
    for i, ch in enumerate(text):
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
        elif _cyrillic(prev) or _cyrillic(text[i + 1:i + 2]):
            score -= 4.0  # a symbol inside a word («¬есной», «дев€ть»): worse than any odd capital
        else:
            score -= 1.0
        prev = ch
    return score / count if count else 0.0


def _piecewise(codec: str):
    def handler(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeDecodeError):
            raise exc
        return exc.object[exc.start:exc.end].decode(codec, "replace"), exc.end
    return handler


for _codec in _SINGLE_BYTE:
    codecs.register_error(f"letopis-{_codec}", _piecewise(_codec))


def _mixed(data: bytes, codec: str) -> str:
    """Line by line, UTF-8 (pieces that are not valid UTF-8 in `codec`) or `codec` alone,
    whichever reads better as Russian: cp866 bytes can form valid UTF-8 by chance, so
    validity alone cannot decide."""
    out = []
    for line in data.splitlines(keepends=True):
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        utf8 = line.decode("utf-8", f"letopis-{codec}")
        single = line.decode(codec, "replace")
        out.append(utf8 if _reading_score(utf8) >= _reading_score(single) else single)
    return "".join(out)


_UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")


def _mixed_candidates(sample: bytes) -> list[str]:
    """The code pages worth trying mixed with UTF-8: only when the sample holds a fair
    amount of UTF-8 Cyrillic (a mix), not a chance pair or two."""
    return list(_SINGLE_BYTE) if len(_UTF8_CYRILLIC.findall(sample)) >= 8 else []


def _best_reading(data: bytes) -> tuple[float, float, str, str] | None:
    """(Russian score, reading score, label, whole text) of the reading that reads best as
    Russian on a sample (`_reading_score`); ties go to the code pages' order of preference."""
    sample = data[:_SAMPLE]
    scored: list[tuple[float, int, float, str, str | None]] = []
    for rank, codec in enumerate(_SINGLE_BYTE):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((_reading_score(text), -rank, _russian_score(text), codec, None))
    for rank, codec in enumerate(_mixed_candidates(sample)):
        text = _mixed(sample, codec)
        scored.append((_reading_score(text), -rank - len(_SINGLE_BYTE), _russian_score(text), f"utf-8+{codec}", codec))
    for reading, _, russian, label, mixed_with in sorted(scored, reverse=True):
        try:
            text = _mixed(data, mixed_with) if mixed_with else data.decode(label)
        except UnicodeDecodeError:
            continue
        return russian, reading, label, text
    return None


def _bigram_share(text: str) -> tuple[float, int]:
    """The share of adjacent Cyrillic letter pairs (case-blind) that are common in Russian,
    and the number of pairs."""
    pairs = common = 0
    prev = ""
    for ch in text.lower():
        if "а" <= ch <= "я" or ch == "ё":
            if prev:
                pairs += 1
                common += prev + ch in COMMON_BIGRAMS
            prev = ch
        else:
            prev = ""
    return (common / pairs if pairs else 0.0), pairs


_RUSSIAN_PAIRS = 0.3
_ENOUGH_PAIRS = 40  # below this, letter pairs say little (a title, a name) and count for less


def _reading_score(text: str) -> float:
    """How well a decoding reads as Russian: letters and case (`_russian_score`) and common
    letter pairs, which a wrong Cyrillic code page (koi8-r read as cp1251) destroys."""
    share, pairs = _bigram_share(text)
    # Russian prose has about half its letter pairs among the common ones; a wrong Cyrillic
    # code page, under a fifth. Only a low share counts (a penalty), so close readings that
    # differ in a few letters (cp1251 and mac-cyrillic) are still told apart by their letters.
    return _russian_score(text) - 2.0 * max(0.0, _RUSSIAN_PAIRS - share) * min(1.0, pairs / _ENOUGH_PAIRS)


def _single_byte(data: bytes, name: str, warnings: list[str] | None = None) -> tuple[str, str]:
    best = _best_reading(data)
    if best is not None and best[0] >= 0.5:
        _, _, label, text = best
        if label.startswith("utf-8+") and warnings is not None:
            warnings.append(f"{name}: mixes UTF-8 with {label[6:]}; each part was decoded in its own encoding "
                            "(re-save the file as UTF-8 to be sure)")
        return text, label
    raise UndecodableInput(f"{name}: cannot tell the encoding (not UTF-8, UTF-16, or Russian in "
                           f"{', '.join(_SINGLE_BYTE)}); re-save the file as UTF-8")

