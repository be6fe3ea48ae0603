"""Search, Python side: normalisation, keys, postings, extraction, index and ranking."""

from __future__ import annotations

import json
import re

import pytest
from search_support.query import MemoryIndex

from generator.search.extract import BLOCK_BREAK, article_of, combine, head_part, read_page
from generator.search.index import (
    SHARD_TARGET,
    Document,
    build_index,
    cut_shards,
    decode_postings,
    document_terms,
    encode_postings,
    js_order,
    render_files,
    shard_of,
    shards_with_prefix,
    text_terms,
    with_title,
)
from generator.search.normalize import keys, normalize, parse_query, runs
from generator.search.page import make_search_page


def page_html(title: str, body: str, lang: str = "th", extra_head: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title} - Site</title>'
        f'<meta property="og:site_name" content="Site">{extra_head}</head><body>'
        f'<nav>เมนู ไม่ควรค้นเจอ</nav><article class="md-content__inner md-typeset">'
        f'<h1 id="x">{title}<a class="headerlink" href="#x">¶</a></h1>{body}</article>'
        f"<footer>ท้ายหน้า</footer></body></html>"
    )


def index_of(pages: dict[str, tuple[str, str]], lang: str = "th") -> MemoryIndex:
    documents = [
        Document(url, read_page(page_html(title, body, lang)))
        for url, (title, body) in pages.items()
    ]
    return MemoryIndex(build_index(lang, documents))


# --- normalisation ---------------------------------------------------------------------


def test_normalize_keeps_tone_marks_and_vowels() -> None:
    assert normalize("ขอนแก่น") == "ขอนแก่น"
    assert normalize("ขอนแก่น") != normalize("ขอนแกน")
    assert "ก่" in normalize("แก่น")


def test_normalize_removes_spaces_between_thai_only() -> None:
    assert normalize("ตลาด ใต้") == "ตลาดใต้"
    assert normalize("ตลาด\u00a0 \nใต้") == "ตลาดใต้"
    assert normalize("Living Lab") == "living lab"
    assert normalize("เมือง KKTT โมเดล") == "เมือง kktt โมเดล"
    assert normalize("ก" + BLOCK_BREAK + "ข") == "ก" + BLOCK_BREAK + "ข"


def test_normalize_folds_case_width_of_variants_and_invisible_characters() -> None:
    assert normalize("GNLC") == "gnlc"
    assert normalize("ตลาด\u200bใต้") == "ตลาดใต้"
    assert normalize("๒๕๖๓") == "2563"
    assert normalize("น\u0e4d\u0e32") == "น\u0e33"  # ํ + า typed for ำ
    assert normalize("\u0e40\u0e40ก") == "\u0e41ก"  # เ + เ typed for แ
    assert normalize("e\u0301") == "\u00e9"  # NFC


def test_runs_split_scripts() -> None:
    assert list(runs(normalize("KKTTโมเดล, ขอนแก่น 2563"))) == [
        ("w", "kktt"),
        ("t", "โมเดล"),
        ("t", "ขอนแก่น"),
        ("w", "2563"),
    ]


def test_keys_are_ngrams_with_end_sentinel_and_words() -> None:
    assert keys("ขอนแก่น") == ["ขอนแ", "อนแก", "นแก่", "แก่น", "ก่น$", "่น$"]
    assert keys("ขอนแก่น", gram=3) == ["ขอน", "อนแ", "นแก", "แก่", "ก่น", "่น$"]
    assert keys("นา") == ["นา$"]
    assert keys("ก") == []
    # Words as their Snowball stem (living → live), pairs of stems.
    assert keys("Living Labs 2020 a") == ["live", "lab", "2020", "live lab", "lab 2020"]
    assert keys("Lab ตลาด Living") == ["lab", "ตลาด", "ลาด$", "าด$", "live"]  # no pair


