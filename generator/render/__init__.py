"""Stage 4 — render: the model becomes the Markdown pages MkDocs reads, in every language."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2
import markupsafe

from ..citation_cff import archive_citable
from ..config import SiteConfig
from ..export import columns_for
from ..export.citations import Citable, citation_files, parse_date
from ..geography import outline_of
from ..imprint import imprint_of
from ..model import Archive, Case, Event, Lesson, Project, Term
from ..validate.schema import localisation
from . import jsonld
from .citation_text import apa, chicago
from .context import TEMPLATE_DIR, PageContext
from .imprint_view import footer_data, imprint_values
from .inferred import mark_inferred
from .map import map_controls, render_map
from .project_table import filter_columns, project_rows
from .reference import reference_context
from .scope import Figure, Scope, participants, scope_of

MISSING_FACT_FORM = "missing-fact.yml"  # .github/ISSUE_TEMPLATE/, written by contrib/forms.py
CASE_TEMPLATES = {
    "cities": "city.md.j2",
    "projects": "project.md.j2",
    "lessons": "lesson.md.j2",
    "events": "event.md.j2",
}
CASE_KINDS = tuple(CASE_TEMPLATES)
# Lines in a free page that the generator replaces (written alone on their line).
PLACEHOLDERS = ("figures", "map", "entry_points", "colophon", "how_to_send")
HOME_FIGURES = ("cities", "projects", "lessons", "gnlc_members", "participants")


@dataclass
class RenderResult:
    files: dict[str, str]  # path inside the build folder → Markdown text
    nav: list[str]  # primary-language pages for the navigation, in order
    # Pages that hold every case's text (the print pages): what a preview may leave as it was.
    whole_archive: list[str] = field(default_factory=list)
    # What every page's footer shows, per language (theme/partials/copyright.html).
    footer: dict[str, Any] = field(default_factory=dict)


def code(value: object) -> markupsafe.Markup:
    """Inline code as HTML: Markdown backticks would show autoescaped entities literally."""
    return markupsafe.Markup("<code>{}</code>").format(str(value))


@functools.cache  # compiled once per process: `mkdocs serve` renders again on every save
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # everything a contributor typed is escaped unless marked |safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["code"] = code
    return env


class Renderer:
    def __init__(
        self,
        archive: Archive,
        config: SiteConfig,
        nonce: str,
        changed: dict[str, str] | None = None,
    ) -> None:
        self.archive = archive
        self.changed = changed or {}  # content file → date of its last commit
        self.config = config
        self.nonce = nonce  # marks where untrusted body HTML starts/ends for the sanitiser
        self.env = environment()
        self.files: dict[str, str] = {}
        self.whole_archive: list[str] = []
        self.imprint = imprint_of(config)
        self.outline = outline_of(config)

    def render(self) -> RenderResult:
        """Every page in every language."""
        for lang in self.archive.languages:
            for case in self.archive.cases():
                self._case(case, lang)
            for page in self.archive.pages.values():
                self._page(page, lang)
            if "index" not in self.archive.pages:
                self._default_home(lang)
            self._indexes(lang)
        self.files["assets/stylesheets/colors.css"] = self._colors_css()
        return RenderResult(self.files, self._nav(), self.whole_archive, self._footer())

    def _footer(self) -> dict[str, Any]:
        generated = {
            "data": "data_title",
            "reference": "reference_title",
            "translations": "translation_status",
            "sources/index": "sources",
        }
        titles = {}
        for page in self.tool_pages():
            titles[page] = {
                lang: self._ctx(page, lang).label(generated[page])
                if page in generated
                else self._ctx(page, lang).t(self.archive.pages[page].label)
                for lang in self.archive.languages
            }
        return footer_data(self.imprint, self.config, "about" in self.archive.pages, titles)

    def _colors_css(self) -> str:
        """The fork's colours, from mkdocs.yml, as Material's CSS variables."""
        colors = {
            "primary": "#00695c",
            "accent": "#b23c17",
            **(self.config.settings.get("colors") or {}),
        }
        return (
            "/* Generated from mkdocs.yml (plugins → learningcity → colors). */\n"
            ":root, [data-md-color-scheme=default] {\n"
            f"  --md-primary-fg-color: {colors['primary']};\n"
            f"  --md-primary-fg-color--light: {colors['primary']};\n"
            f"  --md-primary-fg-color--dark: {colors['primary']};\n"
            "  --md-primary-bg-color: #fff;\n"
            f"  --md-accent-fg-color: {colors['accent']};\n"
            f"  --md-accent-fg-color--transparent: {colors['accent']}1a;\n"
            f"  --md-typeset-a-color: {colors['primary']};\n"
            "}\n"
        )

    # -- helpers --------------------------------------------------------------------------
    @property
    def send_page(self) -> str:
        """The page that says how to send a missing fact: contribute, else about, else home."""
        return next(
            (page for page in ("contribute", "about") if page in self.archive.pages), "index"
        )

    def _with_sections(self, page_id: str, body: str) -> str:
        """The generated sections a free page always ends with, unless its text places them
        with their placeholder: who stands behind the archive on About, how to send a missing
        fact on the page help links lead to."""
        sections = (["colophon"] if page_id == "about" else []) + (
            ["how_to_send"] if page_id == self.send_page else []
        )
        for section in sections:
            if not re.search(rf"^\s*\{{\{{\s*{section}\s*\}}\}}\s*$", body, re.MULTILINE):
                body += f"\n\n{{{{ {section} }}}}\n"
        return body

    def help_url(self, case: Case, field: str, ctx: PageContext) -> str:
        """Where a reader sends a missing fact: the repository's "missing information" issue
        form, filled in with the case and the field; without a repository, the part of the
        contribute page that says how to send it."""
        title = f"{ctx.label('help_title')}: {ctx.t(case.label)}" + (
            f" — {ctx.label(field)}" if field else ""
        )
        url = self.imprint.issue_form_url(
            MISSING_FACT_FORM, title=title, case=f"{case.kind}/{case.id}", field=field
        )
        if url:
            return url
        return ctx.url(self.send_page, "lc-send")

    def _ctx(self, path: str, lang: str) -> PageContext:
        return PageContext(
            path=path,
            lang=lang,
            primary=self.archive.primary,
            buddhist_era=self.config.buddhist_era,
        )

    def _emit(self, template: str, ctx: PageContext, **values: Any) -> None:
        text = self.env.get_template(template).render(
            ctx=ctx,
            nonce=self.nonce,
            help_url=self.help_url,
            site_name=self._site_name(ctx.lang),
            **values,
        )
        # The navigation is flat (one tab per section), so the left sidebar would be empty on
        # wide screens; hidden there, it still opens as the menu on phones.
        self.files[ctx.file] = (
            text.replace("---\n", "---\nhide: [navigation]\n", 1)
            if text.startswith("---\n")
            else text
        )

    def _site_name(self, lang: str) -> str:
        for language in self.config.languages:
            if language.code == lang:
                return language.site_name
        return self.config.primary.site_name

    def _page_url(self, ctx: PageContext) -> str:
        base = self.config.site_url.rstrip("/")
        prefix = "" if ctx.lang == ctx.primary else f"{ctx.lang}/"
        return f"{base}/{prefix}{ctx.path}.html" if base else f"{prefix}{ctx.path}.html"

    # -- pages ----------------------------------------------------------------------------
    def _case(self, case: Case, lang: str) -> None:
        ctx = self._ctx(f"{case.kind}/{case.id}", lang)
        text = case.text(lang)
        fallback = text is None
        text = text or case.text(self.archive.primary)
        assert text is not None
        page_url = self._page_url(ctx)
        changed = self.changed.get(text.rel) or case.updated
        citation = self._cite(
            ctx, f"{case.kind}/{case.id}", ctx.t(case.label), changed, key=f"{case.kind}-{case.id}"
        )
        self._emit(
            CASE_TEMPLATES[case.kind],
            ctx,
            case=case,
            f=_Fields(case.fields),
            title=ctx.t(case.label),
            summary=text.summary,
            text=text,
            body=mark_inferred(text.body, ctx.label("inferred")),
            fallback=fallback,
            page_url=page_url,
            source=text.rel,
            changed=changed,
            citation=citation,
            jsonld=jsonld.describe(
                case, ctx, text.summary, page_url, part_of=self._archive_ld(ctx)
            ),
        )

    def _archive_ld(self, ctx: PageContext) -> dict[str, Any]:
        return jsonld.archive(
            self.imprint, ctx, self._site_name(ctx.lang), self.config.text("description", ctx.lang)
        )

    def _cite(
        self, ctx: PageContext, path: str, title: str, changed: str, key: str
    ) -> dict[str, Any]:
        """A case's citations in both styles, and its citation files (cite/<lang>/…)."""
        publisher = self.imprint.publisher
        item = Citable(
            key=key,
            kind="webpage",
            title=title,
            container=self._site_name(ctx.lang),
            date=parse_date(changed),
            url=self._page_url(ctx),
            lang=ctx.lang,
            publisher=publisher.named(ctx.lang, ctx.primary) if publisher else "",
        )
        return self._citation_block(ctx, item, f"cite/{ctx.lang}/{path}")

    def _citation_block(self, ctx: PageContext, item: Citable, base: str) -> dict[str, Any]:
        files = citation_files(base, [item])
        self.files.update(files)
        return {
            "apa": apa(item, ctx.lang),
            "chicago": chicago(item, ctx.lang),
            "files": {name.rsplit(".", 1)[1]: ctx.url_file(name) for name in files},
            "absolute": "://" in item.url,
        }

    def archive_citation(self, ctx: PageContext) -> dict[str, Any]:
        """The whole archive's citation (CITATION.cff) for the About page."""
        newest = max(self.changed.values(), default="") or max(
            (c.updated for c in self.archive.cases()), default=""
        )
        item = archive_citable(self.config, ctx.lang, newest)
        return self._citation_block(ctx, item, f"cite/{ctx.lang}/archive")

    def _page(self, page: Case, lang: str) -> None:
        ctx = self._ctx(page.id, lang)
        text = page.text(lang)
        fallback = text is None
        text = text or page.text(self.archive.primary)
        assert text is not None
        body = self._expand_placeholders(
            self._with_sections(page.id, mark_inferred(text.body, ctx.label("inferred"))), ctx
        )
        if not re.search(r"^#\s", body, flags=re.MULTILINE):
            body = f"# {ctx.t(page.label)}\n\n{body}"
        self._emit(
            "page.md.j2",
            ctx,
            page=page,
            title=ctx.t(page.label),
            summary=text.summary,
            body=body,
            fallback=fallback,
            source=text.rel,
            jsonld=self._archive_ld(ctx) if page.id == "index" else None,
            changed=self.changed.get(text.rel) or page.updated,
        )

    def _default_home(self, lang: str) -> None:
        """A fork with no pages still gets a home page: the site name, figures, entry points."""
        ctx = self._ctx("index", lang)
        body = self._with_sections(
            "index",
            f"# {self._site_name(lang)}\n\n{{{{ figures }}}}\n\n{{{{ entry_points }}}}\n\n{{{{ map }}}}\n",
        )
        self._emit(
            "page.md.j2",
            ctx,
            page=Case("pages", "index", {}, {}, {}),
            title=self._site_name(lang),
            summary="",
            body=self._expand_placeholders(body, ctx),
            fallback=False,
            source="",
            jsonld=self._archive_ld(ctx),
            changed="",
        )

    def _scope(self) -> Scope:
        return scope_of(self.archive, (self.config.settings.get("figures") or {}).get("cohort"))

    def scope_note(self, ctx: PageContext, *, on_home: bool = False) -> markupsafe.Markup:
        """Why the archive holds more cities and projects than the round its figures count."""
        scope = self._scope()
        return markupsafe.Markup(
            self.env.get_template("scope_note.md.j2").render(
                ctx=ctx,
                scope=scope,
                period=ctx.cohort(scope.cohort) if scope.cohort else "",
                on_home=on_home,
            )
        )

    def _figures(self, ctx: PageContext) -> str:
        scope = self._scope()
        period = ctx.cohort(scope.cohort) if scope.cohort else ""
        reporting = scope.reporting
        figures = [
            Figure(
                "cities",
                len(scope.cities_in),
                ctx.label("scope_cohort", period=period) if period else "",
                ctx.url("cities/index"),
            ),
            Figure(
                "projects",
                len(scope.projects_in),
                ctx.label("scope_round", period=period) if period else "",
                ctx.url("projects/index"),
            ),
            Figure("lessons", len(self.archive.lessons), "", ctx.url("lessons/index")),
            Figure(
                "gnlc",
                sum(
                    c.fields.get("gnlc_member_since") is not None
                    for c in self.archive.cities.values()
                ),
                ctx.label("scope_in_archive"),
                ctx.url("cities/index"),
            ),
            Figure(
                "participants",
                participants(scope),
                self._one_project_scope(ctx, reporting[0])
                if len(reporting) == 1
                else ctx.label("scope_projects", n=len(reporting)),
                ctx.case_url(reporting[0]) if len(reporting) == 1 else ctx.url("projects/index"),
            ),
        ]
        return self.env.get_template("figures.md.j2").render(
            ctx=ctx, figures=figures, scope_note=self.scope_note(ctx, on_home=True)
        )

    @staticmethod
    def _one_project_scope(ctx: PageContext, project: Project) -> str:
        """Which project a figure comes from, short enough for a figure card: the figure links
        to the project, whose full title ran to ten lines in a card and made the row as tall."""
        if project.city:
            return ctx.label("scope_one_project_in", city=ctx.t(project.city.label))
        return ctx.label("scope_one_project", title=ctx.t(project.label))

    def _home_map(self, ctx: PageContext) -> str:
        """The cities on the front door: the map and its key, the list folded (it is open on
        the cities page, which the caption links to)."""
        cities = list(self.archive.cities.values())
        if not cities:
            return ""
        return self.env.get_template("home_map.md.j2").render(
            ctx=ctx,
            map_svg=render_map(cities, ctx, self.outline, self._scope().cohort, folded=True),
        )

    def _expand_placeholders(self, body: str, ctx: PageContext) -> str:
        who = imprint_values(self.imprint, ctx)
        # Each block is made only where its placeholder is written (it may write files).
        blocks: dict[str, Callable[[], str]] = {
            "figures": lambda: self._figures(ctx),
            "map": lambda: self._home_map(ctx),
            "entry_points": lambda: self.env.get_template("entry_points.md.j2").render(
                ctx=ctx, about="about" in self.archive.pages, send_page=self.send_page
            ),
            "colophon": lambda: self.env.get_template("colophon.md.j2").render(
                ctx=ctx, who=who, citation=self.archive_citation(ctx)
            ),
            "how_to_send": lambda: self.env.get_template("how_to_send.md.j2").render(
                ctx=ctx, who=who, form_url=self.imprint.issue_form_url(MISSING_FACT_FORM)
            ),
        }
        lines = []
        for line in body.split("\n"):
            key = line.strip().removeprefix("{{").removesuffix("}}").strip()
            if line.strip().startswith("{{") and key in blocks:
                # The block is the generator's own HTML (the map's SVG, the figures): it is
                # set outside the contributor's text that the sanitiser cleans.
                lines.append(
                    f"<!-- lc-body-end:{self.nonce} -->\n\n{blocks[key]()}\n\n"
                    f"<!-- lc-body-start:{self.nonce} -->"
                )
            else:
                lines.append(line)
        return "\n".join(lines)

    def _indexes(self, lang: str) -> None:
        archive = self.archive
        regions = list(archive.regions.values())
        by_region = [
            (region, [c for c in archive.cities.values() if c.region is region])
            for region in regions
        ]
        by_region = [(r, members) for r, members in by_region if members]
        orphans = [c for c in archive.cities.values() if c.region is None]
        if orphans:
            by_region.append((None, orphans))  # type: ignore[arg-type]
        cities_ctx = self._ctx("cities/index", lang)
        cities = list(archive.cities.values())
        self._emit(
            "cities_index.md.j2",
            cities_ctx,
            scope_note=self.scope_note(cities_ctx),
            cities=cities,
            by_region=by_region,
            map_svg=render_map(cities, cities_ctx, self.outline, self._scope().cohort)
            if cities
            else "",
            map_controls=map_controls(cities, cities_ctx, len(archive.events)),
        )
        self._emit(
            "events_index.md.j2",
            self._ctx("events/index", lang),
            events=list(archive.events.values()),
            by_year=self._by_year(),
        )
        projects_ctx = self._ctx("projects/index", lang)
        self._emit(
            "projects_index.md.j2",
            projects_ctx,
            scope_note=self.scope_note(projects_ctx),
            rows=(rows := project_rows(archive.projects.values(), projects_ctx)),
            filters=filter_columns(rows),
        )
        # The themes some case is tagged with: a term of the vocabulary that tags nothing
        # (a fork keeps ours until it writes its own) would be a page leading nowhere.
        themes = [(t, cases) for t in archive.themes.values() if any(cases := self._in_theme(t))]
        self._emit(
            "lessons_index.md.j2",
            self._ctx("lessons/index", lang),
            lessons=list(archive.lessons.values()),
            by_theme=[(t, lessons) for t, (_, lessons) in themes if lessons],
        )
        self._emit(
            "themes_index.md.j2",
            self._ctx("themes/index", lang),
            themes=[(t, len(p) + len(ls)) for t, (p, ls) in themes],
        )
        for theme, (projects, lessons) in themes:
            self._emit(
                "theme.md.j2",
                self._ctx(f"themes/{theme.id}", lang),
                theme=theme,
                projects=projects,
                lessons=lessons,
            )
        self._emit(
            "translations.md.j2",
            self._ctx("translations", lang),
            rows=list(self._translation_rows()),
        )
        self._sources(lang)
        counts = {kind: len(archive.by_kind(kind)) for kind in CASE_KINDS}
        counts["sources"] = len(archive.sources)
        columns = columns_for(self.config.codes)
        self._emit(
            "data.md.j2",
            self._ctx("data", lang),
            kinds=list(columns),
            counts=counts,
            codebook=list(columns.items()),
            download_name=self.config.settings.get("download_name", "site"),
        )
        self._emit(
            "reference.md.j2",
            self._ctx("reference", lang),
            **reference_context(localisation(self.config)),
        )
        print_page = self._ctx("print", lang)
        self._emit("print.md.j2", print_page, sections=self._print_sections(lang))
        self.whole_archive.append(print_page.file)

    def _sources(self, lang: str) -> None:
        """A page per document the archive cites: its full record, where it can be found, and
        every case that cites it; and the list of them all."""
        citing: dict[str, list[Case]] = {source_id: [] for source_id in self.archive.sources}
        for case in self.archive.cases():
            for source in case.sources:
                citing[source.id].append(case)
        for source in self.archive.sources.values():
            # Help links speak of cases: a source is one of the registry's entries.
            entry = Case("sources", source.id, source.title, {}, {})
            self._emit(
                "source.md.j2",
                self._ctx(f"sources/{source.id}", lang),
                source=source,
                citing=citing[source.id],
                source_case=entry,
            )
        self._emit(
            "sources_index.md.j2",
            self._ctx("sources/index", lang),
            sources=[(s, citing[s.id]) for s in self.archive.sources.values()],
        )

    def _print_sections(self, lang: str) -> list[tuple[str, str, list[Any]]]:
        """Every case's text for the one printable page, headings pushed two levels down."""
        ctx = self._ctx("print", lang)
        sections = []
        for kind in CASE_KINDS:
            cases = []
            for case in self.archive.by_kind(kind).values():
                text = case.text(lang) or case.text(self.archive.primary)
                assert text is not None
                body = re.sub(r"^(#{1,4})(\s)", r"##\1\2", text.body, flags=re.MULTILINE)
                body = mark_inferred(body, ctx.label("inferred"))
                cases.append((case, text, case.text(lang) is None, body))
            if cases:
                sections.append((kind, ctx.label(kind), cases))
        return sections

    def _by_year(self) -> list[tuple[int, list[Event]]]:
        """The timeline's sections: events by the year they start, in date order."""
        years: dict[int, list[Event]] = {}
        for event in self.archive.events.values():
            if event.span is not None:
                years.setdefault(event.span.start.year, []).append(event)
        return sorted(years.items())

    def _in_theme(self, theme: Term) -> tuple[list[Project], list[Lesson]]:
        projects = [p for p in self.archive.projects.values() if theme in p.themes]
        lessons = [ls for ls in self.archive.lessons.values() if theme in ls.themes]
        return projects, lessons

    def _translation_rows(self) -> Iterable[tuple[Case, str, str]]:
        for case in [*self.archive.cases(), *self.archive.pages.values()]:
            if case.kind == "pages":
                continue
            for lang in self.archive.languages[1:]:
                text = case.text(lang)
                state = (
                    "missing"
                    if text is None
                    else ("outdated_short" if text.outdated else "current")
                )
                yield case, lang, state

    def _nav(self) -> list[str]:
        """The reader's sections, one tab each: the indexes, then the free pages named in
        `nav_pages` (About). Pages for contributors and data users (contribute, licence,
        field reference, data, translation status) are linked from every footer instead."""
        pages = [
            "index.md",
            "cities/index.md",
            "projects/index.md",
            "lessons/index.md",
            "events/index.md",
            "themes/index.md",
        ]
        order = [str(p) for p in self.config.settings.get("nav_pages", [])]
        return pages + [f"{p}.md" for p in order if p in self.archive.pages and p != "index"]

    def tool_pages(self) -> list[str]:
        """The pages not in the tabs, in footer order (ids, without .md)."""
        in_nav = {p.removesuffix(".md") for p in self._nav()}
        free: list[str] = [p for p in ("contribute", "licence") if p in self.archive.pages]
        free += sorted(
            p for p in self.archive.pages if p not in in_nav and p not in free and p != "index"
        )
        return [*free, "sources/index", "data", "reference", "translations"]


class _Fields(dict[str, Any]):
    """Front matter for templates: `f.period.start` works and a missing key is None."""

    def __getattr__(self, name: str) -> Any:
        value = self.get(name)
        return _Fields(value) if isinstance(value, dict) else value


def render_site(
    archive: Archive, config: SiteConfig, nonce: str, changed: dict[str, str] | None = None
) -> RenderResult:
    return Renderer(archive, config, nonce, changed).render()
