"""The GitHub issue forms, written from one field list per form.

Each form field names where its answer goes in a case file (`title.th`, `period.start`, …);
the same list turns a filled issue back into a case file (`from_issue.py`), so the form and
the conversion cannot disagree. Whether an answer is required is read from the schemas
(`Form.requires`), for the form's "required" mark and the converter's check alike; field help
comes from the schemas and dropdown options from the vocabularies, so `python -m generator
issue-forms` rewrites the forms after any of them changes (a test fails while the committed
forms are stale).

A form asks for a label in each of the archive's languages — mkdocs.yml's i18n languages, the
primary first, as the schemas have them (`Localisation`): `title_th`, `title_en` here, `title_th`,
`title_lo` in a Thai and Lao fork. The form's own words stay the template's Thai and English;
the languages they name are the archive's, named by Babel.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..messages import language_name
from ..scaffold import field_help
from ..validate.schema import KIND_SCHEMAS, TEMPLATE, Localisation, inlined_schemas
from ..validate.schema_paths import empty_value, example_at, subschema

FORMS_DIR = Path(".github") / "ISSUE_TEMPLATE"


def example(schema: str, *path: str | int, where: Localisation = TEMPLATE) -> str:
    """The schema's example of a field, as it is typed into a form (a list as ids separated
    by commas): placeholders say what the schemas and the field reference say, and name
    nothing of this archive's content, which a fork removes."""
    found, value = example_at(inlined_schemas(where)[schema], path)
    if not found:
        raise KeyError(f"{schema}: no example for {'.'.join(map(str, path))}")
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


CITY_EXAMPLE = example("project", "city")
PROJECT_EXAMPLE = example("lesson", "projects")


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    widget: str = "input"  # input, textarea, dropdown
    target: str = ""  # where the answer goes: "title.th", "body.th", "source.url" …
    required: bool = False  # only for forms without a schema (a report)
    schema: str = ""  # "<schema>:<property>" whose description is the help text
    vocabulary: str = ""  # dropdown options from content/vocabularies/<name>.yml
    multiple: bool = False
    help: str = ""
    placeholder: str = ""
    lang: str = ""  # the language of the answer, for a label asked in each language
    question: str = ""  # then the label without the language: "ชื่อโครงการ / Title"


@dataclass(frozen=True)
class Form:
    name: str  # file name without .yml
    kind: str  # "projects", "lessons" or "" (a free report)
    title: str
    description: str
    labels: list[str]
    intro: str
    fields: list[Field] = field(default_factory=list)
    where: Localisation = TEMPLATE  # the archive's languages, for the schemas too

    @property
    def languages(self) -> tuple[str, ...]:
        """The archive's languages, the primary (whose file holds every field) first."""
        return self.where.languages

    def by_label(self) -> dict[str, Field]:
        return {f.label: f for f in self.fields}

    def requires(self, item: Field) -> bool:
        """Whether no case file can be written without this answer."""
        if not self.kind:
            return item.required
        return answer_required(self.kind, item.target, self.where)


# Ids are lowercase ASCII (they are the pages' addresses): one left empty is made from the
# title in English, in an archive that has English; in any other the form asks for it.
ID_LANGUAGE = "en"

# Answers the converter can do without although the schema wants the field: sources are
# cited by id *or* given as a new one (the validator then says which is missing); the text
# and the translations' summaries can follow later.
_OPTIONAL_TARGETS = ("sources", "source", "body")


def answer_required(kind: str, target: str, where: Localisation = TEMPLATE) -> bool:
    """Read from the schema of `kind`: an answer is required when the field it fills is
    required and cannot be left unknown (`null`, `""` for a translation to come, `[]`)."""
    head, _, rest = target.partition(".")
    if head == "section":  # a lesson is its four sections (validate/body.py)
        return True
    if head == "id":
        return ID_LANGUAGE not in where.languages
    if head in _OPTIONAL_TARGETS:
        return False
    schema = inlined_schemas(where)[KIND_SCHEMAS[kind]]
    # `summary.<primary>` is the primary file's summary; the others go to optional translations.
    if head == "summary" and rest != where.languages[0]:
        return False
    parts = [head] if head == "summary" else target.split(".")
    node = schema
    for part in parts:
        if part not in node.get("required", []):
            return False
        node = subschema(node, (part,))
        if node is None or empty_value(node) is not None:
            return False
    return True