def test_query_terms() -> None:
    [term] = parse_query("หัวหิน")
    assert term.exact == ["หัวห", "วหิน"] and not term.prefix
    [term] = parse_query("ขอนแก่น")  # every other 4-gram and the last, covering it
    assert term.exact == ["ขอนแ", "นแก่", "แก่น"]
    [term] = parse_query("ใต้")
    assert term.prefix == "ใต้" and not term.exact
    [term] = parse_query("นา")
    assert term.prefix == "นา" and not term.exact
    assert parse_query("ก") == []
    living, labs = parse_query("Living Labs")
    assert (living.exact, living.prefix, labs.exact, labs.prefix) == (["live"], "", ["lab"], "labs")
    assert parse_query("lab ")[0].prefix == ""


def test_shards_are_even_and_every_key_is_where_the_bounds_say() -> None:
    # A common prefix (กา…) with long postings, rare keys, word pairs, a key beyond U+FFFF.
    encoded = {f"กา{chr(0x0E01 + i % 40)}{chr(0x0E01 + i // 40)}": "A" * 300 for i in range(400)}
    encoded.update({f"word{i:04}": "B" * (i % 50) for i in range(2000)})
    encoded.update({"living lab": "C", "\U0001f642x": "D", "\uff46x": "E"})
    groups, bounds = cut_shards(encoded)
    assert len(groups) == len(bounds) + 1 > 15
    sizes = [sum(len(k.encode()) + len(v) + 6 for k, v in g.items()) for g in groups]
    assert max(sizes) <= SHARD_TARGET + 400 and min(sizes[:-1]) > SHARD_TARGET * 0.9
    assert bounds == sorted(bounds, key=js_order)
    # Each bound is the shortest prefix of its shard's first key that the previous shard's
    # keys are all below.
    for bound, group, before in zip(bounds, groups[1:], groups):
        first, last = min(group, key=js_order), max(before, key=js_order)
        assert first.startswith(bound) and js_order(last) < js_order(bound)
        assert js_order(bound[:-1]) <= js_order(last)
    for n, group in enumerate(groups):
        for key in group:
            assert shard_of(key, bounds) == n, key
    for prefix in ("กา", "กาก", "wo", "word1", "word19", "living", "\U0001f642", "zz"):
        holding = {n for n, g in enumerate(groups) for k in g if k.startswith(prefix)}
        assert holding <= set(shards_with_prefix(prefix, bounds)), prefix
    assert len(shards_with_prefix("word19", bounds)) <= 2


# --- postings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postings",
    [
        [],
        [(0, 1, False)],
        [(0, 1, True), (1, 2, False), (40, 4000, True), (100000, 7, False)],
    ],
)
def test_postings_round_trip(postings: list[tuple[int, int, bool]]) -> None:
    text = encode_postings(postings)
    assert re.fullmatch(r"[A-Za-z0-9_-]*", text)
    assert decode_postings(text) == postings


# --- extraction ------------------------------------------------------------------------


def test_read_page_takes_the_article_only() -> None:
    page = read_page(
        page_html(
            "ยะลา",
            "<p>เมือง<b>ยะลา</b>ออกแบบ</p><script>x=1</script>"
            "<div data-lc-search-ignore><p>ข้ามส่วนนี้</p></div>",
        )
    )
    assert page.title == "ยะลา"
    assert "เมืองยะลาออกแบบ" in page.body
    assert "เมนู" not in page.body and "ท้ายหน้า" not in page.body
    assert "ข้ามส่วนนี้" not in page.body and "x=1" not in page.body and "¶" not in page.body
    assert page.headings == ["ยะลา"] and page.indexable


def test_read_page_skips_fallback_text_on_translated_sites() -> None:
    html = page_html(
        "About", '<p>Not translated yet.</p><div lang="th"><p>ภาษาไทย</p></div>', lang="en"
    )
    assert "ภาษาไทย" not in read_page(html, {"th"}).body
    assert "ภาษาไทย" in read_page(html).body


@pytest.mark.parametrize(
    "head,body_attr",
    [
        ('<meta name="robots" content="noindex">', ""),
        ('<meta http-equiv="refresh" content="0; url=x.html">', ""),
        ("", " data-lc-search-ignore"),
    ],
)
def test_read_page_skips_redirects_and_ignored_pages(head: str, body_attr: str) -> None:
    html = page_html("x", "<p>y</p>", extra_head=head).replace("<body>", f"<body{body_attr}>")
    assert not read_page(html).indexable


