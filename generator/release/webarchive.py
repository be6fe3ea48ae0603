"""The web archive: the captured WARC packaged as a WACZ (Web Archive Collection Zipped) by
the `wacz` tool, with a page list, the full text of every page for the archive's own search,
and a CDXJ index; then checked with `wacz validate`.

The page list is ours (every page of both languages, with its title, a stable id and its
text) and the `wacz` tool copies it as it is (`--copy-pages`). The text is read by the site's
own search extractor: the tool's own (boilerpy3) counts words by spaces and kept no text of a
Thai page — and none of one whose Thai is marked for line breaks (render/thai_breaks.py).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..search.extract import read_page
from .capture import Capture
from .tools import run_tool, tool

# Page ids derived from the URL, so that every release names the same page the same way.
_PAGE_NAMESPACE = uuid.UUID("6f1f4a8e-2d3b-5c7a-9e0f-4b1c2d3e4f50")


@dataclass(frozen=True)
class WebArchive:
    path: Path
    pages: int


def page_text(html: str) -> str:
    """What a reader reads on the page: its title, headings and body text, without the
    navigation around them (the markup of line breaks removed)."""
    page = read_page(html)
    text = "\n".join(part for part in (page.title, *page.headings, page.body) if part)
    # One line per paragraph, spaces inside: a stray U+2028 or NEL would end a JSON Lines
    # record for readers that split lines the way Python's splitlines does.
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def write_page_list(capture: Capture, site_dir: Path, target: Path, title: str) -> Path:
    lines: list[dict[str, object]] = [
        {"format": "json-pages-1.0", "id": "pages", "title": title, "hasText": True}
    ]
    for page in capture.pages:
        html = (site_dir / page.path).read_text(encoding="utf-8", errors="replace")
        lines.append(
            {
                "id": str(uuid.uuid5(_PAGE_NAMESPACE, page.url)),
                "url": page.url,
                "ts": page.ts,
                "title": page.title or page.path,
                "text": page_text(html),
            }
        )
    target.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    return target


def make_wacz(
    capture: Capture,
    site_dir: Path,
    target: Path,
    *,
    title: str,
    description: str,
    work_dir: Path,
) -> WebArchive:
    """Package the WARC into `target` with the `wacz` tool, then validate it."""
    pages = write_page_list(capture, site_dir, work_dir / "pages.jsonl", title)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    run_tool(
        [
            tool("wacz"),
            "create",
            "-o",
            str(target),
            "--pages",
            str(pages),
            "--copy-pages",
            "--hash-type",
            "sha256",
            "--url",
            capture.main_url,
            "--title",
            title,
            "--desc",
            description,
            str(capture.warc),
        ],
        "wacz create",
        cwd=work_dir,
    )
    validate_wacz(target)
    return WebArchive(target, len(capture.pages))


def validate_wacz(path: Path) -> str:
    """`wacz validate`: the package's structure, its data package, every file's hash."""
    output = run_tool([tool("wacz"), "validate", "-f", str(path)], "wacz validate")
    if "Validation succeeded" not in output:
        raise RuntimeError(f"wacz validate did not confirm {path.name}:\n{output[-2000:]}")
    return output
