"""Rules that need more than one file: ids, translations, periods, aliases."""

from __future__ import annotations

from typing import TypeGuard

from .. import dates
from ..dates import PartialDate
from ..load import LoadedContent
from ..load.document import Document
from ..messages import problem
from ..problems import Problem, Severity

CASE_KINDS = ("cities", "projects", "lessons", "events")
# Pages and folders the generator, MkDocs and the search write themselves.
RESERVED_PAGES = (
    "404",
    "assets",
    "cite",
    "cities",
    "data",
    "downloads",
    "events",
    "lessons",
    "sources",
    "media",
    "print",
    "projects",
    "reference",
    "search",
    "sitemap",
    "themes",
    "translations",
)
# Facts a project's page is not complete without: while one is unknown (null), its status
# is needs-research. The issue-form converter writes the status from the same list.
KEY_FACTS = ("lead", "funder", "programme", "round", "period", "outcomes")


def _iso_date(value: object) -> TypeGuard[str]:
    """A date the archive can compare: year-month-day, CE (a B.E. date is the schema's to
    report; comparing it would only add a second, misleading warning)."""
    reading = dates.read_date(value)
    return (
        isinstance(value, str)
        and not reading.refused
        and reading.value == value
        and len(value) == 10
    )


def _plausible_year(value: object) -> TypeGuard[int]:
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and dates.FIRST_YEAR <= value <= dates.LAST_YEAR
    )


def unknown_facts(front: dict[str, object]) -> list[str]:
    """The key facts a project's front matter leaves unknown, in KEY_FACTS order."""
    unknown = []
    for key in KEY_FACTS:
        value = front.get(key)
        if key == "period":
            if not isinstance(value, dict) or None in (value.get("start"), value.get("end")):
                unknown.append(key)
        elif value is None or value == []:  # no figures reported: the results are unknown
            unknown.append(key)
    return unknown


def check_ids(loaded: LoadedContent) -> list[Problem]:
    """id equals the file name and is unique per kind, aliases included."""
    problems: list[Problem] = []
    for kind in CASE_KINDS:
        owners: dict[str, str] = {}
        for id_, doc in loaded.primaries(kind).items():
            declared = doc.front.get("id")
            if isinstance(declared, str) and declared != id_:
                line, col = doc.position(("id",))
                problems.append(
                    problem("id-mismatch", doc.rel, line, col, "id", value=declared, expected=id_)
                )
            owners.setdefault(id_, doc.rel)
        for doc in loaded.primaries(kind).values():
            aliases = doc.front.get("aliases")
            for index, alias in enumerate(aliases if isinstance(aliases, list) else []):
                if not isinstance(alias, str):
                    continue
                other = owners.get(alias)
                if other is not None and other != doc.rel:
                    line, col = doc.position(("aliases", index))
                    problems.append(
                        problem(
                            "duplicate-id",
                            doc.rel,
                            line,
                            col,
                            f"aliases[{index}]",
                            value=alias,
                            other=other,
                            kind=kind,
                        )
                    )
                else:
                    owners[alias] = doc.rel
    return problems


def check_translations(loaded: LoadedContent) -> list[Problem]:
    primary = loaded.config.primary.code
    problems: list[Problem] = []
    for kind, by_id in loaded.documents.items():
        for id_, by_lang in by_id.items():
            thai = by_lang.get(primary)
            expected_primary = f"{loaded.config.content_dir.name}/{kind}/{id_}.md"
            for lang, doc in by_lang.items():
                if lang == primary:
                    continue
                if thai is None and not _unreadable(loaded, kind, id_, primary):
                    problems.append(
                        problem("orphan-translation", doc.rel, 1, 1, expected=expected_primary)
                    )
                elif thai is not None:
                    problems.extend(_check_outdated(thai, doc))
            if thai is None:
                continue
            for language in loaded.config.languages[1:]:
                if language.code not in by_lang and not _unreadable(
                    loaded, kind, id_, language.code
                ):
                    problems.append(
                        problem(
                            "missing-translation",
                            thai.rel,
                            0,
                            0,
                            severity=Severity.WARNING,
                            expected=f"{loaded.config.content_dir.name}/{kind}/{id_}.{language.code}.md",
                        )
                    )
    return problems


