"""The contributor's path: `new`, issue forms and their conversion, the .github files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, Project

from generator.config import load_config
from generator.contrib.forms import FORMS, render_forms
from generator.contrib.from_issue import convert, form_named, parse_answers
from generator.pipeline import check
from generator.validate.schema import KIND_SCHEMAS, raw_schemas

ISSUES = FIXTURES / "issues"
BIN = Path(sys.executable).parent


# -- new city|project|lesson ------------------------------------------------------------------

def _fill_blanks(text: str) -> str:
    """What a contributor does next: fill every empty field (here with mini's real ids)."""
    fills = {
        "region": "northeast", "city": "khon-kaen", "sources": "[seed-a]",
        "location": "{lat: 16.43, lon: 102.83}", "themes": "[participation]",
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
    folder = mini.content / {"city": "cities", "project": "projects", "lesson": "lessons",
                             "event": "events"}[kind]
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


@pytest.mark.parametrize("bad_id, words", [
    ("khon-kaen", "already exists"), ("Khon Kaen", "not a valid id"), ("search", "reserved"),
    ("a--b", "not a valid id"),
])
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
    for name, text in render_forms(_vocabularies()).items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run `python -m generator issue-forms`")


def test_issue_forms_follow_githubs_schema() -> None:
    folder = ROOT / ".github" / "ISSUE_TEMPLATE"
    forms = sorted(str(p) for p in folder.glob("*.yml") if p.name != "config.yml")
    for schema, files in (("vendor.github-issue-forms", forms),
                          ("vendor.github-issue-config", [str(folder / "config.yml")])):
        result = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", schema, *files],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_form_fields_land_in_schema_fields() -> None:
    schemas = raw_schemas()
    for form in FORMS:
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
    result = mini.run("from-issue", "--form", "project", "--body",
                      str(ISSUES / "project-complete.md"), "--issue", "7")
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
    result = mini.run("from-issue", "--form", "project", "--body",
                      str(ISSUES / "project-bad-answers.md"), "--comment", str(comment_file))
    assert result.returncode == 1
    assert sorted(p.as_posix() for p in mini.content.rglob("*")) == before
    comment = comment_file.read_text(encoding="utf-8")
    for expected in ("`รหัส / Id`", "`yala-stories`", "`เมือง / City`", "pattaya",
                     "`ปีเริ่มต้น (ค.ศ.) / First year (CE)`", "2022 (= 2565 − 543)",
                     "`ประเด็น / Themes`", "no-such-theme", "<script>"):
        assert expected in comment, expected
    assert "Traceback" not in result.stderr


def test_a_missing_required_answer_is_named(mini: Project) -> None:
    conversion = _convert(mini, "project-missing-title.md")
    assert not conversion.ok and not conversion.files
    assert conversion.problems == [
        "`ชื่อโครงการ (ไทย) / Title (Thai)`: required, but empty / ต้องกรอก แต่ว่างอยู่"]


def test_a_filled_event_issue_becomes_an_event_on_the_timeline(mini: Project) -> None:
    result = mini.run("from-issue", "--form", "event", "--body",
                      str(ISSUES / "event-complete.md"), "--issue", "9")
    assert result.returncode == 0, result.stderr
    made = mini.content / "events" / "yala-stories-day-2023.md"
    front = yaml.safe_load(made.read_text(encoding="utf-8").split("---\n")[1])
    assert front["date"] == {"start": "2023-08-22", "end": "2023-08-23"}
    assert front["places"] == [
        {"name": {"th": "โรงแรมเก่าเมโทร ย่านสายกลาง", "en": "The old Metro hotel, Sai Klang"},
         "city": "yala"},
        {"name": {"th": "กรุงปารีส", "en": "Paris"}, "city": None}]
    assert front["cities"] == ["yala"] and front["lessons"] == []
    sources = yaml.safe_load((mini.content / "sources.yml").read_text(encoding="utf-8"))
    new = sources["yala-stories-day-2023-source"]
    assert new["title_from"] == "editor" and new["date"] == "2023-08"
    assert new["evidence"] == {"date": "สิงหาคม 2566"}
    assert mini.run("validate").returncode == 0
    build = mini.build()
    assert build.returncode == 0, build.stderr[-3000:]
    timeline = (mini.site / "events" / "index.html").read_text("utf-8")
    assert "22–23 สิงหาคม พ.ศ. 2566" in timeline and 'href="yala-stories-day-2023.html"' in timeline


def test_an_event_issue_with_a_buddhist_era_date_is_sent_back(mini: Project) -> None:
    body = (ISSUES / "event-complete.md").read_text(encoding="utf-8").replace(
        "2023-08-22", "2566-08-22")
    conversion = convert(body, form_named("events"), load_config(mini.root / "mkdocs.yml"))
    assert not conversion.ok
    assert any(line.startswith("`วันที่ หรือวันเริ่มต้น (ค.ศ.) / Date, or first date (CE)`")
               and "2023 (= 2566 − 543)" in line for line in conversion.problems), \
        conversion.problems


def test_answers_are_read_by_label_whatever_their_order() -> None:
    body = ("### เมือง / City\n\nyala\n\n### Something GitHub added\n\nx\n\n"
            "### รหัส / Id\n\n_No response_\n")
    assert parse_answers(body, form_named("projects")) == {"city": "yala", "id": ""}


# -- .github ----------------------------------------------------------------------------------

def test_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {p.name for p in workflows} >= {"pull-request.yml", "deploy.yml", "links.yml",
                                           "issue-to-pr.yml"}
    result = subprocess.run([BIN / "actionlint", "-no-color", *map(str, workflows)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_uses_the_current_pages_actions() -> None:
    text = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    for action in ("actions/configure-pages@v6", "actions/upload-pages-artifact@v5",
                   "actions/deploy-pages@v5"):
        assert action in text


def test_ci_and_pre_commit_run_the_readme_commands() -> None:
    pull_request = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text())
    runs = [step.get("run", "") for job in pull_request["jobs"].values() for step in job["steps"]]
    assert "make validate" in runs and "make test" in runs
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert hooks[0]["entry"] == "make validate"
    assert re.match(hooks[0]["files"], "content/cities/yala.md")
