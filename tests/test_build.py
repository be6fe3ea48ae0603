"""Whole builds through MkDocs and ProperDocs: languages, switcher, atomic output."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from conftest import MINI_CONTENT, Project, make_project, unbroken

pytestmark = pytest.mark.slow

CASES = [
    "cities/khon-kaen",
    "cities/yala",
    "projects/khon-kaen-2020",
    "lessons/anchor-organisation",
]


def html_lang(path: Path) -> str:
    match = re.search(r'<html lang="([^"]+)"', path.read_text(encoding="utf-8"))
    assert match, path
    return match.group(1)


def switcher_links(path: Path) -> dict[str, str]:
    html = path.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', html)
    return {lang: href for href, lang in links}


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_both_engines_build_thai_at_root_and_english_under_en(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path / engine, MINI_CONTENT)
    before = tree_digest(project.content)
    result = project.build(engine)
    assert result.returncode == 0, result.stderr
    site = project.site
    for case in CASES:
        assert html_lang(site / f"{case}.html") == "th"
        assert html_lang(site / "en" / f"{case}.html") == "en"
    assert html_lang(site / "index.html") == "th"
    assert html_lang(site / "en" / "index.html") == "en"
    # the build never modifies content
    assert tree_digest(project.content) == before
    assert not (project.root / "site.partial").exists()


def test_language_switcher_lands_on_the_same_case(mini_site: Project) -> None:
    site = mini_site.site
    for case in CASES:
        depth = case.count("/")
        thai, english = site / f"{case}.html", site / "en" / f"{case}.html"
        links = switcher_links(thai)
        assert (thai.parent / links["en"]).resolve() == english.resolve()
        links = switcher_links(english)
        assert (english.parent / links["th"]).resolve() == thai.resolve(), depth


def test_untranslated_case_shows_thai_under_an_english_notice(mini_site: Project) -> None:
    html = (mini_site.site / "en" / "cities" / "yala.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert "has not been translated into English yet" in html
    assert re.search(r'<div lang="th">\s*<h2[^>]*>สิ่งที่ยังไม่ทราบ', unbroken(html))


def test_thai_heading_anchors_stay_readable(mini_site: Project) -> None:
    html = (mini_site.site / "cities" / "khon-kaen.html").read_text(encoding="utf-8")
    assert 'id="การดำเนินงาน"' in html


def test_case_pages_stay_out_of_the_sidebar(mini_site: Project) -> None:
    """Material lists every nav page in every page: case pages must not be in the nav, or
    each page grows with the size of the archive."""
    html = (mini_site.site / "cities" / "khon-kaen.html").read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary')
    nav = html[start : html.index("</nav>", start)]
    assert "index.html" in nav
    assert "yala.html" not in nav and "anchor-organisation.html" not in nav


def test_a_failed_build_leaves_the_previous_site_untouched(mini: Project) -> None:
    assert mini.build().returncode == 0
    before = tree_digest(mini.site)
    mini.write(
        "projects/khon-kaen-2020.md",
        (mini.content / "projects/khon-kaen-2020.md")
        .read_text(encoding="utf-8")
        .replace("city: khon-kaen", "city: khon-kean"),
    )
    result = mini.build()
    assert result.returncode != 0
    assert "khon-kean" in result.stderr and "Did you mean `khon-kaen`?" in result.stderr
    assert tree_digest(mini.site) == before
    assert not (mini.root / "site.partial").exists()


@pytest.mark.parametrize("case_file", ["cities/khon-kaen.md", "cities/khon-kaen.en.md"])
def test_a_broken_link_in_a_body_fails_the_strict_build(mini: Project, case_file: str) -> None:
    """MkDocs' own checks (strict mode) also count as failure: nothing is swapped in —
    also when only the English page fails, which the second process builds."""
    assert mini.build().returncode == 0
    before = tree_digest(mini.site)
    path = mini.content / case_file
    path.write_text(path.read_text(encoding="utf-8") + "\n[x](missing-page.md)\n", encoding="utf-8")
    result = mini.build()
    assert result.returncode != 0
    assert "missing-page.md" in result.stderr
    assert tree_digest(mini.site) == before
    assert not (mini.root / "site.partial").exists()


def test_empty_content_builds_an_empty_valid_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "empty", None)
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert html_lang(project.site / "index.html") == "th"
    assert html_lang(project.site / "en" / "index.html") == "en"


def test_cli_validate_exit_codes(mini: Project) -> None:
    assert mini.run("validate").returncode == 0
    assert mini.run("validate", "--strict").returncode == 1  # warnings count with --strict
    assert mini.run("validate", "--no-such-option").returncode == 2
    assert mini.run("-f", "nowhere.yml", "validate").returncode == 2
    mini.write("cities/bad.md", "---\nid: [\n---\n")
    result = mini.run("validate")
    assert result.returncode == 1
    assert "content/cities/bad.md:2:" in result.stdout


def test_cli_build_runs_the_engine(mini: Project) -> None:
    result = mini.run("build", "--engine", "properdocs")
    assert result.returncode == 0, result.stderr
    assert (mini.site / "en" / "cities" / "khon-kaen.html").is_file()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_indexing_and_packing_during_the_build_equal_doing_it_afterwards(
    mini_site: Project, tmp_path: Path
) -> None:
    """The helper process indexes and packs each page while MkDocs builds the next; the
    result must be what reading the finished site gives."""
    import shutil

    from generator.search import write_search
    from generator.site import offline_zip

    copy = tmp_path / "site"
    shutil.copytree(mini_site.site, copy)
    shutil.rmtree(copy / "search")
    zip_path = next((mini_site.site / "downloads").glob("*.zip"))
    for stale in (copy / "downloads").glob("*.zip"):
        stale.unlink()
    write_search(copy, ["th", "en"])
    assert _tree(copy / "search") == _tree(mini_site.site / "search")
    assert (copy / "search.html").read_bytes() == (mini_site.site / "search.html").read_bytes()

    again = offline_zip.write_site_zip(copy, f"downloads/{zip_path.name}", zip_path.stem)
    with zipfile.ZipFile(zip_path) as built, zipfile.ZipFile(again) as afterwards:
        assert sorted(built.namelist()) == sorted(afterwards.namelist())
        for name in built.namelist():
            assert built.read(name) == afterwards.read(name), name


def test_the_build_works_where_no_helper_process_can_start(
    mini: Project, mini_site: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some sandboxes forbid new processes (no /dev/shm semaphores): the build then does
    the helper's work itself, with the same result."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.site import helper

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(helper, "ProcessPoolExecutor", refuse)
    monkeypatch.chdir(mini.root)
    config = load_config(str(mini.root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert _tree(mini.site) == _tree(mini_site.site)

    fallback = helper.Helper()
    fallback.submit(divmod, 1, 0)
    with pytest.raises(ZeroDivisionError):  # errors reach the build as from a process
        fallback.wait()


def test_the_404_pages_link_to_each_language_home(mini_site: Project) -> None:
    """Each language's 404 page is built before that language's pages; its switcher must not
    show the language links of a page built earlier."""
    site = mini_site.site
    for page in (site / "404.html", site / "en" / "404.html"):
        assert switcher_links(page) == {"th": "/index.html", "en": "/en/index.html"}, page
    assert html_lang(site / "404.html") == "th"
    assert html_lang(site / "en" / "404.html") == "en"


def is_material_page(path: Path) -> bool:
    """Not a redirect left at an old address (a bare page with no script)."""
    return 'id="__config"' in path.read_text(encoding="utf-8")


def test_every_page_runs_its_scripts_after_reading_the_page(mini_site: Project) -> None:
    """Material's script and the archive's are deferred (theme/main.html, block scripts), in
    Material's order: a script the parser waits for is fetched beside the stylesheets and
    delays a slow phone's first screen. Fails if a Material release changes its script tag so
    that the template no longer finds it."""
    pages = [page for page in sorted(mini_site.site.rglob("*.html")) if is_material_page(page)]
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="(?:[^"]*/)?([^"/]+)"([^>]*)>', html)
        names = [re.sub(r"\.[0-9a-f]{8}\.min\.js$", ".js", name) for name, _ in scripts]
        assert names == ["bundle.js", "tables.js", "search.js"], page
        assert all("defer" in attributes.split() for _, attributes in scripts), (page, scripts)
