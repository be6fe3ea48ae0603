"""The same commit gives the same bytes on any day, in any time zone, on any machine.

Built twice from one git commit: once as usual, once under a clock set 1,000 days ahead
(Debian's `faketime`, which `make test` installs), in a time zone 14 hours ahead of UTC, with
another hash seed and another user cache (so another sanitiser nonce). Every file of the two
sites — pages, sitemaps, search shards, data, the offline ZIP — must be identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI_CONTENT, Project, make_project

pytestmark = pytest.mark.slow

FAKETIME = shutil.which("faketime")


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _commit(project: Project) -> None:
    """A git checkout, so that page dates come from git history as in the real repository."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2025-03-04T10:00:00+07:00",
        "GIT_COMMITTER_DATE": "2025-03-04T10:00:00+07:00",
    }
    for command in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        [
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "commit",
            "-q",
            "-m",
            "content",
        ],
    ):
        subprocess.run(["git", *command], cwd=project.root, check=True, env=env)


def _build(project: Project, env: dict[str, str], clock: list[str]) -> dict[str, bytes]:
    shutil.rmtree(project.site, ignore_errors=True)
    shutil.rmtree(project.root / ".cache", ignore_errors=True)
    result = subprocess.run(
        [*clock, sys.executable, "-m", "mkdocs", "build"],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return _tree(project.site)


def test_two_builds_under_different_clocks_are_byte_identical(tmp_path: Path) -> None:
    if FAKETIME is None:
        pytest.fail("Debian's faketime is missing: run `make test` (it installs it as root)")
    project = make_project(tmp_path / "repro", MINI_CONTENT)
    _commit(project)
    today = _build(
        project,
        {"TZ": "UTC", "PYTHONHASHSEED": "1", "XDG_CACHE_HOME": str(tmp_path / "cache-a")},
        [],
    )
    later = _build(
        project,
        {
            "TZ": "Pacific/Kiritimati",
            "PYTHONHASHSEED": "2",
            "XDG_CACHE_HOME": str(tmp_path / "cache-b"),
        },
        [FAKETIME, "-f", "+1000d"],
    )
    assert "sitemap.xml.gz" in today and any(p.endswith(".zip") for p in today)
    assert sorted(today) == sorted(later)
    differing = [path for path in today if today[path] != later[path]]
    assert not differing, differing[:10]
    # The sitemap dates are the content's (the commit's day), not the day of either build.
    assert b"<lastmod>2025-03-04</lastmod>" in today["sitemap.xml"]


def test_faketime_really_moves_the_clock() -> None:
    """Guards the test above: without a working faketime it would compare two builds of today."""
    if FAKETIME is None:
        pytest.fail("Debian's faketime is missing: run `make test` (it installs it as root)")
    year = subprocess.run(
        [
            FAKETIME,
            "-f",
            "+1000d",
            sys.executable,
            "-c",
            "import datetime; print(datetime.date.today().year)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    now = subprocess.run(
        [sys.executable, "-c", "import datetime; print(datetime.date.today().year)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert int(year) >= int(now) + 2
