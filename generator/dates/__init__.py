"""Dates: how the archive reads what contributors type (`reading`: Thai digits accepted,
Buddhist Era years and day-first dates refused with the value to write) and how pages write
dates for readers (`spans`: as precise as the source, the reader's era first, CLDR month
names). One package, so that the validator, the issue-form converter and the pages share it."""

from .reading import (
    FIRST_YEAR,
    LAST_YEAR,
    THAI_DIGITS,
    Kind,
    Reading,
    is_buddhist_era,
    read,
    read_date,
    read_partial_date,
    read_year,
    read_year_range,
    thai_digits_to_ascii,
)
from .spans import (
    BE_OFFSET,
    DateSpan,
    Eras,
    PartialDate,
    format_day,
    format_span,
    format_years,
    month_names,
    month_spellings,
    short_month_names,
)

__all__ = [
    "BE_OFFSET",
    "FIRST_YEAR",
    "LAST_YEAR",
    "THAI_DIGITS",
    "DateSpan",
    "Eras",
    "Kind",
    "PartialDate",
    "Reading",
    "format_day",
    "format_span",
    "format_years",
    "is_buddhist_era",
    "month_names",
    "month_spellings",
    "read",
    "read_date",
    "read_partial_date",
    "read_year",
    "read_year_range",
    "short_month_names",
    "thai_digits_to_ascii",
]
