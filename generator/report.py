"""Reporters: how problems are shown — terminal text, GitHub annotations, JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Literal, TextIO

from .problems import Problem

Lang = Literal["both", "th", "en"]


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


def write_text(problems: Iterable[Problem], out: TextIO, lang: Lang = "both") -> None:
    items = list(problems)
    for p in items:
        out.write(format_text(p, lang) + "\n")
    errors = sum(p.is_error for p in items)
    warnings = len(items) - errors
    if lang in ("both", "en"):
        out.write(f"{errors} error(s), {warnings} warning(s)\n")
    if lang in ("both", "th"):
        out.write(f"ข้อผิดพลาด {errors} รายการ คำเตือน {warnings} รายการ\n")


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


def write_github(problems: Iterable[Problem], out: TextIO) -> None:
    for p in problems:
        out.write(format_github(p) + "\n")


def write_json(problems: Iterable[Problem], out: TextIO) -> None:
    rows = [
        {
            "path": p.path, "line": p.line, "column": p.column, "field": p.field,
            "code": p.code, "severity": p.severity.value,
            "message": {"en": p.message_en, "th": p.message_th},
            "hint": {"en": p.hint_en, "th": p.hint_th},
        }
        for p in problems
    ]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
