"""Events: the programme's timeline, its links both ways, its pages and its data — and the
events the archive's own content must hold, each dated as precisely as its source."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import Project, unbroken

from generator.config import load_config
from generator.dates import PartialDate
from generator.model import Archive, build_archive
from generator.pipeline import check
from generator.validate.sources import check_evidence, date_given_by, publisher_given_by

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def archive() -> Archive:
    checked = check(load_config(ROOT / "mkdocs.yml"))
    assert not checked.problems.has_errors(False), "\n".join(map(str, checked.problems))
    return build_archive(checked.loaded)


# -- the archive's own timeline (seeds 002, 003, 004, 001) ---------------------------------


@pytest.mark.parametrize(
    "id_, start, end, cities, place_cities",
    [
        ("learning-city-round-2020-2021", "2020", "2021", 18, []),
        ("gnlc-phayao-hat-yai-2022", "2022", "2022", 2, ["phayao", "songkhla"]),
        ("learning-city-days-2023", "2023-08-22", "2023-08-23", 0, ["bangkok"]),
        ("gnlc-khon-kaen-yala-2024", "2024-02-14", "2024-02-14", 2, []),
        ("phra-nakhon-meeting-2024", "2024-06-12", "2024-06-12", 1, ["bangkok"]),
        # As the WeCitizens page states it: no city, since it never says which ones took part.
        ("ciap-2024-2025", "2024", "2025", 0, []),
    ],
)
def test_the_programmes_events_are_dated_as_their_sources_say(
    archive: Archive, id_: str, start: str, end: str, cities: int, place_cities: list[str]
) -> None:
    event = archive.events[id_]
    assert event.span is not None
    assert (event.span.start.iso, event.span.end.iso) == (start, end)
    assert len(event.cities) == cities
    assert [p.city.id for p in event.places if p.city] == place_cities
    assert set(event.texts) == {"th", "en"} and event.sources


def test_events_are_linked_both_ways_and_in_date_order(archive: Archive) -> None:
    spans = [e.span.sort_key for e in archive.events.values() if e.span]
    assert spans == sorted(spans)
    yala = archive.cities["yala"]
    assert [e.id for e in yala.events] == [
        "learning-city-round-2020-2021",
        "gnlc-khon-kaen-yala-2024",
    ]
    assert "learning-city-days-2023" in [
        e.id for e in archive.cities["bangkok"].events
    ]  # held there
    assert [e.id for e in archive.projects["phra-nakhon-2024"].events] == [
        "phra-nakhon-meeting-2024"
    ]
    assert [e.id for e in archive.lessons["public-exhibitions"].events] == [
        "learning-city-days-2023"
    ]
    for event in archive.events.values():
        for city in event.located_cities():
            assert event in city.events


def test_the_ciap_link_is_marked_as_inferred_and_not_made(archive: Archive) -> None:
    """Roi Et's project and the CIAP text stand side by side on one page; nothing says more."""
    project = archive.projects["roi-et-smart-livable-city"]
    assert project.fields["programme"] is None and project.fields["period"] == {
        "start": None,
        "end": None,
    }
    assert archive.events["ciap-2024-2025"].cities == []
    unknown = {"th": "## สิ่งที่ยังไม่ทราบ", "en": "## Not yet known"}
    for lang in ("th", "en"):
        for case in (project, archive.cities["roi-et"]):
            body = case.texts[lang].body
            inferred = re.findall(r"^!!! inferred\n((?:    .*\n)+)", body, re.MULTILINE)
            assert inferred and "CIAP" in inferred[0], case.id
            # Outside the marked inference, CIAP is only a heading or a thing not yet known.
            stated = re.sub(
                r"^!!! inferred\n(?:    .*\n)+|^#.*$",
                "",
                body.split(unknown[lang])[0],
                flags=re.MULTILINE,
            )
            assert "CIAP" not in stated, case.id


# -- the source registry says only what each document gives -------------------------------


def test_the_registry_keeps_its_own_rule(archive: Archive) -> None:
    loaded = check(load_config(ROOT / "mkdocs.yml")).loaded
    assert loaded.sources is not None and check_evidence(loaded.sources) == []
    for source in archive.sources.values():
        bracketed = all(t.startswith("[") and t.endswith("]") for t in source.title.values())
        assert bracketed == (source.title_from == "editor"), source.id
    # The two documents without a title of their own (seeds 001 and 004).
    assert {s.id for s in archive.sources.values() if s.title_from == "editor"} == {
        "bma-phra-nakhon-learning-city-2024",
        "wecitizens-18-cities",
    }


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
