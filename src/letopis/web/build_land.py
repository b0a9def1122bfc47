"""Regenerate `static/land.json`, the map's land outlines, from a Natural Earth TopoJSON.

The outlines come from the npm package world-atlas 2.0.2 (`land-110m.json`: Natural Earth
1:110m land, public domain; packaged by Mike Bostock under the ISC licence). They are
converted once, here, into SVG path strings in degrees (x = longitude, y = latitude), so
the map needs no library and no network:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m letopis.web.build_land package/land-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

TARGET = Path(__file__).with_name("static") / "land.json"
SOURCE = "Natural Earth 1:110m land (public domain), via world-atlas 2.0.2 (ISC, Mike Bostock)"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc: TopoJSON stores them delta-encoded and quantised."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their joining point
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Keep a ring continuous where it crosses the antimeridian (shift by 360° instead of
    jumping across the whole map, which would draw a band round the world)."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (x, y) in enumerate(points):
        if i and abs(x + shift - out[-1][0]) > 180:
            shift += 360 if out[-1][0] > x + shift else -360
        out.append((x + shift, y))
    return out


def copies(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The unwrapped ring placed where most of it is on the map, plus, when it runs over
    an edge, a copy 360° away so that the part past the edge shows on the other side."""
    ring = unwrap(points)
    inside = lambda shift: sum(-180 <= x + shift <= 180 for x, _ in ring)  # noqa: E731
    best = max((0.0, -360.0, 360.0), key=inside)
    placed = [(x + best, y) for x, y in ring]
    out = [placed]
    if min(x for x, _ in placed) < -180:
        out.append([(x + 360, y) for x, y in placed])
    if max(x for x, _ in placed) > 180:
        out.append([(x - 360, y) for x, y in placed])
    return out


def path(points: list[tuple[float, float]]) -> str:
    head, *rest = points
    return f"M{head[0]:.2f} {head[1]:.2f}" + "".join(f"L{x:.2f} {y:.2f}" for x, y in rest) + "Z"


def paths(topology: dict) -> list[str]:
    arcs = decode_arcs(topology)
    out = []
    for obj in topology["objects"].values():
        geometries = obj.get("geometries", [obj])
        for geometry in geometries:
            polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            for polygon in polygons:
                out.append("".join(path(copy) for r in polygon if r for copy in copies(ring(arcs, r))))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    TARGET.write_text(json.dumps({"source": SOURCE, "paths": paths(topology)}, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
