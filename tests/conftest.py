"""Shared fixtures: throwaway copies of the project with chosen content, and built sites."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_CONTENT = FIXTURES / "mini" / "content"


def unbroken(html: str) -> str:
    """A built page without the Thai line-break markup (generator/render/thai_breaks.py): the
    text as written, for tests that look for a Thai phrase in the HTML."""
    return re.sub(r"</?lc-w>|<wbr>", "", html)


def our_settings() -> dict[str, Any]:
    """This archive's own settings (the learningcity plugin's, in mkdocs.yml), which every
    project made by `make_project` builds with: tests read names from here rather than
    writing them, so that they hold in a fork that renamed itself (FORKING.md)."""
    from generator.config import load_config

    return load_config(ROOT / "mkdocs.yml").settings


def download_name() -> str:
    return str(our_settings().get("download_name") or "archive")


def funder_names(lang: str) -> list[str]:
    return [str(f["name"][lang]) for f in our_settings().get("funders") or []]


@dataclass
class Project:
    """A copy of the repository's site configuration and theme with its own content."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def run(
        self, *args: str, engine: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """`python -m <engine|generator> args…` in this project."""
        module = engine or "generator"
        return subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
            timeout=600,
            check=False,
        )

    def build(self, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
        return self.run("build", "-f", "mkdocs.yml", engine=engine)


def make_project(target: Path, content: Path | None) -> Project:
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "generator").mkdir(exist_ok=True)  # the template settings mkdocs.yml inherits
    shutil.copy2(ROOT / "generator" / "mkdocs-base.yml", target / "generator" / "mkdocs-base.yml")
    shutil.copytree(ROOT / "theme", target / "theme")
    if content is not None:
        shutil.copytree(content, target / "content")
    else:
        (target / "content").mkdir()
    return Project(target)


@pytest.fixture
def mini(tmp_path: Path) -> Project:
    """A small valid project: two cities, a project, a lesson, pages, one missing translation."""
    return make_project(tmp_path / "mini", MINI_CONTENT)


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = make_project(tmp_path_factory.mktemp("mini-site"), MINI_CONTENT)
    result = project.build()
    assert result.returncode == 0, result.stderr
    yield project


PUBLISHED_SETTINGS = {
    'site_url: ""': 'site_url: "https://example.org/archive/"',
    'repo_url: ""': 'repo_url: "https://github.com/example/archive"',
    "      name: null          # {th: …, en: …}: who publishes this archive\n      url: null": '      name: {th: "สำนักพิมพ์ทดสอบ", en: "Test Press"}\n'
    '      url: "https://example.org/press"',
    "    contact: null": '    contact: "editors@example.org"',
}


def publish(project: Project) -> Project:
    """Set every value of mkdocs.yml that says who stands behind the archive and where."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in PUBLISHED_SETTINGS.items():
        assert old in text, old
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The mini site with its publisher, contact, web address and repository set."""
    project = publish(make_project(tmp_path_factory.mktemp("published-site"), MINI_CONTENT))
    result = project.build()
    assert result.returncode == 0, result.stderr
    yield project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """The repository's own content, built once per test session."""
    project = make_project(tmp_path_factory.mktemp("real-site"), ROOT / "content")
    result = project.build()
    assert result.returncode == 0, result.stderr[-5000:]
    yield project


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium through Playwright (never a browser Playwright downloads itself)."""
    from browser_support import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test` (it installs it as root)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
