"""The country an archive covers, as data: the outline its map draws and, from that outline,
the coordinates a city may have.

The template's outline is Thailand's (generator/data/thailand-outline.json, Natural Earth,
extracted by tools/extract_outline.py). A fork in another country extracts its own and names
it in mkdocs.yml (`plugins → learningcity → map_outline`); the map and the city schema's
`location` bounds then follow it, with no change to the code (FORKING.md).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig, setting_line
from .problems import Problem, relative

DEFAULT_OUTLINE = Path(__file__).resolve().parent / "data" / "thailand-outline.json"
Ring = tuple[tuple[float, float], ...]  # (longitude, latitude) points, closed


@dataclass(frozen=True)
class Bounds:
    """Whole degrees round the outline (Thailand: 5–21 N, 97–106 E): a city a little off
    the coast still fits, a typing mistake in the degrees does not."""

    south: float
    north: float
    west: float
    east: float


@dataclass(frozen=True)
class Outline:
    rings: tuple[Ring, ...]

    @property
    def bounds(self) -> Bounds:
        lons = [lon for ring in self.rings for lon, _ in ring]
        lats = [lat for ring in self.rings for _, lat in ring]
        return Bounds(
            south=math.floor(min(lats)),
            north=math.ceil(max(lats)),
            west=math.floor(min(lons)),
            east=math.ceil(max(lons)),
        )


class OutlineError(ValueError):
    """The outline file cannot be read as `{"rings": [[[lon, lat], …], …]}`."""


def outline_path(config: SiteConfig) -> Path:
    """The fork's outline (`map_outline`, relative to mkdocs.yml), or the template's."""
    setting = config.settings.get("map_outline")
    return config.root / str(setting) if setting else DEFAULT_OUTLINE


@functools.cache
def read_outline(path: Path) -> Outline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rings = tuple(
            tuple((float(lon), float(lat)) for lon, lat in ring) for ring in data["rings"]
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise OutlineError(f"{path.name}: {error}") from None
    points = [point for ring in rings for point in ring]
    if not points or not all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points):
        raise OutlineError(f"{path.name}: no [longitude, latitude] points in `rings`")
    return Outline(rings)


def outline_of(config: SiteConfig) -> Outline:
    """The outline the archive's map draws; the template's when the fork's cannot be read
    (`outline_problems` then stops the build with the reason)."""
    try:
        return read_outline(outline_path(config))
    except OutlineError:
        return read_outline(DEFAULT_OUTLINE)


def outline_problems(config: SiteConfig) -> list[Problem]:
    """An error at mkdocs.yml's `map_outline` line when the file it names cannot be used."""
    try:
        read_outline(outline_path(config))
    except OutlineError as error:
        config_file = config.config_file or config.root / "mkdocs.yml"
        return [
            Problem(
                path=relative(config_file, config.root),
                line=setting_line(config_file, "map_outline"),
                column=0,
                field="map_outline",
                code="map-outline",
                message_en=f"the map outline cannot be read: {error}",
                message_th=f"อ่านไฟล์เส้นขอบแผนที่ไม่ได้: {error}",
                hint_en='Give a JSON file {"rings": [[[lon, lat], …]]} made by '
                "tools/extract_outline.py (FORKING.md).",
                hint_th='ใช้ไฟล์ JSON แบบ {"rings": [[[lon, lat], …]]} ที่สร้างด้วย '
                "tools/extract_outline.py (ดู FORKING.md)",
            )
        ]
    return []
