"""Stage 6 — export: every case as open data (JSON, CSV for Excel), the schemas, the
vocabularies and a Frictionless `datapackage.json` that documents every column.

The files are added to the pages MkDocs reads, so they are in the built site under /data/
(and in `mkdocs serve`) without a separate step.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..imprint import Imprint
from ..messages import language_name
from ..model import Archive, Case, City, Event, Lesson, Project
from ..validate.schema import TEMPLATE, Localisation, published_schemas

DATA_DIR = "data"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Frictionless field type
    description: str  # "{primary}": the primary language's English name
    get: Callable[[Any], Any]


@dataclass(frozen=True)
class PerLanguage:
    """A column for each language of the archive, `<name>_<code>` (label_th, label_lo…).
    `describe(language, primary)` says what it holds in that language (its English name)."""

    name: str
    describe: Callable[[str, bool], str]
    get: Callable[[str], Callable[[Any], Any]]


def _in(what: str) -> Callable[[str, bool], str]:
    return lambda language, _primary: f"{what} ({language})"


def _bi(key: str, lang: str) -> Callable[[Case], Any]:
    return lambda case: (case.fields.get(key) or {}).get(lang)


def _summary(lang: str) -> Callable[[Case], Any]:
    def get(case: Case) -> str | None:
        text = case.text(lang)
        return text.summary if text else None

    return get


def _ids(items: list[Any]) -> str:
    return "; ".join(item.id for item in items)


def _date(edge: str) -> Callable[[Event], str | None]:
    """An event's first or last date, as precise as its source: "2024", "2024-06", …"""

    def get(event: Event) -> str | None:
        return getattr(event.span, edge).iso if event.span else None

    return get


def _places(lang: str) -> Callable[[Event], str]:
    return lambda event: "; ".join(p.name.get(lang, "") for p in event.places)


def _label(lang: str) -> Callable[[Case], Any]:
    return lambda case: case.label.get(lang)


def _lead(part: str, lang: str) -> Callable[[Project], Any]:
    return lambda p: ((p.fields.get("lead") or {}).get(part) or {}).get(lang)


