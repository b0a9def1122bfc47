"""Corrections by id: undo or force a merge of events or entities, as `letopis merge` and the viewer do.

Ids name what the user sees now (C<N>, d<N>.ev<M>, CE<N>, E<N>); the corrections are
stored by stable keys (see `model.Correction`), so they hold after later ingests renumber
anything. Each function stores its corrections and returns a one-line message; the
caller rebuilds the corpus layer (`letopis.corpus.rebuild`).
"""

from __future__ import annotations

import itertools
import re

from ..errors import LetopisError
from . import storage
from .model import Correction

EVENT = re.compile(r"d\d+\.ev\d+")
CORPUS_EVENT = re.compile(r"C\d+")
ENTITY = re.compile(r"E\d+")
CORPUS_ENTITY = re.compile(r"CE\d+")


def is_entity(ident: str) -> bool:
    return bool(CORPUS_ENTITY.fullmatch(ident) or ENTITY.fullmatch(ident))


def event_keys(store, ident: str) -> tuple[list[str], list[str]]:
    """(keys of `ident`, keys of its whole corpus event)."""
    if CORPUS_EVENT.fullmatch(ident):
        event = storage.corpus_event(store, ident)
        if event is None:
            raise LetopisError(f"no corpus event {ident}; see `letopis merge --list`")
        keys = [m["key"] for m in event["mentions"]]
        return keys, keys
    if EVENT.fullmatch(ident):
        corpus_id = storage.corpus_event_of(store, ident)
        if corpus_id is None:
            raise LetopisError(f"no event {ident} in the corpus; see `letopis events`")
        event = storage.corpus_event(store, corpus_id)
        keys = [m["key"] for m in event["mentions"]]
        return [m["key"] for m in event["mentions"] if m["event"] == ident], keys
    raise LetopisError(f"{ident} is not an event id: give C<N> or d<N>.ev<M>")


def entity_keys(store, ident: str) -> tuple[list[str], list[str]]:
    """(keys of `ident`, keys of its whole corpus entity)."""
    entity = storage.corpus_entity(store, ident) if is_entity(ident) else None
    if entity is None:
        raise LetopisError(f"no entity {ident} in the corpus; give CE<N> or E<N> (see `letopis entities`)")
    every = list(dict.fromkeys(m["key"] for m in entity["members"]))
    if CORPUS_ENTITY.fullmatch(ident):
        return every, every
    return [m["key"] for m in entity["members"] if m["entity"] == ident], every


def undo(store, ident: str) -> str:
    """Split a merge: a corpus event or entity into its sources, or one source out of it."""
    kind = "entity" if is_entity(ident) else "event"
    chosen, every = (entity_keys if kind == "entity" else event_keys)(store, ident)
    every = list(dict.fromkeys(every))
    if len(every) < 2:
        reason = "its members share one type and name" if kind == "entity" else "it is told by one source"
        raise LetopisError(f"{ident} is not a merge ({reason}); nothing to undo")
    if set(chosen) == set(every):
        pairs = list(itertools.combinations(every, 2))
    else:
        pairs = [(a, b) for a in chosen for b in every if b not in chosen]
    ids = [storage.add_correction(store, Correction(kind, "split", a, b, note=f"undo {ident}")) for a, b in pairs]
    return f"{ident} undone: {len(pairs)} split{'s' if len(pairs) != 1 else ''} stored (corrections {_ids(ids)})"


def force(store, first: str, second: str) -> str:
    """Join two events or two entities, whatever the rules say."""
    if is_entity(first) != is_entity(second):
        raise LetopisError(f"{first} and {second}: give two events or two entities, not one of each")
    kind = "entity" if is_entity(first) else "event"
    resolve = entity_keys if kind == "entity" else event_keys
    a, b = resolve(store, first)[0][0], resolve(store, second)[0][0]
    if a == b:
        raise LetopisError(f"{first} and {second} are the same {kind}")
    correction = storage.add_correction(store, Correction(kind, "join", a, b, note=f"force {first} {second}"))
    return f"{first} and {second} joined (correction {correction})"


def forget(store, number: int) -> str:
    if not storage.forget_correction(store, number):
        raise LetopisError(f"no correction {number}; see `letopis merge --list`")
    return f"correction {number} dropped"


def _ids(ids: list[int]) -> str:
    return ", ".join(str(i) for i in ids)