def test_blocks_do_not_run_together() -> None:
    page = read_page(page_html("t", "<h2>ขอนแก่น</h2><p>เมืองน่าอยู่</p>"))
    built = build_index("th", [Document("a.html", page)])
    assert not [k for k in built.postings if "นเ" in k]  # no key across heading and paragraph


@pytest.mark.parametrize(
    "content,head,body_attr",
    [
        ('<h1 id="y">ยะลา<a class="headerlink" href="#y">¶</a></h1><p>เมือง<b>ยะลา</b></p>', "", ""),
        ("<h2>ขอนแก่น</h2><p>เมืองน่าอยู่ Living Lab</p>", "", ""),  # Material adds the <h1>
        ("<p>y</p>", '<meta name="robots" content="noindex">', ""),
        ("<p>y</p>", "", " data-lc-search-ignore"),
    ],
)
def test_reading_content_then_head_equals_reading_the_built_page(
    content: str, head: str, body_attr: str
) -> None:
    """The helper reads a page's content as soon as MkDocs renders it and the head once the
    page is built: the same page and keys as reading the built page whole."""
    title = "หน้าทดสอบ"
    article = content if "<h1" in content else f"<h1>{title}</h1>{content}"
    whole = (
        f'<!doctype html><html lang="th"><head><title>{title} - Site</title>{head}'
        f'<meta property="og:site_name" content="Site"></head><body{body_attr}><nav>เมนู</nav>'
        f'<article class="md-content__inner md-typeset">{article}</article>'
        f"<footer>ท้าย</footer></body></html>"
    )
    expected = read_page(whole)
    from_parts = combine(read_page(head_part(whole)), read_page(article_of(content, title)))
    assert from_parts.indexable == expected.indexable
    if expected.indexable:  # a page that is not indexed is not read further
        assert from_parts == expected
        assert with_title(
            text_terms(read_page(article_of(content, title))), from_parts.title
        ) == document_terms(expected)


# --- ranking ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def thai() -> MemoryIndex:
    return index_of(
        {
            "market.html": ("ตลาดใต้", "<p>ชุมชนตลาดใต้ร่วมกันฟื้นฟูย่านการค้าเก่าของเมือง</p>"),
            "huahin.html": ("หัวหิน", "<p>เทศบาลเมืองหัวหินจัดพื้นที่การเรียนรู้ริมทะเล</p>"),
            "head.html": ("หัวข้อ", "<p>หัวข้อการประชุมของสภาเมืองและหินก้อนใหญ่</p>"),
            "kk.html": ("ขอนแก่น", "<p>เมืองขอนแก่นใช้ห้องเรียนเมืองและ Living Lab ร่วมกับ KKTT</p>"),
            "kk2.html": ("งานวิจัย", "<p>ผู้คนในขอนแก่นและการเดินทางของเมือง</p>"),
            "en.html": ("Metaverse", "<p>The Metaverse classroom project of the GNLC</p>"),
            "pak.html": ("ปากช่อง", "<p>ปากช่องมีงบประมาณสำหรับห้องเรียนเมือง</p>"),
        }
    )


def test_word_inside_an_unspaced_run_is_found(thai: MemoryIndex) -> None:
    assert thai.urls("ตลาดใต้")[0] == "market.html"
    assert thai.urls("ฟื้นฟูย่าน") == ["market.html"]  # middle of a run
    assert thai.urls("ร่วมกันฟื้นฟู") == ["market.html"]  # crosses newmm word boundaries
    assert thai.urls("ตลาด ใต้")[0] == "market.html"  # reader's own spaces


def test_huahin_is_not_searched_as_hua(thai: MemoryIndex) -> None:
    assert thai.urls("หัวหิน") == ["huahin.html"]
    assert "head.html" in thai.urls("หัว")


