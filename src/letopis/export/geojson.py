"""GeoJSON (RFC 7946): the places that have gazetteer coordinates, with the events there.

One Point Feature per place entity whose `attributes.geo` has a latitude and longitude;
coordinates are [longitude, latitude] in WGS 84 as RFC 7946 requires (no `crs` member).
A place the gazetteer did not resolve has no point and is not in the file: a map cannot
show what it cannot place, and a guessed point would be invented precision.
"""

from __future__ import annotations

import json
from typing import Any

from .source import Record, Source, display_date, geo_of, source, time_of


def feature_collection(chronology: Any, **extras: Any) -> Record:
    """The FeatureCollection; features in the order the entities are listed."""
    src = source(chronology, **extras)
    at: dict[str, list[Record]] = {}
    for event in src.event_list:
        for place in dict.fromkeys(event.get("places") or []):
            at.setdefault(place, []).append(event)
    features = [_feature(src, entity, at.get(entity_id, []))
                for entity_id, entity in src.entities.items() if geo_of(entity) is not None]
    return {"type": "FeatureCollection", "features": features}


def to_json(chronology: Any, **extras: Any) -> str:
    return json.dumps(feature_collection(chronology, **extras), ensure_ascii=False, indent=2) + "\n"


def _feature(src: Source, entity: Record, events: list[Record]) -> Record:
    geo = geo_of(entity) or {}
    return {
        "type": "Feature",
        "id": str(entity["id"]),
        "geometry": {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]},
        "properties": {
            "entity": str(entity["id"]),
            "name": entity.get("name"),
            "type": entity.get("type"),
            "subtype": entity.get("subtype"),
            "gazetteer_id": geo.get("id"),
            "gazetteer_name": geo.get("gazetteer_name"),
            "country": geo.get("country"),
            "mentions": len(entity.get("mentions") or []),
            "events": [_event(ev) for ev in events],
        },
    }


def _event(event: Record) -> Record:
    time = time_of(event)
    return {
        "id": str(event["id"]),
        "doc": event.get("doc"),
        "type": event.get("type"),
        "trigger": (event.get("trigger") or {}).get("text"),
        "factuality": event.get("factuality"),
        "earliest": time.get("earliest"),
        "latest": time.get("latest"),
        "basis": time.get("basis"),
        "display_date": display_date(event),
    }
