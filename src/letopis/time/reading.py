"""What a rule reads off a match, before the narrative context is applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .periods import Period


@dataclass(slots=True)
class Reading:
    """A context-free reading of one temporal expression.

    kind says how `anchor.resolve` turns it into a value:
      point     a calendar period (`period`), maybe without a year
      range     from `period` to `end`
      duration  a fixed `value` such as "P2Y"
      set       a frequency, `value` such as "P1Y"
      shift     `amount` `unit`s from a reference (`base` "ref": the narrative; "now": speech time)
      present   now / recently (`value` PRESENT_REF or PAST_REF)
      weekday   a named weekday (`weekday`) without a date
      time      a time of day (`clock`) without a date
    """

    kind: str
    type: str = "DATE"
    period: Period | None = None
    end: Period | None = None
    mod: str | None = None
    part: str | None = None  # START, MID, END, FIRST_HALF, SECOND_HALF of `period`
    value: str = ""
    unit: str = ""  # for shift: D, W, M, Y, DE, CE, H, MIN
    amount: int | None = None  # for shift: signed count, None when vague («несколько»)
    base: str = "ref"
    weekday: int | None = None
    clock: str | None = None  # "T10:00", "TMO" ...
    year_shift: int | None = None  # month «прошлого года»: year relative to now/ref
    old_style: bool = False
    weak: bool = False  # kept only when it joins a neighbour («днём», «дня»)
    anchor_ref: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    span_end: int | None = None  # where the expression ends when the match ran past it
