"""HTML: sniff it, and keep only the visible text with a map from every text offset back
into the decoded markup."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_HTML_SNIFF = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)


def looks_like_html(head: bytes | str) -> bool:
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return bool(_HTML_SNIFF.match(head))


SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title",
                     "iframe", "object", "canvas", "select", "datalist"})
PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl",
                       "table", "figure", "section", "article", "header", "footer", "aside", "nav",
                       "main", "hr", "body", "address", "details", "fieldset", "form"})
LINE = frozenset({"div", "li", "tr", "dt", "dd", "caption", "figcaption", "summary", "legend", "center",
                  "thead", "tbody", "tfoot", "option"})
CELL = frozenset({"td", "th"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
_SPACE = " \t\n\r\f"


class _Visible(HTMLParser):
    """Collects visible text, one output character at a time with its markup offset."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = markup
        self.lines = [0] + [m.end() for m in re.finditer("\n", markup)]
        self.out: list[str] = []
        self.offsets: list[int] = []
        self.skip: list[str] = []  # open skipped elements
        self.pre = 0
        self.space: int | None = None  # offset of a pending collapsed space
        self.breaks = 0  # pending line breaks (2 = blank line)
        self.break_at = 0

    def pos(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def emit(self, ch: str, at: int) -> None:
        if self.breaks and self.out:
            for _ in range(self.breaks):
                self.out.append("\n")
                self.offsets.append(self.break_at)
            self.space = None
        elif self.space is not None and self.out and self.out[-1] != "\n":
            self.out.append(" ")
            self.offsets.append(self.space)
        self.breaks = 0
        self.space = None
        self.out.append(ch)
        self.offsets.append(at)

    def block(self, n: int) -> None:
        if n > self.breaks:
            self.breaks, self.break_at = n, self.pos()

    def text(self, data: str, start: int, literal: bool = True) -> None:
        """Add `data`; `literal` False means all of it comes from one entity at `start`."""
        for i, ch in enumerate(data):
            at = start + i if literal else start
            if ch in _SPACE and not self.pre:
                if self.space is None:
                    self.space = at
            elif ch == "\n" and self.pre:
                self.space = None
                self.breaks = 0
                self.out.append("\n")
                self.offsets.append(at)
            else:
                self.emit(ch, at)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self.skip.clear()  # a <head> left open ends here
        if self.skip or tag in SKIPPED:
            if tag in SKIPPED and tag not in VOID:
                self.skip.append(tag)
            return
        self.opening(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.skip and tag not in SKIPPED:
            self.opening(tag)

    def opening(self, tag: str) -> None:
        if tag == "br":
            self.space = None
            if self.out:
                self.emit("\n", self.pos())
            self.space = None
        elif tag in PARAGRAPH:
            self.block(2)
        elif tag in LINE:
            self.block(1)
        elif tag in CELL and self.out and self.out[-1] != "\n" and self.space is None:
            self.space = self.pos()
        if tag == "pre":
            self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in PARAGRAPH:
            self.block(2)
        elif tag in LINE:
            self.block(1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text(data, self.pos())

    def handle_entityref(self, name: str) -> None:
        if self.skip:
            return
        start = self.pos()
        semi = self.markup.startswith(";", start + 1 + len(name))
        raw = f"&{name};" if semi else f"&{name}"
        value = unescape(raw)
        self.text(value, start, literal=value == raw)

    def handle_charref(self, name: str) -> None:
        if self.skip:
            return
        self.text(unescape(f"&#{name};"), self.pos(), literal=False)


def html_to_text(markup: str) -> tuple[str, list[int]]:
    """The visible text of `markup` and, for each of its characters (plus the end), the markup offset."""
    parser = _Visible(markup)
    parser.feed(markup)
    parser.close()
    parser.offsets.append(len(markup))
    return "".join(parser.out), parser.offsets
