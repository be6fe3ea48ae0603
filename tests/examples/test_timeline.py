"""The programme's own timeline: the events the archive's content must hold, each dated as
precisely as its source (seeds 002, 003, 004, 001), linked both ways, and the source registry's
rule kept. `remove-examples` removes this file with the content it reads."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from generator.config import load_config
from generator.model import Archive, build_archive
from generator.pipeline import check
from generator.validate.sources import check_evidence


@pytest.fixture(scope="module")
def archive() -> Archive:
    checked = check(load_config(ROOT / "mkdocs.yml"))
    assert not checked.problems.has_errors(False), "\n".join(map(str, checked.problems))
    return build_archive(checked.loaded)


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
