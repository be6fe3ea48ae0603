"""Recall in Chromium: words and 2–3-word phrases sampled from every built page (PyThaiNLP's
newmm picks them; the search never segments), typed into the header search box as a reader
would; the page must be among the first 10 results for at least 98% of them. Plus fixed
queries whose expected pages are known from the content."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import serve, watch
from search_support.misspell import misspelt_samples
from search_support.query import MemoryIndex
from search_support.sample import sample_queries
from test_search_browser import type_query

from generator.search import build_language
from generator.search.normalize import normalize, runs, stem

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGUAGES = ["th", "en"]
START = {"th": "/index.html", "en": "/en/index.html"}
# From the issue; used when the content has them (forks and an empty archive may not).
FIXED = {
    "th": [
        "ขอนแก่น",
        "ตลาดใต้",
        "หัวหิน",
        "ปากช่อง",
        "เทศบาล",
        "งบประมาณ",
        "พื้นที่การเรียนรู้",
        "ห้องเรียนเมือง",
        "Living Lab",
        "Metaverse",
        "GNLC",
        "KKTT",
    ],
    "en": [
        "Khon Kaen",
        "Hua Hin",
        "Pak Chong",
        "municipality",
        "Living Lab",
        "Metaverse",
        "GNLC",
        "KKTT",
    ],
}


def _site(request: pytest.FixtureRequest, name: str) -> Any:
    return request.getfixturevalue(name)


@pytest.mark.parametrize("site_name", ["mini_site", "real_site"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_of_sampled_words_and_phrases(
    request: pytest.FixtureRequest, browser: Any, site_name: str, lang: str
) -> None:
    site = _site(request, site_name).site
    documents = build_language(site, LANGUAGES, lang).documents
    samples = sample_queries(documents, lang)
    if len(documents) < 3 or not samples:
        pytest.skip(f"{site_name} has no {lang} pages with text yet")
    page = browser.new_page()
    log = watch(page)
    misses = []
    with serve(site) as base:
        page.goto(base + START[lang])
        for sample in samples:
            found = type_query(page, sample.query)
            if sample.url not in found:
                misses.append((sample.query, sample.url, found[:3]))
        assert log.external(base) == []
        assert log.console_errors == []
    page.close()
    recall = 1 - len(misses) / len(samples)
    print(
        f"\n{site_name} {lang}: {len(samples)} queries from {len(documents)} pages, "
        f"recall@10 {recall:.2%}; misses: {misses[:20]}"
    )
    assert recall >= 0.98, misses


def _has(query: str, text: str) -> bool:
    """The text has the query as the search matches it: Thai as a piece of the text, other
    words as a word of the same stem."""
    stems = {stem(w) for kind, w in runs(text) if kind == "w"}
    return all(
        run in text if kind == "t" else stem(run) in stems for kind, run in runs(normalize(query))
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fixed_queries(real_site: Any, browser: Any, lang: str) -> None:
    site = real_site.site
    documents = build_language(site, LANGUAGES, lang).documents
    # What the index holds of a page: its title, text, own names and its cities' names.
    texts = {
        d.url: normalize("\u2029".join([d.page.title, d.page.body, *d.page.names, *d.page.places]))
        for d in documents
    }
    titles = {d.url: normalize(" | ".join([d.page.title, *d.page.names])) for d in documents}
    page = browser.new_page()
    used = []
    with serve(site) as base:
        page.goto(base + START[lang])
        for query in FIXED[lang]:
            q = normalize(query)
            having = [url for url, text in texts.items() if _has(q, text)]
            if not having:
                continue  # not in this archive's content
            used.append(query)
            found = type_query(page, query)
            assert found, query
            # Every result has the query (all of it, not a piece such as หัว for หัวหิน).
            assert all(_has(q, texts[url]) for url in found), (query, found)
            in_title = [url for url in having if _has(q, titles[url])]
            if in_title:
                assert found[0] in in_title, (query, found[:3], in_title)
            if len(having) <= 10:
                assert set(having) <= set(found), (query, having, found)
    page.close()
    print(f"\n{lang}: fixed queries found in the content: {used}")
    if len(documents) > 20:
        assert used, "none of the fixed queries occurs in the content"


def _query_all(page: Any, queries: list[str]) -> list[list[str]]:
    """Each query's first 10 result paths, from LCSearch.query (the engine behind the box)."""
    return page.evaluate(
        """async qs => { await LCSearch.stemmerReady(); const out = [];
        for (const q of qs) out.push((await LCSearch.query(q, 10)).map(r => r.url));
        return out; }""",
        queries,
    )


@pytest.mark.parametrize("site_name", ["mini_site", "real_site"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_recall_of_misspellings(
    request: pytest.FixtureRequest, browser: Any, site_name: str, lang: str
) -> None:
    """Every confusion rule (search_support/misspell.py) applied to sampled words and to the
    pages' names: the page is among the first 10 results for ≥ 95% of the misspellings that
    are not themselves words of the archive. A misspelling that is another word (ขาว for
    ข้าว) finds that word's pages first — as it must — and is reported apart."""
    site = _site(request, site_name).site
    index = build_language(site, LANGUAGES, lang)
    reference = MemoryIndex(index)
    samples = misspelt_samples(index.documents, lang)
    if len(samples) < 20:
        pytest.skip(f"{site_name} has too few {lang} words and names to misspell")
    page = browser.new_page()
    with serve(site) as base:
        page.goto(base + START[lang])
        found = _query_all(page, [query for _rule, query, _url in samples])
    page.close()
    counts: dict[bool, list[int]] = {True: [0, 0], False: [0, 0]}
    misses = []
    for (rule, query, url), urls in zip(samples, found):
        assert urls == reference.urls(query, 10), (query, urls)  # the browser is the reference
        real_word = bool(reference.urls(query, 10, fuzzy=False))
        counts[real_word][0] += url in urls
        counts[real_word][1] += 1
        if not real_word and url not in urls:
            misses.append((rule, query, url))
    recall = counts[False][0] / max(1, counts[False][1])
    print(
        f"\n{site_name} {lang}: misspellings {counts[False][1]}, recall@10 {recall:.1%}; "
        f"misspellings that are words of the archive: {counts[True][0]}/{counts[True][1]} "
        f"found; misses: {misses[:20]}"
    )
    assert recall >= 0.95, misses


@pytest.mark.parametrize("lang", LANGUAGES)
def test_exact_hits_stay_on_top(real_site: Any, browser: Any, lang: str) -> None:
    """Precision: for sampled words and phrases, the exact hits come first, in the order
    they had before near spellings were looked for; near hits only after them."""
    site = real_site.site
    index = build_language(site, LANGUAGES, lang)
    reference = MemoryIndex(index)
    samples = sample_queries(index.documents, lang)
    if not samples:
        pytest.skip(f"no {lang} pages with text yet")
    page = browser.new_page()
    with serve(site) as base:
        page.goto(base + START[lang])
        found = _query_all(page, [s.query for s in samples])
    page.close()
    for sample, urls in zip(samples, found):
        exact = reference.urls(sample.query, 10, fuzzy=False)
        assert urls[: len(exact)] == exact, (sample.query, urls, exact)
