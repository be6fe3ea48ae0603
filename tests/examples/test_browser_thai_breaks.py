"""Thai lines in Chromium break between words, never inside a name (issue 16, point 1).

Measured on the archive's own content, every page kind, Thai and English, phone and desktop:
where the layout actually ended each line (tests/thai_lines.py), judged by ICU's segmentation
and a hand-checked list of names — not by the segmenter the build used.

Like everything in tests/examples/, it reads this archive's own pages: `remove-examples`
removes it with them.
"""

from __future__ import annotations

import pytest
from browser_support import serve
from conftest import Project
from thai_lines import measure

pytestmark = pytest.mark.browser

PAGES = [
    "index.html",
    "about.html",
    "cities/index.html",
    "cities/khon-kaen.html",
    "cities/nakhon-ratchasima.html",
    "projects/index.html",
    "projects/khlong-phadung-krung-kasem.html",
    "projects/bangkok-2020.html",
    "lessons/index.html",
    "lessons/quadruple-helix-partnerships.html",
    "themes/index.html",
    "themes/partnerships.html",
    "search.html?q=เมือง",
    "search.html?q=ยูเนสโก",
]
MAX_INSIDE_WORD = 0.01


@pytest.mark.parametrize("width", [360, 1280])
def test_thai_lines_break_between_words(real_site: Project, browser, width: int) -> None:
    breaks, inside_word, inside_name, overflow = 0, [], [], []
    with serve(real_site.site) as base:
        page = browser.new_page(viewport={"width": width, "height": 800})
        for prefix in ("", "en/"):
            for path in PAGES:
                page.goto(f"{base}/{prefix}{path}")
                if path.startswith("search.html"):
                    page.wait_for_selector("[data-lc-done]")
                result = measure(page)
                breaks += result["breaks"]
                inside_word += [f"{prefix}{path}: {c}" for c in result["insideWord"]]
                inside_name += [f"{prefix}{path}: {c}" for c in result["insideName"]]
                if result["overflow"]:
                    overflow.append(f"{prefix}{path}")
        page.close()
    assert breaks > (400 if width == 360 else 150), "too few Thai lines measured to judge"
    assert inside_name == [], "\n".join(inside_name)
    assert len(inside_word) <= MAX_INSIDE_WORD * breaks, (
        f"{len(inside_word)} of {breaks} breaks inside a word:\n" + "\n".join(inside_word)
    )
    assert overflow == [], f"wider than the screen: {overflow}"


def test_search_results_are_broken_between_words(real_site: Project, browser) -> None:
    """Results are drawn by the browser from the unsegmented index: the script adds the same
    markup, from Intl.Segmenter and the archive's names (search/names.js)."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport={"width": 360, "height": 800})
        page.goto(f"{base}/search.html?q=ยูเนสโก")
        page.wait_for_selector("[data-lc-done]")
        assert page.locator(".lc-search-page__list lc-w wbr").count() > 0
        words = page.locator(".lc-search-page__list lc-w").evaluate_all(
            "els => els.map(e => Array.from(e.childNodes).filter(n => n.nodeType === 3)"
            ".map(n => n.data))"
        )
        assert not any(piece in ("ยูเนส", "เนสโก", "จตุ", "เคเค") for run in words for piece in run)
        page.close()


def test_copied_text_is_the_original(real_site: Project, browser) -> None:
    """<wbr> and <lc-w> add no character: a reader who copies a heading or a paragraph gets
    the text as written, without U+200B."""
    title = (
        "การยกระดับและการพัฒนาย่านแห่งการเรียนรู้ผ่านกลไกห้องวิจัยมีชีวิต ห้องเรียนเมือง "
        "และกระบวนการจัดทำงบประมาณแบบมีส่วนร่วม กรณีศึกษา พื้นที่รอบคลองผดุงกรุงเกษม"
    )
    with serve(real_site.site) as base:
        context = browser.new_context(viewport={"width": 360, "height": 800})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        page = context.new_page()
        page.goto(f"{base}/projects/khlong-phadung-krung-kasem.html")
        assert page.locator("h1 wbr").count() > 5
        for selector in ("h1", ".lc-summary"):
            page.evaluate(
                """(selector) => {
                const range = document.createRange();
                range.selectNodeContents(document.querySelector(selector));
                getSelection().removeAllRanges(); getSelection().addRange(range);
            }""",
                selector,
            )
            page.keyboard.press("Control+C")
            copied = page.evaluate("navigator.clipboard.readText()")
            assert "\u200b" not in copied
            if selector == "h1":
                assert copied.strip().rstrip("¶").strip() == title
            else:
                assert (
                    copied.strip()
                    == page.evaluate("document.querySelector('.lc-summary').textContent").strip()
                )
        context.close()
