"""The built site in Chromium: languages, the switcher, and not one request outside itself."""

from __future__ import annotations

import pytest
from browser_support import serve, switch_language, watch
from conftest import Project

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "cities/index.html",
    "cities/khon-kaen.html",
    "cities/yala.html",
    "projects/index.html",
    "projects/khon-kaen-2020.html",
    "lessons/index.html",
    "lessons/anchor-organisation.html",
    "themes/index.html",
    "about.html",
    "translations.html",
    "404.html",
]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("site", ["mini_site", "published_site"])
def test_every_page_kind_loads_with_no_outside_request_and_no_error(
    request: pytest.FixtureRequest, browser, width: int, site: str
) -> None:
    """Also with a repository and a web address set: Material's repository widget would ask
    GitHub's API for stars and forks from every page (theme/partials/source.html)."""
    project: Project = request.getfixturevalue(site)
    # A site with a web address is served at its path (https://example.org/archive/): the 404
    # page must find its styles from any depth, so it links them from that path.
    root = project.site
    if site == "published_site":
        root = project.root / "served"
        root.mkdir(exist_ok=True)
        if not (root / "archive").exists():
            (root / "archive").symlink_to(project.site, target_is_directory=True)
    with serve(root) as served:
        base = served + ("/archive" if site == "published_site" else "")
        page = browser.new_page(viewport={"width": width, "height": 800})
        log = watch(page)
        for prefix, lang in (("", "th"), ("en/", "en")):
            for path in PAGES:
                log.clear()
                page.goto(f"{base}/{prefix}{path}", wait_until="networkidle")
                assert page.get_attribute("html", "lang") == lang, path
                assert log.external(base) == [], (path, log.external(base))
                assert log.failed == [], (path, log.failed)
                assert log.console_errors == [], (path, log.console_errors)
        page.close()


def test_switching_language_lands_on_the_same_case(mini_site: Project, browser) -> None:
    with serve(mini_site.site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{base}/projects/khon-kaen-2020.html")
        switch_language(page, "en")
        assert page.url == f"{base}/en/projects/khon-kaen-2020.html"
        assert page.get_attribute("html", "lang") == "en"
        assert page.inner_text("h1").rstrip("¶") == "Khon Kaen project"
        switch_language(page, "th")
        assert page.url == f"{base}/projects/khon-kaen-2020.html"
        assert page.inner_text("h1").rstrip("¶") == "ชุดโครงการขอนแก่น"
        page.close()


def test_thai_text_uses_the_self_hosted_font(mini_site: Project, browser) -> None:
    with serve(mini_site.site) as base:
        page = browser.new_page()
        log = watch(page)
        page.goto(f"{base}/cities/khon-kaen.html", wait_until="networkidle")
        family = page.evaluate("getComputedStyle(document.querySelector('article p')).fontFamily")
        assert family.startswith(("Sarabun", '"Sarabun"'))
        assert any(url.endswith("sarabun-thai-400-normal.woff2") for url in log.requests)
        assert page.evaluate("document.fonts.check('16px Sarabun', 'ขอนแก่น')")
        page.close()