def language_names(code: str) -> tuple[str, str]:
    """A language's name in the form's words, Thai then English: ("ลาว", "Lao")."""
    english, thai = language_name(code)
    return thai.removeprefix("ภาษา").strip(), english


def each_language(
    where: Localisation,
    id_: str,
    question: str,
    target: str,
    widget: str = "input",
    *,
    schema: str = "",
    help: str = "",
) -> list[Field]:
    """A label asked in each of the archive's languages: `title_th` for `title.th`, labelled
    "ชื่อโครงการ (ไทย) / Title (Thai)", then `title_en` …; the help goes with the first."""
    thai, english = question.split(" / ")
    fields = []
    for n, code in enumerate(where.languages):
        name_th, name_en = language_names(code)
        fields.append(
            Field(
                f"{id_}_{code}",
                f"{thai} ({name_th}) / {english} ({name_en})",
                widget,
                f"{target}.{code}",
                schema=schema if n == 0 else "",
                help=help if n == 0 else "",
                lang=code,
                question=question,
            )
        )
    return fields


def _id(where: Localisation, placeholder: str) -> Field:
    help_text = (
        "ชื่อไฟล์และที่อยู่ของหน้า เว้นว่างได้ / The page's file name and address; may be left empty"
        if ID_LANGUAGE in where.languages
        else "ชื่อไฟล์และที่อยู่ของหน้า ใช้ a-z ตัวเล็ก ตัวเลข และขีด / The page's file name and "
        "address: lowercase a-z, digits and hyphens"
    )
    return Field("id", "รหัส / Id", target="id", help=help_text, placeholder=placeholder)


_SOURCE_HELP = (
    "ทุกข้อเท็จจริงต้องมาจากเอกสารที่เผยแพร่แล้ว / Every fact must come from a published document."
)


def _source_fields(where: Localisation) -> list[Field]:
    return [
        Field(
            "source_ids",
            "แหล่งที่มาที่มีอยู่แล้ว / Existing sources",
            "input",
            "sources",
            help="รหัสใน content/sources.yml คั่นด้วยจุลภาค / Ids from content/sources.yml, "
            "separated by commas",
            placeholder=example("project", "sources"),
        ),
        *each_language(
            where,
            "source_title",
            "ชื่อเอกสารแหล่งที่มาใหม่ / New source: title",
            "source.title",
            help=_SOURCE_HELP + " ถ้าเอกสารไม่มีชื่อ ให้ตั้งชื่อในวงเล็บเหลี่ยม [ … ] / If the "
            "document has no title, write one in square brackets [ … ].",
        ),
        *each_language(
            where, "source_publisher", "ผู้เผยแพร่ / New source: publisher", "source.publisher"
        ),
        Field(
            "source_publisher_evidence",
            "ข้อความในเอกสารที่ระบุผู้เผยแพร่ / New source: the document's words giving the publisher",
            target="source.evidence.publisher",
            help="ต้องมีถ้าระบุผู้เผยแพร่ / Needed when a publisher is given",
        ),
        Field(
            "source_date",
            "วันที่เผยแพร่ / New source: date",
            target="source.date",
            help="ปปปป, ปปปป-ดด หรือ ปปปป-ดด-วว เป็นปี ค.ศ. เฉพาะเมื่อเอกสารระบุ / YYYY, YYYY-MM "
            "or YYYY-MM-DD (CE), only when the document gives it",
            placeholder=example("sources", "x", "date"),
        ),
        Field(
            "source_date_evidence",
            "ข้อความในเอกสารที่ระบุวันที่ / New source: the document's words giving the date",
            target="source.evidence.date",
            help="ต้องมีถ้าระบุวันที่ เช่น (12 มิ.ย.67) / Needed when a date is given, e.g. (12 มิ.ย.67)",
            placeholder=example("sources", "x", "evidence", "date"),
        ),
        Field(
            "source_url",
            "ที่อยู่เว็บ / New source: web address",
            target="source.url",
            placeholder="https://",
        ),
    ]


