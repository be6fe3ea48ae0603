"""The projects index as rows of words: what each cell shows, and the choices of each filter.

The words are worked out once here, so the table, its phone cards and the filters written
above it (theme/assets/javascripts/tables.js makes them work) always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Project
from .context import PageContext

# The columns a reader can filter on, and whether a cell holds one value or a list.
FILTERS = (("city", "single"), ("region", "single"), ("themes", "multi"),
           ("period", "single"), ("status", "single"))  # fmt: skip
LIST_SEPARATOR = ", "


@dataclass(frozen=True)
class ProjectRow:
    project: Project
    title: str
    cells: dict[str, str]  # column key → the words shown ("" when unknown)


@dataclass(frozen=True)
class FilterColumn:
    key: str  # also the label's key in labels.yaml
    multi: bool
    index: int  # the table column it reads (0 is the title)
    choices: tuple[str, ...]


def project_rows(projects: Iterable[Project], ctx: PageContext) -> list[ProjectRow]:
    rows = []
    for project in projects:
        city = project.city
        period = project.fields.get("period") or {}
        status = project.fields.get("status")
        rows.append(
            ProjectRow(
                project,
                ctx.t(project.label),
                {
                    "city": ctx.t(city.label) if city else "",
                    "region": ctx.t(city.region.label) if city and city.region else "",
                    "themes": LIST_SEPARATOR.join(ctx.t(t.label) for t in project.themes),
                    "period": ctx.period(period.get("start"), period.get("end")) if period else "",
                    "status": ctx.label(f"status_{status}") if status else "",
                },
            )
        )
    return sorted(rows, key=lambda row: row.title)


def filter_columns(rows: list[ProjectRow]) -> list[FilterColumn]:
    """One select per filterable column, its choices every value found in that column (the
    script puts them in the reader's alphabetical order)."""
    columns = []
    for index, (key, kind) in enumerate(FILTERS, start=1):
        values: dict[str, None] = {}
        for row in rows:
            text = row.cells[key]
            for value in text.split(LIST_SEPARATOR) if kind == "multi" else [text]:
                if value:
                    values[value] = None
        columns.append(FilterColumn(key, kind == "multi", index, tuple(sorted(values))))
    return columns
