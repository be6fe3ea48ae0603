"""Search in Chromium on a built site: the box in the header, the search page, file://,
languages kept apart, no outside requests; and the browser's normalisation and ranking are the
Python reference's (generator/search)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_support import serve, watch
from search_support.query import MemoryIndex

from generator.search import build_language
from generator.search.index import shard_of, shards_with_prefix
from generator.search.normalize import normalize, parse_query, phrase_keys, runs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BOX = "form[name=lc-search] input[name=q]"


def type_query(page: Any, query: str, *, typed: bool = True) -> list[str]:
    """Type a query into the header box as a reader would; the result links' site paths."""
    box = page.locator(BOX)
    if page.viewport_size["width"] < 960 and not page.is_checked("#__search"):
        page.click("label.md-header__button[for=__search]")  # phones: the magnifier opens it
    box.fill("")
    if typed:
        box.press_sequentially(query)
    else:
        box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-lc-search]').getAttribute('data-lc-done') === q",
        arg=query,
        timeout=15000,
    )
    return result_paths(page, ".md-search-result__list a[data-lc-result]:not(.lc-search__all a)")


def result_paths(page: Any, selector: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "links => links.map(a => a.href)")
    root = page.evaluate(
        "new URL(document.querySelector('[data-lc-search]')"
        ".getAttribute('data-lc-root'), location.href).href"
    )
    return [h.removeprefix(root) for h in hrefs if "search.html?q=" not in h]


STRINGS = [
    "ขอนแก่น",
    "ตลาด ใต้",
    "ตลาด\u00a0\u00a0ใต้\n",
    "หัวหิน ",
    "KKTTโมเดล",
    "Living Lab",
    "GNLC, UNESCO",
    "๒๕๖๓ พ.ศ.",
    "น\u0e4d\u0e32",
    "\u0e40\u0e40ก",
    "ก\u200bข",
    "e\u0301cole",
    "ΣΊΣΥΦΟΣ",
    "Straße",
    "İstanbul",
    "ก",
    "นา",
    "  ",
    "พื้นที่ การเรียนรู้ ",
    "x-y_z 1,234.5",
    "เมือง-ขอนแก่น",
    "ทดสอบ๑๒๓abc",
    "ๆ ฯ ฿100",
    "🙂 emoji 𝐀𝐁",
    "Ｆｕｌｌ width",
    # Other scripts without spaces between words: runs and n-grams, as Thai (normalize.py).
    "ການຮຽນຮູ້ ວຽງຈັນ",
    "ນະຄອນ Vientiane ໒໐໒໔",
    "រៀន ក្រុង",
    "学习型城市 2024",
    "まちの学び",
    "Hà Nội học tập",
]


# Shard bounds as the index writes them, with characters where JavaScript's string order
# (UTF-16 code units) and Python's (code points) differ: U+FF26 sorts before 😀 in Python only.
BOUNDS = ["2", "living", "x", "นา", "พื้", "ｆ", "\U0001f642", "\U0001f642z"]


def test_browser_normalises_like_python(mini_site: Any, browser: Any) -> None:
    page = browser.new_page()
    with serve(mini_site.site) as base:
        page.goto(base + "/index.html")
        page.evaluate("LCSearch.stemmerReady()")
        got = page.evaluate(
            """([strings, bounds]) => strings.map(s => [LCSearch.normalize(s),
            LCSearch.runs(LCSearch.normalize(s)),
            LCSearch.parseQuery(s).map(t => [t.text, t.exact, t.prefix]),
            LCSearch.phraseKeys(s), LCSearch.shardOf(LCSearch.normalize(s), bounds),
            LCSearch.shardsWithPrefix(LCSearch.normalize(s), bounds)])""",
            [STRINGS, BOUNDS],
        )
    page.close()
    for text, (norm, js_runs, terms, pairs, shard, prefixed) in zip(STRINGS, got):
        assert pairs == phrase_keys(text), text
        assert shard == shard_of(normalize(text), BOUNDS), text
        assert prefixed == list(shards_with_prefix(normalize(text), BOUNDS)), text
        assert norm == normalize(text), text
        assert [tuple(r) for r in js_runs] == list(runs(normalize(text))), text
        assert [tuple(t) for t in terms] == [
            (t.text, t.exact, t.prefix) for t in parse_query(text)
        ], text


