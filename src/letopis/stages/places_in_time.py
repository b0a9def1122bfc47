"""Places in their time: a modern country's name in a text set in an earlier period names the
state of that period («Литва» in a chronicle of the 13th century is the Grand Duchy of
Lithuania, not the Republic; «Германия» in 1939 is the Third Reich).

Runs after the temporal stage. The year of a place is the median year of the dates in the
sentences that mention it, else of the whole document's dates; only dates that a reader can
place within a century count. Where `gazetteer.state_in` has a state for the country in that
year, the entity's map record becomes that state's, with the year as evidence in the trace; a
text with no dates keeps the modern country.

A country that so becomes a state the document also names by the state's own name is that
entity («Российская империя» … «Россия» in 1880): the two merge, with the rule `same_state`
and the year as evidence.
"""

from __future__ import annotations

from statistics import median

from ..adapters import gazetteer
from ..doc import Doc, Timex
from ..entities import geo
from ..entities.merge import absorb

# A date wider than this (a millennium, «в древности») says nothing about a place's period.
WIDEST_YEARS = 100


def _year(iso: str) -> int:
    return int(iso[: iso.index("-", 1)])


def _middle(t: Timex) -> int | None:
    if t.type != "DATE" or not t.earliest or not t.latest:
        return None
    first, last = _year(t.earliest), _year(t.latest)
    return (first + last) // 2 if last - first <= WIDEST_YEARS else None


class PlacesInTimeStage:
    name = "places_in_time"
    requires = ("entities", "timexes")
    assigns = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        years = {t.start: y for t in doc.timexes if (y := _middle(t)) is not None}
        if not years:
            return doc
        by_sentence: dict[int, list[int]] = {}
        for start, year in years.items():
            by_sentence.setdefault(doc.sentence_at(start), []).append(year)
        everywhere = median(years.values())
        for entity in list(doc.entities):
            record = entity.attributes.get("geo")
            if not record or record.get("kind") != "COUNTRY":
                continue
            near = [y for k in entity.mentions for y in by_sentence.get(doc.sentence_at(doc.mentions[k].start), ())]
            year = int(median(near)) if near else int(everywhere)
            modern = gazetteer.Place(record["id"], record.get("gazetteer_name") or "", "COUNTRY", record.get("country"),
                                     record.get("lat"), record.get("lon"))
            state = gazetteer.state_in(modern, year)
            if state is None:
                continue
            entity.attributes["geo"] = geo.record(state)
            first = doc.mentions[entity.mentions[0]] if entity.mentions else None
            doc.note("places_in_time", "state_of_the_period", first.start if first else 0, first.end if first else 0,
                     modern=record["id"], state=state.id, year=year, by="its sentences" if near else "the document")
            named = next((e for e in doc.entities if e is not entity and e.type == entity.type
                          and (e.attributes.get("geo") or {}).get("id") == state.id), None)
            if named is not None:
                absorb(doc, named, entity, f"same_state {state.id} in {year}")
        return doc

