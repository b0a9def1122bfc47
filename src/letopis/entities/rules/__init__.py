"""Rule mentions the recogniser misses: groups, military units, fuller organisation names.

Each rule is a small function `Doc -> list[Mention]` in `RULES`. `apply_rules` adds
what they find: a rule mention with the same span as a recognised one refines its
type; one that covers same-typed recognised mentions around the same head replaces
them («Комитетом освобождения» + «Парижа» → «Комитетом освобождения Парижа»).
Persons and places inside a unit («дивизии генерала Леклерка», «армии США») stay
mentions of their own.

One module per rule family: `groups`, `units`, `organisations`, `facilities`, `sources`,
`vehicles`, `repeated`; what they share is in `common`, the table and `apply_rules` in `table`.
"""

from .facilities import facilities, listed_facilities
from .groups import collectives, members, peoples
from .organisations import adjective_names, fuller_organisations, inner_names
from .repeated import repeated_names
from .sources import web_sources
from .table import RULES, apply_rules
from .units import military_units
from .vehicles import vehicles

__all__ = ["RULES", "adjective_names", "apply_rules", "collectives", "facilities", "fuller_organisations",
           "inner_names", "listed_facilities", "members", "military_units", "peoples", "repeated_names",
           "vehicles", "web_sources"]
