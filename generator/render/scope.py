"""What the headline figures count, said in words: the home page's figures name their round
or project, and the home and index pages say why the archive holds more cities and projects
than the round the figures count (the rest come from work outside that round)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Archive, Case, City, Project


@dataclass(frozen=True)
class Figure:
    key: str  # cities, projects, lessons, gnlc, participants
    value: int
    scope: str = ""  # what it counts, in words ("" when it counts the whole archive)
    href: str = ""  # where the counted cases are listed
    cases: tuple[Case, ...] = ()  # the cases a figure comes from, when it is a few


@dataclass(frozen=True)
class Scope:
    """The counted round (`cohort`, e.g. "2020-2021"; None counts everything) and the cases
    inside and outside it."""

    cohort: str | None
    cities_in: tuple[City, ...]
    cities_out: tuple[City, ...]
    projects_in: tuple[Project, ...]
    projects_out: tuple[Project, ...]
    reporting: tuple[Project, ...] = field(default=())  # projects that report participants


def scope_of(archive: Archive, cohort: str | None) -> Scope:
    cities = list(archive.cities.values())
    projects = list(archive.projects.values())
    if not any(c.fields.get("cohort") == cohort for c in cities) and not any(
        p.fields.get("round") == cohort for p in projects
    ):
        # A round no case is of (a fork that kept this setting): everything is counted and no
        # round is named; the build warns (validate/settings.py, setting-empty-round).
        cohort = None

    def counted(value: object) -> bool:
        return cohort is None or value == cohort

    return Scope(
        cohort=cohort,
        cities_in=tuple(c for c in cities if counted(c.fields.get("cohort"))),
        cities_out=tuple(c for c in cities if not counted(c.fields.get("cohort"))),
        projects_in=tuple(p for p in projects if counted(p.fields.get("round"))),
        projects_out=tuple(p for p in projects if not counted(p.fields.get("round"))),
        reporting=tuple(
            p
            for p in projects
            if any(o.get("key") == "participants" for o in p.fields.get("outcomes") or [])
        ),
    )


def participants(scope: Scope) -> int:
    return int(
        sum(
            o.get("value", 0)
            for p in scope.reporting
            for o in p.fields.get("outcomes") or []
            if o.get("key") == "participants"
        )
    )
