"""What templates need besides the model: labels, years, links, per-language text."""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markupsafe
import yaml

from ..config import SiteConfig
from ..dates import DateSpan, Eras, PartialDate, format_day, format_span, format_years
from ..messages import language_name
from ..model import Case, pick
from ..problems import Problem, Severity
from ..problems import relative as relative_path

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"


@functools.cache
def all_labels() -> dict[str, dict[str, str]]:
    data = yaml.safe_load((TEMPLATE_DIR / "labels.yaml").read_text(encoding="utf-8"))
    return {lang: {k: str(v) for k, v in values.items()} for lang, values in data.items()}


def label_problems(config: SiteConfig) -> list[Problem]:
    """A warning for each language of mkdocs.yml that labels.yaml lacks words for: its pages
    show those words in English (`PageContext.label`) until someone adds them."""
    labels = all_labels()
    config_file = config.config_file or config.root / "mkdocs.yml"
    problems = []
    for code in config.codes:
        missing = sorted(set(labels.get("en", {})) - set(labels.get(code, {})))
        if not missing:
            continue
        name_en, name_th = language_name(code)
        problems.append(
            Problem(
                path=relative_path(config_file, config.root),
                line=_locale_line(config_file, code),
                column=0,
                field="i18n.languages",
                code="labels-missing",
                message_en=f"{len(missing)} interface words have no {name_en} in "
                f"generator/templates/labels.yaml (`{missing[0]}`…): {name_en} pages show "
                "them in English",
                message_th=f"คำในหน้าเว็บ {len(missing)} คำยังไม่มี{name_th}ใน "
                f"generator/templates/labels.yaml (`{missing[0]}`…) "
                f"หน้า{name_th}จะแสดงคำเหล่านี้เป็นภาษาอังกฤษ",
                hint_en=f"Add a `{code}:` column to generator/templates/labels.yaml, "
                "translated from the `en:` one (FORKING.md).",
                hint_th=f"เพิ่มชุดคำ `{code}:` ใน generator/templates/labels.yaml "
                "โดยแปลจากชุด `en:` (ดู FORKING.md)",
                severity=Severity.WARNING,
            )
        )
    return problems


