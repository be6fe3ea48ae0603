"""Golden cases: each bad input must be reported at the exact file, line, column and field.

The cases live in tests/validator/cases.yaml so that a new rule is one more entry.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Project

from generator import report
from generator.config import load_config
from generator.pipeline import check
from generator.problems import Problem

CASES = yaml.safe_load((Path(__file__).parent / "validator" / "cases.yaml").read_text("utf-8"))


def apply(project: Project, case: dict[str, Any]) -> None:
    for rel, pairs in (case.get("replace") or {}).items():
        path = project.content / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{case['name']}: {old!r} not in {rel}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for rel, text in (case.get("write") or {}).items():
        project.write(rel, text)
    for rel, data in (case.get("write_hex") or {}).items():
        project.write(rel, bytes.fromhex(data))
    for rel, size in (case.get("write_big") or {}).items():
        project.write(rel, "---\nid: huge\n---\n" + "ก" * (size // 3 + 1))
    if case.get("bom_crlf"):
        path = project.content / case["bom_crlf"]
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))


def key(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.column} {problem.field or '-'} {problem.code}"


def run(project: Project) -> list[Problem]:
    """The content's problems (the archive's settings, in mkdocs.yml, are checked elsewhere)."""
    return [
        p
        for p in check(load_config(project.root / "mkdocs.yml")).problems.sorted()
        if p.path.startswith("content/")
    ]


# Problems the untouched fixture already reports (warnings by design).
BASELINE = {
    "content/cities/yala.md:0:0 - missing-translation",
    "content/pages/about.md:0:0 - missing-translation",
    "content/projects/khon-kaen-2020.en.md:2:1 primary_updated outdated-translation",
    "content/projects/khon-kaen-2020.md:15:1 status needs-research",
}


def test_the_fixture_itself_has_no_errors(mini: Project) -> None:
    problems = run(mini)
    assert {key(p) for p in problems} == BASELINE
    assert not [p for p in problems if p.is_error]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_validator_case(mini: Project, case: dict[str, Any]) -> None:
    apply(mini, case)
    problems = run(mini)
    found = {key(p) for p in problems}
    for expected in case["expect"]:
        assert expected in found, f"missing {expected!r}; got {sorted(found - BASELINE)}"
    new = [
        p for p in problems if key(p) not in BASELINE and p.code not in case.get("allow_codes", [])
    ]
    if not case.get("warnings_only"):
        # nothing beyond what the case expects (or an explicit second effect of the same edit)
        assert {key(p) for p in new} <= set(case["expect"]) | set(case.get("also", [])), sorted(
            key(p) for p in new
        )
    for code in case.get("absent", []):
        assert code not in {p.code for p in problems}
    rendered = "\n".join(report.format_text(p) for p in problems)
    for text in case.get("text", []):
        assert text in rendered
    # every error names its file, and says what to do in both languages
    for p in new:
        assert p.message_en and p.message_th
        if p.is_error:
            assert p.hint_en and p.hint_th, p.code


def test_symlink_out_of_the_tree_is_refused(mini: Project, tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text("---\nid: secret\n---\n", encoding="utf-8")
    os.symlink(outside, mini.content / "cities" / "secret.md")
    assert "content/cities/secret.md:0:0 - symlink" in {key(p) for p in run(mini)}


def test_every_problem_line_is_path_line_col_field_message(mini: Project) -> None:
    apply(mini, {"replace": {"cities/khon-kaen.md": [["name:", "nmae:"]]}})
    problem = next(p for p in run(mini) if p.code == "misspelled-key")
    first = report.format_text(problem, "en").splitlines()[0]
    assert first.startswith("content/cities/khon-kaen.md:3:1: error: nmae: no such field")
    thai = report.format_text(problem, "th").splitlines()[0]
    assert thai.startswith("content/cities/khon-kaen.md:3:1: ข้อผิดพลาด: nmae: ไม่มีช่องข้อมูลชื่อนี้")


def test_github_annotations_point_at_the_diff(mini: Project) -> None:
    apply(mini, {"replace": {"cities/khon-kaen.md": [["region: northeast", "region: x"]]}})
    out = io.StringIO()
    report.write_github([p for p in run(mini) if p.is_error], out)
    line = out.getvalue().splitlines()[0]
    assert line.startswith(
        "::error file=content/cities/khon-kaen.md,line=5,col=1,title=not-in-list::"
    )
    assert "%0A" in line  # the fix goes on its own line, escaped


def test_cli_prints_annotations_under_github_actions(mini: Project) -> None:
    apply(mini, {"replace": {"cities/khon-kaen.md": [["region: northeast", "region: x"]]}})
    result = mini.run("validate", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert "::error file=content/cities/khon-kaen.md,line=5" in result.stdout
    assert "::warning file=content/cities/yala.md" in result.stdout


def test_cli_json_and_language_choice(mini: Project) -> None:
    apply(mini, {"replace": {"cities/khon-kaen.md": [["region: northeast", "region: x"]]}})
    rows = json.loads(mini.run("validate", "--format", "json").stdout)
    error = next(r for r in rows if r["severity"] == "error")
    assert error["path"] == "content/cities/khon-kaen.md" and error["line"] == 5
    assert error["message"]["th"] and error["hint"]["en"]
    thai_only = mini.run("validate", "--lang", "th").stdout
    assert "ข้อผิดพลาด" in thai_only and "fix:" not in thai_only


# -- the contributor's own files first ----------------------------------------------------------


def _git(project: Project, *args: str) -> str:
    import subprocess

    result = subprocess.run(
        [
            "git",
            "-C",
            str(project.root),
            "-c",
            "user.email=t@example.org",
            "-c",
            "user.name=t",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _own_error(mini: Project) -> None:
    apply(
        mini, {"replace": {"cities/khon-kaen.md": [["updated: 2026-11-25", "updated: 2567-12-31"]]}}
    )


def test_problems_of_the_files_named_come_first_and_the_rest_is_one_line(mini: Project) -> None:
    _own_error(mini)
    out = mini.run("validate", "content/cities/khon-kaen.md", "--lang", "th")
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0] == "ปัญหาในไฟล์ที่คุณแก้ (1 ไฟล์) แสดงก่อน"
    assert lines[1].startswith("content/cities/khon-kaen.md:12:1: ข้อผิดพลาด: updated:")
    assert "content/cities/yala.md" not in out.stdout  # other files' warnings: counted only
    assert lines[-2:] == [
        "และปัญหาอีก 8 รายการในไฟล์อื่น (ดูทั้งหมดด้วย `--all`)",
        "ข้อผิดพลาด 1 รายการ คำเตือน 8 รายการ",
    ]
    english = mini.run("validate", "content/cities/khon-kaen.md", "--lang", "en").stdout
    assert "and 8 more in other files (`--all` shows them)" in english
    everything = mini.run("validate", "content/cities/khon-kaen.md", "--all").stdout
    assert "content/cities/yala.md" in everything and "more in other files" not in everything


def test_errors_in_other_files_are_shown_in_full_after_ones_own(mini: Project) -> None:
    """An error anywhere stops the build, whoever caused it (a renamed id breaks the files
    that cite it): it is shown, after the contributor's own."""
    _own_error(mini)
    apply(mini, {"replace": {"cities/yala.md": [["region: south", "region: x"]]}})
    out = mini.run("validate", "content/cities/khon-kaen.md", "--lang", "en").stdout
    own = out.index("content/cities/khon-kaen.md:12:1")
    header = out.index("Errors in other files (they stop the build too):")
    other = out.index("content/cities/yala.md:5:1: error: region")
    assert own < header < other
    assert "and 8 more in other files" in out  # the warnings (4 about unset settings)


