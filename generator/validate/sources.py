"""The source registry's own rule: a field says only what the document itself gives.

A publisher or a date that the document does not state is easy to add in good faith (the
news is written by the unit, so the unit must have published it; the event was in 2024, so
the news must be from 2024). To keep those inferences out, every publisher and date that is
not null quotes the document's words that give it (`evidence`), and the quote must really
give it: the publisher's name or abbreviation, the date's year (B.E. or CE, as documents
write "67" for 2567) and, when the date has them, its month and day.
"""

from __future__ import annotations

import re
from typing import Any

from ..dates import BE_OFFSET, PartialDate, month_spellings, read_partial_date, thai_digits_to_ascii
from ..load import DataFile
from ..messages import problem
from ..problems import Problem

_ABBREVIATION = re.compile(r"\(([^()]+)\)")


def _numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"[0-9]+", thai_digits_to_ascii(text))}


def date_given_by(date: PartialDate, quoted: str) -> bool:
    """Whether `quoted` gives `date`: its year, month and day, as far as the date has them."""
    numbers = _numbers(quoted)
    be = date.year + BE_OFFSET
    if not numbers & {date.year, be, be % 100}:
        return False
    if date.month is not None:
        named = any(word in quoted for word in month_spellings(date.month))
        if not named and date.month not in numbers:
            return False
    return date.day is None or date.day in numbers


def publisher_given_by(publisher: dict[str, Any], quoted: str) -> bool:
    """Whether `quoted` names the publisher: its name in either language, or the
    abbreviation written in brackets after it ("… (บพท.)")."""
    names = [str(name) for name in publisher.values() if name]
    names += [m.group(1).strip() for name in names for m in _ABBREVIATION.finditer(name)]
    return any(name and name in quoted for name in names)


def check_evidence(registry: DataFile) -> list[Problem]:
    problems: list[Problem] = []
    for id_, entry in registry.data.items():
        if not isinstance(entry, dict):
            continue  # the schema reports it
        raw = entry.get("evidence")
        evidence: dict[str, Any] = raw if isinstance(raw, dict) else {}
        for key in ("publisher", "date"):
            value = entry.get(key)
            if value is None or (key == "date" and read_partial_date(value).refused):
                continue  # unknown, or a date the schema already reports (B.E., day first)
            quoted = evidence.get(key)
            if not isinstance(quoted, str) or not quoted.strip():
                line, col = registry.position((id_, key))
                problems.append(
                    problem("source-unstated", registry.rel, line, col, f"{id_}.{key}", key=key)
                )
                continue
            if not _gives(key, value, quoted):
                line, col = registry.position((id_, "evidence", key))
                shown = value if isinstance(value, str) else " / ".join(map(str, value.values()))
                problems.append(
                    problem(
                        "source-evidence-mismatch",
                        registry.rel,
                        line,
                        col,
                        f"{id_}.evidence.{key}",
                        key=key,
                        quoted=quoted,
                        value=shown,
                    )
                )
    return problems


def _gives(key: str, value: Any, quoted: str) -> bool:
    if key == "publisher":
        return isinstance(value, dict) and publisher_given_by(value, quoted)
    try:
        return date_given_by(PartialDate.parse(value), quoted)
    except ValueError:
        return True  # a malformed date is the schema's to report