_BODY_HELP = "ข้อความของหน้า เขียนแบบ Markdown ได้ / The page's text; Markdown is fine"

_CONFIRM = (
    "ข้อมูลทุกข้อมาจากแหล่งที่มาที่ระบุ และยินยอมให้เผยแพร่ภายใต้ CC BY 4.0 / Every fact "
    "comes from the sources named, and I agree to publish it under CC BY 4.0"
)


def _project(where: Localisation) -> Form:
    return Form(
        "propose-project",
        "projects",
        "[โครงการ / Project]: ",
        "เสนอโครงการวิจัยใหม่ / Propose a new research project",
        ["proposal", "project"],
        "กรอกสิ่งที่แหล่งที่มาบอก ช่องที่ไม่ทราบให้เว้นว่างไว้ หน้าเว็บจะแสดงว่า “ยังไม่ทราบ” "
        "ผู้ดูแลจะแปลงคำขอนี้เป็นไฟล์และเปิด pull request ให้\n\n"
        "Fill in what your sources say and leave unknown fields empty: the page will say "
        "“not yet known”. A maintainer turns this issue into a case file and a pull request.",
        [
            _id(where, PROJECT_EXAMPLE),
            *each_language(where, "title", "ชื่อโครงการ / Title", "title"),
            Field(
                "city",
                "เมือง / City",
                target="city",
                schema="project:city",
                help=f"รหัสเมืองตามที่อยู่หน้าเมือง เช่น {CITY_EXAMPLE} / The city's id, as in its "
                f"page address, e.g. {CITY_EXAMPLE}",
                placeholder=CITY_EXAMPLE,
            ),
            *each_language(where, "area", "พื้นที่ / Area", "area", schema="project:area"),
            Field(
                "round",
                "รอบทุน / Programme round",
                target="round",
                schema="project:round",
                placeholder=example("project", "round"),
            ),
            Field(
                "period_start",
                "ปีเริ่มต้น (ค.ศ.) / First year (CE)",
                target="period.start",
                schema="project:period",
                placeholder=example("project", "period", "start"),
            ),
            Field(
                "period_end",
                "ปีสิ้นสุด (ค.ศ.) / Last year (CE)",
                target="period.end",
                placeholder=example("project", "period", "end"),
            ),
            *each_language(where, "funder", "ผู้ให้ทุน / Funder", "funder", schema="project:funder"),
            *each_language(
                where, "programme", "แผนงาน / Programme", "programme", schema="project:programme"
            ),
            *each_language(
                where, "lead", "หัวหน้าโครงการ / Project lead", "lead.name", schema="project:lead"
            ),
            *each_language(where, "institution", "หน่วยงาน / Institution", "lead.institution"),
            Field(
                "themes",
                "ประเด็น / Themes",
                "dropdown",
                "themes",
                schema="project:themes",
                vocabulary="themes",
                multiple=True,
            ),
            Field(
                "sdgs",
                "เป้าหมายการพัฒนาที่ยั่งยืน / SDGs",
                "dropdown",
                "sdgs",
                schema="project:sdgs",
                vocabulary="sdgs",
                multiple=True,
            ),
            *each_language(
                where, "summary", "สรุป / Summary", "summary", "textarea", schema="project:summary"
            ),
            *each_language(
                where, "body", "สิ่งที่ทราบ / What is known", "body", "textarea", help=_BODY_HELP
            ),
            *_source_fields(where),
        ],
        where,
    )