def test_changed_files_come_from_git(mini: Project) -> None:
    _git(mini, "init", "-q", "-b", "main")
    _git(mini, "add", "-A")
    _git(mini, "commit", "-qm", "archive")
    _git(mini, "checkout", "-qb", "my-change")
    _own_error(mini)  # uncommitted
    mini.write("cities/new-city.md", "---\nid: new-city\n---\n")  # untracked
    out = mini.run("validate", "--lang", "en").stdout
    assert out.splitlines()[0] == (
        "Problems in the files you changed (2, compared with main) come first."
    )
    _git(mini, "add", "-A")
    _git(mini, "commit", "-qm", "my change")  # committed on the branch: still mine
    out = mini.run("validate", "--lang", "en").stdout
    assert out.splitlines()[0].startswith("Problems in the files you changed (2,")
    assert out.index("content/cities/khon-kaen.md:12:1") < out.index("more in other files")
    _git(mini, "checkout", "-q", "main")  # the default branch, nothing changed: everything
    out = mini.run("validate", "--lang", "en").stdout
    assert "files you changed" not in out and "content/cities/yala.md" in out


def test_a_pull_requests_checkout_annotates_its_own_files_first(mini: Project) -> None:
    """On GitHub Actions a pull request is checked out as a merge commit, without the base
    branch: its first parent is the base. The annotations GitHub shows (only the first few)
    are the pull request's own; the rest is one notice."""
    _git(mini, "init", "-q", "-b", "main")
    _git(mini, "add", "-A")
    _git(mini, "commit", "-qm", "archive")
    _git(mini, "checkout", "-qb", "pr")
    _own_error(mini)
    _git(mini, "commit", "-qam", "pr")
    _git(mini, "checkout", "-q", "main")
    _git(mini, "merge", "-q", "--no-ff", "--no-edit", "pr")
    _git(mini, "checkout", "-q", "--detach")
    _git(mini, "branch", "-q", "-D", "main", "pr")
    out = mini.run("validate", env={"GITHUB_ACTIONS": "true", "GITHUB_BASE_REF": "main"}).stdout
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert annotations[0].startswith("::error file=content/cities/khon-kaen.md,line=12")
    assert annotations[1:] == [
        (
            "::notice title=other-files::8 more warning(s) in files this "
            "change does not touch — คำเตือนอีก 8 รายการในไฟล์อื่น"
        )
    ]
    rows = json.loads(mini.run("validate", "--format", "json").stdout)
    assert {row["path"]: row["changed"] for row in rows}["content/cities/khon-kaen.md"] is True


def test_thai_only_output_is_where_thai_contributors_read(mini: Project) -> None:
    root = Path(__file__).parent.parent
    contributing = (root / "CONTRIBUTING.md").read_text("utf-8")
    thai = contributing.split("## English")[0]
    assert "validate --lang th" in thai
    made = mini.run("new", "city", "udon-thani")
    assert (
        made.stdout.rstrip().splitlines()[-1].strip()
        == ".venv/bin/python -m generator validate --lang th"
    )
    header = (mini.content / "cities" / "udon-thani.md").read_text("utf-8")
    assert "validate --lang th" in header
