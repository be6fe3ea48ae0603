"""Stage 3 — model: validated files become typed objects with links resolved both ways."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .dates import DateSpan
from .load import LoadedContent
from .load.document import Document

Bilingual = dict[str, str]


def pick(value: Bilingual | None, lang: str, fallback: str = "th") -> str:
    """The label in `lang`, else in the fallback language, else ""."""
    if not value:
        return ""
    return value.get(lang) or value.get(fallback) or ""


@dataclass(frozen=True)
class Source:
    id: str
    title: Bilingual
    publisher: Bilingual | None
    date: str | None
    url: str | None
    note: Bilingual | None
    title_from: str = "document"  # "editor" when the document has no title of its own
    evidence: dict[str, str] = field(default_factory=dict)  # the document's words, per field
    held_by: Bilingual | None = None  # who holds it, when it has no public web address


@dataclass(frozen=True)
class Term:
    """An entry of a controlled vocabulary (theme, region, SDG)."""

    id: str
    label: Bilingual
    description: Bilingual | None = None


@dataclass
class LocalText:
    """What one language's file says about a case."""

    lang: str
    summary: str
    body: str
    rel: str  # the file it came from
    body_line: int
    translated: bool  # False when this is the primary itself
    outdated: bool = False
    primary_updated: str | None = None


@dataclass(eq=False, repr=False)
class Case:
    kind: str  # "cities", "projects", "lessons", "events", "pages"
    id: str
    label: Bilingual  # name of a city, title of anything else
    fields: dict[str, Any]  # the primary file's front matter, as validated
    texts: dict[str, LocalText]
    sources: list[Source] = field(default_factory=list)

    def __repr__(self) -> str:
        # Cases link to each other both ways: a generated repr would follow every link
        # (gigabytes for a failing test's report).
        return f"<{type(self).__name__} {self.kind}/{self.id}>"

    @property
    def updated(self) -> str:
        return str(self.fields.get("updated", ""))

    @property
    def completeness(self) -> str:
        return str(self.fields.get("completeness", ""))

    @property
    def aliases(self) -> list[str]:
        return list(self.fields.get("aliases") or [])

    def text(self, lang: str) -> LocalText | None:
        return self.texts.get(lang)


@dataclass(eq=False, repr=False)
class City(Case):
    projects: list[Project] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # held in the city or concerning it
    region: Term | None = None


@dataclass(eq=False, repr=False)
class Project(Case):
    city: City | None = None
    lessons: list[Lesson] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    themes: list[Term] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Lesson(Case):
    cities: list[City] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    themes: list[Term] = field(default_factory=list)


@dataclass(frozen=True)
class Place:
    """Where an event happened, named as the source names it; `city` when it is in one of
    the archive's cities (that is what puts it on the map)."""

    name: Bilingual
    city: City | None = None


@dataclass(eq=False, repr=False)
class Event(Case):
    span: DateSpan | None = None  # None only for content that skipped validation
    places: list[Place] = field(default_factory=list)
    cities: list[City] = field(default_factory=list)  # the cities the event concerns
    projects: list[Project] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.span.sort_key if self.span else ((9999, 0, 0), (9999, 0, 0)), self.id)

    def located_cities(self) -> list[City]:
        """Every city the event took place in or concerns, once, places first."""
        found: list[City] = []
        for city in [*(p.city for p in self.places if p.city), *self.cities]:
            if city not in found:
                found.append(city)
        return found


@dataclass
class Archive:
    languages: list[str]
    cities: dict[str, City] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    lessons: dict[str, Lesson] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)  # in date order
    pages: dict[str, Case] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    themes: dict[str, Term] = field(default_factory=dict)
    regions: dict[str, Term] = field(default_factory=dict)
    sdgs: dict[int, Term] = field(default_factory=dict)

    @property
    def primary(self) -> str:
        return self.languages[0]

    def cases(self) -> list[Case]:
        return [
            *self.cities.values(),
            *self.projects.values(),
            *self.lessons.values(),
            *self.events.values(),
        ]

    def by_kind(self, kind: str) -> dict[str, Any]:
        kinds: dict[str, dict[str, Any]] = {
            "cities": self.cities,
            "projects": self.projects,
            "lessons": self.lessons,
            "events": self.events,
            "pages": self.pages,
        }
        return kinds[kind]

    def figures(self, cohort: str | None = None) -> dict[str, int]:
        """Headline figures, counted from the content — never typed into a template.

        `cohort` (e.g. "2020-2021", set in mkdocs.yml) selects the round whose cities and
        projects the headline counts; without it every city and project counts."""
        participants = sum(
            outcome.get("value", 0)
            for project in self.projects.values()
            for outcome in project.fields.get("outcomes") or []
            if outcome.get("key") == "participants"
        )
        return {
            "cities": len(self.cities),
            "cohort_cities": sum(
                cohort is None or c.fields.get("cohort") == cohort for c in self.cities.values()
            ),
            "projects": len(self.projects),
            "round_projects": sum(
                cohort is None or p.fields.get("round") == cohort for p in self.projects.values()
            ),
            "lessons": len(self.lessons),
            "gnlc_members": sum(
                c.fields.get("gnlc_member_since") is not None for c in self.cities.values()
            ),
            "participants": int(participants),
            "sources": len(self.sources),
        }


