"""Readable chronology reports (Markdown, HTML) from the contract JSON and the document texts."""

from .dates import describe
from .html import render_html
from .markdown import render_markdown

__all__ = ["describe", "render_html", "render_markdown"]
