"""`mkdocs serve` rebuilds when a case file changes, and only then."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import Project

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


def test_editing_a_case_file_rebuilds_the_page(mini: Project) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
        cwd=mini.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/en/cities/khon-kaen.html"
        assert wait_for(lambda: fetch(url)), "server did not start"
        path: Path = mini.content / "cities" / "khon-kaen.en.md"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "Sri Chan Road", "Sri Chan Road (edited while serving)"), encoding="utf-8")
        page = wait_for(lambda: (html := fetch(url)) and "edited while serving" in html and html)
        assert page, "the edit never reached the served page"
        # The generated pages live in .cache/docs; writing them must not loop the rebuilds.
        time.sleep(3)
        assert not (mini.content / ".cache").exists()
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert output.count("Building documentation...") <= 3, output[-3000:]
