"""The archive's own content: what issue 4 promises about it, counted from the files themselves.

These tests read `content/` (not a fixture), so they fail when a contribution breaks the
programme's shape: a city without its English twin, a lesson tied to nothing, a headline
figure that no longer matches the files. They are this programme's, not the template's:
`remove-examples` removes this folder (tests/examples/) with the content it reads.
"""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from generator.config import load_config
from generator.model import Archive, build_archive
from generator.pipeline import check
from generator.release.coverage import places, temporal_coverage
from generator.render.thai_names import archive_names, archive_terms, width

COHORT = "2020-2021"


@pytest.fixture(scope="module")
def archive() -> Archive:
    checked = check(load_config(ROOT / "mkdocs.yml"))
    assert not checked.problems.has_errors(False), "\n".join(map(str, checked.problems))
    return build_archive(checked.loaded)


def test_the_2020_2021_cohort_has_18_cities_and_20_projects(archive: Archive) -> None:
    cohort = [c for c in archive.cities.values() if c.fields.get("cohort") == COHORT]
    round_ = [p for p in archive.projects.values() if p.fields.get("round") == COHORT]
    assert len(cohort) == 18, sorted(c.id for c in cohort)
    assert len(round_) == 20, sorted(p.id for p in round_)
    # One project set per city, two in Chiang Mai and two in Rayong (seed 004).
    per_city: dict[str, int] = {}
    for project in round_:
        assert project.city is not None, project.id
        per_city[project.city.id] = per_city.get(project.city.id, 0) + 1
    assert set(per_city) == {c.id for c in cohort}
    assert {city for city, n in per_city.items() if n == 2} == {"chiang-mai", "rayong"}
    assert max(per_city.values()) == 2


def test_the_headline_figures_count_the_content(archive: Archive) -> None:
    settings = load_config(ROOT / "mkdocs.yml").settings
    figures = archive.figures(settings["figures"]["cohort"])
    assert (figures["cohort_cities"], figures["round_projects"]) == (18, 20)
    primaries = [p for p in (ROOT / "content/lessons").glob("*.md") if p.suffixes == [".md"]]
    assert figures["lessons"] == len(primaries) >= 8
    # Phayao, Songkhla (2022), Khon Kaen and Yala (2024), as seed 003 states.
    members = {
        c.id: c.fields.get("gnlc_member_since")
        for c in archive.cities.values()
        if c.fields.get("gnlc_member_since")
    }
    assert members == {"phayao": 2022, "songkhla": 2022, "khon-kaen": 2024, "yala": 2024}


@pytest.mark.parametrize("kind", ["cities", "projects", "lessons", "events", "pages"])
def test_every_case_exists_in_both_languages(archive: Archive, kind: str) -> None:
    missing = [
        case.id
        for case in archive.by_kind(kind).values()
        if set(case.texts) != set(archive.languages)
    ]
    assert missing == []


def test_every_lesson_links_a_city_project_or_event_and_is_cited(archive: Archive) -> None:
    assert len(archive.lessons) >= 8
    for lesson in archive.lessons.values():
        assert lesson.cities or lesson.projects or lesson.events, lesson.id
        assert lesson.sources, lesson.id
        body = lesson.texts[archive.primary].body
        # context, what was done, what was learned, advice for other cities
        assert len(re.findall(r"^## ", body, flags=re.MULTILINE)) >= 4, lesson.id


def test_every_case_cites_a_source_from_the_seeds(archive: Archive) -> None:
    for case in archive.cases():
        assert case.sources, f"{case.kind}/{case.id} has no source"
    for source in archive.sources.values():
        # A publisher the seed does not state stays empty (and the note says so); a title never.
        assert source.title and (source.publisher or source.note), source.id


def test_the_in_depth_projects_are_case_files(archive: Archive) -> None:
    khlong = archive.projects["khlong-phadung-krung-kasem"]
    figures = {o["key"]: o["value"] for o in khlong.fields["outcomes"]}
    assert figures.get("participants") == 209
    assert sorted(khlong.fields["sdgs"]) == [4, 11]
    assert "phra-nakhon-2024" in archive.projects
    # Renamed once its CIAP link turned out to be inferred; the old address still redirects.
    assert "roi-et-ciap-2024" in archive.projects["roi-et-smart-livable-city"].aliases


def test_the_archives_names_come_from_its_content(archive: Archive) -> None:
    """The names kept whole on a line (generator/render/thai_names.py) are read from the
    content: these are this archive's."""
    names = archive_names(archive)
    # Names of places in name fields, parenthesised terms, names after a kind of place.
    for name in (
        "ขอนแก่น",
        "เขาใหญ่",
        "ปากช่อง",
        "คลองผดุงกรุงเกษม",
        "เคเคทีที",
        "จตุภาคี",
        "กะดีจีน",
        "แก่งคอย",
        "บพท",
        "ป้อมปราบศัตรูพ่าย",
        "ศรีจันทร์",
        "สี่พระยา",
    ):
        assert name in names, name
    assert all(width(n) <= 18 for n in names)
    assert "และ" not in names
    assert "การสื่อสารสาธารณะ" in archive_terms(archive)
    assert "การสื่อสารสาธารณะ" not in names  # a term: words around it may still break


def test_the_deposits_cover_the_programmes_years_and_every_city(archive: Archive) -> None:
    span = temporal_coverage(archive)
    assert span is not None and span.startswith("2020/")
    assert len(places(archive)) == len(archive.cities)
