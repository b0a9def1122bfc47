"""The one place that talks to the `edtf` package: is a string valid EDTF?

The edtf parser (pyparsing) takes milliseconds per string, so the shapes this
package produces are recognised by one regular expression, and only anything
else is handed to the parser. The tests check every shape against the parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

from edtf import parse_edtf

_DATE = r"-?\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-(?:2[1-4]|3[3-6]|4[01]))?|\d{3}X|\d{2}XX"
_KNOWN = re.compile(rf"(?:{_DATE})~?|(?:{_DATE}|\.\.)/(?:{_DATE}|\.\.)")


def parses(text: str) -> bool:
    """Whether the edtf package accepts `text` (slow; for tests and unusual shapes)."""
    try:
        parse_edtf(text)
    except Exception:  # the parser raises pyparsing and assorted internal errors
        return False
    return True


@lru_cache(maxsize=4096)
def valid(text: str) -> bool:
    if _KNOWN.fullmatch(text) and text != "../..":
        return True
    return parses(text)


def checked(text: str | None) -> str | None:
    """`text` if it is EDTF, else None (never hand out an invalid string)."""
    return text if text and valid(text) else None
