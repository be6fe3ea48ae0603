"""What a reader sees in Chromium: map, projects table, related links, accessibility."""

from __future__ import annotations

import pytest
from browser_support import serious_accessibility_violations, serve, watch
from conftest import Project

pytestmark = pytest.mark.browser

PAGE_KINDS = [
    "index.html",
    "cities/index.html",
    "cities/khon-kaen.html",
    "projects/index.html",
    "projects/khon-kaen-2020.html",
    "lessons/anchor-organisation.html",
    "events/index.html",
    "events/gnlc-2024.html",
    "themes/index.html",
    "reference.html",
    "data.html",
    "translations.html",
]


def test_map_markers_lead_to_their_city(mini_site: Project, browser) -> None:
    with serve(mini_site.site) as base:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for prefix, name in (("", "ขอนแก่น"), ("en/", "Khon Kaen")):
            page.goto(f"{base}/{prefix}cities/index.html")
            markers = page.locator(".lc-map a.lc-marker")
            assert markers.count() == 2
            marker = page.locator('.lc-map a.lc-marker[data-city="khon-kaen"]')
            number = marker.locator(".lc-marker__n").text_content()
            assert marker.get_attribute("aria-label").startswith(f"{number}. {name}")
            marker.click()
            page.wait_for_load_state()
            assert page.url == f"{base}/{prefix}cities/khon-kaen.html"
        page.close()


def test_projects_table_filters_and_lists_everything_without_js(
    mini_site: Project, browser
) -> None:
    with serve(mini_site.site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base}/projects/index.html")
        assert page.locator("table.lc-projects tbody tr").count() == 1
        assert not page.locator(".lc-filters").is_visible()  # a form that could do nothing
        context.close()
        page = browser.new_page()
        page.goto(f"{base}/projects/index.html")
        select = page.locator(".lc-filters select").first  # city
        assert select.locator("option").count() == 2  # "all" + ขอนแก่น
        page.fill(".lc-filters input[type=search]", "ไม่มีคำนี้")
        assert page.locator("table.lc-projects tbody tr:not([hidden])").count() == 0
        assert "0" in page.inner_text(".lc-filter-status")
        page.fill(".lc-filters input[type=search]", "ขอนแก่น")
        assert page.locator("table.lc-projects tbody tr:not([hidden])").count() == 1
        page.close()


def test_related_links_resolve_both_ways(mini_site: Project, browser) -> None:
    with serve(mini_site.site) as base:
        page = browser.new_page()
        log = watch(page)
        page.goto(f"{base}/cities/khon-kaen.html")
        page.click("#lc-projects + ul a")
        assert page.url.endswith("/projects/khon-kaen-2020.html")
        page.click(".lc-row--city a")
        assert page.url.endswith("/cities/khon-kaen.html")
        page.click("#lc-lessons + ul a")
        assert page.url.endswith("/lessons/anchor-organisation.html")
        page.click("#lc-projects + ul a")
        assert page.url.endswith("/projects/khon-kaen-2020.html")
        assert log.failed == []
        page.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_serious_accessibility_violations(mini_site: Project, browser, prefix: str) -> None:
    with serve(mini_site.site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        problems = []
        for path in PAGE_KINDS:
            page.goto(f"{base}/{prefix}{path}")
            problems += [f"{prefix}{path}: {v}" for v in serious_accessibility_violations(page)]
        page.close()
    assert problems == [], "\n".join(problems)
