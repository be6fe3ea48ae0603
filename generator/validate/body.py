"""Rules for the Markdown body: safe HTML and links, images with alt text, required sections.

This is the first line of defence; the rendered HTML is also sanitised (see
`generator.render.sanitize`) so that anything these patterns miss still cannot run.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from ..load.document import Document
from ..messages import problem
from ..problems import Problem

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")
_DANGEROUS_TAG = re.compile(
    r"<\s*(script|iframe|object|embed|style|form|input|button|link|meta|base|frame|"
    r"frameset|applet|svg|math|template|textarea|select)\b[^>]*>?",
    re.IGNORECASE,
)
_EVENT_ATTR = re.compile(r"<[a-zA-Z][^>]*\s(on[a-z]+)\s*=", re.IGNORECASE)
_LINK = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HTML_URL = re.compile(r"\s(?:href|src)\s*=\s*[\"']?\s*([^\"'\s>]+)", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}
_H1 = re.compile(r"^#\s")
_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")

LESSON_SECTIONS = {
    "th": ["บริบท", "สิ่งที่ทำ", "สิ่งที่ได้เรียนรู้", "ข้อแนะนำสำหรับเมืองอื่น"],
    "en": ["Context", "What was done", "What was learned", "Advice for other cities"],
}


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for lines outside fenced code, with inline code removed."""
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None:
            yield offset, _INLINE_CODE.sub("", line)


def check_body(doc: Document, content_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    rel, first = doc.rel, doc.body_line
    headings: list[str] = []
    for offset, line in prose_lines(doc.body):
        line_no = first + offset
        if "<" in line:  # most prose lines have no markup at all: skip the patterns
            for match in _DANGEROUS_TAG.finditer(line):
                problems.append(
                    problem(
                        "unsafe-html", rel, line_no, match.start() + 1, detail=match.group(0)[:40]
                    )
                )
            for match in _EVENT_ATTR.finditer(line):
                problems.append(
                    problem(
                        "unsafe-html", rel, line_no, match.start(1) + 1, detail=match.group(1) + "="
                    )
                )
        if _H1.match(line) and doc.found.kind != "pages":
            problems.append(problem("heading-level-1", rel, line_no, 1))
        heading = _H2.match(line)
        if heading:
            headings.append(heading.group(1).strip())
        if not ("](" in line or "<" in line or "]:" in line):
            continue
        for url, column, is_image, alt in _urls(line):
            problems.extend(_check_url(doc, content_dir, url, line_no, column, is_image, alt))
    if doc.found.kind == "lessons":
        problems.extend(_check_sections(doc, headings))
    return problems


def _urls(line: str) -> Iterator[tuple[str, int, bool, str]]:
    for match in _LINK.finditer(line):
        yield match.group(3), match.start(3) + 1, match.group(1) == "!", match.group(2)
    for pattern in (_REF_DEF, _AUTOLINK, _HTML_URL):
        for match in pattern.finditer(line):
            yield match.group(1), match.start(1) + 1, False, ""


def _check_url(
    doc: Document, content_dir: Path, url: str, line: int, column: int, is_image: bool, alt: str
) -> list[Problem]:
    rel = doc.rel
    # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    compact = re.sub(r"[\x00-\x20]+", "", url).lower()
    scheme = _SCHEME.match(compact)
    if scheme:
        if scheme.group(1) not in _SAFE_SCHEMES:
            return [problem("unsafe-url", rel, line, column, detail=url[:60])]
        if is_image:  # images must be local: the archive makes no outside requests
            return [problem("unsafe-url", rel, line, column, detail=url[:60])]
        return []
    if compact.startswith("//"):
        return [problem("unsafe-url", rel, line, column, detail=url[:60])]
    path = url.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return []
    base = posixpath.dirname(doc.found.rel)
    content_rel = content_dir.name
    joined = (
        posixpath.normpath(posixpath.join(base, path))
        if not path.startswith("/")
        else posixpath.normpath(content_rel + path)
    )
    if joined.startswith("..") or not (joined + "/").startswith(content_rel + "/"):
        return [problem("unsafe-url", rel, line, column, detail=url[:60])]
    problems: list[Problem] = []
    if is_image:
        target = content_dir.parent / joined
        if not target.is_file():
            problems.append(
                problem(
                    "image-missing",
                    rel,
                    line,
                    column,
                    detail=url,
                    kind=doc.found.kind,
                    id=doc.found.id,
                )
            )
        if not alt.strip():
            problems.append(problem("image-no-alt", rel, line, column, detail=url))
    return problems


def _check_sections(doc: Document, headings: list[str]) -> list[Problem]:
    wanted = LESSON_SECTIONS.get(doc.found.lang)
    if not wanted:
        return []
    present = {h.casefold() for h in headings}
    return [
        problem(
            "missing-section",
            doc.rel,
            doc.body_line,
            1,
            section=section,
            sections=", ".join(wanted),
        )
        for section in wanted
        if section.casefold() not in present
    ]
