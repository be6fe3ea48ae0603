"""The one value every stage reports trouble with.

Validators never print and never raise for bad content: they return `Problem`s, and the
reporters in `generator.report` decide how a contributor sees them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file, said in Thai and in English."""

    path: str  # relative to the repository root, forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based; 0 when unknown
    field: str  # dotted front-matter path ("location.lat"), or "" for the file/body
    code: str  # stable rule id, e.g. "unknown-key"; documented in the field reference
    message_en: str
    message_th: str
    hint_en: str = ""
    hint_th: str = ""
    severity: Severity = dataclass_field(default=Severity.ERROR, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Problems:
    """Collects problems from every stage so that one run reports them all."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self._items.append(problem)

    def extend(self, problems: list[Problem] | Problems) -> None:
        for problem in problems:
            self.add(problem)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self._items)

    def sorted(self) -> list[Problem]:
        # Deduplicate: the same mistake can be found by the schema and by a cross-file rule.
        return sorted(set(self._items))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    def has_errors(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
