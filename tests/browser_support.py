"""Debian's headless Chromium driven by Playwright, and a loopback server for built sites."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import axe_playwright_python

# Debian's package first, as the README promises; another `chromium` on PATH only as a fallback.
CHROMIUM = (
    "/usr/bin/chromium"
    if Path("/usr/bin/chromium").exists()
    else (shutil.which("chromium") or "/usr/bin/chromium")
)
# The machine has no network: background services would only produce refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


_COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


class _GzipHandler(_QuietHandler):
    """Text files gzip-compressed when the browser asks, as every real web host serves them
    (GitHub Pages included): page-speed measures on an uncompressed server mislead."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in _COMPRESSED
            or not path.is_file()
        ):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


@contextmanager
def serve(directory: Path, compress: bool = False) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(
        _GzipHandler if compress else _QuietHandler, directory=str(directory)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageLog:
    """What a page asked for and complained about while loading."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.requests.clear()
        self.console_errors.clear()
        self.failed.clear()

    def external(self, base: str) -> list[str]:
        local = (base, "file://", "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(local)]


def watch(page: Any) -> PageLog:
    log = PageLog()
    page.on("request", lambda request: log.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            log.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: log.console_errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            log.failed.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return log


def switch_language(page: Any, lang: str) -> None:
    """Use Material's language menu the way a reader does: hover it, pick the language."""
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={lang}]")
    page.wait_for_load_state()


AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"  # axe-core, MPL-2.0


def serious_accessibility_violations(page: Any, tags: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical violations on the loaded page, as "rule [targets]".

    Blocks below a page's first screen are laid out only when a reader scrolls near them
    (content-visibility in archive.css), and axe takes a block not yet laid out as off
    screen: it would skip the contrast of most of the page. So every block is laid out
    first, as it is by the time a reader sees it; `tags` limits the rules (axe's tags)."""
    page.add_style_tag(content="* { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"]}
    if tags:
        options["runOnly"] = {"type": "tag", "values": tags}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [
        f"{violation['id']} {[node['target'] for node in violation['nodes']][:4]}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