def _unreadable(loaded: LoadedContent, kind: str, id_: str, lang: str) -> bool:
    return any(f.kind == kind and f.id == id_ and f.lang == lang for f in loaded.unreadable)


def _check_outdated(primary: Document, translation: Document) -> list[Problem]:
    updated = primary.front.get("updated")
    translated = translation.front.get("primary_updated")
    if _iso_date(updated) and _iso_date(translated) and translated < updated:
        line, col = translation.position(("primary_updated",))
        return [
            problem(
                "outdated-translation",
                translation.rel,
                line,
                col,
                "primary_updated",
                severity=Severity.WARNING,
                translated=translated,
                updated=updated,
            )
        ]
    return []


def check_periods(loaded: LoadedContent) -> list[Problem]:
    problems: list[Problem] = []
    for doc in loaded.primaries("projects").values():
        period = doc.front.get("period")
        if not isinstance(period, dict):
            continue
        start, end = period.get("start"), period.get("end")
        # Out-of-range years (a Buddhist Era year, say) are the schema's to report.
        if _plausible_year(start) and _plausible_year(end) and start > end:
            line, col = doc.position(("period", "start"))
            problems.append(
                problem("period-order", doc.rel, line, col, "period", start=start, end=end)
            )
    return problems


def check_needs_research(loaded: LoadedContent) -> list[Problem]:
    """A warning per project still marked needs-research, so the backlog stays visible; an
    error where a project says `complete` while a key fact is unknown (its page would claim
    what no source says)."""
    problems: list[Problem] = []
    for doc in loaded.primaries("projects").values():
        status = doc.front.get("status")
        unknown = unknown_facts(doc.front)
        line, col = doc.position(("status",))
        if status == "needs-research":
            problems.append(
                problem(
                    "needs-research",
                    doc.rel,
                    line,
                    col,
                    "status",
                    severity=Severity.WARNING,
                    detail=", ".join(unknown) or "status",
                )
            )
        elif status == "complete" and unknown:
            problems.append(
                problem(
                    "complete-with-unknowns",
                    doc.rel,
                    line,
                    col,
                    "status",
                    unknown=", ".join(f"`{key}`" for key in unknown),
                )
            )
    return problems


def check_reserved_pages(loaded: LoadedContent) -> list[Problem]:
    """A free page may not take a name the site writes itself (search.html, data/ …)."""
    reserved = set(RESERVED_PAGES) | {language.code for language in loaded.config.languages}
    problems = []
    for id_, by_lang in loaded.documents.get("pages", {}).items():
        if id_ in reserved:
            for doc in by_lang.values():
                problems.append(
                    problem(
                        "reserved-id",
                        doc.rel,
                        0,
                        0,
                        value=id_,
                        reserved=", ".join(sorted(reserved)),
                    )
                )
    return problems


def check_event_dates(loaded: LoadedContent) -> list[Problem]:
    """A range that ends before it starts. (Malformed dates and Buddhist Era years are the
    schema's to report; this only compares two dates that are each fine.)"""
    problems: list[Problem] = []
    for doc in loaded.primaries("events").values():
        when = doc.front.get("date")
        if not isinstance(when, dict):
            continue
        if any(dates.read_partial_date(when.get(k)).refused for k in ("start", "end")):
            continue  # a B.E. or day-first date: the schema already says what to write
        try:
            start, end = PartialDate.parse(when.get("start")), PartialDate.parse(when.get("end"))
        except ValueError:
            continue
        if end.sort_key < start.sort_key:
            line, col = doc.position(("date", "start"))
            problems.append(
                problem(
                    "date-range-order", doc.rel, line, col, "date", start=start.iso, end=end.iso
                )
            )
    return problems
