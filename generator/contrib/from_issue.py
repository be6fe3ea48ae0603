"""A filled "propose a project/lesson" issue → case files, checked by the real validator.

GitHub renders a submitted issue form as Markdown: `### <label>` then the answer, or
`_No response_`. The answers go where the form's fields say (forms.py). The new files are
validated together with a copy of the whole content tree — the very checks a pull request
gets — and only written into the repository when nothing is wrong; otherwise the result is a
comment for the issue that lists every problem in Thai and English.

What the converter writes follows the form's promise, "leave unknown fields empty":
- an unknown fact is `null` (or `[]`), and a project with one is `status: needs-research`
  (`crossref.KEY_FACTS`, the list the validator's needs-research rule uses);
- an answer in a translation's language left empty stays empty (`en: ""`, or no `.en.md`
  file at all): never the primary language's copied under `en:`. The validator lists such
  labels as waiting for a translation;
- years and dates are read by `generator.dates`, as the validator reads them: Thai digits
  are written as the digits they are, a B.E. year is written as typed so that the comment
  can quote it with the CE year to use instead;
- every line of front matter sits under a comment naming the question it answers.

The languages are the form's (`Form.languages`, the archive's): the primary language's
answers make `<id>.md`, each other language's make `<id>.<lang>.md`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import dates
from ..config import SiteConfig
from ..messages import language_name
from ..pipeline import check
from ..problems import Problem
from ..scaffold import CASE_SECTIONS
from ..slugs import slugify
from ..validate.body import LESSON_SECTIONS, prose_lines
from ..validate.crossref import unknown_facts
from ..validate.schema import TEMPLATE, Localisation
from ..yaml_flow import flow_yaml
from .forms import ID_LANGUAGE, Form, forms, option_id

NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.MULTILINE)
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|[0-9]+[.)])\s")


@dataclass
class Conversion:
    files: dict[str, str] = field(default_factory=dict)  # path under the repository → text
    problems: list[str] = field(default_factory=list)  # bilingual lines for the comment
    notes: list[str] = field(default_factory=list)  # what a reviewer should know

    @property
    def ok(self) -> bool:
        return bool(self.files) and not self.problems


def form_named(name: str, where: Localisation = TEMPLATE) -> Form:
    """The form of that name or kind, in the archive's languages (`localisation(config)`)."""
    for form in forms(where):
        if form.name == name or form.kind == name:
            return form
    raise KeyError(name)


def parse_answers(body: str, form: Form) -> dict[str, str]:
    """Field id → answer text (empty when not answered). Unknown headings are ignored."""
    labels = form.by_label()
    answers: dict[str, str] = {}
    text = body.replace("\r\n", "\n")
    matches = list(_HEADING.finditer(text))
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        answer = text[match.end() : end].strip()
        item = labels.get(match.group(1).strip())
        if item is not None:
            answers[item.id] = "" if answer == NO_RESPONSE else answer
    return answers


def keep_lists(text: str) -> str:
    """Markdown as the contributor meant it: a list typed on the line right after a sentence
    is a list (GitHub shows it as one), but Python-Markdown needs a blank line before it or
    the items become one paragraph with "- " in it."""
    lines = text.split("\n")
    prose = dict(prose_lines(text))  # outside code blocks
    out: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if (
            index in prose
            and _LIST_ITEM.match(line)
            and previous.strip()
            and not _LIST_ITEM.match(previous)
            and not previous.startswith(("#", " ", "\t"))
            and index - 1 in prose
        ):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for key in parents:
        data = data.setdefault(key, {})
    data[last] = value


