"""The timeline and the map's event layer as a reader meets them: a 360 px phone, Thai first,
JavaScript off."""

from __future__ import annotations

import pytest
from browser_support import serve, watch
from conftest import Project

pytestmark = pytest.mark.browser


def _visible(page, selector: str) -> int:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getBoundingClientRect().width > 0).length"
    )


@pytest.mark.parametrize("prefix, width", [("", 360), ("en/", 1280)])
def test_the_timeline_reads_without_javascript(
    mini_site: Project, browser, prefix: str, width: int
) -> None:
    with serve(mini_site.site) as base:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, java_script_enabled=False
        )
        page = context.new_page()
        log = watch(page)
        page.goto(f"{base}/{prefix}events/index.html")
        # Nothing of the timeline runs off the screen. (Material's language menu does, site-wide,
        # when JavaScript is off: not this page's to fix.)
        assert (
            page.eval_on_selector_all(
                ".md-content *",
                f"els => els.filter(e => e.getBoundingClientRect().right > {width})"
                ".map(e => e.tagName)",
            )
            == []
        )
        entry = page.locator(".lc-timeline__event")
        assert entry.count() == 1 and entry.is_visible()
        # Each event's dot lies inside its list's padding box: the list is laid out late
        # (content-visibility), and what it paints beyond that box is cut off.
        dots = page.eval_on_selector_all(
            "ol.lc-timeline > li",
            """lis => lis.map(li => {
                 const ol = li.parentElement, dot = getComputedStyle(li, '::before');
                 const item = li.getBoundingClientRect(), list = ol.getBoundingClientRect();
                 const left = item.left + parseFloat(dot.left);
                 return [left - (list.left + parseFloat(getComputedStyle(ol).borderLeftWidth)),
                         getComputedStyle(ol).contentVisibility];
               })""",
        )
        assert dots and all(inside >= 0 for inside, _ in dots), dots
        when = page.inner_text(".lc-timeline__date")
        assert when == (
            "14 กุมภาพันธ์ พ.ศ. 2567 (ค.ศ. 2024)" if not prefix else "14 February 2024 (B.E. 2567)"
        )
        page.click(".lc-timeline__title a")
        assert page.url == f"{base}/{prefix}events/gnlc-2024.html"
        assert log.failed == [] and log.console_errors == []
        context.close()


def test_the_map_layers_and_event_filter_work_without_javascript(
    mini_site: Project, browser
) -> None:
    with serve(mini_site.site) as base:
        context = browser.new_context(
            viewport={"width": 360, "height": 800}, java_script_enabled=False
        )
        page = context.new_page()
        page.goto(f"{base}/cities/index.html")
        assert _visible(page, ".lc-marker") == 2 and _visible(page, ".lc-event-marker") == 1
        page.uncheck(".lc-map__layer-events")
        assert _visible(page, ".lc-event-marker") == 0 and _visible(page, ".lc-marker") == 2
        page.check(".lc-map__layer-events")
        page.uncheck(".lc-map__layer-cities")
        assert _visible(page, ".lc-marker") == 0 and _visible(page, ".lc-event-marker") == 1
        page.click(".lc-map__filter summary")
        page.check("#lc-map-event-gnlc-2024")
        assert _visible(page, ".lc-event-marker") == 1
        page.click(".lc-event-marker")
        page.wait_for_load_state()
        assert page.url == f"{base}/events/gnlc-2024.html"
        context.close()