def test_tone_marks_are_kept(thai: MemoryIndex) -> None:
    assert thai.urls("ขอนแกน", fuzzy=False) == []
    assert thai.urls("ขอนแก่น")[:2] == ["kk.html", "kk2.html"]  # title first


def test_two_character_query_is_a_prefix_lookup(thai: MemoryIndex) -> None:
    assert "pak.html" in thai.urls("ปา")
    assert set(thai.urls("ทะ")) == {"huahin.html"}


def test_all_terms_required_and_mixed_queries(thai: MemoryIndex) -> None:
    assert thai.urls("ขอนแก่น KKTT") == ["kk.html"]
    assert thai.urls("living lab") == ["kk.html"]
    assert thai.urls("metaverse gnlc") == ["en.html"]
    assert thai.urls("metav") == ["en.html"]  # the open last word is a prefix
    assert thai.urls("metav ") == []  # a finished word is not
    assert thai.urls("ขอนแก่น Metaverse") == []


def test_title_matches_rank_first(thai: MemoryIndex) -> None:
    hits = thai.search("ห้องเรียนเมือง")
    assert {h.tier for h in hits} == {1}
    assert thai.search("ปากช่อง")[0].tier == 0


def test_phrase_matches_rank_first() -> None:
    index = index_of(
        {
            "apart.html": ("Notes", "<p>The lab was living proof. Lab lab living living.</p>"),
            "phrase.html": ("Report", "<p>A living lab in the city.</p>"),
        },
        lang="en",
    )
    assert index.urls("living lab") == ["phrase.html", "apart.html"]
    assert index.urls("lab living") == ["apart.html", "phrase.html"]


def test_render_files_are_registered_scripts() -> None:
    built = build_index(
        "th",
        [
            Document(f"p{i}.html", read_page(page_html(f"หน้า {i}", f"<p>เนื้อหาที่ {i} ขอนแก่น</p>")))
            for i in range(40)
        ],
    )
    files = render_files(built)
    manifest = files["manifest.js"]
    assert manifest.startswith('LCSearch.register("th","manifest",')
    data = json.loads(manifest[len('LCSearch.register("th","manifest",') : -3])
    assert data["docs"] == 40 and data["chunks"][0] == 0
    assert all(f"s/{n}.js" in files for n in range(data["shards"]))
    assert len(data["bounds"]) == data["shards"] - 1
    assert len([f for f in files if f.startswith("d/")]) == len(data["chunks"])


def test_search_page_from_home_page() -> None:
    home = (
        page_html("หน้าแรก", "<p>ยินดีต้อนรับ</p>")
        .replace(
            "<nav>",
            '<div data-lc-search data-lc-labels=\'{"title": "ค้นหา", '
            '"label": "ค้นหาในคลัง", "nojs": "ต้องใช้ JavaScript"}\'></div><nav>',
        )
        .replace(
            "</head>",
            '<link rel="alternate" href="en/index.html" hreflang="en">'
            '<script type="application/ld+json">{}</script></head>',
        )
    )
    out = make_search_page(home)
    assert "<title>ค้นหา - Site</title>" in out
    assert "ยินดีต้อนรับ" not in out and "ld+json" not in out
    assert 'href="en/search.html" hreflang="en"' in out
    assert "data-lc-search-page" in out and "ต้องใช้ JavaScript" in out


def test_search_js_reads_the_index_format_python_writes() -> None:
    from pathlib import Path

    from generator.search.index import FORMAT

    script = (
        Path(__file__).resolve().parent.parent / "theme" / "assets" / "javascripts" / "search.js"
    ).read_text(encoding="utf-8")
    assert re.search(r"var FORMAT = (\d+);", script).group(1) == str(FORMAT)  # type: ignore[union-attr]


# --- forgiving search: skeletons, stems, names, near spellings ---------------------------