def _terms(data: dict[Any, Any]) -> dict[Any, Term]:
    return {
        key: Term(str(key), value.get("label") or {}, value.get("description"))
        for key, value in data.items()
        if isinstance(value, dict)
    }


def _texts(by_lang: dict[str, Document], primary: str) -> dict[str, LocalText]:
    thai = by_lang[primary]
    texts = {}
    for lang, doc in by_lang.items():
        translated = lang != primary
        primary_updated = doc.front.get("primary_updated") if translated else None
        outdated = bool(
            translated and primary_updated and str(primary_updated) < str(thai.front.get("updated"))
        )
        texts[lang] = LocalText(
            lang=lang,
            summary=str(doc.front.get("summary") or ""),
            body=doc.body,
            rel=doc.rel,
            body_line=doc.body_line,
            translated=translated,
            outdated=outdated,
            primary_updated=str(primary_updated) if primary_updated else None,
        )
    return texts


def build_archive(loaded: LoadedContent) -> Archive:
    """Assumes `validate` found no errors: references resolve and types are right."""
    config = loaded.config
    primary = config.primary.code
    archive = Archive(languages=config.codes)
    archive.themes = _terms(loaded.vocabulary("themes"))
    archive.regions = _terms(loaded.vocabulary("regions"))
    archive.sdgs = {int(k): v for k, v in _terms(loaded.vocabulary("sdgs")).items()}
    for key, value in (loaded.sources.data if loaded.sources else {}).items():
        archive.sources[key] = Source(
            key,
            value["title"],
            value.get("publisher"),
            value.get("date"),
            value.get("url"),
            value.get("note"),
            value.get("title_from") or "document",
            dict(value.get("evidence") or {}),
            value.get("held_by"),
        )

    def common(kind: str, id_: str, doc: Document, label_key: str) -> dict[str, Any]:
        return {
            "kind": kind,
            "id": id_,
            "label": doc.front.get(label_key) or {},
            "fields": doc.front,
            "texts": _texts(loaded.documents[kind][id_], primary),
            "sources": [
                archive.sources[s] for s in doc.front.get("sources") or [] if s in archive.sources
            ],
        }

    for id_, doc in loaded.primaries("cities").items():
        archive.cities[id_] = City(
            **common("cities", id_, doc, "name"),
            region=archive.regions.get(doc.front.get("region") or ""),
        )
    for id_, doc in loaded.primaries("projects").items():
        project = Project(
            **common("projects", id_, doc, "title"),
            city=archive.cities.get(doc.front.get("city") or ""),
            themes=[
                archive.themes[t] for t in doc.front.get("themes") or [] if t in archive.themes
            ],
        )
        archive.projects[id_] = project
        if project.city:
            project.city.projects.append(project)
    for id_, doc in loaded.primaries("lessons").items():
        lesson = Lesson(
            **common("lessons", id_, doc, "title"),
            cities=[
                archive.cities[c] for c in doc.front.get("cities") or [] if c in archive.cities
            ],
            projects=[
                archive.projects[p]
                for p in doc.front.get("projects") or []
                if p in archive.projects
            ],
            themes=[
                archive.themes[t] for t in doc.front.get("themes") or [] if t in archive.themes
            ],
        )
        archive.lessons[id_] = lesson
        for project in lesson.projects:
            project.lessons.append(lesson)
        # A lesson from a project is also a lesson of the project's city.
        for city in {*lesson.cities, *(p.city for p in lesson.projects if p.city)}:
            if lesson not in city.lessons:
                city.lessons.append(lesson)
    events = [
        _event(common("events", id_, doc, "title"), doc.front, archive)
        for id_, doc in loaded.primaries("events").items()
    ]
    for event in sorted(events, key=lambda e: e.sort_key):
        archive.events[event.id] = event
        for city in event.located_cities():
            city.events.append(event)
        for project in event.projects:
            project.events.append(event)
        for lesson in event.lessons:
            lesson.events.append(event)
    for id_, doc in loaded.primaries("pages").items():
        archive.pages[id_] = Case(**common("pages", id_, doc, "title"))
    return archive


def _event(common: dict[str, Any], front: dict[str, Any], archive: Archive) -> Event:
    try:
        span: DateSpan | None = DateSpan.parse(front.get("date"))
    except ValueError:
        span = None

    def refs(key: str, known: dict[str, Any]) -> list[Any]:
        return [known[i] for i in front.get(key) or [] if i in known]

    places = [
        Place(place.get("name") or {}, archive.cities.get(place.get("city") or ""))
        for place in front.get("places") or []
        if isinstance(place, dict)
    ]
    return Event(
        **common,
        span=span,
        places=places,
        cities=refs("cities", archive.cities),
        projects=refs("projects", archive.projects),
        lessons=refs("lessons", archive.lessons),
    )


def archive_redirects(archive: Archive) -> dict[str, str]:
    """Old page path → current page path, from every case's `aliases`."""
    return {
        f"{case.kind}/{alias}": f"{case.kind}/{case.id}"
        for case in archive.cases()
        for alias in case.aliases
    }


def archive_titles(archive: Archive) -> dict[str, str]:
    """ "lang:kind/id" → the case's label in that language (for redirect pages)."""
    return {
        f"{lang}:{case.kind}/{case.id}": pick(case.label, lang, archive.primary)
        for case in archive.cases()
        for lang in archive.languages
    }
