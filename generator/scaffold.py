"""`python -m generator new city|project|lesson|event <id>`: a new case file and its translation.

The front matter lists every field of the kind's schema, in the schema's order, each under a
comment (Thai, then English) taken from the schema itself, so the scaffold cannot drift from
what the validator expects. Facts are left empty: a field the contributor must fill is an empty
string, which `validate` then names with its line; a fact nobody knows yet is `null` or `[]`,
which the schema allows and the page shows as "not yet known".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .render.reference import field_rows
from .validate.body import LESSON_SECTIONS
from .validate.crossref import RESERVED_PAGES
from .validate.schema import (
    KIND_SCHEMAS,
    TEMPLATE,
    Localisation,
    inlined_schemas,
    localisation,
    raw_schemas,
)

KINDS = {"city": "cities", "project": "projects", "lesson": "lessons", "event": "events"}
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Values written for each field; anything not here is an empty string to fill in.
# Written as YAML flow text so the file reads like the hand-written ones.
_DEFAULTS: dict[str, dict[str, str]] = {
    "cities": {
        "region": '""',
        "location": '{lat: "", lon: ""}',
        "cohort": "null",
        "gnlc_member_since": "null",
        "websites": "[]",
    },
    "projects": {
        "city": '""',
        "round": "null",
        "period": "{start: null, end: null}",
        "funder": "null",
        "programme": "null",
        "lead": "null",
        "themes": "[]",
        "sdgs": "[]",
        "outcomes": "[]",
        "status": "needs-research",
        "title_from": "document",
    },
    "lessons": {"themes": "[]", "cities": "[]", "projects": "[]"},
    # `date` stays "" to fill in: an event without its date has no place on the timeline.
    "events": {"places": "[]", "cities": "[]", "projects": "[]", "lessons": "[]"},
}
_COMMON = {"completeness": "stub", "aliases": "[]", "summary": '""', "sources": "[]"}

# Sections a city, project or event page starts with: what the sources say, and what not.
CASE_SECTIONS = {
    "th": ["สิ่งที่ทราบ", "สิ่งที่ยังไม่ทราบ"],
    "en": ["What is known", "Not yet known"],
}
_HEADER = (
    '# ไฟล์ใหม่: เขียนคำตอบระหว่างเครื่องหมายคำพูด "" ของทุกช่อง ช่องที่แหล่งที่มาไม่ได้บอก\n'
    "# ให้คงคำว่า null (หรือ [] สำหรับรายการ) ไว้ หน้าเว็บจะแสดงว่า “ยังไม่ทราบ”\n"
    "# ข้อเท็จจริงทุกข้อต้องมาจากเอกสารใน content/sources.yml (เพิ่มเอกสารใหม่ตามตัวอย่างใน\n"
    "# content/sources.template.yml) ตรวจด้วย: .venv/bin/python -m generator validate --lang th\n"
    '# A new file: write each answer between the quotes "". Where no source says, keep\n'
    '# null (or [] for a list): the page shows "not yet known". Every fact comes from a\n'
    "# document in content/sources.yml (add one as content/sources.template.yml shows).\n"
    "# Check with: make validate"
)


class ScaffoldError(ValueError):
    """A request the scaffold refuses; the message is bilingual."""


@dataclass(frozen=True)
class Scaffolded:
    primary: Path
    translations: list[Path]


def field_help(schema_name: str, where: Localisation = TEMPLATE) -> dict[str, str]:
    """Field → "Thai meaning / English meaning", as the field reference page says it."""
    return {
        row.name: " / ".join(t for t in (row.meaning["th"], row.meaning["en"]) if t)
        for row in field_rows(schema_name, where)
    }


def _commented(
    schema_name: str, value_of: Callable[[str, dict[str, Any]], str], where: Localisation
) -> list[str]:
    """`# meaning` then `field: value`, for every field of a schema in its order."""
    help_text = field_help(schema_name, where)
    lines = []
    for name, prop in raw_schemas(where)[schema_name]["properties"].items():
        if help_text.get(name):
            lines.append(f"# {help_text[name]}")
        lines.append(f"{name}: {value_of(name, prop)}")
    return lines


def _label_blank(schema_name: str, name: str, where: Localisation) -> str | None:
    """`{th: "", en: ""}` — in the archive's languages — for a field written as a label in
    each language (x-languages); None for any other field."""
    node = inlined_schemas(where)[schema_name]["properties"].get(name, {})
    if not node.get("x-languages"):
        return None
    return blank_label(where.languages)


def blank_label(languages: tuple[str, ...]) -> str:
    return "{" + ", ".join(f'{code}: ""' for code in languages) + "}"


def _front_matter(
    kind: str, id_: str, today: str, values: dict[str, str], where: Localisation
) -> str:
    schema_name = KIND_SCHEMAS[kind]

    def value_of(name: str, prop: dict[str, Any]) -> str:
        if name == "id":
            return id_
        if name == "updated":
            return today
        for source in (values, _DEFAULTS.get(kind, {}), _COMMON):
            if name in source:
                return source[name]
        return _label_blank(schema_name, name, where) or '""'

    return "\n".join([_HEADER, *_commented(schema_name, value_of, where)])


def _body(kind: str, lang: str) -> str:
    sections = LESSON_SECTIONS if kind == "lessons" else CASE_SECTIONS
    headings = sections.get(lang) or sections["en"]
    return "\n".join(f"## {heading}\n\n" for heading in headings).rstrip() + "\n"


def _translation(today: str, where: Localisation) -> str:
    return "\n".join(
        _commented(
            "translation",
            lambda name, _prop: today if name == "primary_updated" else '""',
            where,
        )
    )


def check_id(config: SiteConfig, kind: str, id_: str) -> None:
    folder = config.content_dir / kind
    if not _SLUG.fullmatch(id_) or len(id_) > 80:
        raise ScaffoldError(
            f"`{id_}` is not a valid id: use lowercase a-z, digits and single hyphens "
            f"(e.g. example-city) / `{id_}` ใช้เป็นรหัสไม่ได้ ใช้ a-z ตัวเล็ก ตัวเลข และขีดเดี่ยว "
            f"(เช่น example-city)"
        )
    if id_ in RESERVED_PAGES or id_ in config.codes:
        raise ScaffoldError(f"`{id_}` is reserved by the site / `{id_}` เป็นชื่อที่เว็บไซต์สงวนไว้")
    existing = sorted(p.name for p in folder.glob(f"{id_}.*md")) if folder.is_dir() else []
    if existing:
        raise ScaffoldError(
            f"{kind}/{existing[0]} already exists: edit it instead, or choose another id / "
            f"มี {kind}/{existing[0]} อยู่แล้ว แก้ไขไฟล์นั้นแทน หรือเลือกรหัสอื่น"
        )


def new_case(
    config: SiteConfig,
    kind_name: str,
    id_: str,
    *,
    values: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> Scaffolded:
    """Write content/<kind>/<id>.md and one <id>.<lang>.md per other language.

    `values` (field → YAML flow text) pre-fills fields, e.g. {"city": "yala"}."""
    if kind_name not in KINDS:
        raise ScaffoldError(
            f"unknown kind `{kind_name}`: use {', '.join(KINDS)} / ไม่รู้จักชนิด `{kind_name}`"
        )
    kind = KINDS[kind_name]
    check_id(config, kind, id_)
    date = (today or dt.date.today()).isoformat()
    folder = config.content_dir / kind
    folder.mkdir(parents=True, exist_ok=True)
    primary_lang, others = config.codes[0], config.codes[1:]
    where = localisation(config)
    front = _front_matter(kind, id_, date, values or {}, where)
    files = {folder / f"{id_}.md": f"---\n{front}\n---\n{_body(kind, primary_lang)}"}
    for lang in others:
        translation = _translation(date, where)
        files[folder / f"{id_}.{lang}.md"] = f"---\n{translation}\n---\n{_body(kind, lang)}"
    # Exclusive creation: two contributors racing for one id never overwrite each other.
    written: list[Path] = []
    try:
        for path, text in files.items():
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
            written.append(path)
    except FileExistsError as exc:
        for path in written:
            path.unlink()
        raise ScaffoldError(f"{exc.filename} already exists / มีไฟล์ {exc.filename} อยู่แล้ว") from exc
    return Scaffolded(written[0], written[1:])
