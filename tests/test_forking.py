"""Another city forks the archive: FORKING.md's steps, done by a test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Project, make_project

OLD_NAMES = (
    "คลังความรู้เมืองแห่งการเรียนรู้",
    "Learning City Knowledge Bank",
    "learning-city-knowledge-bank",
)
OLD_CONTENT = ("ขอนแก่น", "Khon Kaen", "ยะลา", "บพท", "PMU A", "KKTT", "Yala Stories")
RENAMES = {
    "คลังความรู้เมืองแห่งการเรียนรู้": "คลังความรู้เมืองอุดรธานี",
    "Learning City Knowledge Bank": "Udon Thani Learning Archive",
    "คลังความรู้ของงานวิจัยเมืองแห่งการเรียนรู้ในประเทศไทย": "คลังความรู้ของเมืองอุดรธานี",
    "An archive of Thailand's Learning City research": "Udon Thani's learning archive",
    "download_name: learning-city-knowledge-bank": "download_name: udon-learning-archive",
    '"#00695c"': '"#6a1b9a"',
}

CITY = """---
id: udon-thani
name: {th: "อุดรธานี", en: "Udon Thani"}
province: {th: "อุดรธานี", en: "Udon Thani"}
region: northeast
research_area: {th: "เทศบาลนครอุดรธานี", en: "Udon Thani city municipality"}
location: {lat: 17.41, lon: 102.79}
cohort: null
gnlc_member_since: null
websites: []
completeness: stub
updated: 2026-11-25
aliases: []
summary: "เมืองแรกของคลังความรู้ฉบับแยก"
sources: [fork-source]
---
## สิ่งที่ทราบ

หน้าทดสอบของฉบับแยก
"""
SOURCE = """fork-source:
  title: {th: "เอกสารของเมือง", en: "The city's document"}
  title_from: document
  publisher: null
  date: null
  url: null
  note: null
  evidence: {date: "ประจำปี พ.ศ. 2569"}
"""


def _site_text(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".csv", ".xml", ".js")
    }


def test_a_fork_carries_its_own_name_and_none_of_our_content(tmp_path: Path) -> None:
    fork: Project = make_project(tmp_path / "fork", ROOT / "content")
    removed = fork.run("remove-examples", "--pages")
    assert removed.returncode == 0, removed.stderr
    assert not list((fork.content / "cities").glob("*.md"))
    config = (fork.root / "mkdocs.yml").read_text(encoding="utf-8")
    (fork.root / "mkdocs.yml").write_text(_fork_settings(config), encoding="utf-8")  # one place
    fork.write("cities/udon-thani.md", CITY)
    with (fork.content / "sources.yml").open("a", encoding="utf-8") as handle:
        handle.write(SOURCE)
    (fork.content / "sources.yml").write_text(
        (fork.content / "sources.yml").read_text(encoding="utf-8").replace("\n{}\n", "\n"),
        encoding="utf-8",
    )

    validated = fork.run("validate")
    assert validated.returncode == 0, validated.stdout
    built = fork.build()
    assert built.returncode == 0, built.stderr[-3000:]

    texts = _site_text(fork.site)
    assert "คลังความรู้เมืองอุดรธานี" in texts["index.html"]
    assert "Udon Thani Learning Archive" in texts["en/index.html"]
    assert "อุดรธานี" in texts["cities/udon-thani.html"]
    assert "#6a1b9a" in (fork.site / "assets/stylesheets/colors.css").read_text()
    assert (fork.site / "downloads" / "udon-learning-archive.zip").is_file()
    # The field reference and the published schemas give examples (`khon-kaen`): documentation
    # of the format, not content; FORKING.md says where to change them.
    documentation = ("reference.html", "en/reference.html", "data/schemas/")
    leaks = {
        (path, word)
        for path, text in texts.items()
        if not path.startswith(documentation)
        for word in OLD_NAMES + OLD_CONTENT
        if word in text
    }
    assert leaks == set()
    assert not (fork.site / "cities" / "khon-kaen.html").exists()
    cities = json.loads((fork.site / "data" / "cities.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in cities] == ["udon-thani"]


def _git(folder: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
    }
    result = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fork_settings(config: str) -> str:
    """What a fork writes into its own mkdocs.yml: its names, colours, who stands behind it."""
    for old, new in RENAMES.items():
        assert old in config, old
        config = config.replace(old, new)
    config = re.sub(r"\n\s+labels:\n(\s+(cities|projects): .*\n)+", "\n", config)
    config = re.sub(
        r"    funders:.*?\n(?=    contact:)",
        '    funders:\n      - name: {th: "เทศบาลนครอุดรธานี", en: "Udon Thani City"}\n',
        config,
        flags=re.DOTALL,
    )
    return config


@pytest.mark.slow
def test_a_fork_takes_later_template_fixes_without_conflicts(tmp_path: Path) -> None:
    """FORKING.md's promise: a fork changes content/ and mkdocs.yml only, so a later upstream
    commit to the generator, the theme and the inherited settings merges cleanly."""
    upstream = tmp_path / "upstream"
    tracked = _git(ROOT, "ls-files", "-z").split("\0")
    for rel in filter(None, tracked):
        source = ROOT / rel
        if source.is_file():
            (upstream / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, upstream / rel)
    _git(upstream, "init", "-q", "-b", "main")
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-q", "-m", "template")

    fork = tmp_path / "fork"
    _git(tmp_path, "clone", "-q", str(upstream), str(fork))
    removed = subprocess.run(
        [sys.executable, "-m", "generator", "remove-examples", "--pages"],
        cwd=fork,
        capture_output=True,
        text=True,
        check=False,
    )
    assert removed.returncode == 0, removed.stderr
    config = fork / "mkdocs.yml"
    config.write_text(_fork_settings(config.read_text(encoding="utf-8")), encoding="utf-8")
    (fork / "content" / "cities" / "udon-thani.md").write_text(CITY, encoding="utf-8")
    sources = fork / "content" / "sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("\n{}\n", "\n") + SOURCE, encoding="utf-8"
    )
    _git(fork, "add", "-A")
    _git(fork, "commit", "-q", "-m", "our own archive")

    # Later, upstream fixes its generator, theme and inherited settings.
    _edit(
        upstream / "generator" / "render" / "map.py",
        '"""',
        '"""Upstream fix. ',
    )
    with (upstream / "theme" / "assets" / "stylesheets" / "archive.css").open("a") as css:
        css.write("\n.lc-upstream-fix { color: inherit; }\n")
    _edit(
        upstream / "generator" / "mkdocs-base.yml",
        "  - pymdownx.details\n",
        "  - pymdownx.details\n  - abbr\n",
    )
    _git(upstream, "commit", "-q", "-am", "template fixes")

    _git(fork, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert _git(fork, "diff", "--name-only", "--diff-filter=U") == ""
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=fork,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    site = fork / "site"
    assert ".lc-upstream-fix" in (site / "assets/stylesheets/archive.css").read_text()
    texts = _site_text(site)
    assert "คลังความรู้เมืองอุดรธานี" in texts["index.html"]
    assert "อุดรธานี" in texts["cities/udon-thani.html"]
    documentation = ("reference.html", "en/reference.html", "data/schemas/")
    leaks = {
        (path, word)
        for path, text in texts.items()
        if not path.startswith(documentation)
        for word in OLD_NAMES + OLD_CONTENT
        if word in text
    }
    assert leaks == set()
