"""Reporters: how problems are shown — terminal text, GitHub annotations, JSON.

With the contributor's changed files known (`generator.changed`), text and annotations show
the problems of those files first; then the errors of other files in full (they stop the build
whoever caused them — a renamed id breaks the files that cite it); and the warnings of other
files as one line, "and 23 more in other files". `--all` shows everything.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, TextIO

from .changed import Changed
from .problems import Problem

Lang = Literal["both", "th", "en"]


@dataclass
class Split:
    """Problems in the order a contributor needs them."""

    mine: list[Problem] = field(default_factory=list)
    other_errors: list[Problem] = field(default_factory=list)
    summarised: list[Problem] = field(default_factory=list)  # counted, not shown

    @property
    def shown(self) -> list[Problem]:
        return self.mine + self.other_errors


def split(problems: Iterable[Problem], changed: Changed | None, show_all: bool = False) -> Split:
    items = list(problems)
    if not changed or show_all:
        return Split(mine=items)
    result = Split()
    for p in items:
        if p.path in changed:
            result.mine.append(p)
        elif p.is_error:
            result.other_errors.append(p)
        else:
            result.summarised.append(p)
    return result


def location(p: Problem) -> str:
    where = p.path
    if p.line:
        where += f":{p.line}"
        if p.column:
            where += f":{p.column}"
    return where


def format_text(p: Problem, lang: Lang = "both") -> str:
    """`path:line:col: field: message` then the fix, in the chosen language(s)."""
    label = "error" if p.is_error else "warning"
    field = f"{p.field}: " if p.field else ""
    lines = []
    if lang in ("both", "en"):
        lines.append(f"{location(p)}: {label}: {field}{p.message_en} [{p.code}]")
        if p.hint_en:
            lines.append(f"    fix: {p.hint_en}")
    if lang in ("both", "th"):
        label_th = "ข้อผิดพลาด" if p.is_error else "คำเตือน"
        head = f"{location(p)}: {label_th}: " if lang == "th" else "    "
        lines.append(f"{head}{field}{p.message_th}")
        if p.hint_th:
            lines.append(f"    วิธีแก้: {p.hint_th}")
    return "\n".join(lines)


def _say(out: TextIO, lang: Lang, en: str, th: str) -> None:
    if lang in ("both", "en"):
        out.write(en + "\n")
    if lang in ("both", "th"):
        out.write(th + "\n")


def write_text(
    problems: Iterable[Problem],
    out: TextIO,
    lang: Lang = "both",
    changed: Changed | None = None,
    show_all: bool = False,
) -> None:
    items = list(problems)
    parts = split(items, changed, show_all)
    if changed and not show_all:
        count = len(changed.files) + len(changed.folders)
        base_en = f", compared with {changed.base}" if changed.base else ""
        base_th = f" เทียบกับ {changed.base}" if changed.base else ""
        _say(
            out,
            lang,
            f"Problems in the files you changed ({count}{base_en}) come first.",
            f"ปัญหาในไฟล์ที่คุณแก้ ({count} ไฟล์{base_th}) แสดงก่อน",
        )
        if not parts.mine:
            _say(out, lang, "No problems in the files you changed.", "ไฟล์ที่คุณแก้ไม่มีปัญหา")
    out.writelines(format_text(p, lang) + "\n" for p in parts.mine)
    if parts.other_errors:
        _say(
            out,
            lang,
            "Errors in other files (they stop the build too):",
            "ข้อผิดพลาดในไฟล์อื่น (ทำให้สร้างเว็บไซต์ไม่ได้เช่นกัน):",
        )
        out.writelines(format_text(p, lang) + "\n" for p in parts.other_errors)
    if parts.summarised:
        more = len(parts.summarised)
        _say(
            out,
            lang,
            f"and {more} more in other files (`--all` shows them)",
            f"และปัญหาอีก {more} รายการในไฟล์อื่น (ดูทั้งหมดด้วย `--all`)",
        )
    errors = sum(p.is_error for p in items)
    warnings = len(items) - errors
    _say(
        out,
        lang,
        f"{errors} error(s), {warnings} warning(s)",
        f"ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ",
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(p: Problem) -> str:
    """A workflow command that GitHub shows on the pull request's diff."""
    command = "error" if p.is_error else "warning"
    props = [f"file={_escape_property(p.path)}"]
    if p.line:
        props.append(f"line={p.line}")
    if p.column:
        props.append(f"col={p.column}")
    props.append(f"title={_escape_property(p.code)}")
    field = f"{p.field}: " if p.field else ""
    message = f"{field}{p.message_en} — {p.message_th}"
    if p.hint_en:
        message += f"\nfix: {p.hint_en}\nวิธีแก้: {p.hint_th}"
    return f"::{command} {','.join(props)}::{_escape_data(message)}"


def write_github(
    problems: Iterable[Problem], out: TextIO, changed: Changed | None = None, show_all: bool = False
) -> None:
    """Annotations, the changed files' first: GitHub shows only the first few of each kind
    on a pull request, and they should be the contributor's own."""
    parts = split(problems, changed, show_all)
    out.writelines(format_github(p) + "\n" for p in parts.shown)
    if parts.summarised:
        more = len(parts.summarised)
        out.write(
            f"::notice title=other-files::{more} more warning(s) in files this change "
            f"does not touch — คำเตือนอีก {more} รายการในไฟล์อื่น\n"
        )


def write_json(problems: Iterable[Problem], out: TextIO, changed: Changed | None = None) -> None:
    """Every problem; `changed` says whether its file is one the contributor changed (null
    when that is not known)."""
    rows = [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "field": p.field,
            "code": p.code,
            "severity": p.severity.value,
            "message": {"en": p.message_en, "th": p.message_th},
            "hint": {"en": p.hint_en, "th": p.hint_th},
            "changed": (p.path in changed) if changed else None,
        }
        for p in problems
    ]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