def _lesson(where: Localisation) -> Form:
    return Form(
        "propose-lesson",
        "lessons",
        "[บทเรียน / Lesson]: ",
        "เสนอบทเรียนจากเมือง / Propose a lesson learned",
        ["proposal", "lesson"],
        "บทเรียนหนึ่งเรื่อง: บริบท สิ่งที่ทำ สิ่งที่ได้เรียนรู้ และข้อแนะนำสำหรับเมืองอื่น "
        "ตามที่แหล่งที่มารายงาน\n\n"
        "One lesson: its context, what was done, what was learned and advice for other cities, as "
        "your sources report it.",
        [
            _id(where, "community-libraries"),
            *each_language(where, "title", "ชื่อบทเรียน / Title", "title"),
            Field(
                "cities",
                "เมือง / Cities",
                target="cities",
                schema="lesson:cities",
                help="รหัสเมือง คั่นด้วยจุลภาค / City ids, separated by commas",
                placeholder=example("lesson", "cities"),
            ),
            Field(
                "projects",
                "โครงการ / Projects",
                target="projects",
                schema="lesson:projects",
                help="รหัสโครงการ คั่นด้วยจุลภาค / Project ids, separated by commas",
            ),
            Field(
                "themes",
                "ประเด็น / Themes",
                "dropdown",
                "themes",
                schema="lesson:themes",
                vocabulary="themes",
                multiple=True,
            ),
            *each_language(
                where, "summary", "สรุป / Summary", "summary", "textarea", schema="lesson:summary"
            ),
            Field("context", "บริบท / Context", "textarea", "section.0"),
            Field("done", "สิ่งที่ทำ / What was done", "textarea", "section.1"),
            Field("learned", "สิ่งที่ได้เรียนรู้ / What was learned", "textarea", "section.2"),
            Field(
                "advice", "ข้อแนะนำสำหรับเมืองอื่น / Advice for other cities", "textarea", "section.3"
            ),
            *[_lesson_translation(code) for code in where.languages[1:]],
            *_source_fields(where),
        ],
        where,
    )


def _lesson_translation(code: str) -> Field:
    """A lesson's text in a translation's language: its four sections in one answer (the
    primary language's are asked one by one)."""
    thai, english = language_names(code)
    return Field(
        f"body_{code}",
        f"ฉบับภาษา{thai} (ถ้ามี) / {english} text (optional)",
        "textarea",
        f"body.{code}",
        help=f"ทั้งสี่หัวข้อเป็นภาษา{thai} / The four sections in {english}",
        lang=code,
    )


