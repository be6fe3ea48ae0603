"""generator/dates/spans.py: dates as precise as a source gives them, in each language's words."""

from __future__ import annotations

import pytest

from generator.dates import (
    DateSpan,
    Eras,
    PartialDate,
    format_day,
    format_span,
    format_years,
    month_names,
)

THAI = Eras(buddhist="พ.ศ.", common="ค.ศ.", buddhist_first=True)
ENGLISH = Eras(buddhist="B.E.", common="CE", buddhist_first=False)
COMMON_ERA_ONLY = Eras(buddhist="", common="CE", buddhist_first=False)  # an archive without Thai


@pytest.mark.parametrize(
    "value, thai, english",
    [
        (2022, "พ.ศ. 2565 (ค.ศ. 2022)", "2022 (B.E. 2565)"),
        ("2022", "พ.ศ. 2565 (ค.ศ. 2022)", "2022 (B.E. 2565)"),
        ("2024-06", "มิถุนายน พ.ศ. 2567 (ค.ศ. 2024)", "June 2024 (B.E. 2567)"),
        ("2024-06-12", "12 มิถุนายน พ.ศ. 2567 (ค.ศ. 2024)", "12 June 2024 (B.E. 2567)"),
        (
            {"start": "2023-08-22", "end": "2023-08-23"},
            "22–23 สิงหาคม พ.ศ. 2566 (ค.ศ. 2023)",
            "22–23 August 2023 (B.E. 2566)",
        ),
        (
            {"start": 2020, "end": 2021},
            "พ.ศ. 2563–2564 (ค.ศ. 2020–2021)",
            "2020–2021 (B.E. 2563–2564)",
        ),
        (
            {"start": "2024-06-30", "end": "2024-07-02"},
            "30 มิถุนายน – 2 กรกฎาคม พ.ศ. 2567 (ค.ศ. 2024)",
            "30 June – 2 July 2024 (B.E. 2567)",
        ),
        (
            {"start": "2023-12-30", "end": "2024-01-02"},
            "30 ธันวาคม พ.ศ. 2566 – 2 มกราคม พ.ศ. 2567 (ค.ศ. 2023–2024)",
            "30 December 2023 – 2 January 2024 (B.E. 2566–2567)",
        ),
        (
            {"start": 2024, "end": "2025-03"},
            "พ.ศ. 2567 – มีนาคม พ.ศ. 2568 (ค.ศ. 2024–2025)",
            "2024 – March 2025 (B.E. 2567–2568)",
        ),
        (
            {"start": "2024-02", "end": "2024-02"},
            "กุมภาพันธ์ พ.ศ. 2567 (ค.ศ. 2024)",
            "February 2024 (B.E. 2567)",
        ),
    ],
)
def test_thai_leads_with_the_buddhist_era_and_english_with_the_common_era(
    value: object, thai: str, english: str
) -> None:
    span = DateSpan.parse(value)
    assert format_span(span, "th", THAI) == thai
    assert format_span(span, "en", ENGLISH) == english


def test_month_names_come_from_cldr_with_english_for_an_unknown_language() -> None:
    assert month_names("th")[1] == "กุมภาพันธ์"
    assert month_names("en")[11] == "December"
    assert month_names("xx-nowhere") == month_names("en")


@pytest.mark.parametrize(
    "bad",
    [
        "2024-13",
        "2024-02-30",
        "2023-02-29",
        "24-06-12",
        "June 2024",
        "",
        None,
        True,
        {"start": "2024-03", "end": "2024-02"},
    ],
)
def test_what_is_not_a_date_is_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        DateSpan.parse(bad)


def test_leap_days_and_precision() -> None:
    assert PartialDate.parse("2024-02-29").iso == "2024-02-29"
    assert PartialDate.parse("2024").sort_key < PartialDate.parse("2024-01").sort_key
    assert PartialDate.parse(2024).iso == "2024"
    assert (
        not DateSpan.parse("2024").is_range
        and DateSpan.parse({"start": 2024, "end": 2025}).is_range
    )


def test_a_span_of_years_for_any_page() -> None:
    assert format_years(2020, 2021, THAI) == "พ.ศ. 2563–2564 (ค.ศ. 2020–2021)"
    assert format_years(2024, None, ENGLISH) == "2024 (B.E. 2567)"


def test_an_archive_without_the_buddhist_era_writes_common_era_years_only() -> None:
    assert format_years(2020, 2021, COMMON_ERA_ONLY) == "2020–2021"
    assert format_span(DateSpan.parse("2024-06-12"), "vi", COMMON_ERA_ONLY) == "12 tháng 6 2024"
    span = DateSpan.parse({"start": "2023-12-30", "end": "2024-01-02"})
    assert format_span(span, "en", COMMON_ERA_ONLY) == "30 December 2023 – 2 January 2024"
    assert format_day(PartialDate.parse("2026-11-25"), "en", COMMON_ERA_ONLY) == "25 Nov 2026"
