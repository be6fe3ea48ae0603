"""One reading of years and dates, shared by the validator and the issue-form converter.

The archive stores Common Era years (2024) and ISO dates (2024-12-31). Thai documents, and the
researchers who copy from them, write Thai digits (๒๕๖๗), Buddhist Era years (2567), the day
first (31/12/2567) and month names (31 ธ.ค. 2567). For any value typed in a year or date field
this module says what it means:

- accepted: the value as the archive stores it. Thai digits are only another way to write the
  same digits, so `๒๐๒๔` is read as 2024 and nothing is asked of the contributor;
- refused, with the exact text to write instead: a Buddhist Era year becomes its CE year
  (B.E. − 543), a day-first or month-name date becomes year-month-day;
- no opinion (`Reading.value` is the value unchanged): anything else is for the schema to
  explain ("not a date").

The schemas mark the fields this applies to with `x-calendar: year | date | partial-date |
year-range`; the converter calls the same functions on an issue's answers.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from .spans import BE_OFFSET, month_spellings

# The years the archive is about (the `year` schema's bounds). A four-digit year above them
# that becomes one of them once 543 is taken off can only be a Buddhist Era year.
FIRST_YEAR, LAST_YEAR = 1900, 2100
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

Kind = Literal["year", "date", "partial-date", "year-range"]

# Month names as Thai and English documents write them, wide and abbreviated (CLDR, through
# Babel), without dots or spaces: "ธค", "ธันวาคม", "Dec", "December" → 12.
_MONTH_NUMBERS = {
    re.sub(r"[.\s]", "", name): number
    for number in range(1, 13)
    for name in month_spellings(number)
}
_ERA = r"(?:(?P<era>พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)\s*)?"
_YEAR = re.compile(rf"^{_ERA}(?P<year>[0-9]{{4}})$")
_ISO = re.compile(r"^(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?$")
_DAY_FIRST = re.compile(
    rf"^(?P<day>[0-9]{{1,2}})\s*[/.-]\s*(?P<month>[0-9]{{1,2}})\s*[/.-]\s*{_ERA}(?P<year>[0-9]{{4}})$"
)
_MONTH_NAME = re.compile(
    rf"^(?:(?P<day>[0-9]{{1,2}})\s*)?(?P<month>[ก-๙.]+)\s*{_ERA}(?P<year>[0-9]{{4}})$"
)
_RANGE = re.compile(rf"^{_ERA}(?P<start>[0-9]{{4}})\s*(?P<dash>[-–—‑/])\s*(?P<end>[0-9]{{4}})$")


@dataclass(frozen=True)
class Reading:
    """What a typed value means. `write` is set when the value is refused: the text to type,
    because its year is Buddhist Era (`buddhist_era`), or its form is not the archive's
    (`reordered`: day first, a month name, an en dash, an era word), or both."""

    value: Any
    write: str | None = None
    buddhist_era: bool = False
    reordered: bool = False

    @property
    def refused(self) -> bool:
        return self.write is not None


def thai_digits_to_ascii(text: str) -> str:
    return text.translate(THAI_DIGITS)


def is_buddhist_era(year: int) -> bool:
    return year > LAST_YEAR and FIRST_YEAR <= year - BE_OFFSET <= LAST_YEAR


def read(kind: Kind, value: Any) -> Reading:
    """The reading of `value` for a field of the given kind (the schema's `x-calendar`)."""
    return _READERS[kind](value)


def read_year(value: Any) -> Reading:
    """A year: 2024, "2024" and "๒๐๒๔" are 2024; 2567 and "พ.ศ. 2567" are refused → 2024."""
    if isinstance(value, bool):
        return Reading(value)
    if isinstance(value, int):
        if is_buddhist_era(value):
            return Reading(value, str(value - BE_OFFSET), buddhist_era=True)
        return Reading(value)
    if not isinstance(value, str):
        return Reading(value)
    match = _YEAR.match(_clean(value))
    if not match:
        return Reading(value)
    year, era = int(match["year"]), _era(match["era"])
    if era == "be" or (era == "" and is_buddhist_era(year)):
        return Reading(value, str(year - BE_OFFSET), buddhist_era=True, reordered=era == "be")
    if era == "ce":  # "ค.ศ. 2024": the right year, but the field holds the number alone
        return Reading(value, str(year), reordered=True)
    return Reading(year)


def read_year_range(value: Any) -> Reading:
    """A programme round: "2024-2025"; "๒๕๖๗-๒๕๖๘" is refused → "2024-2025"."""
    if not isinstance(value, str):
        return Reading(value)
    text = _clean(value)
    match = _RANGE.match(text)
    if not match:
        return Reading(value)
    start, end = int(match["start"]), int(match["end"])
    era = _era(match["era"])
    buddhist = era == "be" or (era == "" and (is_buddhist_era(start) or is_buddhist_era(end)))
    if buddhist:
        start -= BE_OFFSET if start > LAST_YEAR else 0
        end -= BE_OFFSET if end > LAST_YEAR else 0
    canonical = f"{start:04d}-{end:04d}"
    # An en dash, spaces, a slash or an era word: the form, not the years.
    reordered = match["dash"] != "-" or bool(match["era"]) or " " in text
    if buddhist or reordered:
        return Reading(value, canonical, buddhist_era=buddhist, reordered=reordered)
    return Reading(canonical)


def read_date(value: Any) -> Reading:
    """A full date, year-month-day: "2024-12-31"; "31/12/2567" is refused → "2024-12-31"."""
    return _read_date(value, partial=False)


def read_partial_date(value: Any) -> Reading:
    """A date as precise as a document gives it: "2024", "2024-06" or "2024-06-12"."""
    return _read_date(value, partial=True)


def _read_date(value: Any, partial: bool) -> Reading:
    if isinstance(value, int) and not isinstance(value, bool) and partial:
        value = str(value)  # `date: 2024` without quotes is still the year 2024
    if not isinstance(value, str):
        return Reading(value)
    text = _clean(value)
    iso = _ISO.match(text)
    if iso:
        if not partial and iso["day"] is None:
            return Reading(value)  # "2024-06" in a full-date field: the schema says what it lacks
        year = int(iso["year"])
        if is_buddhist_era(year):
            ce = f"{year - BE_OFFSET:04d}{text[4:]}"
            return Reading(value, ce, buddhist_era=True) if _real(ce) else Reading(value)
        return Reading(text) if _real(text) else Reading(value)
    for pattern in (_DAY_FIRST, _MONTH_NAME):
        match = pattern.match(text)
        if match:
            return _day_first(value, match, partial)
    return Reading(value)


def _day_first(value: str, match: re.Match[str], partial: bool) -> Reading:
    month_text = match["month"]
    month = (
        int(month_text)
        if month_text.isdigit()
        else _MONTH_NUMBERS.get(re.sub(r"[.\s]", "", month_text))
    )
    year = int(match["year"])
    era = _era(match["era"])
    if month is None or (match["day"] is None and not partial):
        return Reading(value)
    buddhist = era == "be" or (era == "" and is_buddhist_era(year))
    if buddhist:
        year -= BE_OFFSET
    iso = f"{year:04d}-{month:02d}" + (f"-{int(match['day']):02d}" if match["day"] else "")
    if not _real(iso):
        return Reading(value)
    return Reading(value, iso, buddhist_era=buddhist, reordered=True)


def _real(iso: str) -> bool:
    """A date that exists (2024-02-29 does, 2023-02-29 does not); partial dates need a month
    from 1 to 12."""
    parts = [int(part) for part in iso.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _clean(text: str) -> str:
    return " ".join(thai_digits_to_ascii(text).split())


def _era(marker: str | None) -> Literal["", "be", "ce"]:
    if not marker:
        return ""
    return "be" if marker.startswith("พ") else "ce"


_READERS = {
    "year": read_year,
    "date": read_date,
    "partial-date": read_partial_date,
    "year-range": read_year_range,
}
