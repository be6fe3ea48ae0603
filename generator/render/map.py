"""A map of Thailand drawn at build time as inline SVG: no tile server, no script, no request.

The outline is Natural Earth's (public domain), extracted once by
tools/extract_thailand_outline.py into generator/data/thailand-outline.json.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from markupsafe import Markup, escape

from ..model import City
from .context import PageContext

OUTLINE = Path(__file__).resolve().parent.parent / "data" / "thailand-outline.json"
PIXELS_PER_DEGREE = 32.0
MARGIN = 8.0


@functools.cache
def outline() -> list[list[tuple[float, float]]]:
    data = json.loads(OUTLINE.read_text(encoding="utf-8"))
    return [[(float(lon), float(lat)) for lon, lat in ring] for ring in data["rings"]]


class Projection:
    """Equirectangular, shrunk east-west by cos(mid-latitude) so Thailand keeps its shape."""

    def __init__(self, rings: list[list[tuple[float, float]]]) -> None:
        lons = [lon for ring in rings for lon, _ in ring]
        lats = [lat for ring in rings for _, lat in ring]
        self.west, self.east = min(lons), max(lons)
        self.south, self.north = min(lats), max(lats)
        self.kx = math.cos(math.radians((self.south + self.north) / 2)) * PIXELS_PER_DEGREE
        self.width = (self.east - self.west) * self.kx + 2 * MARGIN
        self.height = (self.north - self.south) * PIXELS_PER_DEGREE + 2 * MARGIN

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.kx + MARGIN,
                (self.north - lat) * PIXELS_PER_DEGREE + MARGIN)


def render_map(cities: list[City], ctx: PageContext) -> Markup:
    rings = outline()
    project = Projection(rings)
    paths = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    markers = []
    for city in cities:
        location = city.fields.get("location") or {}
        if "lat" not in location or "lon" not in location:
            continue
        x, y = project(float(location["lon"]), float(location["lat"]))
        name = escape(ctx.t(city.label))
        markers.append(
            f'<a class="lc-marker" href="{escape(ctx.case_url(city))}" aria-label="{name}" '
            f'data-city="{escape(city.id)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="5"/>'
            f"<title>{name}</title></a>"
        )
    return Markup(
        f'<svg viewBox="0 0 {project.width:.0f} {project.height:.0f}" role="group" '
        f'aria-label="{escape(ctx.label("map"))}" xmlns="http://www.w3.org/2000/svg">'
        f'<path class="lc-land" d="{" ".join(paths)}"/>{"".join(markers)}</svg>'
    )
