"""The one place that talks to the `edtf` package: is a string valid EDTF?"""

from __future__ import annotations

from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException


@lru_cache(maxsize=4096)
def valid(text: str) -> bool:
    try:
        parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError, AttributeError):
        return False
    return True


def checked(text: str | None) -> str | None:
    """`text` if it parses as EDTF, else None (never hand out an invalid string)."""
    return text if text and valid(text) else None
