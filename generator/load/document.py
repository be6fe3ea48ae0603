"""Split a case file into front matter and body, keeping line numbers for both."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..messages import problem
from ..problems import Problem
from .files import FoundFile, check_filename, read_text
from .yaml_explain import explain_yaml
from .yaml_positions import Located, YamlError, load_located


def yaml_problem(exc: YamlError, rel: str, line: int) -> Problem:
    """A YAML error at `line` of the file, explained (see yaml_explain.py)."""
    explained = explain_yaml(exc.detail)
    return problem(
        exc.code,
        rel,
        line=line,
        column=exc.column,
        field=exc.field,
        detail=exc.detail,
        detail_en=explained.detail_en,
        detail_th=f": {explained.detail_th}" if explained.detail_th else "",
        fix_en=explained.fix_en,
        fix_th=explained.fix_th,
    )


# python-frontmatter's own boundary rule (a line of three or more dashes), applied line by
# line so that we know where the front matter ends and can say so when it never does.
_BOUNDARY = re.compile(r"^-{3,}\s*$")
_SINGULAR = {"cities": "city", "projects": "project", "lessons": "lesson", "pages": "page"}


@dataclass
class Document:
    """One case file as read from disk: the data, where each key stood, and the body."""

    found: FoundFile
    front: dict[str, Any] = field(default_factory=dict)
    located: Located = field(default_factory=lambda: Located({}))
    body: str = ""
    body_line: int = 1  # file line on which the body starts
    yaml_line: int = 2  # file line of the first front-matter line

    @property
    def rel(self) -> str:
        return self.found.rel

    def position(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """File line and column of a front-matter path."""
        line, col = self.located.position(path)
        return line + self.yaml_line - 1, col


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(yaml, body, body_line) or None when the front matter is not closed."""
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if _BOUNDARY.match(lines[index]) or lines[index].rstrip() == "...":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None


def read_document(found: FoundFile, root: Path) -> tuple[Document | None, list[Problem]]:
    problems = check_filename(found)
    text, read_problems = read_text(found, root)
    problems += read_problems
    if text is None:
        return None, problems
    if not text.strip():
        return None, problems + [
            problem("empty-file", found.rel, kind=_SINGULAR[found.kind], id=found.id)
        ]
    if not _BOUNDARY.match(text.split("\n", 1)[0]):
        return None, problems + [problem("no-front-matter", found.rel, line=1, column=1)]
    parts = split_front_matter(text)
    if parts is None:
        return None, problems + [problem("front-matter-not-closed", found.rel, line=1, column=1)]
    yaml_text, body, body_line = parts
    document = Document(found=found, body=body, body_line=body_line)
    try:
        document.located = load_located(yaml_text)
    except YamlError as exc:
        line = exc.line + document.yaml_line - 1
        return None, problems + [yaml_problem(exc, found.rel, line)]
    if not isinstance(document.located.data, dict):
        return None, problems + [
            problem("front-matter-not-mapping", found.rel, line=document.yaml_line, column=1)
        ]
    document.front = document.located.data
    return document, problems