def _event(where: Localisation) -> Form:
    return Form(
        "propose-event",
        "events",
        "[เหตุการณ์ / Event]: ",
        "เสนอเหตุการณ์ในลำดับเหตุการณ์ / Propose an event for the timeline",
        ["proposal", "event"],
        "เหตุการณ์หนึ่งเรื่องตามที่แหล่งที่มาบอก: วันที่ละเอียดเท่าที่แหล่งที่มาระบุ (บางครั้งทราบเพียงปี) "
        "สถานที่ และเมือง โครงการ หรือบทเรียนที่เกี่ยวข้อง ช่องที่ไม่ทราบให้เว้นว่างไว้\n\n"
        "One event as your sources tell it: its date as precisely as they give it (sometimes only "
        "the year), where it happened, and the cities, projects or lessons it concerns. Leave "
        "unknown fields empty.",
        [
            _id(where, f"{CITY_EXAMPLE}-forum-2024"),
            *each_language(where, "title", "ชื่อเหตุการณ์ / Title", "title"),
            Field(
                "date_start",
                "วันที่ หรือวันเริ่มต้น (ค.ศ.) / Date, or first date (CE)",
                target="date.start",
                required=True,
                schema="event:date",
                placeholder=example("event", "date", "start"),
            ),
            Field(
                "date_end",
                "วันสิ้นสุด (ค.ศ.) ถ้าเป็นช่วงเวลา / Last date (CE), for a range",
                target="date.end",
                help="เว้นว่างถ้าเป็นวันเดียว / Leave empty for a single date",
                placeholder=example("event", "date", "end"),
            ),
            Field(
                "places",
                "สถานที่ / Places",
                "textarea",
                "places",
                schema="event:places",
                help=_places_help(where),
                placeholder=" | ".join(
                    example("event", "places", 0, *part, where=where)
                    for part in (*(("name", code) for code in where.languages), ("city",))
                ),
            ),
            Field(
                "cities",
                "เมือง / Cities",
                target="cities",
                schema="event:cities",
                help="รหัสเมือง คั่นด้วยจุลภาค / City ids, separated by commas",
                placeholder=example("lesson", "cities"),
            ),
            Field(
                "projects",
                "โครงการ / Projects",
                target="projects",
                schema="event:projects",
                help="รหัสโครงการ คั่นด้วยจุลภาค / Project ids, separated by commas",
            ),
            Field(
                "lessons",
                "บทเรียน / Lessons",
                target="lessons",
                schema="event:lessons",
                help="รหัสบทเรียน คั่นด้วยจุลภาค / Lesson ids, separated by commas",
            ),
            *each_language(
                where, "summary", "สรุป / Summary", "summary", "textarea", schema="event:summary"
            ),
            *each_language(
                where, "body", "สิ่งที่ทราบ / What is known", "body", "textarea", help=_BODY_HELP
            ),
            *_source_fields(where),
        ],
        where,
    )


def _places_help(where: Localisation) -> str:
    names = [language_names(code) for code in where.languages]
    thai = " | ".join(f"ชื่อ{name}" for name, _ in names)
    english = " | ".join(f"{name} name" for _, name in names)
    return (
        f"หนึ่งบรรทัดต่อหนึ่งแห่ง: {thai} | รหัสเมือง (ถ้ามี) / One line per place: {english} | "
        "city id (if any)"
    )


CORRECTION = Form(
    "correct-fact",
    "",
    "[แก้ไข / Correction]: ",
    "แจ้งแก้ไขข้อเท็จจริง / Correct a fact",
    ["correction"],
    "พบข้อมูลที่ผิดหรือล้าสมัย? บอกเราว่าอยู่หน้าไหน และแหล่งที่มาที่ถูกต้อง\n\n"
    "Found something wrong or out of date? Tell us where, and the source that says otherwise.",
    [
        Field(
            "page",
            "หน้าที่ผิด / Page",
            required=True,
            help="ที่อยู่ของหน้า / The page's address",
            placeholder=f"https://…/cities/{CITY_EXAMPLE}.html",
        ),
        Field("wrong", "ข้อความที่ผิด / What is wrong", "textarea", required=True),
        Field("right", "ข้อความที่ถูกต้อง / What is right", "textarea", required=True),
        Field("source", "แหล่งที่มา / Source", "textarea", required=True, help=_SOURCE_HELP),
    ],
)

# Where every "not yet known — help us fill it in" link leads, with the case and the field
# filled in from the link's address (generator/render: MISSING_FACT_FORM).
MISSING_FACT = Form(
    "missing-fact",
    "",
    "[ข้อมูลที่ขาด / Missing information]: ",
    "เติมข้อมูลที่ยังไม่ทราบ / Add a missing fact",
    ["missing-information"],
    "ช่องนี้ยังไม่ทราบในคลังความรู้ ถ้าท่านมีเอกสารที่เผยแพร่แล้วซึ่งระบุข้อมูลนี้ บอกเราได้ที่นี่\n\n"
    "This fact is not yet known to the archive. If a published document gives it, tell us here.",
    [
        Field(
            "case",
            "หน้า / Page",
            required=True,
            help="ประเภทและรหัสของหน้า (กรอกให้แล้วเมื่อมาจากลิงก์ในหน้า) / The page's kind "
            "and id (filled in when you come from the page's link)",
            placeholder=f"projects/{PROJECT_EXAMPLE}",
        ),
        Field(
            "field",
            "ช่องข้อมูล / Field",
            help="ชื่อช่องข้อมูลที่ยังไม่ทราบ (กรอกให้แล้ว) / The unknown field (filled in)",
            placeholder="lead",
        ),
        Field("value", "ข้อมูลที่ถูกต้อง / The information", "textarea", required=True),
        Field(
            "source",
            "แหล่งที่มา / Source",
            "textarea",
            required=True,
            help="ชื่อเอกสาร ผู้เผยแพร่ วันที่ และที่อยู่เว็บถ้ามี / The document's title, "
            "publisher, date and web address if any. " + _SOURCE_HELP,
        ),
    ],
)


