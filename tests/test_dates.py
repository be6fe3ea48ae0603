"""One reading of years and dates (generator/dates.py), one table, three readers.

Each row is a value as a contributor types it and what the archive makes of it: accepted (and
stored as what value), or refused with the value to write. The same rows go through the
reading itself, through the validator (in a case file or the source registry) and through
the issue-form converter — so the two paths can never read a date differently again.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import Project
from test_contributing import _REQUIRED_PROJECT, _issue_body

from generator import dates
from generator.config import load_config
from generator.contrib.from_issue import convert, form_named
from generator.pipeline import check

# (kind, as typed in YAML, accepted as, or refused: write this instead)
ACCEPTED, REFUSED = "accepted", "refused"
READINGS: list[tuple[dates.Kind, str, str, Any]] = [
    ("year", "2024", ACCEPTED, 2024),
    ("year", "๒๐๒๔", ACCEPTED, 2024),
    ("year", '"2024"', ACCEPTED, 2024),
    ("year", "2567", REFUSED, "2024"),
    ("year", "๒๕๖๗", REFUSED, "2024"),
    ("year", "พ.ศ. 2567", REFUSED, "2024"),
    ("year", "ค.ศ. 2024", REFUSED, "2024"),
    ("year-range", '"2020-2021"', ACCEPTED, "2020-2021"),
    ("year-range", '"๒๐๒๐-๒๐๒๑"', ACCEPTED, "2020-2021"),
    ("year-range", '"2563-2564"', REFUSED, "2020-2021"),
    ("year-range", '"๒๕๖๗-๒๕๖๘"', REFUSED, "2024-2025"),
    ("year-range", '"2020–2021"', REFUSED, "2020-2021"),
    ("year-range", '"พ.ศ. 2563 - 2564"', REFUSED, "2020-2021"),
    ("date", "2024-12-31", ACCEPTED, "2024-12-31"),
    ("date", "๒๐๒๔-๑๒-๓๑", ACCEPTED, "2024-12-31"),
    ("date", "2567-12-31", REFUSED, "2024-12-31"),
    ("date", "๒๕๖๗-๑๒-๓๑", REFUSED, "2024-12-31"),
    ("date", "31/12/2567", REFUSED, "2024-12-31"),
    ("date", "31/12/2024", REFUSED, "2024-12-31"),
    ("date", "๓๑/๑๒/๒๕๖๗", REFUSED, "2024-12-31"),
    ("date", "1.2.2024", REFUSED, "2024-02-01"),
    ("date", "31 ธ.ค. 2567", REFUSED, "2024-12-31"),
    ("date", "29 กุมภาพันธ์ พ.ศ. 2567", REFUSED, "2024-02-29"),
    ("date", "2567-02-29", REFUSED, "2024-02-29"),  # a leap day in CE 2024, not in B.E. 2567
    ("partial-date", "2024", ACCEPTED, "2024"),
    ("partial-date", '"2024-06"', ACCEPTED, "2024-06"),
    ("partial-date", '"๒๐๒๔-๐๖-๑๒"', ACCEPTED, "2024-06-12"),
    ("partial-date", "2567", REFUSED, "2024"),
    ("partial-date", '"2567-06"', REFUSED, "2024-06"),
    ("partial-date", '"12/06/2567"', REFUSED, "2024-06-12"),
    ("partial-date", "มิถุนายน 2567", REFUSED, "2024-06"),
]
# Values the reading has no opinion on: the schema says what is wrong with them.
NOT_DATES: list[tuple[dates.Kind, Any]] = [
    ("year", 2200),
    ("year", "soon"),
    ("year", True),
    ("date", "2023-02-29"),
    ("date", "32/13/2024"),
    ("date", "2024-06"),
    ("partial-date", "Feb 2024"),
    ("year-range", "2020"),
    ("date", None),
]


def _ids(rows: list[tuple[Any, ...]]) -> list[str]:
    return [f"{row[0]}:{row[1]}" for row in rows]


@pytest.mark.parametrize("kind, typed, verdict, value", READINGS, ids=_ids(READINGS))
def test_the_reading(kind: dates.Kind, typed: str, verdict: str, value: Any) -> None:
    reading = dates.read(kind, yaml.safe_load(typed) if typed[0] == '"' else _plain(typed))
    if verdict == ACCEPTED:
        assert not reading.refused and reading.value == value
    else:
        assert reading.refused and reading.write == value


@pytest.mark.parametrize("kind, typed", NOT_DATES, ids=_ids(NOT_DATES))
def test_no_opinion_on_what_is_no_date(kind: dates.Kind, typed: Any) -> None:
    reading = dates.read(kind, typed)
    assert not reading.refused and reading.value == typed


def _plain(typed: str) -> Any:
    """A plain YAML scalar as our loader reads it: digits are a number, the rest is text
    (dates stay text)."""
    return int(typed) if typed.isascii() and typed.isdigit() else typed


# Where each kind of value goes in the mini fixture: (file, line to replace, template).
_PLACES = {
    "year": (
        "cities/khon-kaen.md",
        "gnlc_member_since: 2024",
        "gnlc_member_since: {}",
        ("gnlc_member_since",),
    ),
    "year-range": ("cities/khon-kaen.md", 'cohort: "2020-2021"', "cohort: {}", ("cohort",)),
    "date": ("cities/khon-kaen.md", "updated: 2026-11-25", "updated: {}", ("updated",)),
    "partial-date": ("sources.yml", 'date: "2024-02"', "date: {}", ("seed-a", "date")),
}


@pytest.mark.parametrize("kind, typed, verdict, value", READINGS, ids=_ids(READINGS))
def test_the_validator_reads_it_so(
    mini: Project, kind: str, typed: str, verdict: str, value: Any
) -> None:
    rel, old, new, key = _PLACES[kind]
    path = mini.content / rel
    path.write_text(path.read_text("utf-8").replace(old, new.format(typed)), "utf-8")
    checked = check(load_config(mini.root / "mkdocs.yml"))
    # The field's own reading (a source's quoted words are checked by their own rule).
    errors = [
        p
        for p in checked.problems.errors
        if p.path == f"content/{rel}" and p.field == ".".join(key)
    ]
    if verdict == ACCEPTED:
        assert errors == []
        if rel == "sources.yml":
            data: Any = checked.loaded.sources.data if checked.loaded.sources else {}
        else:
            data = checked.loaded.primaries("cities")["khon-kaen"].front
        for part in key:
            data = data[part]
        assert data == value  # the model sees what was meant
    else:
        assert len(errors) == 1, errors
        assert f": {value}`" in errors[0].hint_en and f": {value}`" in errors[0].hint_th


# The converter's questions for each kind (a full date is never asked: `updated` is the day
# the file is made).
_QUESTIONS = {
    "year": ("period_start", ("period", "start")),
    "year-range": ("round", ("round",)),
    "partial-date": ("source_date", None),
}


@pytest.mark.parametrize(
    "kind, typed, verdict, value",
    [row for row in READINGS if row[0] in _QUESTIONS],
    ids=_ids([row for row in READINGS if row[0] in _QUESTIONS]),
)
def test_the_converter_reads_it_so(
    mini: Project, kind: str, typed: str, verdict: str, value: Any
) -> None:
    question, key = _QUESTIONS[kind]
    answer = typed.strip('"')  # an issue form answer is plain text
    answers = {**_REQUIRED_PROJECT, question: answer}
    if kind == "partial-date":
        answers.update(
            source_ids="",
            source_title_th="เอกสาร",
            source_title_en="A document",
            source_date_evidence="เผยแพร่เมื่อ 12 มิถุนายน 2567",
        )  # gives each date
    config = load_config(mini.root / "mkdocs.yml")
    conversion = convert(_issue_body("projects", answers), form_named("projects"), config)
    if verdict == ACCEPTED:
        assert conversion.ok, conversion.problems
        if key is None:
            data: Any = yaml.safe_load(conversion.files["content/sources.yml"])
            data = data["yala-stories-source"]["date"]
        else:
            data = yaml.safe_load(
                conversion.files["content/projects/yala-stories.md"].split("---\n")[1]
            )
            for part in key:
                data = data[part]
        assert data == value
    else:
        label = next(f.label for f in form_named("projects").fields if f.id == question)
        [line] = [p for p in conversion.problems if f"`{label}`" in p]
        assert f"`{answer}`" in line and f"`{value}`" in line
