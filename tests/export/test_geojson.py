"""GeoJSON read back with python-geojson's validation and checked against RFC 7946."""

from __future__ import annotations

import json

import geojson
import jsonschema

from letopis import export
from letopis.export import geojson as letopis_geojson

_POSITION = {  # RFC 7946 §3.1.1, §4: [longitude, latitude] in decimal degrees of WGS 84
    "type": "array", "minItems": 2, "maxItems": 3,
    "prefixItems": [{"type": "number", "minimum": -180, "maximum": 180},
                    {"type": "number", "minimum": -90, "maximum": 90}],
    "items": {"type": "number"},
}
RFC7946_POINTS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},  # §4: "crs" was removed; WGS 84 only
    "properties": {
        "type": {"const": "FeatureCollection"},  # §3.3
        "features": {"type": "array", "items": {
            "type": "object",
            "required": ["type", "geometry", "properties"],  # §3.2: both members present
            "properties": {
                "type": {"const": "Feature"},
                "id": {"type": ["string", "number"]},  # §3.2
                "geometry": {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "Point"}, "coordinates": _POSITION}},
                "properties": {"type": ["object", "null"]},
            },
        }},
    },
}


def test_valid_geojson_by_rfc7946(chronology):
    text = export.render(chronology, "geojson")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    jsonschema.validate(json.loads(text), RFC7946_POINTS)


def test_one_point_per_place_with_coordinates_longitude_first(chronology):
    features = letopis_geojson.feature_collection(chronology)["features"]
    with_geo = {e["id"]: e for e in chronology["entities"] if (e.get("attributes") or {}).get("geo")}
    assert len(with_geo) >= 3, "the example resolves several places"
    assert [f["id"] for f in features] == list(with_geo)
    for feature in features:
        geo = with_geo[feature["id"]]["attributes"]["geo"]
        assert feature["geometry"]["coordinates"] == [geo["lon"], geo["lat"]]
        props = feature["properties"]
        assert props["gazetteer_id"] == geo["id"] and props["name"] == with_geo[feature["id"]]["name"]
    without = [e for e in chronology["entities"] if e["type"] == "LOCATION" and e["id"] not in with_geo]
    assert not {e["id"] for e in without} & {f["id"] for f in features}


def test_each_place_lists_exactly_the_events_there(chronology):
    features = letopis_geojson.feature_collection(chronology)["features"]
    events = {e["id"]: e for e in chronology["events"]}
    listed = 0
    for feature in features:
        here = [ev for ev in chronology["events"] if feature["id"] in ev["places"]]
        assert [x["id"] for x in feature["properties"]["events"]] == [ev["id"] for ev in here]
        for item in feature["properties"]["events"]:
            time = events[item["id"]]["time"]
            assert (item["earliest"], item["latest"], item["basis"]) == (time["earliest"], time["latest"], time["basis"])
            assert item["trigger"] == events[item["id"]]["trigger"]["text"]
            listed += 1
    assert listed > 0


def test_coordinates_out_of_range_are_not_placed(chronology):
    broken = json.loads(json.dumps(chronology))
    place = next(e for e in broken["entities"] if (e.get("attributes") or {}).get("geo"))
    place["attributes"]["geo"]["lat"] = 123.0
    ids = [f["id"] for f in letopis_geojson.feature_collection(broken)["features"]]
    assert place["id"] not in ids and ids