@functools.cache
def forms(where: Localisation = TEMPLATE) -> tuple[Form, ...]:
    """Every form, asking for labels in the archive's languages (`localisation(config)`)."""
    return (_project(where), _lesson(where), _event(where), CORRECTION, MISSING_FACT)


_MAY_WAIT = (
    "ถ้ายังไม่มีคำแปล เว้นว่างไว้ได้ จะแสดงว่ารอคำแปล / Leave empty if there is no "
    "translation yet: it is marked as waiting for one."
)


def _schema_help(ref: str, where: Localisation) -> str:
    if not ref:
        return ""
    schema_name, prop = ref.split(":")
    return field_help(schema_name, where).get(prop, "")


def _options(vocabulary: dict[Any, Any], languages: tuple[str, ...]) -> list[str]:
    # "id — ไทย / English", the label in each language: the id first, so conversion reads it
    # whatever the labels say.
    return [
        f"{key} — " + " / ".join(str(entry["label"][code]) for code in languages)
        for key, entry in vocabulary.items()
    ]


def option_id(option: str) -> str:
    return option.split(" — ", 1)[0].strip()


def render_form(form: Form, vocabularies: dict[str, dict[Any, Any]]) -> str:
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": form.intro}}]
    for item in form.fields:
        translated = item.lang not in ("", form.languages[0])
        untranslated = translated and not form.requires(item)
        description = " ".join(
            p
            for p in (
                _schema_help(item.schema, form.where),
                item.help,
                _MAY_WAIT if untranslated else "",
            )
            if p
        )
        attributes: dict[str, Any] = {"label": item.label}
        if description:
            attributes["description"] = description
        if item.placeholder:
            attributes["placeholder"] = item.placeholder
        if item.widget == "dropdown":
            attributes["multiple"] = item.multiple
            options = _options(vocabularies.get(item.vocabulary, {}), form.languages)
            attributes["options"] = options or ["—"]
        entry: dict[str, Any] = {"type": item.widget, "id": item.id, "attributes": attributes}
        if form.requires(item):
            entry["validations"] = {"required": True}
        body.append(entry)
    body.append(
        {
            "type": "checkboxes",
            "id": "confirm",
            "attributes": {
                "label": "ยืนยัน / Confirm",
                "options": [{"label": _CONFIRM, "required": True}],
            },
        }
    )
    document = {
        "name": form.description,
        "description": form.description,
        "title": form.title,
        "labels": form.labels,
        "body": body,
    }
    header = (
        "# Written by `python -m generator issue-forms` from generator/contrib/forms.py,\n"
        "# the schemas and the vocabularies: edit those, then run it again.\n"
    )
    return header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def render_forms(
    vocabularies: dict[str, dict[Any, Any]], where: Localisation = TEMPLATE
) -> dict[str, str]:
    """File name → text, for .github/ISSUE_TEMPLATE/."""
    files = {f"{form.name}.yml": render_form(form, vocabularies) for form in forms(where)}
    files["config.yml"] = yaml.safe_dump({"blank_issues_enabled": True}, sort_keys=False)
    return files