COMMON_HEAD: list[Column | PerLanguage] = [
    Column("id", "string", "Permanent identifier; the page is /<kind>/<id>.html", lambda c: c.id),
    PerLanguage("label", lambda language, _: f"Name or title in {language}", _label),
]
COMMON_TAIL: list[Column | PerLanguage] = [
    PerLanguage(
        "summary",
        lambda language, primary: (
            f"Summary in {language}" + ("" if primary else " (empty if not translated)")
        ),
        _summary,
    ),
    Column("completeness", "string", "stub | partial | complete", lambda c: c.completeness),
    Column("updated", "date", "Date the {primary} text was last revised", lambda c: c.updated),
    Column(
        "sources",
        "string",
        "Source ids (see sources.csv), separated by '; '",
        lambda c: "; ".join(s.id for s in c.sources),
    ),
    Column(
        "aliases",
        "string",
        "Former ids that redirect here, separated by '; '",
        lambda c: "; ".join(c.aliases),
    ),
]
_COLUMNS: dict[str, list[Column | PerLanguage]] = {
    "cities": COMMON_HEAD
    + [
        PerLanguage("province", _in("Province"), lambda lang: _bi("province", lang)),
        Column(
            "region",
            "string",
            "Region id (see vocabularies.json)",
            lambda c: c.fields.get("region"),
        ),
        PerLanguage("research_area", _in("Research area"), lambda lang: _bi("research_area", lang)),
        Column(
            "lat",
            "number",
            "Latitude, decimal degrees",
            lambda c: (c.fields.get("location") or {}).get("lat"),
        ),
        Column(
            "lon",
            "number",
            "Longitude, decimal degrees",
            lambda c: (c.fields.get("location") or {}).get("lon"),
        ),
        Column(
            "cohort",
            "string",
            "Programme round the city joined (CE years)",
            lambda c: c.fields.get("cohort"),
        ),
        Column(
            "gnlc_member_since",
            "integer",
            "Year the city joined UNESCO GNLC (CE)",
            lambda c: c.fields.get("gnlc_member_since"),
        ),
        Column(
            "websites",
            "string",
            "Websites, separated by '; '",
            lambda c: "; ".join(c.fields.get("websites") or []),
        ),
        Column("projects", "string", "Ids of the city's projects", lambda c: _ids(c.projects)),
        Column("lessons", "string", "Ids of related lessons", lambda c: _ids(c.lessons)),
    ]
    + COMMON_TAIL,
    "projects": COMMON_HEAD
    + [
        Column("city", "string", "City id", lambda p: p.fields.get("city")),
        PerLanguage("area", _in("Area"), lambda lang: _bi("area", lang)),
        Column("round", "string", "Programme round (CE years)", lambda p: p.fields.get("round")),
        Column(
            "period_start",
            "integer",
            "First year (CE)",
            lambda p: (p.fields.get("period") or {}).get("start"),
        ),
        Column(
            "period_end",
            "integer",
            "Last year (CE)",
            lambda p: (p.fields.get("period") or {}).get("end"),
        ),
        PerLanguage("funder", _in("Funder"), lambda lang: _bi("funder", lang)),
        PerLanguage("programme", _in("Programme"), lambda lang: _bi("programme", lang)),
        PerLanguage("lead", _in("Project lead"), lambda lang: _lead("name", lang)),
        PerLanguage(
            "institution", _in("Lead's institution"), lambda lang: _lead("institution", lang)
        ),
        Column(
            "themes",
            "string",
            "Theme ids, separated by '; '",
            lambda p: "; ".join(p.fields.get("themes") or []),
        ),
        Column(
            "sdgs",
            "string",
            "SDG numbers, separated by '; '",
            lambda p: "; ".join(str(s) for s in p.fields.get("sdgs") or []),
        ),
        Column(
            "outcomes",
            "string",
            "Reported figures as key=value, separated by '; '",
            lambda p: "; ".join(f"{o['key']}={o['value']}" for o in p.fields.get("outcomes") or []),
        ),
        Column("status", "string", "complete | needs-research", lambda p: p.fields.get("status")),
        Column("lessons", "string", "Ids of related lessons", lambda p: _ids(p.lessons)),
    ]
    + COMMON_TAIL,
    "lessons": COMMON_HEAD
    + [
        Column(
            "themes",
            "string",
            "Theme ids, separated by '; '",
            lambda ls: "; ".join(ls.fields.get("themes") or []),
        ),
        Column("cities", "string", "City ids", lambda ls: _ids(ls.cities)),
        Column("projects", "string", "Project ids", lambda ls: _ids(ls.projects)),
        Column(
            "events",
            "string",
            "Ids of the events that concern the lesson",
            lambda ls: _ids(ls.events),
        ),
    ]
    + COMMON_TAIL,
    "events": COMMON_HEAD
    + [
        Column(
            "date_start",
            "string",
            "First day (CE) as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD",
            _date("start"),
        ),
        Column(
            "date_end",
            "string",
            "Last day (CE), as date_start; equal to it for one day",
            _date("end"),
        ),
        PerLanguage(
            "places",
            lambda language, primary: (
                f"Places as the source names them ({language}), separated by '; '"
                if primary
                else f"Places ({language}), separated by '; '"
            ),
            _places,
        ),
        Column(
            "place_cities",
            "string",
            "Ids of the cities the places are in",
            lambda e: _ids([p.city for p in e.places if p.city]),
        ),
        Column(
            "cities", "string", "Ids of the cities the event concerns", lambda e: _ids(e.cities)
        ),
        Column(
            "projects",
            "string",
            "Ids of the projects the event concerns",
            lambda e: _ids(e.projects),
        ),
        Column(
            "lessons",
            "string",
            "Ids of the lessons that tell of the event",
            lambda e: _ids(e.lessons),
        ),
    ]
    + COMMON_TAIL,
}
# The events each city, project and lesson is linked to, computed both ways.
_COLUMNS["cities"].insert(
    -len(COMMON_TAIL),
    Column(
        "events",
        "string",
        "Ids of the events held in the city or concerning it",
        lambda c: _ids(c.events),
    ),
)
_COLUMNS["projects"].insert(
    -len(COMMON_TAIL),
    Column(
        "events", "string", "Ids of the events that concern the project", lambda p: _ids(p.events)
    ),
)


def columns_for(languages: Sequence[str]) -> dict[str, list[Column]]:
    """Every CSV's columns for an archive in these languages (the primary first): a
    PerLanguage column becomes one per language, named and described in English."""
    primary = language_name(languages[0])[0]

    def expand(item: Column | PerLanguage) -> list[Column]:
        if isinstance(item, Column):
            return [
                Column(item.name, item.type, item.description.format(primary=primary), item.get)
            ]
        return [
            Column(
                f"{item.name}_{code}",
                "string",
                item.describe(language_name(code)[0], n == 0),
                item.get(code),
            )
            for n, code in enumerate(languages)
        ]

    return {
        kind: [column for item in items for column in expand(item)]
        for kind, items in _COLUMNS.items()
    }


COLUMNS = columns_for(TEMPLATE.languages)  # this archive's: Thai and English