def _list(answer: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", answer) if part.strip()]


def _read(kind: dates.Kind, answer: str) -> Any:
    """An answer to a year or date question as the file should hold it: what the validator
    accepts (Thai digits read), or, when refused, the answer as typed, for the validator to
    quote beside the value to write."""
    if not answer:
        return None
    reading = dates.read(kind, answer)
    return answer if reading.refused else reading.value


def _label(answer: dict[str, str] | None, languages: tuple[str, ...]) -> dict[str, str]:
    """A label in each language; an answer left empty stays empty."""
    return {code: (answer or {}).get(code, "") for code in languages}


def _label_or_null(
    answer: dict[str, str] | None, languages: tuple[str, ...]
) -> dict[str, str] | None:
    """Null (not known) when no language was answered."""
    if not answer or not any(answer.values()):
        return None
    return _label(answer, languages)


def _collect(form: Form, answers: dict[str, str]) -> dict[str, Any]:
    """The answers placed at their targets, as plain strings and lists."""
    placed: dict[str, Any] = {}
    for item in form.fields:
        answer = answers.get(item.id, "").strip()
        if not item.target:
            continue
        if item.widget == "dropdown":
            value: Any = (
                [option_id(o) for o in _list(answer)] if item.multiple else option_id(answer)
            )
        elif item.target in ("cities", "projects", "lessons", "sources"):
            value = _list(answer)
        elif item.target == "places":
            value = _places(answer, form.languages)
        else:
            value = answer
        _set(placed, item.target, value)
    return placed


def _places(answer: str, languages: tuple[str, ...]) -> list[dict[str, Any]]:
    """ "Thai name | English name | city id" per line (a name in each language); a city id
    is optional."""
    places = []
    for line in answer.splitlines():
        parts = [part.strip() for part in line.split("|")]
        if not any(parts):
            continue
        parts += [""] * (len(languages) + 1 - len(parts))
        name = dict(zip(languages, parts, strict=False))
        places.append({"name": name, "city": parts[len(languages)] or None})
    return places


def _date(date: dict[str, str]) -> Any:
    """One date, or {start, end} for a range; a bare year as a number, like hand-written files."""
    start = _read("partial-date", date.get("start", ""))
    end = _read("partial-date", date.get("end", ""))
    return start if end is None or end == start else {"start": start, "end": end}


def _front_matter(
    kind: str,
    id_: str,
    placed: dict[str, Any],
    source_id: str | None,
    today: str,
    languages: tuple[str, ...],
) -> dict[str, Any]:
    sources = [*placed.get("sources", []), *([source_id] if source_id else [])]
    common = {
        "completeness": "stub",
        "updated": today,
        "aliases": [],
        "summary": placed.get("summary", {}).get(languages[0], ""),
        "sources": sources,
    }
    title = _label(placed.get("title"), languages)
    if kind == "events":
        return {
            "id": id_,
            "title": title,
            "date": _date(placed.get("date", {})),
            "places": placed.get("places", []),
            "cities": placed.get("cities", []),
            "projects": placed.get("projects", []),
            "lessons": placed.get("lessons", []),
            **common,
        }
    if kind == "lessons":
        return {
            "id": id_,
            "title": title,
            "themes": placed.get("themes", []),
            "cities": placed.get("cities", []),
            "projects": placed.get("projects", []),
            **common,
        }
    lead = placed.get("lead") or {}
    lead_value = None
    if any(_label_or_null(lead.get(k), languages) for k in ("name", "institution")):
        lead_value = {
            "name": _label_or_null(lead.get("name"), languages),
            "institution": _label_or_null(lead.get("institution"), languages),
        }
    period = placed.get("period", {})
    sdgs = [int(s) if s.isdigit() else s for s in placed.get("sdgs", [])]
    front: dict[str, Any] = {
        "id": id_,
        "title": title,
        "city": placed.get("city", ""),
        "area": _label(placed.get("area"), languages),
        "round": _read("year-range", placed.get("round", "")),
        "period": {
            "start": _read("year", period.get("start", "")),
            "end": _read("year", period.get("end", "")),
        },
        "funder": _label_or_null(placed.get("funder"), languages),
        "programme": _label_or_null(placed.get("programme"), languages),
        "lead": lead_value,
        "themes": placed.get("themes", []),
        "sdgs": sdgs,
        "outcomes": [],
        "status": "complete",
        **common,
    }
    front["status"] = "needs-research" if unknown_facts(front) else "complete"
    return front


def _body(kind: str, placed: dict[str, Any], lang: str, primary: str) -> str:
    if kind == "lessons" and lang == primary:  # asked one section at a time
        sections = placed.get("section", {})
        headings = LESSON_SECTIONS.get(lang) or LESSON_SECTIONS["en"]
        return (
            "\n\n".join(
                f"## {heading}\n\n{keep_lists(sections.get(str(n), '').strip())}"
                for n, heading in enumerate(headings)
            )
            + "\n"
        )
    text = keep_lists(placed.get("body", {}).get(lang, "").strip())
    if kind in ("projects", "events") and text and not text.startswith("#"):
        heading = (CASE_SECTIONS.get(lang) or CASE_SECTIONS["en"])[0]
        text = f"## {heading}\n\n{text}"
    return text + "\n" if text else ""


def _dump(data: dict[str, Any], comments: dict[str, str] | None = None, indent: str = "") -> str:
    """One field per line, nested values in flow style: like the hand-written case files,
    each under its comment."""
    lines = []
    for key, value in data.items():
        if comments and comments.get(key):
            lines.append(f"{indent}# {comments[key]}")
        if isinstance(value, dict) and any(isinstance(v, dict) for v in value.values()):
            lines.append(f"{indent}{key}:\n{_dump(value, None, indent + '  ')}".rstrip("\n"))
        else:
            lines.append(f"{indent}{key}: {flow_yaml(value)}")
    return "\n".join(lines) + "\n"


# What the converter fills in itself, said as the form would say it.
_OWN_COMMENTS = {
    "completeness": "ความสมบูรณ์: stub คือข้อมูลเบื้องต้น / Completeness: stub, a first draft",
    "updated": "วันที่สร้างไฟล์นี้ / The date this file was made",
    "aliases": "รหัสเดิมของหน้านี้ (ยังไม่มี) / Old ids of this page (none yet)",
    "outcomes": "ตัวเลขผลลัพธ์ที่แหล่งที่มารายงาน (ยังไม่มี) / Figures a source reports (none yet)",
}
_UNKNOWN = "ยังไม่ทราบ เติมเมื่อมีแหล่งที่มาระบุ / not yet known: fill in when a source says"


# Fields no single question fills, named as the form would name them.
_NAMES = {
    "sources": "แหล่งที่มา (รหัสใน content/sources.yml) / Sources (ids in content/sources.yml)",
    "outcomes": "ตัวเลขผลลัพธ์ / Figures",
}


def _question(form: Form, key: str) -> str:
    """The form's questions for a field, each language in one: "ผู้ให้ทุน / Funder",
    "ปีเริ่มต้น (ค.ศ.), ปีสิ้นสุด (ค.ศ.) / First year (CE), Last year (CE)"."""
    if key in _NAMES:
        return _NAMES[key]
    labels = [
        item.question or item.label for item in form.fields if item.target.split(".")[0] == key
    ]
    labels = list(dict.fromkeys(labels))
    thai = ", ".join(label.split(" / ")[0] for label in labels)
    english = ", ".join(label.split(" / ")[-1] for label in labels)
    return f"{thai} / {english}" if labels else ""


def _comments(form: Form, front: dict[str, Any]) -> dict[str, str]:
    comments = {}
    for key, value in front.items():
        text = _OWN_COMMENTS.get(key) or _question(form, key)
        if key == "status":
            unknown = [_question(form, fact) or fact for fact in unknown_facts(front)]
            thai = ", ".join(name.split(" / ")[0] for name in unknown)
            english = ", ".join(name.split(" / ")[-1] for name in unknown)
            text = (
                f"ยังต้องค้นคว้า: {thai} / Needs research: {english}"
                if unknown
                else "ข้อเท็จจริงสำคัญครบแล้ว / The key facts are known"
            )
        elif key not in _OWN_COMMENTS and _unknown(value):
            text = f"{text} — {_UNKNOWN}" if text else _UNKNOWN
        if text:
            comments[key] = text
    return comments


def _unknown(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_unknown(v) for v in value.values())
    return value is None or value == []


def _source_entry(placed: dict[str, Any], languages: tuple[str, ...]) -> dict[str, Any] | None:
    source = placed.get("source") or {}
    title = source.get("title") or {}
    if not any(title.values()) and not source.get("url"):
        return None
    editor = str(title.get(languages[0], "")).startswith("[")  # the form asks for [ … ] then
    entry: dict[str, Any] = {
        "title": _label(title, languages),
        # The form asks for the document's own title; one the editors made up is bracketed.
        "title_from": "editor" if editor else "document",
        "publisher": _label_or_null(source.get("publisher"), languages),
        "date": _read("partial-date", source.get("date", "")),
        "url": source.get("url") or None,
        "note": None,
    }
    # The document's own words for its publisher and date (the sources rule: say only what
    # the document gives); the validator says which is missing.
    evidence = {
        key: str(value).strip()
        for key, value in (source.get("evidence") or {}).items()
        if str(value or "").strip()
    }
    if evidence:
        entry["evidence"] = evidence
    return entry


def convert(
    body: str,
    form: Form,
    config: SiteConfig,
    *,
    issue: int | None = None,
    today: dt.date | None = None,
) -> Conversion:
    """Turn an issue body into files, or into the list of what is wrong with it."""
    if not form.kind:
        return Conversion(
            problems=[
                (
                    "This form is a report for a maintainer, not a case file / "
                    "แบบฟอร์มนี้เป็นการแจ้งผู้ดูแล ไม่ได้สร้างไฟล์"
                )
            ]
        )
    answers = parse_answers(body, form)
    missing = [f.label for f in form.fields if form.requires(f) and not answers.get(f.id)]
    if missing:
        return Conversion(
            problems=[f"`{label}`: required, but empty / ต้องกรอก แต่ว่างอยู่" for label in missing]
        )
    placed = _collect(form, answers)
    primary, *others = form.languages
    date = (today or dt.date.today()).isoformat()
    given = answers.get("id", "")
    id_ = slugify(given or placed.get("title", {}).get(ID_LANGUAGE, ""))
    early: list[str] = []
    if given and given != id_:
        early.append(
            f"`{form.fields[0].label}`: `{given}` is not a valid id; it could be "
            f"`{id_}` (lowercase a-z, digits and hyphens) / `{given}` ใช้เป็นรหัสไม่ได้ "
            f"ใช้ `{id_}` ได้ (a-z ตัวเล็ก ตัวเลข และขีด)"
        )
    kind = form.kind
    source = _source_entry(placed, form.languages)
    source_id = f"{id_}-source" if source else None
    front = _front_matter(kind, id_, placed, source_id, date, form.languages)
    folder = f"{config.content_dir.relative_to(config.root).as_posix()}/{kind}"
    made_from = (
        f"# สร้างจาก issue #{issue} แบบฟอร์ม “{form.description}”\n"
        if issue
        else f"# สร้างจากแบบฟอร์ม “{form.description}”\n"
    )
    files = {
        f"{folder}/{id_}.md": f"---\n{made_from}{_dump(front, _comments(form, front))}---\n"
        f"{_body(kind, placed, primary, primary)}"
    }
    notes: list[str] = []
    for lang in others:
        summary = placed.get("summary", {}).get(lang, "")
        if summary:
            translation = {"primary_updated": date, "summary": summary}
            files[f"{folder}/{id_}.{lang}.md"] = (
                f"---\n{_dump(translation)}---\n{_body(kind, placed, lang, primary)}"
            )
        else:
            notes.append(_note_untranslated(form, placed, lang))
    if source and source_id:
        sources_path = config.content_dir / "sources.yml"
        existing = sources_path.read_text(encoding="utf-8") if sources_path.exists() else ""
        if existing.rstrip().endswith("{}"):  # an emptied registry (remove-examples)
            existing = existing.rstrip()[:-2]
        note = f"# From issue #{issue}\n" if issue else ""
        files[f"{folder.rsplit('/', 1)[0]}/sources.yml"] = (
            existing.rstrip("\n") + "\n" + note + _dump({source_id: source})
        )
    problems, warnings = _validate_in_copy(config, files, set(files))
    explained = early + [_explain(p, form) for p in problems]
    notes += [_explain(p, form) for p in warnings if p.code == "untranslated"]
    return Conversion(
        files=files,
        problems=list(dict.fromkeys(explained)),
        notes=list(dict.fromkeys(n for n in notes if n)),
    )


def _note_untranslated(form: Form, placed: dict[str, Any], lang: str) -> str:
    summary = next((f.label for f in form.fields if f.target == f"summary.{lang}"), "")
    lost = bool(placed.get("body", {}).get(lang))
    language_en, language_th = language_name(lang)
    primary_en, primary_th = language_name(form.languages[0])
    note = (
        f"`{summary}`: ยังไม่มีคำแปล หน้า{language_th}จะแสดงข้อความ{primary_th}พร้อมคำแจ้ง "
        f"และหน้า “สถานะการแปล” จะแสดงว่ารอคำแปล / not translated yet: the {language_en} page "
        f"shows the {primary_en} text under a notice, and the translation-status page lists it"
    )
    if lost:
        note += (
            f" — ข้อความ{language_th}ที่ให้มาจะใช้ได้เมื่อมีสรุป{language_th} โปรดเพิ่มใน pull "
            f"request / the {language_en} text given needs a summary in {language_en} to go "
            "with it: add one in the pull request"
        )
    return note


def _explain(problem: Problem, form: Form) -> str:
    """A problem in the words of the form: the question it concerns, not a file's line."""
    targets = {f.target: f.label for f in form.fields if f.target}
    question = ""
    if problem.field:
        field_path = re.sub(r"\[(\d+)\]", r".\1", problem.field)
        path = field_path  # a translation's field is asked in its language: `summary.en`
        for lang in form.languages[1:]:
            if problem.path.endswith(f".{lang}.md"):
                path = f"{field_path}.{lang}"
        if problem.path.endswith("sources.yml"):
            path = "source." + field_path.split(".", 1)[-1]
        candidates = [
            t for t in targets if path == t or path.startswith(t + ".") or t.startswith(path + ".")
        ]
        question = targets[min(candidates, key=len)] if candidates else problem.field
    elif problem.path.endswith(".md"):
        question = next(
            (f.label for f in form.fields if f.target.startswith(("body", "section"))), ""
        )
    where = f"`{question}`: " if question else ""
    hint = f" — {problem.hint_th} / {problem.hint_en}" if problem.hint_en else ""
    if question and problem.field:
        # The form's answer is the value alone: "write `2022`", not "`start: 2022`".
        key = re.escape(problem.field.split(".")[-1].split("[")[0])
        hint = re.sub(rf"`{key}: ([^`]*)`", r"`\1`", hint)
    return f"{where}{problem.message_th} / {problem.message_en}{hint}"


def _validate_in_copy(
    config: SiteConfig, files: dict[str, str], new: set[str]
) -> tuple[list[Problem], list[Problem]]:
    """The errors and warnings the new files would have in a pull request, checked on a copy."""
    with tempfile.TemporaryDirectory(prefix="lc-issue-") as tmp:
        root = Path(tmp)
        content_rel = config.content_dir.relative_to(config.root)
        shutil.copytree(config.content_dir, root / content_rel, symlinks=True)
        for rel, text in files.items():
            target = root / rel
            if target.exists() and rel.endswith(".md"):
                return [
                    Problem(
                        rel,
                        0,
                        0,
                        "id",
                        "exists",
                        f"{rel} already exists: choose another id",
                        f"มีไฟล์ {rel} อยู่แล้ว เลือกรหัสอื่น",
                    )
                ], []
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        copy = dataclasses.replace(
            config, root=root, content_dir=root / content_rel, build_dir=root / ".cache" / "docs"
        )
        problems = [p for p in check(copy).problems.sorted() if p.path in new]
        return [p for p in problems if p.is_error], [p for p in problems if not p.is_error]


def comment(conversion: Conversion) -> str:
    """The issue comment: what was made, or what to fix."""
    if conversion.ok:
        listed = "\n".join(f"- `{path}`" for path in conversion.files)
        text = (
            "สร้างไฟล์จากคำขอนี้แล้ว และเปิด pull request ให้ผู้ดูแลตรวจ / The case files "
            f"were made from this issue and a pull request opened for review:\n\n{listed}\n"
        )
        if conversion.notes:
            notes = "\n".join(f"- {line}" for line in conversion.notes)
            text += f"\nรอคำแปล / Waiting for a translation:\n\n{notes}\n"
        return text
    listed = "\n".join(f"- {line}" for line in conversion.problems)
    return (
        "ยังสร้างไฟล์จากคำขอนี้ไม่ได้ กรุณาแก้ไขคำขอ (Edit) ตามรายการด้านล่าง แล้วผู้ดูแลจะลองอีกครั้ง\n"
        "This issue could not be turned into a case file yet. Please edit the issue as "
        f"listed below; a maintainer will try again.\n\n{listed}\n"
    )