def _locale_line(config_file: Path, code: str) -> int:
    """The line of `locale: <code>` in mkdocs.yml, or 0."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    pattern = re.compile(rf"^\s*(-\s*)?locale:\s*[\"']?{re.escape(code)}[\"']?\s*(#.*)?$")
    return next((n for n, line in enumerate(lines, start=1) if pattern.match(line)), 0)


@functools.lru_cache(maxsize=1 << 16)
def relative(target: str, start: str) -> str:
    """posixpath.relpath, remembered: thousands of pages link to the same few hundred pages
    from the same few folders, and relpath asks the operating system for the working folder
    each time."""
    return posixpath.relpath(target, start or ".")


def suffix(lang: str, primary: str) -> str:
    return "" if lang == primary else f".{lang}"


@dataclass(frozen=True)
class PageContext:
    """Where a generated page is and in which language, so links and labels come out right."""

    path: str  # e.g. "cities/khon-kaen" (no suffix, no .md)
    lang: str
    primary: str
    buddhist_era: bool = True  # SiteConfig.buddhist_era

    @property
    def sfx(self) -> str:
        return suffix(self.lang, self.primary)

    @property
    def file(self) -> str:
        return f"{self.path}{self.sfx}.md"

    def label(self, key: str, **values: Any) -> str:
        labels = all_labels()
        text = labels.get(self.lang, {}).get(key)
        if text is None:
            text = labels.get("en", {}).get(key, key)
        return text.format(**values) if values else text

    def t(self, value: dict[str, str] | None) -> str:
        return pick(value, self.lang, self.primary)

    def t_marked(self, value: dict[str, str] | None) -> str:
        """`t()` for HTML: a label whose translation is still to come (`en: ""`) shows the
        primary language's text, marked as being in that language for screen readers and
        search engines."""
        text = self.t(value)
        if text and value and not value.get(self.lang):
            return markupsafe.Markup('<span lang="{}">{}</span>').format(self.primary, text)
        return text

    def terms(self, terms: list[Any]) -> str:
        """Labels of vocabulary terms, comma-separated in this language."""
        return ", ".join(self.t(term.label) for term in terms)

    def href(self, target: str, anchor: str = "") -> str:
        """Relative link from this page to the page `target` (no suffix) in this language."""
        rel = relative(f"{target}{self.sfx}.md", posixpath.dirname(self.path))
        return rel + (f"#{anchor}" if anchor else "")

    def href_file(self, target: str) -> str:
        """Relative link to a file (not a page); MkDocs maps it to the built file."""
        return relative(target, posixpath.dirname(self.path))

    def case_href(self, case: Case) -> str:
        return self.href(f"{case.kind}/{case.id}")

    def url(self, target: str, anchor: str = "") -> str:
        """Relative URL of the built page `target`, for raw HTML where MkDocs rewrites no
        links. The site uses `.html` URLs so that it also works opened from file://."""
        rel = relative(f"{target}.html", posixpath.dirname(self.path))
        return rel + (f"#{anchor}" if anchor else "")

    def url_file(self, target: str) -> str:
        """Relative URL of a file at the site root, for raw HTML, from this language's page."""
        prefix = "" if self.lang == self.primary else "../"  # /en/ pages sit one level down
        return prefix + relative(target, posixpath.dirname(self.path))

    def case_url(self, case: Case) -> str:
        return self.url(f"{case.kind}/{case.id}")

    def year(self, value: int | None) -> str:
        """A year in both eras, the reader's first: "พ.ศ. 2563 (ค.ศ. 2020)" /
        "2020 (B.E. 2563)"."""
        return "" if value is None else format_years(value, value, self.eras)

    def period(self, start: int | None, end: int | None) -> str:
        if start is None and end is None:
            return ""
        if start is None or end is None:
            return self.year(start if start is not None else end)
        return format_years(start, end, self.eras)

    def day(self, value: object) -> str:
        """A day ("2026-11-25") as a table shows it: "25 พ.ย. 2569" / "25 Nov 2026 (B.E.
        2569)"; as written if it is not a date."""
        try:
            return format_day(PartialDate.parse(str(value)[:10]), self.lang, self.eras)
        except ValueError:
            return str(value)

    @property
    def eras(self) -> Eras:
        """What this language calls the eras and which it leads with (labels.yaml)."""
        return Eras(
            buddhist=self.label("era_suffix") if self.buddhist_era else "",
            common=self.label("era_ce"),
            buddhist_first=self.label("era_lead") == "buddhist",
        )

    def when(self, span: DateSpan | None) -> str:
        """An event's date in words, as precise as the source: see generator/dates.py."""
        return format_span(span, self.lang, self.eras) if span else ""

    def date(self, value: object) -> str:
        """A date field ("2024-06-12", "2024") in words; as written if it is not one."""
        try:
            return self.when(DateSpan.parse(value))
        except ValueError:
            return str(value)

    def year_heading(self, year: int) -> str:
        """ "พ.ศ. 2566 (ค.ศ. 2023)" / "2023 (B.E. 2566)"."""
        return format_years(year, year, self.eras)

    def kind_label(self, kind: str) -> str:
        """What one page of a kind is called ("kind_cities": เมือง / City); a kind with no
        such label yet is called by its plural label, so a new kind needs no code."""
        labels = all_labels()
        key = f"kind_{kind}"
        if key in labels.get(self.lang, {}) or key in labels.get("en", {}):
            return self.label(key)
        return self.label(kind)

    def search_meta_of(
        self,
        kind: str,
        names: dict[str, str] | None,
        cities: list[Case] | None = None,
        aliases: list[str] | None = None,
    ) -> dict[str, Any]:
        """What the search index reads from a page's head (theme/main.html writes it):
        the kind and the cities shown with each result, in this language; the page's own
        names in every language and its old ids, and its cities' names in every language,
        so that either script finds it."""
        cities = cities or []
        return {
            "kind": self.kind_label(kind),
            "city": ", ".join(self.t(c.label) for c in cities),
            "names": _unique(
                [*(names or {}).values(), *(a.replace("-", " ") for a in aliases or [])]
            ),
            # A city's province too (ปากช่อง is in นครราชสีมา): readers search by either.
            "places": _unique(
                [
                    name
                    for c in cities
                    for name in [*c.label.values(), *(c.fields.get("province") or {}).values()]
                ]
            ),
        }

    def search_meta(self, case: Case) -> dict[str, Any]:
        """search_meta_of a case: a city is its own city; any other kind, the cities it is
        linked to (a `city` or `cities` link, whatever the kind)."""
        if case.kind == "cities":
            cities = [case]
        else:
            one = getattr(case, "city", None)
            cities = (
                [one]
                if isinstance(one, Case)
                else [c for c in getattr(case, "cities", None) or [] if isinstance(c, Case)]
            )
        return self.search_meta_of(case.kind, case.label, cities, case.aliases)

    def cohort(self, value: str | None) -> str:
        """ "2020-2021" → "พ.ศ. 2563–2564 (ค.ศ. 2020–2021)" / "2020–2021 (B.E. 2563–2564)"."""
        if not value:
            return ""
        try:
            start, end = (int(part) for part in value.split("-"))
        except ValueError:
            return value
        return self.period(start, end)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))
