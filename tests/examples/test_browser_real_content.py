"""The archive's own content read in Chromium: every page kind in each language (lang, no
console error or failed request, no serious accessibility violation at phone width) and the map
of every city. `remove-examples` removes this file with the content it reads."""

from __future__ import annotations

import pytest
from browser_support import serious_accessibility_violations, serve, switch_language, watch
from conftest import Project

pytestmark = pytest.mark.browser

REAL_PAGE_KINDS = [
    "index.html",
    "about.html",
    "cities/index.html",
    "cities/yala.html",
    "cities/chanthaburi.html",
    "projects/index.html",
    "projects/khlong-phadung-krung-kasem.html",
    "projects/chiang-mai-2020-1.html",
    "lessons/index.html",
    "lessons/public-exhibitions.html",
    "events/index.html",
    "events/learning-city-days-2023.html",
    "cities/roi-et.html",
    "themes/index.html",
    "themes/partnerships.html",
    "translations.html",
    "reference.html",
    "data.html",
    "contribute.html",
]


@pytest.mark.parametrize("prefix, lang", [("", "th"), ("en/", "en")])
def test_real_content_reads_well_in_each_language(
    real_site: Project, browser, prefix: str, lang: str
) -> None:
    """Every page kind of the archive's own content: lang, no console error or failed
    request, no serious accessibility violation, at phone width."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        log = watch(page)
        problems = []
        for path in REAL_PAGE_KINDS:
            log.clear()
            page.goto(f"{base}/{prefix}{path}")
            if page.get_attribute("html", "lang") != lang:
                problems.append(f"{prefix}{path}: lang {page.get_attribute('html', 'lang')}")
            problems += [f"{prefix}{path}: {m}" for m in log.console_errors + log.failed]
            problems += [f"{prefix}{path}: {v}" for v in serious_accessibility_violations(page)]
        page.close()
    assert problems == [], "\n".join(problems)


def test_real_map_has_every_city_and_the_switcher_keeps_the_case(
    real_site: Project, browser
) -> None:
    cities = sorted(
        p.stem for p in (real_site.content / "cities").glob("*.md") if p.suffixes == [".md"]
    )
    with serve(real_site.site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/cities/index.html")
        markers = page.locator(".lc-map a.lc-marker")
        assert sorted(markers.evaluate_all("ms => ms.map(m => m.dataset.city)")) == cities
        hrefs = markers.evaluate_all(
            "ms => ms.map(m => new URL(m.getAttribute('href') || m.getAttribute('xlink:href'),"
            " document.baseURI).href)"
        )
        assert all(
            h.endswith(f"cities/{c}.html")
            for h, c in zip(hrefs, markers.evaluate_all("ms => ms.map(m => m.dataset.city)"))
        )
        page.locator('.lc-map a[data-city="yala"]').click()
        page.wait_for_load_state()
        assert page.url == f"{base}/cities/yala.html"
        switch_language(page, "en")
        assert page.url == f"{base}/en/cities/yala.html"
        assert page.inner_text("h1").rstrip("¶") == "Yala"
        page.close()
