"""Binary input: magic numbers of common non-text formats, and too many control characters."""

from __future__ import annotations

import re

from ..errors import BinaryInput

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


def magic(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "a bzip2 archive"
    if data[:4] in (b"RIFF",) and data[8:12] in (b"WAVE", b"AVI ", b"WEBP"):
        return "a media file (RIFF)"
    return None


_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")  # not \t \n \v \f \r, nor \x1a (DOS end of file)


def check_controls(text: str, name: str, chunk: int = 1 << 20) -> None:
    """Refuse text where more than 1 % of characters are control characters."""
    bad = 0
    for i in range(0, len(text), chunk):
        bad += len(_CONTROL.findall(text, i, i + chunk))
    if bad and bad > 0.01 * len(text):
        raise BinaryInput(f"{name}: looks binary ({bad} control characters); pass a text file")


_CONTROL_BYTES = bytes(b for b in range(128) if _CONTROL.match(chr(b)))


def check_control_bytes(data: bytes, name: str, chunk: int = 1 << 20) -> None:
    """The same test on bytes in an ASCII-compatible encoding, before decoding."""
    bad = sum(len(data[i:i + chunk]) - len(data[i:i + chunk].translate(None, _CONTROL_BYTES))
              for i in range(0, len(data), chunk))
    if bad and bad > 0.01 * len(data):
        raise BinaryInput(f"{name}: looks binary ({bad} control characters); pass a text file")

