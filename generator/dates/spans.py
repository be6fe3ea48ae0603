"""Dates as precise as a source gives them, written the way each language's readers expect.

A source may give a year ("2022"), a month ("2024-06"), a day ("2024-06-12") or a range of
any of these ("22–23 August 2023"). Case files keep them as ISO text in the Common Era; pages
show them in words. Thai pages lead with the Buddhist Era and Thai month names
("22–23 สิงหาคม พ.ศ. 2566 (ค.ศ. 2023)"), English pages with the Common Era and the Buddhist
Era beside it ("22–23 August 2023 (B.E. 2566)"). Month names come from Babel's CLDR data, so a
fork that adds a language gets its month names without a table of its own; which era leads,
and what the eras are called, is a label (templates/labels.yaml) like any other word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names

BE_OFFSET = 543  # Buddhist Era year = Common Era year + 543
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A Common Era date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From `2022`, `"2022"`, `"2024-06"` or `"2024-06-12"`; ValueError otherwise."""
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        match = _PARTIAL.match(value) if isinstance(value, str) else None
        if match is None:
            raise ValueError(f"not a date YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"no month {month}: {value!r}")
        if day is not None and month is not None and not 1 <= day <= _days_in(year, month):
            raise ValueError(f"no day {day} in {year}-{month:02d}: {value!r}")
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        """As HTML's <time datetime> and the data exports want it: "2024", "2024-06" …"""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Less precise dates sort before precise ones of the same period."""
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class DateSpan:
    """One date or a range from `start` to `end` (equal for a single date)."""

    start: PartialDate
    end: PartialDate

    @classmethod
    def parse(cls, value: Any) -> DateSpan:
        """From a date (see PartialDate.parse) or a mapping {start: …, end: …}."""
        if isinstance(value, dict):
            start = PartialDate.parse(value.get("start"))
            end = PartialDate.parse(value.get("end"))
            if end.sort_key < start.sort_key:
                raise ValueError(f"ends ({end.iso}) before it starts ({start.iso})")
            return cls(start, end)
        single = PartialDate.parse(value)
        return cls(single, single)

    @property
    def is_range(self) -> bool:
        return self.start != self.end

    @property
    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        return (self.start.sort_key, self.end.sort_key)


@dataclass(frozen=True)
class Eras:
    """What a language calls the two eras, and which one its readers expect first. An
    archive that does not show the Buddhist Era (one without Thai: `SiteConfig.buddhist_era`)
    has `buddhist=""`: years are then written in the Common Era only, with no era word."""

    buddhist: str  # "พ.ศ." / "B.E."; "" for none
    common: str  # "ค.ศ." / "CE"
    buddhist_first: bool


def _days_in(year: int, month: int) -> int:
    if month == 2 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return 28
    return _DAYS_IN_MONTH[month - 1]


@functools.cache
def month_names(lang: str) -> tuple[str, ...]:
    """The twelve month names in `lang` (CLDR's "wide" form); English for a language CLDR
    does not know, so a page never shows a bare number where a month name belongs."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    names = get_month_names("wide", context="format", locale=locale)
    return tuple(str(names[month]) for month in range(1, 13))


@functools.cache
def month_spellings(month: int, langs: tuple[str, ...] = ("th", "en")) -> frozenset[str]:
    """Every way CLDR writes `month` in `langs`, wide and abbreviated ("มิถุนายน", "มิ.ย.",
    "June", "Jun"), for recognising a date in a document's own words."""
    words: set[str] = set()
    for lang in langs:
        locale = Locale.parse(lang)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                words.add(str(get_month_names(width, context=context, locale=locale)[month]))
    return frozenset(words)


def _years(start: int, end: int, era: str | None) -> str:
    """ "พ.ศ. 2563–2564", "2020–2021", "พ.ศ. 2567" (no era word when `era` is None)."""
    text = str(start) if start == end else f"{start}–{end}"
    return f"{era} {text}" if era else text


def _day_month(date: PartialDate, lang: str) -> str:
    """ "12 มิถุนายน", "June", "" — the part of a date before its year."""
    if date.month is None:
        return ""
    name = month_names(lang)[date.month - 1]
    return f"{date.day} {name}" if date.day is not None else name


def _lead_year(year: int, eras: Eras) -> str:
    return (
        _years(year + BE_OFFSET, year + BE_OFFSET, eras.buddhist)
        if eras.buddhist_first and eras.buddhist
        else str(year)
    )


def _then(text: str, other: str) -> str:
    return f"{text} {other}" if other else text


def _other_years(start: int, end: int, eras: Eras) -> str:
    """The parenthesis with the other era: "(ค.ศ. 2020–2021)", "(B.E. 2563–2564)"; none
    where the Buddhist Era is not shown."""
    if not eras.buddhist:
        return ""
    if eras.buddhist_first:
        return f"({_years(start, end, eras.common)})"
    return f"({_years(start + BE_OFFSET, end + BE_OFFSET, eras.buddhist)})"


def _with_year(date: PartialDate, lang: str, eras: Eras) -> str:
    return " ".join(p for p in (_day_month(date, lang), _lead_year(date.year, eras)) if p)


def format_years(start: int, end: int | None, eras: Eras) -> str:
    """A year or a span of years with both eras, the reader's first:
    "พ.ศ. 2563–2564 (ค.ศ. 2020–2021)" / "2020–2021 (B.E. 2563–2564)"."""
    end = start if end is None else end
    if eras.buddhist_first and eras.buddhist:
        lead = _years(start + BE_OFFSET, end + BE_OFFSET, eras.buddhist)
    else:
        lead = _years(start, end, None)
    return _then(lead, _other_years(start, end, eras))


def format_span(span: DateSpan, lang: str, eras: Eras) -> str:
    """A date or range in words, as precise as it is known, the shared parts said once:
    "12 มิถุนายน พ.ศ. 2567 (ค.ศ. 2024)", "22–23 August 2023 (B.E. 2566)",
    "พ.ศ. 2563–2564 (ค.ศ. 2020–2021)", "30 June – 2 July 2024 (B.E. 2567)"."""
    start, end = span.start, span.end
    other = _other_years(start.year, end.year, eras)
    if start == end:
        return _then(_with_year(start, lang, eras), other)
    if start.month is None and end.month is None:
        return format_years(start.year, end.year, eras)
    if start.year == end.year and start.month is not None and end.month is not None:
        year = _lead_year(start.year, eras)
        if start.month == end.month and start.day is not None and end.day is not None:
            month = month_names(lang)[start.month - 1]
            return _then(f"{start.day}–{end.day} {month} {year}", other)
        return _then(f"{_day_month(start, lang)} – {_day_month(end, lang)} {year}", other)
    return _then(f"{_with_year(start, lang, eras)} – {_with_year(end, lang, eras)}", other)


@functools.cache
def short_month_names(lang: str) -> tuple[str, ...]:
    """CLDR's abbreviated month names ("ธ.ค.", "Dec"); English where CLDR has none."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    names = get_month_names("abbreviated", context="format", locale=locale)
    return tuple(str(names[month]) for month in range(1, 13))


def format_day(date: PartialDate, lang: str, eras: Eras) -> str:
    """A day as a reader writes it in a table: "1 ธ.ค. 2569" (Thai: the Buddhist Era, no era
    word), "1 Dec 2026 (B.E. 2569)" (the other era beside it)."""
    parts = [str(date.day)] if date.day is not None and date.month is not None else []
    if date.month is not None:
        parts.append(short_month_names(lang)[date.month - 1])
    if eras.buddhist_first and eras.buddhist:
        return " ".join([*parts, str(date.year + BE_OFFSET)])
    day = " ".join([*parts, str(date.year)])
    return f"{day} ({eras.buddhist} {date.year + BE_OFFSET})" if eras.buddhist else day
