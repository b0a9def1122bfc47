"""Small helpers over the dependency tree and mention spans of a `Doc`, for the entity rules."""

from __future__ import annotations

from ..doc import Doc, Mention
from ..index import tokens_inside, tree
from ..syntax_tree import span_head  # noqa: F401  (re-exported for the entity rules)


def mention_tokens(doc: Doc, mention: Mention) -> list[int]:
    """The tokens lying wholly inside a mention."""
    return tokens_inside(doc, mention.start, mention.end)


def children(doc: Doc, index: int) -> list[int]:
    """The dependents of a token (`letopis.index.tree`)."""
    return tree(doc)(index)


def subtree(doc: Doc, index: int) -> list[int]:
    """A token and every token below it, in index order."""
    return tree(doc).subtree(index)


def text_of(doc: Doc, indices: list[int]) -> str:
    """The text of a token range, with the original spacing between the tokens."""
    if not indices:
        return ""
    return doc.text[doc.tokens[indices[0]].start : doc.tokens[indices[-1]].end]


def contiguous(indices: list[int]) -> list[int]:
    """The longest run of consecutive indices starting at the first one."""
    out = indices[:1]
    for i in indices[1:]:
        if i != out[-1] + 1:
            break
        out.append(i)
    return out