def test_skeleton_folds_what_readers_confuse() -> None:
    from generator.search.normalize import skeleton, skeleton_keys

    assert skeleton("ขอนแก่น") == skeleton("ขอนแกน") == "ขอนแกน"  # tone marks
    assert skeleton("ศึกษา") == skeleton("สึกสา")  # ศ/ษ/ส
    assert skeleton("ลำปาง") == skeleton("รัมปาง")  # ร/ล, ำ = ั + ม
    assert skeleton("จันทร์") == skeleton("จันท")  # การันต์
    assert skeleton("ตลาดใต้") != skeleton("ตลาดไต")  # vowels are kept
    assert skeleton_keys("t", "ขอนแก่น") == ["~นแกน", "~แกน$", "~กน$"]
    assert skeleton_keys("t", "ยะ") == [] and skeleton_keys("w", "lab") == []


def test_words_are_stemmed_alike_in_index_and_query() -> None:
    from generator.search.normalize import joined_keys, stem

    assert stem("budgets") == stem("budgeting") == stem("budget") == "budget"
    assert stem("2563") == "2563" and stem("école") == "école"
    assert [t.exact for t in parse_query("living labs")] == [["live"], ["lab"]]
    assert joined_keys(["Khon Kaen", "Nakhon Si Thammarat", "ขอนแก่น"]) == [
        "khonkaen",
        "nakhonsi",
        "nakhonsithammarat",
        "sithammarat",
    ]


NAMED = (
    '<meta name="lc:kind" content="เมือง"><meta name="lc:city" content="ขอนแก่น">'
    '<meta name="lc:names" content="ขอนแก่น | Khon Kaen | khonkaen old">'
    '<meta name="lc:places" content="ขอนแก่น | Khon Kaen">'
)


def test_kind_city_and_names_come_from_the_head() -> None:
    page = read_page(page_html("ขอนแก่น", "<p>เมือง</p>", extra_head=NAMED))
    assert (page.kind, page.city) == ("เมือง", "ขอนแก่น")
    assert page.names == ["ขอนแก่น", "Khon Kaen", "khonkaen old"]
    assert page.places == ["ขอนแก่น", "Khon Kaen"]
    whole = page_html("ขอนแก่น", "<p>เมือง</p>", extra_head=NAMED)
    parts = combine(read_page(head_part(whole)), read_page(article_of("<p>เมือง</p>", "ขอนแก่น")))
    assert (parts.kind, parts.city, parts.names, parts.places) == (
        page.kind,
        page.city,
        page.names,
        page.places,
    )


def named_index(lang: str = "th") -> MemoryIndex:
    heads = {
        "kk.html": NAMED,
        "kk-project.html": NAMED.replace('content="เมือง"', 'content="โครงการวิจัย"').replace(
            "ขอนแก่น | Khon Kaen | khonkaen old", "ห้องเรียนเมือง | City classroom"
        ),
        "yala.html": "",
    }
    bodies = {
        "kk.html": ("ขอนแก่น", "<p>เมืองในภาคอีสาน มีงบประมาณเพื่อการศึกษา</p>"),
        "kk-project.html": ("ห้องเรียนเมือง", "<p>การทำงานของเทศบาล</p>"),
        "yala.html": ("ยะลา", "<p>เมืองแห่งการเรียนรู้ในภาคใต้ มีงบประมาณ</p>"),
    }
    documents = [
        Document(url, read_page(page_html(title, body, lang, heads[url])))
        for url, (title, body) in bodies.items()
    ]
    return MemoryIndex(build_index(lang, documents))


def test_names_in_both_scripts_and_written_together() -> None:
    index = named_index()
    assert index.urls("Khon Kaen", fuzzy=False)[0] == "kk.html"  # own name ranks first
    assert set(index.urls("Khon Kaen", fuzzy=False)) == {"kk.html", "kk-project.html"}
    assert index.urls("khonkaen", fuzzy=False)[0] == "kk.html"
    assert index.urls("City classroom", fuzzy=False) == ["kk-project.html"]


