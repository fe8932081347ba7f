"""Write data/map/borders_110m.csv: country borders around the USSR of 1963, for the journey map.

Source: Natural Earth 1:110m Admin 0 countries (public domain), as redistributed in TopoJSON by the npm
package world-atlas 2.0.2 (ISC licence), file countries-110m.json. Get it with
`npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz`, then run
`python tools/make_map_outline.py package/countries-110m.json`.

The map draws today's borders (Natural Earth): the USSR of 1963 is the union of the former Soviet
republics; the lesson says so under the map.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

BOX = (15.0, 115.0, 33.0, 78.0)  # lon min, lon max, lat min, lat max
OUT = Path(__file__).resolve().parents[1] / "data" / "map" / "borders_110m.csv"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
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


def ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    rows = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for p, polygon in enumerate(polygons):
            for r, indexes in enumerate(polygon):
                points = ring(arcs, indexes)
                if not any(BOX[0] <= x <= BOX[1] and BOX[2] <= y <= BOX[3] for x, y in points):
                    continue
                # Split a ring where it jumps across the antimeridian (Russia, Fiji...): no line across the map.
                piece, order = 0, 0
                for i, (x, y) in enumerate(points):
                    if i and abs(x - points[i - 1][0]) > 90:
                        piece, order = piece + 1, 0
                    rows.append({"country": name, "part": f"{p}.{r}.{piece}", "order": order,
                                 "lon": round(x, 3), "lat": round(y, 3)})
                    order += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["country", "part", "order", "lon", "lat"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT} ({len(rows)} points)")


if __name__ == "__main__":
    main(sys.argv[1])
