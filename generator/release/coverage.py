"""What the archive covers in time and space, counted from the content (never typed in):
the years of the programme's projects and cohorts, and the cities with their coordinates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..model import Archive, pick

_YEAR_RANGE = re.compile(r"^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$")


@dataclass(frozen=True)
class Place:
    id: str
    name: dict[str, str]
    province: dict[str, str]
    lat: float
    lon: float


def _years(value: Any) -> list[int]:
    """Years named by a `period` {start, end} or a round/cohort "2020-2021"."""
    if isinstance(value, dict):
        return [int(v) for v in (value.get("start"), value.get("end")) if isinstance(v, int)]
    if isinstance(value, str) and (match := _YEAR_RANGE.match(value)):
        return [int(match.group(1)), int(match.group(2))]
    return []


def years(archive: Archive) -> tuple[int, int] | None:
    """First and last year (CE) of any project's period, round, or city's cohort; None when
    the content names no year (a fork with its examples removed)."""
    found: list[int] = []
    for project in archive.projects.values():
        found += _years(project.fields.get("period")) + _years(project.fields.get("round"))
    for city in archive.cities.values():
        found += _years(city.fields.get("cohort"))
    return (min(found), max(found)) if found else None


def temporal_coverage(archive: Archive) -> str | None:
    """ISO 8601 interval of years ("2020/2025"), or one year, as schema.org expects."""
    span = years(archive)
    if span is None:
        return None
    first, last = span
    return str(first) if first == last else f"{first}/{last}"


def places(archive: Archive) -> list[Place]:
    """Every city that has coordinates, in id order."""
    found = []
    for city in sorted(archive.cities.values(), key=lambda c: c.id):
        location = city.fields.get("location") or {}
        lat, lon = location.get("lat"), location.get("lon")
        if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
            found.append(
                Place(
                    city.id,
                    dict(city.label),
                    dict(city.fields.get("province") or {}),
                    float(lat),
                    float(lon),
                )
            )
    return found


def place_name(place: Place, lang: str) -> str:
    return pick(place.name, lang)