def test_near_spellings_rank_below_exact_hits() -> None:
    index = named_index()
    hits = index.search("ขอนเก่น")  # one wrong vowel
    assert hits and hits[0].near == "ขอนแก่น" and all(h.tier >= 4 for h in hits)
    assert index.suggestions("ขอนเก่น") == ["ขอนแก่น"]
    assert index.urls("ขอนแกน")[0] == "kk.html"  # tone mark left out
    assert index.urls("การทัมงาน") == ["kk-project.html"]  # ำ typed ั + ม
    assert index.urls("การสึกสา") == ["kk.html"]  # ศ/ษ typed ส
    # A query with exact hits keeps them first, in their own order.
    exact = index.urls("งบประมาณ", fuzzy=False)
    assert index.urls("งบประมาณ")[: len(exact)] == exact
    assert index.urls("ไม่มีคำนี้เลยจริงๆ") == [] and index.suggestions("zzzzqqq") == []


def test_thai_words_typed_apart_are_found_and_corrected_one_by_one() -> None:
    """Thai words with a space between them are one run to the exact search (pages run their
    words together), which finds them only where they stand together. Where they do not, each
    word is then required on its own; and with tone marks left out, each is corrected on its
    own: the run as a whole is near no word of the archive."""
    index = named_index()
    hits = index.search("ขอนแก่น เมืองในภาคอีสาน", fuzzy=False)  # not side by side: apart
    assert [(index.index.documents[h.doc].url, h.tier) for h in hits] == [("kk.html", 3)]
    assert index.search("เมืองในภาค อีสาน", fuzzy=False)[0].tier == 1  # side by side, typed apart
    assert index.urls("ขอนแกน เมืองในภาคอีสาน")[0] == "kk.html"
    assert index.suggestions("ขอนแกน เมืองในภาคอีสาน") == ["ขอนแก่น เมืองในภาคอีสาน"]
    assert index.urls("ขอนแกน เมืองในภาคอีสาน ")[0] == "kk.html"  # a space typed after
    assert index.urls("ยะลา ขอนแก่น") == []  # every word is still required


def test_weighted_distance_over_clusters() -> None:
    from search_support.fuzzy import clusters, distance, near_words

    def cost(a: str, b: str, part: bool = False) -> float:
        return distance([c for c, _ in clusters(a)], [c for c, _ in clusters(b)], part)[0]

    assert clusters("ก่อนทำ") == [("ก่", "ก่"), ("อ", "อ"), ("น", "น"), ("ทั", "ท"), ("ม", "ำ")]
    assert cost("ขอนแกน", "ขอนแก่น") == 0.25  # a tone mark is cheap
    assert cost("สึกสา", "ศึกษา") == 0.5  # two letters read alike
    assert cost("จันท", "จันทร์") == 0.25  # การันต์ left out
    assert cost("การทัมงาน", "การทำงาน") == 0.0  # ำ = ั + ม
    assert cost("ขอนเก่น", "ขอนแก่น") == 1.0  # any other change of one cluster
    assert cost("comunity", "community") == 1.0 and cost("reslut", "result") == 1.0
    assert cost("ขอนเก่น", "ห้องเรียนเมืองขอนแก่น", part=True) == 1.0
    lexicon = ["ห้องเรียนเมืองขอนแก่น", "ขอนแก่น", "community", "communal"]
    assert near_words("ขอนเก่น", lexicon) == [(1.0, "ขอนแก่น")]
    assert near_words("comunity", lexicon) == [(1.0, "community")]
    assert near_words("ขอ", lexicon) == []  # too short to guess


def test_lexicon_and_result_rows() -> None:
    index = named_index().index
    assert "ขอนแก่น" in index.lexicon and "khon" in index.lexicon
    files = render_files(index)
    assert files["lexicon.js"].startswith('LCSearch.register("th","lexicon",[')
    rows = json.loads(files["d/0.js"][len('LCSearch.register("th","d0",') : -3])
    assert rows[0][3:] == ["เมือง", "ขอนแก่น"] and len(rows[2]) == 3  # no kind, no city


def test_browser_stemmer_is_generated_from_the_installed_snowballstemmer() -> None:
    from generator.search.stemmer_js import TARGET, generate

    assert TARGET.read_text(encoding="utf-8") == generate(), (
        "run: .venv/bin/python -m generator.search.stemmer_js"
    )
