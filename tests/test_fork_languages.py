"""A fork in other languages and another country (FORKING.md, "Other languages, another country").

Two small forks, each built once: Thai with Lao as the second language, and English with
Vietnamese for a city in Vietnam. The languages come from mkdocs.yml's i18n settings only;
the regions and the map's outline (and with it the coordinates a city may have) are the
fork's data. The Lao and Vietnamese words below are test text, not facts of any programme.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, Project, make_project

# Lao is written without spaces between words, as Thai is: the word is found inside the run.
LAO_WORD = "ການຮຽນຮູ້"  # "learning"
LAO_BODY = "ນະຄອນແຫ່ງນີ້ສ້າງເມືອງແຫ່ງການຮຽນຮູ້ຮ່ວມກັບຊຸມຊົນ"  # one run, the word in its middle
HANOI = {"lat": 21.03, "lon": 105.85}
# Viet Nam's outline, made as FORKING.md says (tools/extract_outline.py, Natural Earth, ISO
# 704): the map draws it, and a city may lie within whole degrees round it (8–24 N, 102–110 E).
VIETNAM_OUTLINE = FIXTURES / "vietnam-outline.json"

THAI_LAO = """\
      - locale: th
        default: true
        name: ไทย
        build: true
        site_name: คลังความรู้สองฝั่งโขง
      - locale: lo
        name: ລາວ
        build: true
        site_name: ຄັງຄວາມຮູ້ສອງຝັ່ງຂອງ
"""
ENGLISH_VIETNAMESE = """\
      - locale: en
        default: true
        name: English
        build: true
        site_name: Red River Archive
      - locale: vi
        name: Tiếng Việt
        build: true
        site_name: Kho tri thức sông Hồng
"""


def _set_languages(project: Project, languages: str, codes: tuple[str, str]) -> None:
    """What a fork writes in mkdocs.yml: its languages (i18n), the theme's first language,
    its description per language; the settings that name this programme go."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.split("  i18n:\n")[0] + "  i18n:\n    languages:\n" + languages
    text = text.replace("theme:\n  language: th", f"theme:\n  language: {codes[0]}")
    description = "{" + ", ".join(f"{code}: Archive" for code in codes) + "}"
    text = re.sub(r"    description:\n( {6}.*\n)+", f"    description: {description}\n", text)
    text = re.sub(r"    funders:.*?\n(?=    contact:)", "    funders: []\n", text, flags=re.DOTALL)
    text = re.sub(r"    figures:\n( {6}.*\n)+", "", text)
    text = text.replace("nav_pages: [about]", "nav_pages: []")
    config.write_text(text, encoding="utf-8")


def _data(project: Project, codes: tuple[str, str], region: tuple[str, str, str]) -> None:
    """The fork's vocabularies (its own regions) and source registry, in its languages."""
    a, b = codes
    region_id, name_a, name_b = region
    project.write(
        "vocabularies/regions.yml", f"{region_id}: {{label: {{{a}: {name_a}, {b}: {name_b}}}}}\n"
    )
    project.write("vocabularies/themes.yml", f"participation: {{label: {{{a}: T, {b}: T}}}}\n")
    project.write("vocabularies/sdgs.yml", f"4: {{label: {{{a}: E, {b}: E}}}}\n")
    project.write(
        "sources.yml",
        f"city-report:\n  title: {{{a}: Report, {b}: Report}}\n  title_from: document\n"
        "  publisher: null\n  date: null\n  url: null\n  note: null\n",
    )


def _city(id_: str, names: dict[str, str], region: str, where: dict[str, float], body: str) -> str:
    """A city's primary file; the first line of `body` is its summary."""
    name = json.dumps(names, ensure_ascii=False)
    summary, _, text = body.partition("\n")
    return (
        f"---\nid: {id_}\nname: {name}\nprovince: {name}\nregion: {region}\n"
        f"research_area: {name}\nlocation: {json.dumps(where)}\n"
        "cohort: null\ngnlc_member_since: null\nwebsites: []\ncompleteness: stub\n"
        f"updated: 2026-11-25\naliases: []\nsummary: {summary}\nsources: [city-report]\n---\n"
        f"{text}\n"
    )


def _translation(summary: str, body: str) -> str:
    return f"---\nprimary_updated: 2026-11-25\nsummary: {summary}\n---\n{body}\n"


