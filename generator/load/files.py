"""Find case files and read them defensively: size, encoding, links, line endings."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..messages import problem
from ..problems import Problem

MAX_BYTES = 512 * 1024  # a long case file is ~30 KB; anything this big is a mistake
KINDS = ("cities", "projects", "lessons", "events", "pages")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class FoundFile:
    path: Path
    rel: str  # relative to the repository root
    kind: str  # "cities", "projects", "lessons", "events" or "pages"
    id: str
    lang: str  # language code of the file ("th" for the primary)
    is_primary: bool


def discover(content_dir: Path, root: Path, languages: list[str]) -> list[FoundFile]:
    """Every Markdown file under content/<kind>/, classified by its language suffix.

    `languages[0]` is the primary language (no suffix); the others use `<id>.<lang>.md`.
    """
    found: list[FoundFile] = []
    for kind in KINDS:
        folder = content_dir / kind
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.md")):
            stem = path.name[: -len(".md")]
            lang = languages[0]
            for candidate in languages[1:]:
                if stem.endswith(f".{candidate}"):
                    stem, lang = stem[: -len(candidate) - 1], candidate
                    break
            found.append(FoundFile(path, _rel(path, root), kind, stem, lang, lang == languages[0]))
    return found


def read_text(found: FoundFile, root: Path) -> tuple[str | None, list[Problem]]:
    """The file's text with LF line ends and no BOM, or None and the reasons it can't be read."""
    path = found.path
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not _is_within(target, root):
            return None, [problem("symlink", found.rel, target=str(target))]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [problem("file-too-large", found.rel, size=size, limit=MAX_BYTES)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [problem("schema", found.rel, detail=str(exc))]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM is what Windows Notepad writes; accept it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [
            problem("not-utf8", found.rel, line=line, byte=f"{raw[exc.start]:02x}", line_no=line)
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def slug_suggestion(text: str) -> str:
    """An id close to `text`: `Khon_Kaen` → `khon-kaen`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "new-case"


def check_filename(found: FoundFile) -> list[Problem]:
    if ID_RE.match(found.id):
        return []
    return [problem("bad-filename", found.rel, name=found.id, suggestion=slug_suggestion(found.id))]


def _is_within(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
