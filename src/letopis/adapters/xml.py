"""lxml, in one place: parsing XML safely, building and serialising trees, RelaxNG validation.

The rest of the package sees `XmlError` (a one-line message with the line and column) and
lxml's elements only where it builds a tree; it never imports lxml itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import LetopisError

XML_NS = "http://www.w3.org/XML/1998/namespace"


class XmlError(LetopisError):
    """Markup that is not well-formed XML, or a schema that cannot be read."""


# No network, no DTD loading, no entity expansion beyond the predefined ones: a hostile
# file cannot make the parser fetch or blow up anything.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
                          remove_blank_text=False)


_DECLARATION = re.compile(r"^\ufeff?<\?xml[^>]*\?>")


def parse(markup: str) -> Any:
    """The root element of decoded `markup`, or `XmlError` saying where it breaks. Its XML
    declaration (which may name the encoding it was read from) is blanked first."""
    markup = _DECLARATION.sub(lambda m: " " * len(m.group(0)), markup, count=1)
    try:
        return etree.fromstring(markup, _PARSER)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (0, 0)
        message = re.sub(r",? \(?line \d+, column \d+\)?$", "", str(error.msg or error))
        raise XmlError(f"not well-formed XML at line {line}, column {column}: {message}") from None


def local_name(element: Any) -> str:
    return etree.QName(element).localname


def namespace(element: Any) -> str | None:
    return etree.QName(element).namespace


def element(tag: str, attributes: dict[str, str] | None = None, text: str | None = None, ns: str = "") -> Any:
    """A new element `{ns}tag` with its attributes (`xml:id` and `xml:lang` allowed as such)."""
    made = etree.Element(f"{{{ns}}}{tag}", nsmap={None: ns}) if ns else etree.Element(tag)
    for name, value in (attributes or {}).items():
        made.set(f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name, value)
    made.text = text
    return made


def indent(element: Any) -> None:
    """Indent `element`'s children (only for elements that hold no text of the source)."""
    etree.indent(element)


def to_string(root: Any) -> str:
    """`root`'s whole document as UTF-8 XML text, with its declaration."""
    tree = root.getroottree()
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True).decode("utf-8")


class RelaxNG:
    """A RelaxNG schema read from a file; `errors(markup)` lists where a document breaks it."""

    def __init__(self, path: str | Path):
        try:
            self._schema = etree.RelaxNG(etree.parse(str(path)))
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as error:
            raise XmlError(f"{path}: cannot read the RelaxNG schema ({error})") from None

    def errors(self, markup: str) -> list[str]:
        document = parse(markup).getroottree()
        if self._schema.validate(document):
            return []
        return [f"line {e.line}: {e.message}" for e in self._schema.error_log]
