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

from ..model import City, Event
from .context import PageContext

OUTLINE = Path(__file__).resolve().parent.parent / "data" / "thailand-outline.json"
PIXELS_PER_DEGREE = 32.0
MARGIN = 8.0
EVENT_RING = 10.0  # distance of an event's diamond from its city's dot


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
        return (
            (lon - self.west) * self.kx + MARGIN,
            (self.north - lat) * PIXELS_PER_DEGREE + MARGIN,
        )


def _event_point(x: float, y: float, index: int) -> tuple[float, float]:
    """Where a city's n-th event sits: on a small ring round the city's dot, clockwise from
    the upper right, so that several events of one city stay apart and off the dot."""
    angle = math.radians(-60 + 50 * index)
    return x + EVENT_RING * math.cos(angle), y + EVENT_RING * math.sin(angle)


def _city_markers(cities: list[City], project: Projection, ctx: PageContext) -> list[str]:
    markers = []
    for city in cities:
        point = _point(city, project)
        if point is None:
            continue
        name = escape(ctx.t(city.label))
        markers.append(
            f'<a class="lc-marker" href="{escape(ctx.case_url(city))}" aria-label="{name}" '
            f'data-city="{escape(city.id)}"><circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" '
            f'r="5"/><title>{name}</title></a>'
        )
    return markers


def _event_markers(cities: list[City], project: Projection, ctx: PageContext) -> list[str]:
    """A diamond per event and city it took place in or concerns, linking to the event."""
    markers = []
    for city in cities:
        point = _point(city, project)
        if point is None:
            continue
        for index, event in enumerate(city.events):
            x, y = _event_point(*point, index)
            label = escape(f"{ctx.t(event.label)} — {ctx.when(event.span)} — {ctx.t(city.label)}")
            diamond = (
                f"M{x:.1f},{y - 4.5:.1f}L{x + 4.5:.1f},{y:.1f}L{x:.1f},{y + 4.5:.1f}"
                f"L{x - 4.5:.1f},{y:.1f}Z"
            )
            markers.append(
                f'<a class="lc-event-marker" href="{escape(ctx.case_url(event))}" '
                f'aria-label="{label}" data-event="{escape(event.id)}" '
                f'data-event-city="{escape(city.id)}"><path d="{diamond}"/><title>{label}</title></a>'
            )
    return markers


def _point(city: City, project: Projection) -> tuple[float, float] | None:
    location = city.fields.get("location") or {}
    if "lat" not in location or "lon" not in location:
        return None
    return project(float(location["lon"]), float(location["lat"]))


def render_map(cities: list[City], ctx: PageContext) -> Markup:
    """The outline, a layer of city dots and a layer of event diamonds (events come from the
    cities: `City.events`)."""
    rings = outline()
    project = Projection(rings)
    paths = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    events = _event_markers(cities, project, ctx)
    layers = (
        f'<g class="lc-layer lc-layer--cities">{"".join(_city_markers(cities, project, ctx))}</g>'
    )
    if events:
        layers += f'<g class="lc-layer lc-layer--events">{"".join(events)}</g>'
    return Markup(
        f'<svg viewBox="0 0 {project.width:.0f} {project.height:.0f}" role="group" '
        f'aria-label="{escape(ctx.label("map"))}" xmlns="http://www.w3.org/2000/svg">'
        f'<path class="lc-land" d="{" ".join(paths)}"/>{layers}</svg>'
    )


def map_controls(cities: list[City], ctx: PageContext, all_events: int) -> Markup:
    """Layer switches and an event filter that work without JavaScript: checkboxes and radio
    buttons, read by CSS `:has()` (archive.css for the layers; the one rule per event is
    written here, since only the build knows the events)."""
    events: list[Event] = []
    for city in cities:
        events += [event for event in city.events if event not in events]
    if not events:
        return Markup("")
    events.sort(key=lambda event: event.sort_key)
    cities_on_map = sum(1 for city in cities if "lat" in (city.fields.get("location") or {}))
    rules = "".join(
        f".lc-map:has(#lc-map-event-{event.id}:checked) "
        f'.lc-event-marker:not([data-event="{event.id}"]){{display:none}}'
        for event in events
    )
    options = "".join(
        f'<label><input type="radio" name="lc-map-event" id="lc-map-event-{escape(event.id)}" '
        f'value="{escape(event.id)}"><span>{escape(ctx.t(event.label))} '
        f'<span class="lc-map__when">({escape(ctx.when(event.span))})</span></span></label>'
        for event in events
    )
    return Markup(
        f"<style>{rules}</style>"
        f'<fieldset class="lc-map__layers"><legend>{escape(ctx.label("map_layers"))}</legend>'
        f'<label><input type="checkbox" class="lc-map__layer-cities" checked> '
        f"{escape(ctx.label('map_layer_cities', n=cities_on_map))}</label>"
        f'<label><input type="checkbox" class="lc-map__layer-events" checked> '
        f"{escape(ctx.label('map_layer_events', n=len(events), total=all_events))}</label></fieldset>"
        f'<details class="lc-map__filter"><summary>{escape(ctx.label("map_event_filter"))}'
        f'</summary><fieldset><legend class="lc-visually-hidden">'
        f"{escape(ctx.label('map_event_filter'))}</legend>"
        f'<label><input type="radio" name="lc-map-event" value="" checked> '
        f"{escape(ctx.label('filter_all'))}</label>{options}</fieldset></details>"
    )