def case_record(case: Case, languages: list[str]) -> dict[str, Any]:
    """The JSON form of a case: its validated fields, its texts and its resolved links."""
    record: dict[str, Any] = {"id": case.id, "kind": case.kind}
    record.update({k: v for k, v in case.fields.items() if k != "id"})
    primary = languages[0]
    record["urls"] = {
        lang: (
            f"{case.kind}/{case.id}.html"
            if lang == primary
            else f"{lang}/{case.kind}/{case.id}.html"
        )
        for lang in languages
    }
    record["texts"] = {
        lang: {
            "summary": text.summary,
            "body": text.body,
            "translated": text.translated,
            "outdated": text.outdated,
        }
        for lang, text in case.texts.items()
    }
    if isinstance(case, City):
        record["projects"] = [p.id for p in case.projects]
        record["lessons"] = [ls.id for ls in case.lessons]
        record["events"] = [e.id for e in case.events]
    elif isinstance(case, Project):
        record["lessons"] = [ls.id for ls in case.lessons]
        record["events"] = [e.id for e in case.events]
    elif isinstance(case, Lesson):
        record["cities"] = [c.id for c in case.cities]
        record["projects"] = [p.id for p in case.projects]
        record["events"] = [e.id for e in case.events]
    elif isinstance(case, Event):
        # The date as written, and the same as first/last ISO dates for tools.
        record["date_start"] = case.span.start.iso if case.span else None
        record["date_end"] = case.span.end.iso if case.span else None
    return record


def _csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    # A BOM so that Excel opens Thai text as UTF-8 instead of mojibake.
    return "\ufeff" + buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def _contributors(imprint: Imprint | None, lang: str) -> list[dict[str, Any]]:
    """The data package's publisher and funders (Data Package `contributors`, with roles)."""
    if imprint is None:
        return []
    parties = ([(imprint.publisher, "publisher")] if imprint.publisher else []) + [
        (funder, "funder") for funder in imprint.funders
    ]
    return [
        {
            "title": party.named(lang, lang),
            "role": role,
            "roles": [role],
            **({"path": party.url} if party.url else {}),
        }
        for party, role in parties
    ]


def export_files(
    archive: Archive,
    vocabularies: dict[str, Any],
    *,
    name: str = "archive",
    title: str = "Archive",
    imprint: Imprint | None = None,
    localised: Localisation = TEMPLATE,
) -> dict[str, str]:
    """Path under the site → text, for every open-data file. `name` (a slug), `title` and
    `imprint` describe the data package; they come from mkdocs.yml, so a fork's data carries
    the fork's name, publisher and funders."""
    files: dict[str, str] = {}
    resources = []
    for kind, columns in columns_for(localised.languages).items():
        cases = list(archive.by_kind(kind).values())
        files[f"{DATA_DIR}/{kind}.json"] = _json(
            [case_record(case, archive.languages) for case in cases]
        )
        files[f"{DATA_DIR}/{kind}.csv"] = _csv(
            [[c.name for c in columns]] + [[c.get(case) for c in columns] for case in cases]
        )
        resources.append(
            {
                "name": kind,
                "path": f"{kind}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "profile": "tabular-data-resource",
                "schema": {
                    "fields": [
                        {"name": c.name, "type": c.type, "description": c.description}
                        for c in columns
                    ],
                    "primaryKey": ["id"],
                },
            }
        )
    sources = [
        {
            "id": s.id,
            "title": s.title,
            "title_from": s.title_from,
            "publisher": s.publisher,
            "date": s.date,
            "url": s.url,
            "note": s.note,
            "evidence": s.evidence,
        }
        for s in archive.sources.values()
    ]
    files[f"{DATA_DIR}/sources.json"] = _json(sources)
    codes = localised.languages
    source_columns = [
        "id",
        *(f"title_{code}" for code in codes),
        "title_from",
        *(f"publisher_{code}" for code in codes),
        "date",
        "url",
    ]
    files[f"{DATA_DIR}/sources.csv"] = _csv(
        [source_columns]
        + [
            [
                s.id,
                *(s.title.get(code) for code in codes),
                s.title_from,
                *((s.publisher or {}).get(code) for code in codes),
                s.date,
                s.url,
            ]
            for s in archive.sources.values()
        ]
    )
    resources.append(
        {
            "name": "sources",
            "path": "sources.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "profile": "tabular-data-resource",
            "schema": {
                "fields": [{"name": n, "type": "string"} for n in source_columns],
                "primaryKey": ["id"],
            },
        }
    )
    files[f"{DATA_DIR}/vocabularies.json"] = _json(vocabularies)
    resources.append(
        {
            "name": "vocabularies",
            "path": "vocabularies.json",
            "format": "json",
            "mediatype": "application/json",
        }
    )
    for schema_name, schema in published_schemas(vocabularies, localised).items():
        files[f"{DATA_DIR}/schemas/{schema_name}.json"] = _json(schema)
        resources.append(
            {
                "name": f"schema-{schema_name}",
                "path": f"schemas/{schema_name}.json",
                "format": "json",
                "mediatype": "application/schema+json",
            }
        )
    files[f"{DATA_DIR}/datapackage.json"] = _json(
        {
            "profile": "data-package",
            "name": name,
            "title": f"{title} — open data",
            "licenses": [
                {
                    "name": "CC-BY-4.0",
                    "path": "https://creativecommons.org/licenses/by/4.0/",
                    "title": "Creative Commons Attribution 4.0",
                }
            ],
            **({"homepage": imprint.site_url} if imprint and imprint.site_url else {}),
            **({"contributors": people} if (people := _contributors(imprint, "en")) else {}),
            "resources": resources,
        }
    )
    return files
