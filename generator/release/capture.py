"""Capture the built site into a WARC file the way a web archive's crawler would: every file
is served over HTTP on the loopback interface and fetched with a real HTTP request, and each
request and response is written as a WARC record (warcio).

The records name each page by the address it is published at (`site_url` in mkdocs.yml), not
by the loopback address it was fetched from, so that a web archive replays and de-duplicates
it as that site. Every file of the built site is fetched, not only the pages a crawler would
find by following links: search shards, fonts, data files and the offline ZIP are part of the
site a reader uses.

The WARC records carry the time of capture (`WARC-Date`, the HTTP `Date`): that is what the
WARC standard asks of them, so two captures of the same site differ there and only there.
"""

from __future__ import annotations

import functools
import html
import http.client
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from ..search.extract import head_part

# Used when mkdocs.yml has no `site_url`: a reserved name (RFC 2606) that can never be
# mistaken for a real address. The release warns, because archives key pages on their URL.
PLACEHOLDER_ORIGIN = "https://site.invalid/"

# The media type of every file the site holds, fixed here rather than read from the
# machine's /etc/mime.types, so that every machine serves the same headers.
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".gz": "application/gzip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".pdf": "application/pdf",
    ".webmanifest": "application/manifest+json",
    ".map": "application/json",
    ".md": "text/markdown; charset=utf-8",
}
DEFAULT_MEDIA_TYPE = "application/octet-stream"


@dataclass(frozen=True)
class CapturedPage:
    """An HTML page as captured: for the WACZ page list."""

    url: str
    ts: str  # ISO 8601 capture time, as in the record's WARC-Date
    title: str
    path: str  # in the site


@dataclass(frozen=True)
class Capture:
    warc: Path
    records: int  # responses
    pages: list[CapturedPage]
    started: str  # ISO 8601, first record
    main_url: str


def origin_of(site_url: str) -> str:
    """The published address with a trailing slash (the site's root), or the placeholder."""
    if not site_url:
        return PLACEHOLDER_ORIGIN
    return site_url if site_url.endswith("/") else site_url + "/"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static web host does, under the path of `site_url`."""

    protocol_version = "HTTP/1.1"  # keep-alive: one connection for the whole capture
    disable_nagle_algorithm = True  # or each response waits for a delayed ACK (~40 ms)
    server_version = "LearningCityRelease/1"
    sys_version = ""
    prefix = "/"

    def __init__(self, *args: Any, prefix: str, **kwargs: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-site")  # no such file: 404
        return super().translate_path("/" + path[len(self.prefix) :])

    def guess_type(self, path: Any) -> str:
        return MEDIA_TYPES.get(Path(str(path)).suffix.lower(), DEFAULT_MEDIA_TYPE)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_site(site_dir: Path, prefix: str) -> Iterator[tuple[str, int]]:
    """The site on 127.0.0.1 (a free port), answering under `prefix`; yields (host, port)."""
    handler = functools.partial(_SiteHandler, directory=str(site_dir), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield "127.0.0.1", int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def site_paths(site_dir: Path) -> list[str]:
    """What to fetch: every file (by path, sorted), and the folder URL of every folder that
    has an index.html (readers type `https://host/` and `https://host/en/`)."""
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    folders = sorted({folder for p in files if (folder := _folder_of_index(p)) is not None})
    return folders + files


def _title(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace")
    head = head_part(text)
    start = head.find("<title>")
    end = head.find("</title>", start)
    if start < 0 or end < 0:
        return ""
    return html.unescape(head[start + len("<title>") : end]).strip()


def _folder_of_index(path: str) -> str | None:
    """ "en/" for "en/index.html", "" for "index.html", None for any other file."""
    if path == "index.html" or path.endswith("/index.html"):
        return path[: -len("index.html")]
    return None


def _is_page(path: str, body: bytes) -> bool:
    """An HTML page a reader would open: not a redirect for an old id, not a 404 page."""
    if not path.endswith(".html") or path.endswith("404.html"):
        return False
    head = body[:2048].lower()
    return b'http-equiv="refresh"' not in head


def capture_site(
    site_dir: Path, warc_path: Path, *, site_url: str, warcinfo: dict[str, str], user_agent: str
) -> Capture:
    """Fetch every file of `site_dir` over loopback into one gzipped WARC file."""
    origin = origin_of(site_url)
    parts = urlsplit(origin)
    host, prefix = parts.netloc, parts.path or "/"
    paths = site_paths(site_dir)
    folders = {path for path in paths if path.endswith("/") or not path}
    pages: list[CapturedPage] = []
    started = ""
    warc_path.parent.mkdir(parents=True, exist_ok=True)
    with warc_path.open("wb") as output, serve_site(site_dir, prefix) as (address, port):
        writer = WARCWriter(output, gzip=True, warc_version="1.1")
        writer.write_record(writer.create_warcinfo_record(warc_path.name, warcinfo))
        connection = http.client.HTTPConnection(address, port, timeout=60)
        try:
            for path in paths:
                target = prefix + quote(path)
                url = f"{parts.scheme}://{host}{target}"
                headers = [
                    ("Host", host),
                    ("User-Agent", user_agent),
                    ("Accept", "*/*"),
                    ("Accept-Encoding", "identity"),
                    ("Connection", "keep-alive"),
                ]
                when = datetime.now(UTC).replace(tzinfo=None)
                connection.request("GET", target, headers=dict(headers))
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    raise RuntimeError(f"{url}: the local server answered {response.status}")
                date = datetime_to_iso_date(when, use_micros=True)
                started = started or date
                warc_headers = {"WARC-Date": date, "WARC-IP-Address": address}
                request = writer.create_warc_record(
                    url,
                    "request",
                    warc_headers_dict=dict(warc_headers),
                    http_headers=StatusAndHeaders(
                        f"GET {target} HTTP/1.1", headers, is_http_request=True
                    ),
                )
                reason = response.reason or "OK"
                answer = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    warc_headers_dict=dict(warc_headers),
                    http_headers=StatusAndHeaders(
                        f"{response.status} {reason}", response.getheaders(), protocol="HTTP/1.1"
                    ),
                )
                writer.write_request_response_pair(request, answer)
                # A folder's index.html is listed under the folder's URL, the one readers use.
                if path.endswith("/") or not path:
                    pages.append(CapturedPage(url, date, _title(body), path + "index.html"))
                elif _is_page(path, body) and _folder_of_index(path) not in folders:
                    pages.append(CapturedPage(url, date, _title(body), unquote(path)))
        finally:
            connection.close()
    return Capture(warc_path, len(paths), pages, started, origin)