QUERIES = [
    "the city",
    "city the",
    "Khon Kaen has",
    "ขอนแก่น",
    "แก่น",
    "ยะลา",
    "เครือข่าย",
    "ภาคี เครือข่าย",
    "การเรียนรู้",
    "นา",
    "ขอ",
    "khon",
    "Khon Kaen",
    "partner",
    "2563",
    "เมือง",
    "ไม่มีคำนี้เลย",
    # near spellings, word forms, names in the other script or written together
    "ขอนเก่น",
    "ขอนแกน",
    "ยะรา",
    "เครือข่ย",
    "การเรียนรู",
    "partnrs",
    "partnerships",
    "cities",
    "Khonkaen",
    "khon kean",
    "ຂອນ",
    "citty learnnig",
    # Thai words typed apart: not side by side on any page, and with tone marks left out
    "ยะลา เครือข่าย",
    "ขอนแกน เครือขาย",
    "ขอนแก่น ยะลา ",
]


def test_browser_ranks_like_python(mini_site: Any, browser: Any) -> None:
    page = browser.new_page()
    with serve(mini_site.site) as base:
        for lang, start in (("th", "/index.html"), ("en", "/en/index.html")):
            reference = MemoryIndex(build_language(mini_site.site, ["th", "en"], lang))
            page.goto(base + start)
            got = page.evaluate(
                "async qs => { const out = []; for (const q of qs) "
                "out.push([(await LCSearch.query(q, 10)).map(r => r.url), "
                "await LCSearch.suggest(q)]); return out; }",
                QUERIES,
            )
            for query, (urls, suggestions) in zip(QUERIES, got):
                assert urls == reference.urls(query, 10), (lang, query)
                assert suggestions == reference.suggestions(query), (lang, query)
    page.close()


def test_thai_site_finds_thai_pages_only(mini_site: Any, browser: Any) -> None:
    page = browser.new_page()
    log = watch(page)
    with serve(mini_site.site) as base:
        page.goto(base + "/cities/yala.html")
        found = type_query(page, "ขอนแก่น")
        assert found[0] == "cities/khon-kaen.html"
        assert found and not any(p.startswith("en/") for p in found)
        page.goto(base + "/en/cities/yala.html")
        found = type_query(page, "Khon Kaen")
        assert found[0] == "en/cities/khon-kaen.html"
        assert all(p.startswith("en/") for p in found)
        # Thai fallback text of untranslated English pages is not in the English index.
        assert type_query(page, "บพท") == []
        assert log.external(base) == [] and log.console_errors == [] and log.failed == []
    page.close()


def test_works_from_file_url(mini_site: Any, browser: Any) -> None:
    page = browser.new_page()
    log = watch(page)
    page.goto((mini_site.site / "projects" / "index.html").as_uri())
    assert type_query(page, "ยะลา")[0] == "cities/yala.html"
    assert type_query(page, "แก่น")[0] == "cities/khon-kaen.html"
    page.click(".md-search-result__list a[data-lc-result]")
    page.wait_for_url("**/cities/khon-kaen.html")
    assert log.console_errors == []
    assert [u for u in log.requests if not u.startswith("file://")] == []
    page.close()


def test_search_page_links_results_and_languages(mini_site: Any, browser: Any) -> None:
    page = browser.new_page()
    log = watch(page)
    with serve(mini_site.site) as base:
        page.goto(base + "/search.html?q=" + "ขอนแก่น")
        page.wait_for_selector("form[data-lc-search-page][data-lc-done]")
        found = result_paths(page, ".lc-search-page__list a")
        assert found[0] == "cities/khon-kaen.html"
        assert page.input_value("#lc-search-page-q") == "ขอนแก่น"
        assert page.title().startswith("ค้นหา")
        switcher = page.eval_on_selector_all(
            "a.md-select__link", "a => a.map(x => x.getAttribute('href'))"
        )
        assert "en/search.html" in switcher
        page.goto(base + "/en/search.html?q=partnerships")
        page.wait_for_selector("form[data-lc-search-page][data-lc-done]")
        found = result_paths(page, ".lc-search-page__list a")
        assert found and all(p.startswith("en/") for p in found)
        assert page.title().startswith("Search")
        assert log.external(base) == [] and log.console_errors == []
    page.close()


