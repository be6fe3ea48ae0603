"""Who stands behind the archive, and help that leads somewhere: the publisher, funders and
contact of mkdocs.yml in every footer, on About, in the structured data and the data package;
"edit this page" and "help us fill it in" links with and without a repository."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import ROOT, Project, funder_names, unbroken

from generator.citation_cff import cff_problems
from generator.config import load_config

pytestmark = pytest.mark.slow

CASE_PAGES = [
    "cities/khon-kaen.html",
    "projects/khon-kaen-2020.html",
    "lessons/anchor-organisation.html",
]


def page(site: Path, rel: str) -> str:
    return unbroken((site / rel).read_text(encoding="utf-8"))


def footer(html: str) -> str:
    return html[html.index('<div class="md-copyright lc-imprint">') : html.index("</footer>")]


def jsonld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert found
    return json.loads(found.group(1))


def test_every_page_footer_names_publisher_funder_and_contact(published_site: Project) -> None:
    site = published_site.site
    funders = (funder_names("th")[0], funder_names("en")[0])  # as mkdocs.yml names them
    for prefix, publisher, funder in (
        ("", "สำนักพิมพ์ทดสอบ", funders[0]),
        ("en/", "Test Press", funders[1]),
    ):
        for rel in ["index.html", "about.html", "404.html", *CASE_PAGES]:
            html = footer(page(site, prefix + rel))
            assert f'<a href="https://example.org/press">{publisher}</a>' in html, rel
            assert funder in html, rel
            assert '<a href="mailto:editors@example.org">editors@example.org</a>' in html
            assert 'href="https://github.com/example/archive/blob/main/FORKING.md"' in html
            assert "about.html#lc-cite-archive" in html


def test_unset_values_say_so_and_never_guess(mini_site: Project) -> None:
    site = mini_site.site
    for prefix, not_set in (("", "ยังไม่ได้ระบุ"), ("en/", "not yet set")):
        html = footer(page(site, prefix + "cities/khon-kaen.html"))
        assert html.count(f"<em>{not_set}</em>") == 2  # publisher and contact
        assert "github.com" not in html and "mailto:" not in html
        about = page(site, prefix + "about.html")
        assert about.count(f"<em>{not_set}</em>") >= 4  # publisher, contact, address, repo


def test_the_build_warns_about_each_unset_value_by_name(mini: Project) -> None:
    result = mini.run("validate", "--lang", "en")
    warned = set(
        re.findall(r"^mkdocs\.yml:\d+: warning: ([\w.]+): not set", result.stdout, re.MULTILINE)
    )
    assert warned == {"publisher.name", "contact", "site_url", "repo_url"}


def test_structured_data_and_data_package_carry_publisher_and_funder(
    published_site: Project,
) -> None:
    site = published_site.site
    case = jsonld(page(site, "en/cities/khon-kaen.html"))
    assert case["publisher"] == {
        "@type": "Organization",
        "name": "Test Press",
        "url": "https://example.org/press",
    }
    assert case["isPartOf"]["funder"][0]["name"] == funder_names("en")[0]
    assert case["url"] == "https://example.org/archive/en/cities/khon-kaen.html"
    home = jsonld(page(site, "index.html"))
    assert home["@type"] == "Dataset" and home["url"] == "https://example.org/archive/"
    assert home["publisher"]["name"] == "สำนักพิมพ์ทดสอบ"
    package = json.loads(page(site, "data/datapackage.json"))
    roles = {c["role"]: c["title"] for c in package["contributors"]}
    assert roles["publisher"] == "Test Press" and funder_names("en")[0] in roles["funder"]
    assert package["homepage"] == "https://example.org/archive/"


def test_edit_this_page_opens_the_case_file_in_githubs_editor(published_site: Project) -> None:
    for prefix, source in (
        ("", "content/cities/khon-kaen.md"),
        ("en/", "content/cities/khon-kaen.en.md"),
    ):
        html = page(published_site.site, prefix + "cities/khon-kaen.html")
        edit = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button', html)
        assert edit, prefix
        assert edit.group(1) == f"https://github.com/example/archive/edit/main/{source}"


def test_help_links_open_the_missing_information_form_filled_in(published_site: Project) -> None:
    html = page(published_site.site, "projects/khon-kaen-2020.html")
    row = re.search(r'<div class="lc-row lc-row--missing">(.*?)</div>', html, re.DOTALL)
    assert row, "the project has unknown fields"
    links = re.findall(r'href="([^"]+)">([^<]+)</a>', row.group(1))
    assert links
    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    for href, label in links:
        url = urlsplit(href.replace("&amp;", "&"))
        assert url.netloc == "github.com" and url.path == "/example/archive/issues/new"
        query = parse_qs(url.query)
        form = yaml.safe_load((forms / query["template"][0]).read_text(encoding="utf-8"))
        ids = {field.get("id") for field in form["body"]}
        assert query["case"] == ["projects/khon-kaen-2020"]
        assert {"case", "field"} <= ids  # GitHub fills these fields from the address
        if label != "ช่วยเติมข้อมูล":
            assert query["field"][0] in (
                "round",
                "period",
                "funder",
                "programme",
                "lead",
                "institution",
                "area",
                "themes",
                "sdgs",
                "city",
            )


def test_without_a_repository_help_links_explain_how_to_send(mini_site: Project) -> None:
    html = page(mini_site.site, "projects/khon-kaen-2020.html")
    row = re.search(r'<div class="lc-row lc-row--missing">(.*?)</div>', html, re.DOTALL)
    assert row
    # The mini archive has no contribute page: its About page says how.
    assert set(re.findall(r'href="([^"]+)"', row.group(1))) == {"../about.html#lc-send"}
    about = page(mini_site.site, "about.html")
    assert 'id="lc-send"' in about and "lc-not-set" in about


def test_citation_cff_says_what_mkdocs_yml_says() -> None:
    assert cff_problems(load_config(ROOT / "mkdocs.yml")) == []


@pytest.fixture
def published_project(mini: Project) -> Project:
    from conftest import publish

    (mini.root / "CITATION.cff").write_text(
        (ROOT / "CITATION.cff").read_text("utf-8"), encoding="utf-8"
    )
    return publish(mini)


def test_the_citation_cff_command_writes_the_configuration(published_project: Project) -> None:
    before = published_project.run("validate", "--lang", "en").stdout
    assert "[citation-cff-out-of-date]" in before
    assert published_project.run("citation-cff").returncode == 0
    cff = yaml.safe_load((published_project.root / "CITATION.cff").read_text("utf-8"))
    assert cff["url"] == "https://example.org/archive/"
    assert cff["repository-code"] == "https://github.com/example/archive"
    assert cff["contact"][0]["email"] == "editors@example.org"
    assert cff["preferred-citation"]["publisher"] == {
        "name": "Test Press",
        "website": "https://example.org/press",
    }
    assert cff["authors"] and cff["cff-version"] == "1.2.0"  # the release fields stay
    assert "[citation-cff-out-of-date]" not in published_project.run("validate").stdout


def test_every_source_has_a_page_that_lists_the_cases_citing_it(mini_site: Project) -> None:
    site = mini_site.site
    for prefix in ("", "en/"):
        source = page(site, f"{prefix}sources/seed-a.html")
        cited_by = source[source.index('id="lc-cited-by"') :]
        for case in (
            "cities/khon-kaen.html",
            "projects/khon-kaen-2020.html",
            "lessons/anchor-organisation.html",
        ):
            assert f'href="../{case}"' in cited_by, (prefix, case)
        # No public address: the page says so, and who holds it (or that it is not recorded).
        assert ("ไม่ทราบที่อยู่เว็บสาธารณะ" if not prefix else "No public web address") in source
        assert ("ยังไม่ได้บันทึกว่าใครเก็บ" if not prefix else "not yet recorded") in source
        case_page = page(site, f"{prefix}cities/khon-kaen.html")
        sources = case_page[case_page.index('id="lc-sources"') :]
        assert 'href="../sources/seed-a.html"' in sources
        assert 'href="seed-a.html"' in page(site, f"{prefix}sources/index.html")
