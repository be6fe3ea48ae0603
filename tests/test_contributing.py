"""The contributor's path: `new`, issue forms and their conversion, the .github files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, Project, unbroken

from generator.config import load_config
from generator.contrib.forms import forms, render_forms
from generator.contrib.from_issue import convert, form_named, keep_lists, parse_answers
from generator.contrib.sources_template import TEMPLATE_NAME, template_text
from generator.pipeline import check
from generator.validate.schema import KIND_SCHEMAS, localisation, raw_schemas

ISSUES = FIXTURES / "issues"
BIN = Path(sys.executable).parent


# -- new city|project|lesson ------------------------------------------------------------------


def _fill_blanks(text: str) -> str:
    """What a contributor does next: fill every empty field (here with mini's real ids)."""
    fills = {
        "region": "northeast",
        "city": "khon-kaen",
        "sources": "[seed-a]",
        "location": "{lat: 16.43, lon: 102.83}",
        "themes": "[participation]",
        "date": '"2024-02-14"',
    }
    out = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        if key in fills and ('""' in line or line.endswith("[]")) and not line.startswith("#"):
            line = f"{key}: {fills[key]}"
        out.append(line.replace('""', '"เติมแล้ว filled"'))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("kind", ["city", "project", "lesson", "event"])
def test_new_writes_a_commented_pair_that_validates_once_filled(mini: Project, kind: str) -> None:
    result = mini.run("new", kind, "udon-thani")
    assert result.returncode == 0, result.stderr
    folder = (
        mini.content
        / {"city": "cities", "project": "projects", "lesson": "lessons", "event": "events"}[kind]
    )
    primary, english = folder / "udon-thani.md", folder / "udon-thani.en.md"
    text = primary.read_text(encoding="utf-8")
    schema = raw_schemas()[KIND_SCHEMAS[folder.name]]
    front = yaml.safe_load(text.split("---\n")[1])
    assert list(front) == list(schema["properties"])  # every field, in the schema's order
    for name in schema["properties"]:
        assert re.search(rf"^# .+\n{name}:", text, re.MULTILINE), f"{name} has no comment"

    # Unfilled, the validator names each blank with its line; nothing is published half-done.
    unfilled = mini.run("validate", "--lang", "en")
    assert unfilled.returncode == 1
    assert f"content/{folder.name}/udon-thani.md:" in unfilled.stdout

    primary.write_text(_fill_blanks(text), encoding="utf-8")
    english.write_text(_fill_blanks(english.read_text(encoding="utf-8")), encoding="utf-8")
    filled = mini.run("validate", "--lang", "en")
    assert filled.returncode == 0, filled.stdout


@pytest.mark.parametrize(
    "bad_id, words",
    [
        ("khon-kaen", "already exists"),
        ("Khon Kaen", "not a valid id"),
        ("search", "reserved"),
        ("a--b", "not a valid id"),
    ],
)
def test_new_refuses_an_existing_or_invalid_id(mini: Project, bad_id: str, words: str) -> None:
    before = sorted(p.name for p in (mini.content / "cities").iterdir())
    result = mini.run("new", "city", bad_id)
    assert result.returncode == 2
    assert words in result.stderr
    assert sorted(p.name for p in (mini.content / "cities").iterdir()) == before


# -- issue forms ------------------------------------------------------------------------------


def _vocabularies() -> dict[str, dict]:
    loaded = check(load_config(ROOT / "mkdocs.yml")).loaded
    return {name: loaded.vocabulary(name) for name in ("themes", "sdgs", "regions")}


def test_committed_issue_forms_are_up_to_date() -> None:
    folder = ROOT / ".github" / "ISSUE_TEMPLATE"
    where = localisation(load_config(ROOT / "mkdocs.yml"))  # as `issue-forms` writes them
    for name, text in render_forms(_vocabularies(), where).items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run `python -m generator issue-forms`"
        )
    assert (ROOT / "content" / TEMPLATE_NAME).read_text(encoding="utf-8") == template_text(), (
        f"content/{TEMPLATE_NAME} is stale: run `python -m generator issue-forms`"
    )


def test_the_sources_template_filled_in_is_a_valid_source(mini: Project) -> None:
    """What a contributor in the web editor copies: the entry, its blanks filled."""
    text = template_text()
    entry = text[text.index("short-name-of-the-document:") :]
    entry = entry.replace("short-name-of-the-document:", "yala-report:").replace(
        'title: {th: "", en: ""}', 'title: {th: "รายงานยะลา", en: ""}'
    )
    registry = mini.content / "sources.yml"
    registry.write_text(registry.read_text("utf-8") + entry, "utf-8")
    checked = check(load_config(mini.root / "mkdocs.yml"))
    assert not checked.problems.errors, checked.problems.errors
    assert [p.code for p in checked.problems if p.path == "content/sources.yml"] == ["untranslated"]


