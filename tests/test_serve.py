"""`mkdocs serve` rebuilds when a case file changes, and only then; `make serve`'s --dirty
rebuilds re-render only what changed, yet show every edit, in the page and in search."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import Project

from generator.search.normalize import stem  # index keys are stems of English words

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    return None


def start_server(project: Project, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "--livereload",
            *extra,
        ],
        cwd=project.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return server, f"http://127.0.0.1:{port}"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_editing_a_case_file_rebuilds_the_page(mini: Project) -> None:
    server, base = start_server(mini)
    try:
        url = f"{base}/en/cities/khon-kaen.html"
        assert wait_for(lambda: fetch(url)), "server did not start"
        edit(
            mini.content / "cities" / "khon-kaen.en.md",
            "Sri Chan Road",
            "Sri Chan Road (edited while serving)",
        )
        page = wait_for(lambda: (html := fetch(url)) and "edited while serving" in html and html)
        assert page, "the edit never reached the served page"
        # The generated pages live in .cache/docs; writing them must not loop the rebuilds.
        time.sleep(3)
        assert not (mini.content / ".cache").exists()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert output.count("Building documentation...") <= 3, output[-3000:]


def search_keys(base: str, lang: str) -> set[str]:
    """Every key of the served search index of one language."""
    manifest = fetch(f"{base}/search/{lang}/manifest.js") or ""
    shards = int(re.search(r'"shards":(\d+)', manifest).group(1))  # type: ignore[union-attr]
    keys: set[str] = set()
    for n in range(shards):
        text = fetch(f"{base}/search/{lang}/s/{n}.js") or ""
        keys |= set(json.loads(text[text.index("{") : text.rindex("}") + 1]))
    return keys


def test_make_serve_dirty_rebuilds_show_edits_search_and_theme_changes(mini: Project) -> None:
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs serve -a 127.0.0.1:8000 --livereload --dirty --no-strict" in makefile
    server, base = start_server(mini, "--dirty", "--no-strict")
    try:
        case_url, other_url = f"{base}/en/cities/khon-kaen.html", f"{base}/en/about.html"
        assert wait_for(lambda: fetch(case_url)), "server did not start"
        assert stem("zanzibarine") not in search_keys(base, "en")
        thai_index = fetch(f"{base}/search/th/manifest.js")

        # A case edit: its page and the English search index show it at once.
        edit(
            mini.content / "cities" / "khon-kaen.en.md",
            "Sri Chan Road",
            "Sri Chan Road zanzibarine",
        )
        assert wait_for(lambda: "zanzibarine" in (fetch(case_url) or "")), "edit not served"
        assert wait_for(lambda: stem("zanzibarine") in search_keys(base, "en"), 20), (
            "the edit never reached the search index"
        )
        assert fetch(f"{base}/search/th/manifest.js") == thai_index  # untouched language

        # A theme change shows on every page, not only on the pages whose text changed.
        edit(
            mini.root / "theme" / "main.html",
            "{% block extrahead %}",
            '{% block extrahead %}<meta name="lc-test" content="theme-edited">',
        )
        assert wait_for(lambda: "theme-edited" in (fetch(other_url) or "")), (
            "a theme change did not rebuild the other pages"
        )
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    # MkDocs' own warning about dirty builds is shown (never filtered), not counted as failure.
    assert "Aborted" not in output, output[-3000:]
