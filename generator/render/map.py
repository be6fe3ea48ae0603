"""A map of the archive's country drawn at build time as inline SVG: no tile server, no
script, no request.

The outline is the archive's data (generator/geography.py): Thailand's from Natural Earth
(public domain) unless mkdocs.yml names a fork's own (`map_outline`, made by
tools/extract_outline.py).
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..geography import Outline
from ..model import City, Event
from .context import PageContext

PIXELS_PER_DEGREE = 32.0
MARGIN = 8.0
PIN_R = 7.0  # a numbered pin's radius, in map units (a little over a CSS pixel each)
PIN_GAP = 2 * PIN_R + 1.5  # pins closer than this are pushed apart
HIT_R = 11.5  # the invisible disc that takes a tap: ≥ 24 CSS px across on a phone
EVENT_RING = 13.0  # distance of an event's diamond from its city's pin


class Projection:
    """Equirectangular, shrunk east-west by cos(mid-latitude) so the country keeps its shape."""

    def __init__(self, rings: tuple[tuple[tuple[float, float], ...], ...]) -> None:
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
    """Where a city's n-th event sits: on a small ring round the city's pin, clockwise from
    the upper right, so that several events of one city stay apart and off the pin."""
    angle = math.radians(-60 + 50 * index)
    ring = EVENT_RING + 6 * (index // 8)  # past a full turn, a wider ring
    return x + ring * math.cos(angle), y + ring * math.sin(angle)


@dataclass
class Pin:
    """A city on the map: its number (the same in the list beside the map), where it really
    is and where its pin is drawn (moved off a neighbour it would cover)."""

    city: City
    number: int
    at: tuple[float, float]
    x: float
    y: float
    in_round: bool
    gnlc: bool


def pins(cities: list[City], project: Projection, cohort: str | None) -> list[Pin]:
    """Numbered north to south, so the list reads down the map as the eye does."""
    located = [(city, _point(city, project)) for city in cities]
    placed = sorted(
        ((city, point) for city, point in located if point is not None),
        key=lambda item: (item[1][1], item[0].id),
    )
    result = [
        Pin(
            city,
            number,
            point,
            *point,
            in_round=cohort is None or city.fields.get("cohort") == cohort,
            gnlc=city.fields.get("gnlc_member_since") is not None,
        )
        for number, (city, point) in enumerate(placed, start=1)
    ]
    spread = _spread(tuple(pin.at for pin in result))
    for pin, (x, y) in zip(result, spread, strict=True):
        pin.x, pin.y = x, y
    return result


@functools.lru_cache(maxsize=4)  # the same layout for every language and page that shows it
def _spread(points: tuple[tuple[float, float], ...]) -> tuple[tuple[float, float], ...]:
    """Push apart pins that would overlap (Bangkok and Thanyaburi are 14 px apart), a little
    at a time in a fixed order, so the same content always gives the same picture. Only pins
    in neighbouring cells of a PIN_GAP grid are compared: a fork with hundreds of cities
    stays fast."""
    at = [list(point) for point in points]
    for _ in range(60):
        cells: dict[tuple[int, int], list[int]] = {}
        for index, (x, y) in enumerate(at):
            cells.setdefault((int(x // PIN_GAP), int(y // PIN_GAP)), []).append(index)
        moved = False
        for i, a in enumerate(at):
            cx, cy = int(a[0] // PIN_GAP), int(a[1] // PIN_GAP)
            near = sorted(
                j
                for gx in (cx - 1, cx, cx + 1)
                for gy in (cy - 1, cy, cy + 1)
                for j in cells.get((gx, gy), ())
                if j > i
            )
            for j in near:
                b = at[j]
                dx, dy = b[0] - a[0], b[1] - a[1]
                distance = math.hypot(dx, dy)
                if distance >= PIN_GAP:
                    continue
                if distance < 0.01:  # the same spot: part them east and west
                    dx, dy, distance = 1.0, 0.0, 1.0
                push = (PIN_GAP - distance) / 2 + 0.05
                a[0], a[1] = a[0] - dx / distance * push, a[1] - dy / distance * push
                b[0], b[1] = b[0] + dx / distance * push, b[1] + dy / distance * push
                moved = True
        if not moved:
            break
    return tuple((x, y) for x, y in at)


def _kind_label(pin: Pin, ctx: PageContext) -> str:
    """What sets a city apart from the counted round, in words (the round itself is the rule,
    said once in the key)."""
    words = [] if pin.in_round else [ctx.label("map_key_other")]
    if pin.gnlc:
        words.append(ctx.label("map_key_gnlc_short"))
    return ", ".join(words)


def _pin_svg(pin: Pin, ctx: PageContext) -> str:
    name = ctx.t(pin.city.label)
    classes = "lc-marker " + ("lc-marker--round" if pin.in_round else "lc-marker--other")
    if pin.gnlc:
        classes += " lc-marker--gnlc"
    kind = _kind_label(pin, ctx)
    label = escape(f"{pin.number}. {name}" + (f" ({kind})" if kind else ""))
    leader = ""
    if math.hypot(pin.x - pin.at[0], pin.y - pin.at[1]) > 1:
        leader = (
            f'<line class="lc-marker__leader" x1="{pin.at[0]:.1f}" y1="{pin.at[1]:.1f}" '
            f'x2="{pin.x:.1f}" y2="{pin.y:.1f}"/>'
            f'<circle class="lc-marker__spot" cx="{pin.at[0]:.1f}" cy="{pin.at[1]:.1f}" r="1.6"/>'
        )
    ring = (
        f'<circle class="lc-marker__ring" cx="{pin.x:.1f}" cy="{pin.y:.1f}" r="{PIN_R + 2.2}"/>'
        if pin.gnlc
        else ""
    )
    return (
        f'<a class="{classes}" href="{escape(ctx.case_url(pin.city))}" aria-label="{label}" '
        f'data-city="{escape(pin.city.id)}">{leader}'
        f'<circle class="lc-marker__hit" cx="{pin.x:.1f}" cy="{pin.y:.1f}" r="{HIT_R}"/>{ring}'
        f'<circle class="lc-marker__dot" cx="{pin.x:.1f}" cy="{pin.y:.1f}" r="{PIN_R}"/>'
        f'<text class="lc-marker__n" x="{pin.x:.1f}" y="{pin.y:.1f}" aria-hidden="true">'
        f"{pin.number}</text><title>{label}</title></a>"
    )


def _event_spots(placed: list[Pin]) -> list[tuple[Pin, Event, float, float]]:
    """Where each city's event diamonds go: round the city's pin, clockwise from the upper
    right, skipping spots where a diamond would sit under another city's pin or on another
    diamond (around Bangkok the pins are close), so every diamond stays in sight."""
    taken: list[tuple[float, float]] = []
    spots = []
    for pin in placed:
        slot = 0
        for event in pin.city.events:
            for _ in range(24):
                x, y = _event_point(pin.x, pin.y, slot)
                slot += 1
                clear_of_pins = all(
                    math.hypot(x - other.x, y - other.y) >= PIN_R + 5.5 for other in placed
                )
                clear_of_events = all(math.hypot(x - a, y - b) >= 9 for a, b in taken)
                if clear_of_pins and clear_of_events:
                    break
            taken.append((x, y))
            spots.append((pin, event, x, y))
    return spots


def _event_markers(placed: list[Pin], ctx: PageContext) -> list[str]:
    """A diamond per event and city it took place in or concerns, linking to the event."""
    markers = []
    for pin, event, x, y in _event_spots(placed):
        label = escape(f"{ctx.t(event.label)} — {ctx.when(event.span)} — {ctx.t(pin.city.label)}")
        diamond = (
            f"M{x:.1f},{y - 4.5:.1f}L{x + 4.5:.1f},{y:.1f}L{x:.1f},{y + 4.5:.1f}"
            f"L{x - 4.5:.1f},{y:.1f}Z"
        )
        markers.append(
            f'<a class="lc-event-marker" href="{escape(ctx.case_url(event))}" '
            f'aria-label="{label}" data-event="{escape(event.id)}" '
            f'data-event-city="{escape(pin.city.id)}"><path d="{diamond}"/>'
            f"<title>{label}</title></a>"
        )
    return markers


def _point(city: City, project: Projection) -> tuple[float, float] | None:
    location = city.fields.get("location") or {}
    if "lat" not in location or "lon" not in location:
        return None
    return project(float(location["lon"]), float(location["lat"]))


def render_map(
    cities: list[City],
    ctx: PageContext,
    outline: Outline,
    cohort: str | None = None,
    *,
    folded: bool = False,
) -> Markup:
    """The outline, a layer of numbered city pins and a layer of event diamonds (events come
    from the cities: `City.events`), then the key and the numbered list of the same cities:
    the list is the way in for a reader who cannot hit a small pin (WCAG 2.5.8)."""
    rings = outline.rings
    project = Projection(rings)
    paths = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    placed = pins(cities, project, cohort)
    period = ctx.cohort(cohort) if cohort else ""
    events = _event_markers(placed, ctx)
    city_layer = "".join(_pin_svg(pin, ctx) for pin in placed)
    # Events under the pins: a diamond may cover a neighbour's number, never the reverse.
    layers = f'<g class="lc-layer lc-layer--events">{"".join(events)}</g>' if events else ""
    layers += f'<g class="lc-layer lc-layer--cities">{city_layer}</g>'
    svg = (
        f'<svg viewBox="0 0 {project.width:.0f} {project.height:.0f}" role="group" '
        f'aria-label="{escape(ctx.label("map"))}" xmlns="http://www.w3.org/2000/svg">'
        f'<path class="lc-land" d="{" ".join(paths)}"/>{layers}</svg>'
    )
    listed = _list(placed, ctx)
    if folded:  # the front door: the list one tap away, the map the first thing seen
        summary = escape(ctx.label("map_list_open", n=len(placed)))
        listed = f'<details class="lc-map__more"><summary>{summary}</summary>{listed}</details>'
    return Markup(
        f'<div class="lc-map__body"><div class="lc-map__picture">{svg}'
        f"{_key(placed, ctx, period, bool(events))}</div>{listed}</div>"
    )


_ROUND = '<circle class="lc-marker__dot lc-key--round" cx="10" cy="10" r="7"/>'
_OTHER = '<circle class="lc-marker__dot lc-key--other" cx="10" cy="10" r="7"/>'
_GNLC = '<circle class="lc-marker__ring" cx="10" cy="10" r="9.2"/>' + _ROUND
_EVENT = '<path class="lc-key--event" d="M10,4.5L15.5,10L10,15.5L4.5,10Z"/>'


def _key(placed: list[Pin], ctx: PageContext, period: str, events: bool) -> str:
    """The legend: only the kinds of mark this map shows."""
    entries = [
        (_ROUND, ctx.label("map_key_round", period=period), bool(period)),
        (_OTHER, ctx.label("map_key_other"), any(not pin.in_round for pin in placed)),
        (_GNLC, ctx.label("map_key_gnlc"), any(pin.gnlc for pin in placed)),
        (_EVENT, ctx.label("event"), events),
    ]
    items = "".join(
        f'<li><svg class="lc-map__swatch" viewBox="0 0 20 20" aria-hidden="true">{mark}</svg>'
        f"<span>{escape(text)}</span></li>"
        for mark, text, shown in entries
        if shown
    )
    if not items:
        return ""
    return f'<ul class="lc-map__key" aria-label="{escape(ctx.label("map_key"))}">{items}</ul>'


def _list(placed: list[Pin], ctx: PageContext) -> str:
    items = []
    for pin in placed:
        kind = _kind_label(pin, ctx)
        note = f' <span class="lc-map__kind">{escape(kind)}</span>' if kind else ""
        items.append(
            f'<li value="{pin.number}" data-city="{escape(pin.city.id)}">'
            f'<a href="{escape(ctx.case_url(pin.city))}">{escape(ctx.t(pin.city.label))}</a>'
            f"{note}</li>"
        )
    return (
        f'<ol class="lc-map__list" aria-label="{escape(ctx.label("map_list"))}">'
        f"{''.join(items)}</ol>"
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
