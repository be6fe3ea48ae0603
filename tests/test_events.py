"""Events: the timeline, its links both ways, its pages and its data, and the registry's rule
that a quoted date or publisher really gives it (the programme's own events are tested in
tests/examples/test_timeline.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import Project, unbroken

from generator.dates import PartialDate
from generator.validate.sources import date_given_by, publisher_given_by

# -- the source registry says only what each document gives -------------------------------


@pytest.mark.parametrize(
    "date, quoted, gives",
    [
        ("2024-06-12", "(12 มิ.ย.67)", True),
        ("2024-06-12", "12 มิถุนายน 2567", True),
        ("2024-06-12", "12 June 2024", True),
        ("2024-06-12", "(12 ก.ค.67)", False),  # another month
        ("2024-06-12", "(13 มิ.ย.67)", False),  # another day
        ("2024", "ประจำปี 2567", True),
        ("2024", "ที่ผ่านมา", False),  # the year is inferred, not given
        ("2024-02", "๑๔ กุมภาพันธ์ ๒๕๖๗", True),  # Thai digits
    ],
)
def test_a_quoted_date_must_really_give_the_date(date: str, quoted: str, gives: bool) -> None:
    assert date_given_by(PartialDate.parse(date), quoted) is gives


def test_a_quoted_publisher_must_name_it() -> None:
    pmua = {
        "th": "หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.)",
        "en": "Program Management Unit on Area Based Development (PMU A)",
    }
    assert publisher_given_by(pmua, "เผยแพร่โดย บพท.")
    assert not publisher_given_by(pmua, "ข่าวประชาสัมพันธ์")


# -- built pages ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_timeline_is_built_in_both_languages_without_javascript(mini_site: Project) -> None:
    thai = unbroken((mini_site.site / "events" / "index.html").read_text("utf-8"))
    english = unbroken((mini_site.site / "en" / "events" / "index.html").read_text("utf-8"))
    assert "ลำดับเหตุการณ์" in thai and "Timeline" in english
    # B.E. first with the Thai month name on Thai pages, C.E. first on English pages.
    assert "14 กุมภาพันธ์ พ.ศ. 2567 (ค.ศ. 2024)" in thai
    assert "14 February 2024 (B.E. 2567)" in english
    assert '<h2 id="y2024">พ.ศ. 2567 (ค.ศ. 2024)<' in thai
    assert '<h2 id="y2024">2024 (B.E. 2567)<' in english
    for page in (thai, english):
        assert '<time datetime="2024-02-14">' in page
        assert 'href="gnlc-2024.html"' in page
        assert "<script" not in page.split('<ol class="lc-timeline">', 1)[1].split("</ol>", 1)[0]


@pytest.mark.slow
def test_event_pages_have_an_infobox_and_cities_list_their_events(mini_site: Project) -> None:
    for prefix, when, inferred in (
        ("", "14 กุมภาพันธ์ พ.ศ. 2567", "การอนุมานของคลังความรู้"),
        ("en/", "14 February 2024", "Inferred by the archive"),
    ):
        event = unbroken((mini_site.site / prefix / "events" / "gnlc-2024.html").read_text("utf-8"))
        infobox = event.split('<aside class="lc-infobox"', 1)[1].split("</aside>", 1)[0]
        assert when in infobox and "lc-row--places" in infobox
        assert 'href="../cities/khon-kaen.html"' in infobox  # the place in one of our cities
        assert f'class="admonition-title">{inferred}' in event  # the marker, in this language
        city = unbroken((mini_site.site / prefix / "cities" / "khon-kaen.html").read_text("utf-8"))
        assert 'id="lc-events"' in city and 'href="../events/gnlc-2024.html"' in city
        cities_index = unbroken(
            (mini_site.site / prefix / "cities" / "index.html").read_text("utf-8")
        )
        assert 'class="lc-event-marker" href="../events/gnlc-2024.html"' in cities_index
        assert "#lc-map-event-gnlc-2024:checked" in cities_index  # the filter, as CSS


@pytest.mark.slow
def test_events_are_in_the_open_data(mini_site: Project) -> None:
    data = mini_site.site / "data"
    [record] = json.loads((data / "events.json").read_text("utf-8"))
    assert record["id"] == "gnlc-2024" and record["date_start"] == "2024-02-14"
    rows = list(csv.DictReader(io.StringIO((data / "events.csv").read_text("utf-8-sig"))))
    assert rows[0]["places_en"] == "Paris; Khon Kaen town municipality"
    assert rows[0]["place_cities"] == "khon-kaen" and rows[0]["lessons"] == "anchor-organisation"
    cities = list(csv.DictReader(io.StringIO((data / "cities.csv").read_text("utf-8-sig"))))
    assert cities[0]["events"] == "gnlc-2024"
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    assert [f["name"] for f in events["schema"]["fields"]] == list(rows[0])
    assert (data / "schemas" / "event.json").exists()