def thai_lao_fork(root: Path) -> Project:
    project = make_project(root, None)
    _set_languages(project, THAI_LAO, ("th", "lo"))
    _data(project, ("th", "lo"), ("northeast", "ภาคตะวันออกเฉียงเหนือ", "ພາກຕາເວັນອອກສຽງເໜືອ"))
    names = {"th": "หนองคาย", "lo": "ໜອງຄາຍ"}
    where = {"lat": 17.88, "lon": 102.74}
    body = "เมืองริมโขง\n## สิ่งที่ทราบ\n\nหน้าทดสอบ"
    project.write("cities/nong-khai.md", _city("nong-khai", names, "northeast", where, body))
    project.write("cities/nong-khai.lo.md", _translation("ເມືອງແຄມຂອງ", f"## ສິ່ງທີ່ຮູ້\n\n{LAO_BODY}"))
    return project


def english_vietnamese_fork(root: Path, *, outline: bool = True) -> Project:
    project = make_project(root, None)
    _set_languages(project, ENGLISH_VIETNAMESE, ("en", "vi"))
    _data(project, ("en", "vi"), ("red-river-delta", "Red River Delta", "Đồng bằng sông Hồng"))
    if outline:  # the fork's own map, named in mkdocs.yml
        project.write("outline.json", VIETNAM_OUTLINE.read_text(encoding="utf-8"))
        config = project.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        setting = "  learningcity:\n    map_outline: content/outline.json\n"
        config.write_text(text.replace("  learningcity:\n", setting, 1), encoding="utf-8")
    names = {"en": "Hanoi", "vi": "Hà Nội"}
    body = "A city on the Red River.\n## What is known\n\nA test page."
    project.write("cities/hanoi.md", _city("hanoi", names, "red-river-delta", HANOI, body))
    project.write(
        "cities/hanoi.vi.md",
        _translation("Thành phố bên sông Hồng.", "## Điều đã biết\n\nTrang thử nghiệm."),
    )
    return project


def _validated_and_built(project: Project) -> tuple[str, str]:
    validated = project.run("validate")
    assert validated.returncode == 0, validated.stdout[-3000:]
    built = project.build()
    assert built.returncode == 0, built.stderr[-3000:]
    return validated.stdout, built.stderr


@pytest.fixture(scope="module")
def thai_lao(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, str]]:
    project = thai_lao_fork(tmp_path_factory.mktemp("thai-lao"))
    validated, _ = _validated_and_built(project)
    yield project, validated