def test_header_enter_opens_the_search_page_and_keyboard_moves(
    mini_site: Any, browser: Any
) -> None:
    page = browser.new_page()
    with serve(mini_site.site) as base:
        page.goto(base + "/about.html")
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.name") == "q"
        type_query(page, "เมือง")
        page.keyboard.press("ArrowDown")
        first = page.evaluate("document.activeElement.getAttribute('href')")
        assert first and first.endswith(".html")
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.getAttribute('href')") != first
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement.name") == "q"
        page.keyboard.press("Enter")
        page.wait_for_url("**/search.html?q=*")
        page.wait_for_selector("form[data-lc-search-page][data-lc-done]")
        assert result_paths(page, ".lc-search-page__list a")
    page.close()


def test_phone_width(mini_site: Any, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    with serve(mini_site.site) as base:
        page.goto(base + "/index.html")
        assert page.locator("label.md-header__button[for=__search]").is_visible()
        found = type_query(page, "ขอนแก่น")
        assert found[0] == "cities/khon-kaen.html"
        page.wait_for_timeout(500)  # Material slides the search panel in
        box = page.locator(".md-search-result__list li").first.bounding_box()
        assert box and box["x"] >= -0.5 and box["x"] + box["width"] <= 360.5
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_without_javascript_the_search_page_says_so(mini_site: Any, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with serve(mini_site.site) as base:
        page.goto(base + "/search.html?q=x")
        assert "JavaScript" in page.inner_text("article")
        page.goto(base + "/en/search.html")
        assert "Search needs JavaScript" in page.inner_text("article")
    context.close()


def test_material_search_is_not_started(mini_site: Any, browser: Any) -> None:
    page = browser.new_page()
    log = watch(page)
    with serve(mini_site.site) as base:
        page.goto(base + "/index.html")
        page.locator(BOX).focus()
        page.wait_for_timeout(300)
        assert page.evaluate("document.forms.namedItem('search')") is None
        assert not any("search_index" in u or "workers/search" in u for u in log.requests)
        assert not (mini_site.site / "search" / "search_index.json").exists()
    page.close()


def test_a_page_loads_without_the_thai_dictionary(mini_site: Any, browser: Any) -> None:
    """The search script makes its Thai word segmenter (Intl.Segmenter, which loads ICU's Thai
    dictionary) when it first draws a result, not while every page loads: that was the
    longest part of the script's start on a slow phone."""
    page = browser.new_page()
    page.add_init_script(
        """window.__segmenters = 0;
           const Made = Intl.Segmenter;
           Intl.Segmenter = function (...args) { window.__segmenters++; return new Made(...args); };"""
    )
    with serve(mini_site.site) as base:
        page.goto(base + "/cities/yala.html", wait_until="networkidle")
        assert page.evaluate("window.__segmenters") == 0
        assert type_query(page, "ขอนแก่น")[0] == "cities/khon-kaen.html"
        assert page.evaluate("window.__segmenters") == 1
        type_query(page, "ยะลา")
        assert page.evaluate("window.__segmenters") == 1  # made once
    page.close()


def test_index_files_are_per_language(mini_site: Any) -> None:
    site: Path = mini_site.site
    for lang in ("th", "en"):
        manifest = (site / "search" / lang / "manifest.js").read_text(encoding="utf-8")
        prefix = f'LCSearch.register("{lang}","manifest",'
        data = json.loads(manifest[len(prefix) : -3])
        assert data["lang"] == lang and data["docs"] > 5


def _english_words() -> list[str]:
    """The English words of the content and of the repository's own documentation (there even
    when a fork has removed the examples), and 20,000 more forms of them (suffixes added)."""
    import re

    root = Path(__file__).resolve().parent.parent
    texts = [*(root / "content").rglob("*.en.md"), *root.glob("*.md"), *root.glob("docs/*.md")]
    words = sorted(
        {w.lower() for p in texts for w in re.findall(r"[A-Za-z]+", p.read_text(encoding="utf-8"))}
    )
    suffixes = [
        "s",
        "es",
        "ed",
        "ing",
        "ly",
        "ness",
        "ation",
        "ies",
        "ment",
        "er",
        "ity",
        "ive",
        "ful",
        "able",
        "al",
        "izing",
        "ised",
        "ize",
        "ational",
        "ousness",
    ]
    return words + [w + s for w in words for s in suffixes][:20000]


def test_browser_stems_like_python(mini_site: Any, browser: Any) -> None:
    from generator.search.normalize import stem

    words = _english_words()
    page = browser.new_page()
    with serve(mini_site.site) as base:
        page.goto(base + "/index.html")
        got = page.evaluate(
            "async ws => { await LCSearch.stemmerReady(); return ws.map(w => LCSearch.stem(w)); }",
            words,
        )
    page.close()
    assert len(words) > 20000
    assert [w for w, s in zip(words, got) if s != stem(w)] == []


FUZZY = [
    "ขอนแก่น",
    "ขอนแกน",
    "ขอนเก่น",
    "ศึกษา",
    "สึกสา",
    "ลำปาง",
    "รัมปาง",
    "จันทร์",
    "จันท",
    "การทำงาน",
    "การทัมงาน",
    "กรุงเทพ",
    "Khon Kaen",
    "comunity",
    "reslut",
    "เ",
    "ก่",
    "",
]
LEXICON = [
    "ห้องเรียนเมืองขอนแก่น",
    "ขอนแก่น",
    "การศึกษา",
    "ลำปาง",
    "วันจันทร์",
    "การทำงาน",
    "community",
    "result",
    "results",
    "กรุงเทพมหานคร",
]


def test_browser_measures_near_spellings_like_python(mini_site: Any, browser: Any) -> None:
    from search_support.fuzzy import clusters, distance, near_words

    from generator.search.normalize import skeleton

    page = browser.new_page()
    with serve(mini_site.site) as base:
        page.goto(base + "/index.html")
        got = page.evaluate(
            """([words, lexicon]) => words.map(w => [LCSearch.skeleton(w),
            LCSearch.clusters(w), lexicon.map(e => [
              LCSearch.distance(LCSearch.clusters(w).map(c => c[0]),
                                LCSearch.clusters(e).map(c => c[0]), true),
              LCSearch.distance(LCSearch.clusters(w).map(c => c[0]),
                                LCSearch.clusters(e).map(c => c[0]), false)]),
            LCSearch.nearWords(w, lexicon)])""",
            [FUZZY, LEXICON],
        )
    page.close()
    for word, (bare, parts, costs, near) in zip(FUZZY, got):
        assert bare == skeleton(word), word
        assert [tuple(c) for c in parts] == clusters(word), word
        mine = [c for c, _ in clusters(word)]
        for entry, (part, whole) in zip(LEXICON, costs):
            theirs = [c for c, _ in clusters(entry)]
            assert tuple(part) == distance(mine, theirs, True), (word, entry)
            assert tuple(whole) == distance(mine, theirs, False), (word, entry)
        assert [tuple(x) for x in near] == near_words(word, LEXICON), word


@pytest.mark.parametrize(
    "width,start,query,lang",
    [(360, "/index.html", "ขอนเก่น", "th"), (1280, "/en/index.html", "Khon Kean", "en")],
)
def test_a_misspelling_is_no_dead_end(
    mini_site: Any, browser: Any, width: int, start: str, query: str, lang: str
) -> None:
    """The reader sees near hits with what they are and where, "did you mean", and with
    nothing at all, the index pages; in the box and on the search page."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    log = watch(page)
    with serve(mini_site.site) as base:
        page.goto(base + start)
        found = type_query(page, query)
        assert found and found[0].endswith("cities/khon-kaen.html")
        box = page.locator("[data-lc-search]")
        suggestion = box.locator("a[data-lc-suggestion]").first
        assert suggestion.inner_text().lower() in ("ขอนแก่น", "khon kaen")
        where = box.locator(".lc-search__where").first.inner_text()
        assert where == ("เมือง · ขอนแก่น" if lang == "th" else "City · Khon Kaen")
        text = suggestion.inner_text()
        suggestion.click()
        page.wait_for_function(
            "q => document.querySelector('[data-lc-search]').getAttribute('data-lc-done') === q",
            arg=text,
            timeout=15000,
        )
        assert page.locator(BOX).input_value() == text
        first = box.locator(".md-search-result__list > li").first.get_attribute("class")
        assert "lc-search__near" not in first  # exact hits first now
        # Nothing at all: the index pages of the archive.
        assert type_query(page, "qqqqxxxxzzzz") == []
        browse = box.locator(".lc-search__browse a")
        assert browse.count() >= 4
        page.goto(base + start.replace("index.html", "search.html") + "?q=" + query)
        page.wait_for_selector("form[data-lc-search-page][data-lc-done]")
        assert page.locator(".lc-search-page__list .lc-search__where").count()
        assert page.locator("article a[data-lc-suggestion]").count()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert log.external(base) == [] and log.console_errors == []
    page.close()
