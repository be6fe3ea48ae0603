"""Extract a country's outline from Natural Earth (public domain), via the npm package
world-atlas 2.0.2 (countries-50m.json, TopoJSON), for the archive's map.

The map draws it, and the coordinates a city may have are whole degrees round it
(generator/geography.py). Run once when the outline should change; the result is committed so
that builds never fetch:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/extract_outline.py package/countries-50m.json            # Thailand (764)
    python tools/extract_outline.py package/countries-50m.json 704 content/outline.json

The second argument is the country's ISO 3166-1 numeric code (Viet Nam 704, Lao PDR 418);
the third, where to write it. A fork names its file in mkdocs.yml:
`plugins → learningcity → map_outline: content/outline.json` (FORKING.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

THAILAND = "764"  # ISO 3166-1 numeric
OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "thailand-outline.json"
SOURCE = "Natural Earth 1:50m Admin 0 countries (public domain), via npm world-atlas 2.0.2 countries-50m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(
                (round(x * scale[0] + translate[0], 4), round(y * scale[1] + translate[1], 4))
            )
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def main(path: str, country: str = THAILAND, out: Path = OUT) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometry = next(
        (
            g
            for g in topology["objects"]["countries"]["geometries"]
            if str(g.get("id")).lstrip("0") == country.lstrip("0")
        ),
        None,
    )
    if geometry is None:
        sys.exit(f"no country with the ISO 3166-1 numeric code {country} in {path}")
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = [ring(polygon[0], arcs) for polygon in polygons]  # outer rings: lakes are not drawn
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"source": SOURCE, "rings": rings}, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(f"{out}: {len(rings)} rings, {sum(len(r) for r in rings)} points")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if not 1 <= len(arguments) <= 3:
        sys.exit(__doc__)
    main(
        arguments[0],
        arguments[1] if len(arguments) > 1 else THAILAND,
        Path(arguments[2]) if len(arguments) > 2 else OUT,
    )