@pytest.fixture(scope="module")
def english_vietnamese(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    project = english_vietnamese_fork(tmp_path_factory.mktemp("english-vietnamese"))
    _validated_and_built(project)
    yield project


def _html_lang(path: Path) -> str:
    found = re.search(r'<html lang="([^"]*)"', path.read_text(encoding="utf-8"))
    assert found, path
    return found.group(1)


def test_thai_and_lao_build_with_each_page_in_its_language(thai_lao: tuple[Project, str]) -> None:
    project, validated = thai_lao
    site = project.site
    for page in ("index.html", "cities/nong-khai.html", "reference.html"):
        assert _html_lang(site / page) == "th", page
        assert _html_lang(site / "lo" / page) == "lo", page
    lao = (site / "lo" / "cities" / "nong-khai.html").read_text(encoding="utf-8")
    assert "2569" in (site / "cities" / "nong-khai.html").read_text(encoding="utf-8")  # B.E.
    # The Lao run as written: Thai line breaks (lc-w, wbr) are for Thai text only.
    assert LAO_BODY in lao
    assert "ໜອງຄາຍ" in lao
    # The field reference names the archive's languages (it crashed on `lo`).
    reference = (site / "lo" / "reference.html").read_text(encoding="utf-8")
    assert "{th: …, lo: …}" in reference and "en: …" not in reference
    # labels.yaml has no Lao: Lao pages use the English words, and validate says so.
    assert "[labels-missing]" in validated and "Lao" in validated
    assert "Field reference" in (site / "lo" / "cities" / "index.html").read_text(encoding="utf-8")
    schema = json.loads((site / "data" / "schemas" / "common.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["bilingual"]["required"] == ["th", "lo"]
    # The open data has a column per language of the archive (Lao names were not exported).
    header = (site / "data" / "cities.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "label_th,label_lo" in header and "_en" not in header
    assert "ໜອງຄາຍ" in (site / "data" / "cities.csv").read_text(encoding="utf-8-sig")
    sources = (site / "data" / "sources.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert sources.startswith("id,title_th,title_lo,")
    # Not found, in each language, with each language's home (there is no /en/ to link to).
    missing = (site / "lo" / "404.html").read_text(encoding="utf-8")
    assert 'href="/lo/index.html"' in missing and 'href="/index.html"' in missing
    assert "/en/" not in missing


def test_english_and_vietnamese_for_a_city_in_vietnam(english_vietnamese: Project) -> None:
    site = english_vietnamese.site
    for page in ("index.html", "cities/hanoi.html", "cities/index.html"):
        assert _html_lang(site / page) == "en", page
        assert _html_lang(site / "vi" / page) == "vi", page
    assert "Thành phố bên sông Hồng." in (site / "vi" / "cities" / "hanoi.html").read_text(
        encoding="utf-8"
    )
    city = json.loads((site / "data" / "schemas" / "city.json").read_text(encoding="utf-8"))
    location = city["properties"]["location"]["properties"]
    assert (location["lat"]["minimum"], location["lat"]["maximum"]) == (8, 24)
    assert (location["lon"]["minimum"], location["lon"]["maximum"]) == (102, 110)
    # The map is the fork's outline, and Hanoi's pin is on it (on Thailand's it was off the top).
    cities = (site / "cities" / "index.html").read_text(encoding="utf-8")
    width, height = _view_box(cities)
    x, y = _pin(cities, "hanoi")
    assert 0 < x < width and 0 < y < height
    regions = json.loads((site / "data" / "cities.json").read_text(encoding="utf-8"))
    assert [c["region"] for c in regions] == ["red-river-delta"]
    # Years in the Common Era only: the Buddhist Era is Thailand's (and Thai is not here).
    for page in ("cities/hanoi.html", "vi/cities/hanoi.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "2026" in html and "2569" not in html and "B.E." not in html, page
    missing = (site / "vi" / "404.html").read_text(encoding="utf-8")
    assert 'href="/vi/index.html"' in missing and 'href="/index.html"' in missing
    assert "/en/" not in missing and "ไม่พบ" not in missing


def _view_box(html: str) -> tuple[float, float]:
    found = re.search(r'<svg viewBox="0 0 ([0-9.]+) ([0-9.]+)"', html)
    assert found
    return float(found.group(1)), float(found.group(2))


def _pin(html: str, city: str) -> tuple[float, float]:
    found = re.search(
        rf'data-city="{city}">(?:<line[^>]*/><circle[^>]*/>)?<circle class="lc-marker__hit" '
        r'cx="([0-9.-]+)" cy="([0-9.-]+)"',
        html,
    )
    assert found, city
    return float(found.group(1)), float(found.group(2))


def test_the_coordinates_a_city_may_have_follow_the_map_outline(tmp_path: Path) -> None:
    """Without its own outline, the fork's map is Thailand's, and Hanoi is off it: refused,
    with the bounds in the message; with its outline, accepted (the fixture above)."""
    project = english_vietnamese_fork(tmp_path / "fork", outline=False)
    validated = project.run("validate")
    assert validated.returncode == 1
    assert "content/cities/hanoi.md:7" in validated.stdout
    assert "location.lat" in validated.stdout and "21" in validated.stdout
    broken = project.root / "mkdocs.yml"
    text = broken.read_text(encoding="utf-8")
    setting = "  learningcity:\n    map_outline: content/missing.json\n"
    broken.write_text(text.replace("  learningcity:\n", setting, 1), encoding="utf-8")
    validated = project.run("validate")
    assert validated.returncode == 1
    assert re.search(r"mkdocs\.yml:\d+: error: map_outline: .*missing\.json", validated.stdout)


def test_a_new_case_asks_for_the_archive_s_languages(tmp_path: Path) -> None:
    project = thai_lao_fork(tmp_path / "fork")
    assert project.run("new", "city", "vientiane").returncode == 0
    assert project.run("new", "source", "vientiane-report").returncode == 0
    city = (project.content / "cities" / "vientiane.md").read_text(encoding="utf-8")
    assert 'name: {th: "", lo: ""}' in city and "en:" not in city
    assert (project.content / "cities" / "vientiane.lo.md").is_file()
    sources = (project.content / "sources.yml").read_text(encoding="utf-8")
    assert 'title: {th: "", lo: ""}' in sources


# A project proposed through the fork's issue form, answered in its languages (test text).
LAO_PROJECT = {
    "id": "mekong-reading",  # asked for: no English title to make it from
    "title_th": "การอ่านริมโขง",
    "title_lo": "ການອ່ານແຄມຂອງ",
    "city": "nong-khai",
    "area_th": "เทศบาลเมืองหนองคาย",
    "area_lo": "ເທດສະບານເມືອງໜອງຄາຍ",
    "summary_th": "โครงการทดสอบ",
    "summary_lo": "ໂຄງການທົດສອບ",
    "body_lo": LAO_BODY,
    "source_ids": "city-report",
}
VIETNAMESE_PROJECT = {
    "title_en": "Reading by the Red River",
    "title_vi": "Đọc sách bên sông Hồng",
    "city": "hanoi",
    "area_en": "Hoan Kiem",
    "summary_en": "A test project.",
    "summary_vi": "Một dự án thử nghiệm.",
    "source_ids": "city-report",
}


def _submitted(form_file: Path, answers: dict[str, str]) -> str:
    """The issue GitHub opens from a submitted form: each question's label as a heading, then
    the answer or `_No response_`."""
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    return "".join(
        f"### {entry['attributes']['label']}\n\n{answers.get(entry['id']) or '_No response_'}\n\n"
        for entry in form["body"]
        if "id" in entry
    )


@pytest.mark.parametrize(
    "make_fork, answers, codes, id_, not_named",
    [
        (thai_lao_fork, LAO_PROJECT, ("th", "lo"), "mekong-reading", ("English", "อังกฤษ")),
        (
            english_vietnamese_fork,
            VIETNAMESE_PROJECT,
            ("en", "vi"),
            "reading-by-the-red-river",  # made from the English title
            ("Thai", "ไทย"),
        ),
    ],
    ids=["thai-lao", "english-vietnamese"],
)
def test_issue_forms_ask_in_the_archive_s_languages_and_make_its_files(
    tmp_path: Path,
    make_fork: Any,
    answers: dict[str, str],
    codes: tuple[str, str],
    id_: str,
    not_named: tuple[str, str],
) -> None:
    """The forms ask for each label in the fork's languages, named as such (never "(English)"
    beside a Lao answer); a filled issue becomes the primary file and its translation."""
    primary, second = codes
    [gone] = {"th", "en"} - set(codes)  # the template's language the fork does not have
    project = make_fork(tmp_path / "fork")
    assert project.run("issue-forms").returncode == 0
    forms = project.root / ".github" / "ISSUE_TEMPLATE"
    for name in ("propose-project.yml", "propose-lesson.yml", "propose-event.yml"):
        text = (forms / name).read_text(encoding="utf-8")
        fields = {entry["id"] for entry in yaml.safe_load(text)["body"] if "id" in entry}
        assert {f"title_{primary}", f"title_{second}", f"summary_{second}"} <= fields, name
        assert not [f for f in fields if f.endswith(f"_{gone}")], name
        english_name, thai_name = not_named
        assert f"({english_name})" not in text and f"({thai_name})" not in text, name
        assert f"ภาษา{thai_name}" not in text, name

    issue = project.root / "issue.md"
    issue.write_text(_submitted(forms / "propose-project.yml", answers), encoding="utf-8")
    converted = project.run("from-issue", "--form", "project", "--body", str(issue))
    assert converted.returncode == 0, converted.stderr
    folder = project.content / "projects"
    assert {p.name for p in folder.iterdir()} == {f"{id_}.md", f"{id_}.{second}.md"}
    front = yaml.safe_load((folder / f"{id_}.md").read_text(encoding="utf-8").split("---\n")[1])
    assert front["title"] == {
        primary: answers[f"title_{primary}"],
        second: answers[f"title_{second}"],
    }
    assert front["summary"] == answers[f"summary_{primary}"]
    translation = (folder / f"{id_}.{second}.md").read_text(encoding="utf-8")
    assert answers[f"summary_{second}"] in translation
    validated = project.run("validate")
    assert validated.returncode == 0, validated.stdout


def _search(page: Any, query: str) -> list[str]:
    box = page.locator("form[name=lc-search] input[name=q]")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-lc-search]').getAttribute('data-lc-done') === q",
        arg=query,
        timeout=15000,
    )
    return page.eval_on_selector_all(
        ".md-search-result__list a[data-lc-result]", "links => links.map(a => a.href)"
    )


@pytest.mark.browser
def test_search_finds_a_lao_word_inside_unspaced_lao_text(
    thai_lao: tuple[Project, str], browser: Any
) -> None:
    from browser_support import serve

    project, _ = thai_lao
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    with serve(project.site) as base:
        page.goto(base + "/lo/index.html")
        found = _search(page, LAO_WORD)
        assert any(url.endswith("/lo/cities/nong-khai.html") for url in found), found
        assert _search(page, "ຮ່ວມກັບຊຸມ") and not _search(page, "ຊຸມຊົນບໍ່ມີ")
    page.close()


def test_search_index_cuts_lao_like_thai() -> None:
    """Lao runs are keyed by n-grams, not as one word: the word in the middle has keys."""
    from generator.search.normalize import keys, parse_query, runs

    assert list(runs(LAO_BODY)) == [("t", LAO_BODY)]
    [term] = parse_query(LAO_WORD)
    assert term.exact and set(term.exact) <= set(keys(LAO_BODY))