def test_new_source_adds_a_commented_entry(mini: Project) -> None:
    result = mini.run("new", "source", "yala-report")
    assert result.returncode == 0, result.stderr
    text = (mini.content / "sources.yml").read_text("utf-8")
    assert "seed-a:" in text and text.index("seed-a:") < text.index("yala-report:")
    assert "# ผู้เผยแพร่ เฉพาะเมื่อเอกสารระบุไว้" in text and "/ Who published it" in text
    unfilled = mini.run("validate", "--lang", "en", "content/sources.yml").stdout
    assert "content/sources.yml:" in unfilled and "yala-report.title.th: is empty" in unfilled
    again = mini.run("new", "source", "yala-report")
    assert again.returncode == 2 and "already in content/sources.yml" in again.stderr


def test_issue_forms_follow_githubs_schema() -> None:
    folder = ROOT / ".github" / "ISSUE_TEMPLATE"
    forms = sorted(str(p) for p in folder.glob("*.yml") if p.name != "config.yml")
    for schema, files in (
        ("vendor.github-issue-forms", forms),
        ("vendor.github-issue-config", [str(folder / "config.yml")]),
    ):
        result = subprocess.run(
            [BIN / "check-jsonschema", "--builtin-schema", schema, *files],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_form_fields_land_in_schema_fields() -> None:
    schemas = raw_schemas()
    for form in forms():
        if not form.kind:
            continue
        properties = schemas[KIND_SCHEMAS[form.kind]]["properties"]
        for item in form.fields:
            head = item.target.split(".")[0]
            assert head in properties or head in ("body", "section", "source"), item.id
        labels = [f.label for f in form.fields]
        assert len(labels) == len(set(labels)), form.name


# -- issue → pull request ---------------------------------------------------------------------


def _convert(project: Project, fixture: str, form: str = "projects"):
    body = (ISSUES / fixture).read_bytes().decode("utf-8")
    return convert(body, form_named(form), load_config(project.root / "mkdocs.yml"), issue=7)


def test_a_filled_project_issue_becomes_files_that_validate_and_build(mini: Project) -> None:
    result = mini.run(
        "from-issue",
        "--form",
        "project",
        "--body",
        str(ISSUES / "project-complete.md"),
        "--issue",
        "7",
    )
    assert result.returncode == 0, result.stderr
    made = mini.content / "projects" / "yala-stories-2022.md"
    front = yaml.safe_load(made.read_text(encoding="utf-8").split("---\n")[1])
    assert front["city"] == "yala" and front["period"] == {"start": 2022, "end": 2023}
    assert front["themes"] == ["partnerships", "participation"] and front["sdgs"] == [4]
    assert front["lead"] is None and front["status"] == "needs-research"
    assert front["sources"] == ["yala-stories-2022-source"]
    assert (mini.content / "projects" / "yala-stories-2022.en.md").exists()
    sources = yaml.safe_load((mini.content / "sources.yml").read_text(encoding="utf-8"))
    assert sources["yala-stories-2022-source"]["date"] == "2024"
    assert "seed-a" in sources  # appended, nothing lost
    assert mini.run("validate").returncode == 0
    build = mini.build()
    assert build.returncode == 0, build.stderr[-3000:]
    assert "ยะลาสตอรี่ส์" in (mini.site / "projects" / "yala-stories-2022.html").read_text("utf-8")


def test_a_lesson_issue_and_a_crlf_issue_convert(mini: Project) -> None:
    lesson = _convert(mini, "lesson-complete.md", "lessons")
    assert lesson.ok, lesson.problems
    [primary] = [p for p in lesson.files if p.endswith(".md")]
    assert primary == "content/lessons/an-anchor-organisation-as-driver-and-collaborator.md"
    crlf = _convert(mini, "project-existing-source-crlf.md")
    assert crlf.ok, crlf.problems
    assert list(crlf.files) == ["content/projects/yala-stories-2022.md"]  # no English answered


def test_bad_answers_give_a_comment_naming_each_question_and_no_file(mini: Project) -> None:
    before = sorted(p.as_posix() for p in mini.content.rglob("*"))
    comment_file = mini.root / "comment.md"
    result = mini.run(
        "from-issue",
        "--form",
        "project",
        "--body",
        str(ISSUES / "project-bad-answers.md"),
        "--comment",
        str(comment_file),
    )
    assert result.returncode == 1
    assert sorted(p.as_posix() for p in mini.content.rglob("*")) == before
    comment = comment_file.read_text(encoding="utf-8")
    for expected in (
        "`รหัส / Id`",
        "`yala-stories`",
        "`เมือง / City`",
        "pattaya",
        "`ปีเริ่มต้น (ค.ศ.) / First year (CE)`",
        "`2565` เป็นปีพุทธศักราช",
        "(พ.ศ. − 543): `2022`",
        "`ประเด็น / Themes`",
        "no-such-theme",
        "<script>",
    ):
        assert expected in comment, expected
    assert "Traceback" not in result.stderr


def test_a_missing_required_answer_is_named(mini: Project) -> None:
    conversion = _convert(mini, "project-missing-title.md")
    assert not conversion.ok and not conversion.files
    assert conversion.problems == [
        "`ชื่อโครงการ (ไทย) / Title (Thai)`: required, but empty / ต้องกรอก แต่ว่างอยู่"
    ]


def test_a_filled_event_issue_becomes_an_event_on_the_timeline(mini: Project) -> None:
    result = mini.run(
        "from-issue", "--form", "event", "--body", str(ISSUES / "event-complete.md"), "--issue", "9"
    )
    assert result.returncode == 0, result.stderr
    made = mini.content / "events" / "yala-stories-day-2023.md"
    front = yaml.safe_load(made.read_text(encoding="utf-8").split("---\n")[1])
    assert front["date"] == {"start": "2023-08-22", "end": "2023-08-23"}
    assert front["places"] == [
        {
            "name": {"th": "โรงแรมเก่าเมโทร ย่านสายกลาง", "en": "The old Metro hotel, Sai Klang"},
            "city": "yala",
        },
        {"name": {"th": "กรุงปารีส", "en": "Paris"}, "city": None},
    ]
    assert front["cities"] == ["yala"] and front["lessons"] == []
    sources = yaml.safe_load((mini.content / "sources.yml").read_text(encoding="utf-8"))
    new = sources["yala-stories-day-2023-source"]
    assert new["title_from"] == "editor" and new["date"] == "2023-08"
    assert new["evidence"] == {"date": "สิงหาคม 2566"}
    assert mini.run("validate").returncode == 0
    build = mini.build()
    assert build.returncode == 0, build.stderr[-3000:]
    timeline = unbroken((mini.site / "events" / "index.html").read_text("utf-8"))
    assert "22–23 สิงหาคม พ.ศ. 2566" in timeline and 'href="yala-stories-day-2023.html"' in timeline


def test_an_event_issue_with_a_buddhist_era_date_is_sent_back(mini: Project) -> None:
    body = (
        (ISSUES / "event-complete.md")
        .read_text(encoding="utf-8")
        .replace("2023-08-22", "2566-08-22")
    )
    conversion = convert(body, form_named("events"), load_config(mini.root / "mkdocs.yml"))
    assert not conversion.ok
    assert any(
        line.startswith("`วันที่ หรือวันเริ่มต้น (ค.ศ.) / Date, or first date (CE)`")
        and "`2023-08-22`" in line
        and "(B.E. − 543)" in line
        for line in conversion.problems
    ), conversion.problems


def test_answers_are_read_by_label_whatever_their_order() -> None:
    body = (
        "### เมือง / City\n\nyala\n\n### Something GitHub added\n\nx\n\n"
        "### รหัส / Id\n\n_No response_\n"
    )
    assert parse_answers(body, form_named("projects")) == {"city": "yala", "id": ""}


# -- .github ----------------------------------------------------------------------------------


def test_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {p.name for p in workflows} >= {
        "pull-request.yml",
        "deploy.yml",
        "links.yml",
        "issue-to-pr.yml",
    }
    result = subprocess.run(
        [BIN / "actionlint", "-no-color", *map(str, workflows)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_uses_the_current_pages_actions() -> None:
    """Pinned by commit (a tag can be moved), the release named beside it."""
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    for action in (
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ):
        assert re.search(re.escape(action) + r"[0-9a-f]{40}  # v5\.\d+\.\d+", text), action
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for uses in re.findall(r"uses: ([^\s]+)", workflow.read_text(encoding="utf-8")):
            assert uses.startswith("./") or re.search(r"@[0-9a-f]{40}$", uses), (workflow, uses)


def test_ci_and_pre_commit_run_the_readme_commands() -> None:
    pull_request = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())
    runs = [step.get("run", "") for job in pull_request["jobs"].values() for step in job["steps"]]
    assert "make validate" in runs and "make test" in runs
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert hooks[0]["entry"] == "make validate"
    assert re.match(hooks[0]["files"], "content/cities/yala.md")


# -- the form's promise: "leave unknown fields empty" ----------------------------------------


def _issue_body(form_name: str, answers: dict[str, str]) -> str:
    """An issue body as GitHub renders a submitted form: every question, `_No response_`
    where nothing was typed."""
    form = form_named(form_name)
    return (
        "\n\n".join(
            f"### {item.label}\n\n{answers.get(item.id) or '_No response_'}" for item in form.fields
        )
        + "\n"
    )


_REQUIRED_PROJECT = {
    "title_th": "ยะลาสตอรี่ส์",
    "title_en": "Yala Stories",
    "city": "yala",
    "area_th": "ย่านสายกลาง เทศบาลนครยะลา",
    "summary_th": "กระบวนการออกแบบพื้นที่การเรียนรู้",
    "source_ids": "seed-a",
}
_REQUIRED_LESSON = {
    "title_th": "องค์กรหลัก",
    "title_en": "An anchor organisation",
    "themes": "partnerships — ภาคีเครือข่าย / Partnerships",
    "summary_th": "สรุป",
    "context": "บริบท",
    "done": "สิ่งที่ทำ",
    "learned": "สิ่งที่ได้เรียนรู้",
    "advice": "ข้อแนะนำ",
    "source_ids": "seed-a",
}


@pytest.mark.parametrize(
    "form_name, required", [("projects", _REQUIRED_PROJECT), ("lessons", _REQUIRED_LESSON)]
)
def test_the_form_and_the_converter_require_the_same_answers_read_from_the_schema(
    mini: Project, form_name: str, required: dict[str, str]
) -> None:
    form = form_named(form_name)
    rendered = yaml.safe_load(render_forms(_vocabularies())[f"{form.name}.yml"])
    marked = {
        entry["id"] for entry in rendered["body"] if entry.get("validations", {}).get("required")
    }
    assert marked == {item.id for item in form.fields if form.requires(item)}
    # …and that is exactly what the schema cannot do without (sources aside: an existing id
    # *or* a new source, which the validator checks).
    assert marked == set(required) - {"source_ids"}
    config = load_config(mini.root / "mkdocs.yml")
    # Only the required answers: the files are made, and they validate.
    conversion = convert(_issue_body(form_name, required), form, config)
    assert conversion.ok, conversion.problems
    # Without any one of them: the comment names that question, and no file is made.
    for field_id in marked:
        answers = {k: v for k, v in required.items() if k != field_id}
        missing = convert(_issue_body(form_name, answers), form, config)
        label = next(item.label for item in form.fields if item.id == field_id)
        assert not missing.files and f"`{label}`" in missing.problems[0], field_id


def test_english_left_empty_stays_empty_and_waits_for_a_translation(mini: Project) -> None:
    answers = {
        **_REQUIRED_PROJECT,
        "lead_th": "ผศ. ดร.ใจ ดี",
        "institution_th": "มหาวิทยาลัยราชภัฏยะลา",
        "funder_th": "บพท.",
        "period_start": "2022",
        "period_end": "2023",
        "source_ids": "",
        "source_title_th": "เอกสารยะลา",
        "source_date": "2024",
        "source_date_evidence": "พ.ศ. 2567",
    }
    config = load_config(mini.root / "mkdocs.yml")
    conversion = convert(_issue_body("projects", answers), form_named("projects"), config)
    assert conversion.ok, conversion.problems
    front = yaml.safe_load(conversion.files["content/projects/yala-stories.md"].split("---\n")[1])
    assert front["lead"] == {
        "name": {"th": "ผศ. ดร.ใจ ดี", "en": ""},
        "institution": {"th": "มหาวิทยาลัยราชภัฏยะลา", "en": ""},
    }
    assert front["area"]["en"] == "" and front["funder"] == {"th": "บพท.", "en": ""}
    registry = yaml.safe_load(conversion.files["content/sources.yml"])
    assert registry["yala-stories-source"]["title"] == {"th": "เอกสารยะลา", "en": ""}
    # No English file without an English summary: the case waits for its translation.
    assert list(conversion.files) == ["content/projects/yala-stories.md", "content/sources.yml"]
    notes = "\n".join(conversion.notes)
    for question in (
        "หัวหน้าโครงการ (อังกฤษ) / Project lead (English)",
        "ผู้ให้ทุน (อังกฤษ) / Funder (English)",
        "สรุป (อังกฤษ) / Summary (English)",
        "ชื่อเอกสารแหล่งที่มาใหม่ (อังกฤษ) / New source: title (English)",
    ):
        assert question in notes, question
    assert "pull request" not in "".join(conversion.problems)
    # Round, programme and figures are unknown: the project needs research.
    assert front["status"] == "needs-research" and front["round"] is None


def test_a_project_with_an_unknown_fact_is_never_complete(mini: Project) -> None:
    answers = {
        **_REQUIRED_PROJECT,
        "lead_th": "ก",
        "lead_en": "K",
        "period_start": "2022",
        "period_end": "2023",
        "funder_th": "บพท.",
        "funder_en": "PMU A",
        "round": "๒๐๒๐-๒๐๒๑",
    }  # Thai digits are read as the digits they are
    config = load_config(mini.root / "mkdocs.yml")
    conversion = convert(_issue_body("projects", answers), form_named("projects"), config)
    assert conversion.ok, conversion.problems
    text = conversion.files["content/projects/yala-stories.md"]
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["round"] == "2020-2021"
    assert front["programme"] is None and front["status"] == "needs-research"
    assert "# ยังต้องค้นคว้า: แผนงาน, ตัวเลขผลลัพธ์ / Needs research: Programme, Figures" in text


def test_generated_files_say_each_line_in_the_forms_words(mini: Project) -> None:
    config = load_config(mini.root / "mkdocs.yml")
    conversion = convert(
        _issue_body("projects", _REQUIRED_PROJECT), form_named("projects"), config, issue=12
    )
    text = conversion.files["content/projects/yala-stories.md"]
    front_matter = text.split("---\n")[1]
    comments = [line for line in front_matter.splitlines() if line.startswith("#")]
    assert (
        comments[0]
        == "# สร้างจาก issue #12 แบบฟอร์ม “เสนอโครงการวิจัยใหม่ / Propose a new research project”"
    )
    assert (
        "# หัวหน้าโครงการ, หน่วยงาน / Project lead, Institution — ยังไม่ทราบ เติมเมื่อมี"
        "แหล่งที่มาระบุ / not yet known: fill in when a source says"
    ) in comments
    assert (
        "# ปีเริ่มต้น (ค.ศ.), ปีสิ้นสุด (ค.ศ.) / First year (CE), Last year (CE) — ยังไม่ทราบ "
        "เติมเมื่อมีแหล่งที่มาระบุ / not yet known: fill in when a source says" in comments
    )
    for line in comments:  # the form's words, not YAML's
        assert not re.search(r"\bnull\b|\[\]|\"\"|\bkey\b|\bvalue\b", line), line
    keys = [line.split(":")[0] for line in front_matter.splitlines() if line[:1].isalpha()]
    # every field under a comment
    assert len(comments) == len(keys) + 1


@pytest.mark.parametrize(
    "typed, kept",
    [
        ("มีสามขั้นตอน:\n- สำรวจ\n- ออกแบบ\n- ทดลอง", "มีสามขั้นตอน:\n\n- สำรวจ\n- ออกแบบ\n- ทดลอง"),
        ("ลำดับ:\n1. หนึ่ง\n2. สอง", "ลำดับ:\n\n1. หนึ่ง\n2. สอง"),
        ("ย่อหน้า\n\n- มีบรรทัดว่างแล้ว", "ย่อหน้า\n\n- มีบรรทัดว่างแล้ว"),
        ("```\nโค้ด:\n- ไม่ใช่รายการ\n```", "```\nโค้ด:\n- ไม่ใช่รายการ\n```"),
        ("- a\n- b\n  - c", "- a\n- b\n  - c"),
    ],
)
def test_a_list_typed_right_after_a_sentence_stays_a_list(typed: str, kept: str) -> None:
    assert keep_lists(typed) == kept


def test_a_converted_list_is_built_as_a_list(mini: Project) -> None:
    answers = {**_REQUIRED_PROJECT, "body_th": "ผลที่ได้มีดังนี้:\n- ห้องเรียนเมือง\n- แผนที่การเรียนรู้"}
    result = mini.run(
        "from-issue",
        "--form",
        "project",
        "--body",
        str(_write(mini.root / "issue.md", _issue_body("projects", answers))),
    )
    assert result.returncode == 0, result.stderr
    build = mini.build()
    assert build.returncode == 0, build.stderr[-3000:]
    html = unbroken((mini.site / "projects" / "yala-stories.html").read_text("utf-8"))
    assert re.search(r"<li>ห้องเรียนเมือง</li>\s*<li>แผนที่การเรียนรู้</li>", html)
    english = unbroken((mini.site / "en" / "projects" / "yala-stories.html").read_text("utf-8"))
    # area.en was left empty: the English page shows the Thai, marked as Thai
    assert '<span lang="th">ย่านสายกลาง เทศบาลนครยะลา</span>' in english


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
