"""A document's title for a reader, from the name it was stored under."""

from __future__ import annotations


def title_of(source: str | None, doc_id: str | None = None) -> str:
    """Its file's name without folders and extension, dashes and underscores as spaces
    («examples/paris-1944.txt» → «paris 1944»); «документ d3» when it has no name."""
    if not source:
        return f"документ {doc_id}" if doc_id else "документ"
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    if stem.endswith((".html", ".htm", ".txt", ".md")):  # «hostile.html.txt»
        stem = stem.rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()) or name
