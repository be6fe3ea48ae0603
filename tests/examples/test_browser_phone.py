"""The real archive on a phone and a desk, measured in Chromium: the projects table as cards,
its filters (big, bordered, written into the page so nothing moves), and the map (numbered
pins that match the list beside them, big enough to tap, reachable by keyboard, with a key).

Like everything in tests/examples/, it reads this archive's own pages: `remove-examples`
removes it with them."""

from __future__ import annotations

import pytest
from browser_support import serious_accessibility_violations, serve
from conftest import Project

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}
DESK = {"width": 1280, "height": 800}

# WCAG 1.4.11: a control's border against the page, at least 3:1.
CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let e = el.parentElement; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (!c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") { bg = c; break; }
  }
  const a = lum(rgb(getComputedStyle(el).borderTopColor)), b = lum(rgb(bg || "rgb(255,255,255)"));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_projects_are_cards_on_a_phone_and_a_table_on_a_desk(
    real_site: Project, browser, prefix: str
) -> None:
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{base}/{prefix}projects/index.html", wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # The header row is a row of sort buttons, each big enough to tap.
        sorts = page.locator("table.lc-projects thead .lc-sort")
        assert sorts.count() == 6
        assert all(
            box["height"] >= 44
            for box in sorts.evaluate_all("bs => bs.map(b => b.getBoundingClientRect().toJSON())")
        )
        rows = page.locator("table.lc-projects tbody tr")
        assert rows.count() >= 20
        boxes = rows.evaluate_all("rs => rs.map(r => r.getBoundingClientRect().width)")
        assert min(boxes) >= 300  # a card the width of the screen, not a squeezed column
        # Every value has its column's name beside it, and room for whole words.
        cells = page.evaluate(
            """() => [...document.querySelectorAll('table.lc-projects td[data-label]')]
                 .filter(td => td.textContent.trim())
                 .map(td => ({label: getComputedStyle(td, '::before').content,
                              room: td.clientWidth - parseFloat(getComputedStyle(td).paddingLeft)}))"""
        )
        assert cells and all(cell["label"] not in ("none", '""') for cell in cells)
        assert min(cell["room"] for cell in cells) >= 180
        page.close()

        page = browser.new_page(viewport=DESK)
        page.goto(f"{base}/{prefix}projects/index.html", wait_until="networkidle")
        assert page.eval_on_selector("table.lc-projects", "t => getComputedStyle(t).display") == (
            "table"
        )
        title = page.eval_on_selector(
            "table.lc-projects th", "th => th.getBoundingClientRect().width"
        )
        assert title >= 200  # the title column is never a sliver
        page.close()


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["360", "1280"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_sort_buttons_take_no_more_room_than_they_show(
    real_site: Project, browser, prefix: str, viewport: dict[str, int]
) -> None:
    """Each column header of the projects table is as big as its sort button (and the cell's
    padding): nothing unseen beside or under it widens the row of buttons on a phone or
    leaves an empty band under the header on a desk."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=viewport)
        page.goto(f"{base}/{prefix}projects/index.html", wait_until="networkidle")
        page.locator("table.lc-projects thead").hover()
        oversized = page.eval_on_selector_all(
            "table.lc-projects thead th",
            """ths => ths.flatMap(th => {
                 const s = getComputedStyle(th), b = th.querySelector('.lc-sort');
                 const cell = th.getBoundingClientRect(), button = b.getBoundingClientRect();
                 const padY = parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
                 const spare = cell.height - padY - button.height;
                 const wide = s.display === 'block' ? cell.width - button.width : 0;
                 return spare > 1 || wide > 1 ? [`${th.textContent.trim()}: ${Math.round(spare)} px `
                   + `under, ${Math.round(wide)} px beside its button`] : [];
               })""",
        )
        page.close()
    assert oversized == []


# Where the filters, the projects table, its header's sort labels and its first rows are, to
# the half pixel.
TABLE_GEOMETRY = """() => [...document.querySelectorAll(
    '.lc-filters :is(input, select), .lc-filter-status, table.lc-projects thead th,'
    + 'table.lc-projects .lc-sort, table.lc-projects tbody tr:nth-child(-n+3)')]
  .map(e => { const r = e.getBoundingClientRect();
              return [r.x, r.y, r.width, r.height].map(v => Math.round(v * 2) / 2); })"""


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["360", "1280"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_table_does_not_move_when_its_script_arrives(
    real_site: Project, browser, prefix: str, viewport: dict[str, int]
) -> None:
    """The scripts run after the page is read (theme/main.html), so a reader may see the table
    before tables.js wires its filters and turns its header labels into sort buttons: filters
    and labels are in the page already, laid out as they will be, and nothing moves."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=viewport)
        page.route("**/tables.js", lambda route: route.abort())
        page.goto(f"{base}/{prefix}projects/index.html", wait_until="networkidle")
        assert page.locator("table.lc-projects thead button").count() == 0
        before = page.evaluate(TABLE_GEOMETRY)
        page.close()
        page = browser.new_page(viewport=viewport)
        page.goto(f"{base}/{prefix}projects/index.html", wait_until="networkidle")
        assert page.locator("table.lc-projects thead button.lc-sort").count() == 6
        after = page.evaluate(TABLE_GEOMETRY)
        page.close()
    assert len(before) == len(after) == 6 + 1 + 6 + 6 + 3
    assert before == after


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["360", "1280"])
def test_filters_are_big_bordered_and_in_the_readers_order(
    real_site: Project, browser, viewport: dict[str, int]
) -> None:
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=viewport)
        page.goto(f"{base}/projects/index.html", wait_until="networkidle")
        controls = page.locator(".lc-filters :is(select, input)")
        assert controls.count() == 6  # the text filter and one per filterable column
        for index in range(controls.count()):
            control = controls.nth(index)
            box = control.bounding_box()
            assert box is not None and box["height"] >= 44, box
            assert control.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)") >= 1
            assert control.evaluate(CONTRAST) >= 3
        # The choices are in the reader's alphabetical order, "all" first.
        options = page.locator(".lc-filters select[name=city] option").all_inner_texts()
        assert options[0] == "ทั้งหมด"
        in_order = page.evaluate("o => o.slice().sort((a, b) => a.localeCompare(b, 'th'))", options)
        assert options[1:] == [option for option in in_order if option != options[0]]
        page.close()


def test_the_map_pins_are_numbered_tappable_and_match_the_list(real_site: Project, browser) -> None:
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{base}/cities/index.html", wait_until="networkidle")
        pins = page.eval_on_selector_all(
            ".lc-map .lc-marker",
            """ms => ms.map(m => {
                 const hit = m.querySelector('.lc-marker__hit').getBoundingClientRect();
                 const dot = m.querySelector('.lc-marker__dot').getBoundingClientRect();
                 return {n: m.querySelector('.lc-marker__n').textContent,
                         href: m.getAttribute('href'), label: m.getAttribute('aria-label'),
                         w: hit.width, h: hit.height,
                         x: dot.x + dot.width / 2, y: dot.y + dot.height / 2, r: dot.width / 2};
               })""",
        )
        listed = page.eval_on_selector_all(
            ".lc-map__list li",
            "ls => ls.map(l => ({n: l.value, href: l.querySelector('a').getAttribute('href'),"
            " name: l.querySelector('a').textContent}))",
        )
        assert len(pins) == len(listed) >= 18
        for pin, item in zip(sorted(pins, key=lambda p: int(p["n"])), listed, strict=True):
            assert int(pin["n"]) == item["n"] and pin["href"] == item["href"]
            assert pin["label"].startswith(f"{item['n']}. {item['name']}")
            assert pin["w"] >= 24 and pin["h"] >= 24  # WCAG 2.5.8 target size
        # No pin covers another's number.
        for i, a in enumerate(pins):
            for b in pins[i + 1 :]:
                gap = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
                assert gap >= a["r"] + b["r"] - 0.5, (a["n"], b["n"])
        # The key names each kind of mark the map shows.
        key = page.locator(".lc-map__key li").all_inner_texts()
        assert any("GNLC" in text for text in key) and any("2563" in text for text in key)
        # A keyboard reaches the pins, and the pin in focus is drawn differently.
        for _ in range(400):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('.lc-marker')"):
                break
        else:
            pytest.fail("no map pin could be reached with the Tab key")
        stroke = page.evaluate(
            "getComputedStyle(document.activeElement.querySelector('.lc-marker__hit')).strokeWidth"
        )
        assert float(stroke.removesuffix("px")) > 0
        page.close()


def test_the_home_page_shows_the_map_with_its_key(real_site: Project, browser) -> None:
    with serve(real_site.site) as base:
        for prefix in ("", "en/"):
            page = browser.new_page(viewport=PHONE)
            page.goto(f"{base}/{prefix}index.html", wait_until="networkidle")
            picture = page.locator(".lc-map--home .lc-map__picture > svg")
            box = picture.bounding_box()
            assert box is not None and box["width"] >= 300
            assert page.locator(".lc-map--home .lc-marker").count() >= 18
            assert page.locator(".lc-map--home .lc-map__key li").count() >= 3
            # The list is one tap away.
            page.click(".lc-map__more summary")
            assert page.locator(".lc-map__more .lc-map__list a").first.is_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            page.close()


# Every page kind of the real archive, for the WCAG 2.2 checks below.
WCAG_PAGES = [
    "index.html",
    "cities/index.html",
    "cities/khon-kaen.html",
    "projects/index.html",
    "projects/khlong-phadung-krung-kasem.html",
    "lessons/index.html",
    "lessons/living-lab-to-participatory-budgeting.html",
    "events/index.html",
    "themes/index.html",
    "about.html",
    "sources/index.html",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_wcag_22_aa_on_a_phone_target_size_included(
    real_site: Project, browser, prefix: str
) -> None:
    """axe-core with the WCAG 2.2 AA rules switched on (target size 2.5.8 is off by default)."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        problems = []
        for path in WCAG_PAGES:
            page.goto(f"{base}/{prefix}{path}", wait_until="networkidle")
            problems += [
                f"{prefix}{path}: {v}" for v in serious_accessibility_violations(page, WCAG_TAGS)
            ]
        page.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_focus_is_never_hidden_under_the_header(real_site: Project, browser, prefix: str) -> None:
    """WCAG 2.4.11: tabbing through a page on a phone, the focused element is never entirely
    covered by the sticky header (or anything else drawn over it)."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        hidden = []
        for path in ("cities/khon-kaen.html", "projects/index.html", "index.html"):
            page.goto(f"{base}/{prefix}{path}", wait_until="networkidle")
            for _ in range(60):
                page.keyboard.press("Tab")
                covered = page.evaluate(COVERED)
                if covered:  # a panel may still be sliding away
                    page.wait_for_timeout(700)
                    covered = page.evaluate(COVERED)
                if covered:
                    hidden.append(f"{prefix}{path}: {covered}")
        page.close()
    assert hidden == [], "\n".join(hidden[:10])


COVERED = """() => {
                      const el = document.activeElement;
                      if (!el || el === document.body) return null;
                      const r = el.getBoundingClientRect();
                      if (!r.width || !r.height) return null;
                      // The centre and four points halfway to the edges: inside a map's
                      // diamond too, whose box corners lie outside it.
                      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
                      const points = [[cx, cy], [cx - r.width / 4, cy], [cx + r.width / 4, cy],
                                      [cx, cy - r.height / 4], [cx, cy + r.height / 4]];
                      const seen = points.some(([x, y]) => {
                        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
                        // The map's tap discs are transparent: they take taps, they hide nothing.
                        const top = document.elementsFromPoint(x, y)
                          .find(e => !e.classList.contains("lc-marker__hit") || el.contains(e));
                        return top && (el === top || el.contains(top) || top.contains(el));
                      });
                      return seen ? null : (el.outerHTML.slice(0, 80));
                    }"""


def test_a_long_page_lays_out_its_lower_blocks_as_the_reader_nears_them(
    real_site: Project, browser
) -> None:
    """A phone's first layout of a long Thai page covers its first screen, not every paragraph
    (content-visibility in archive.css): the last section waits until the reader scrolls to
    it, then shows in full; and the accessibility check still reads the blocks below."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{base}/cities/yala.html", wait_until="networkidle")
        shown = "el => el.checkVisibility({contentVisibilityAuto: true})"
        last = page.locator("article > ol").last  # the sources, near the end
        first = page.locator("article > h2 + p").first
        assert page.evaluate(f"({shown})(document.querySelector('article > h1'))")
        assert not last.locator("li").first.evaluate(shown), "laid out before it was needed"
        last.scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        assert last.locator("li").first.evaluate(shown)
        assert last.evaluate("el => el.scrollHeight <= el.clientHeight")  # nothing cut off
        first.scroll_into_view_if_needed()
        # Text too faint to read is found in a block not yet laid out, below its first lines
        # (past the height the block holds until it is laid out).
        page.evaluate(
            """() => { const p = document.createElement('p');
                       p.innerHTML = 'บรรทัด<br>'.repeat(40) + '<span style="color:#eee">จาง ๆ</span>';
                       document.querySelector('article').append(p); }"""
        )
        assert any(v.startswith("color-contrast") for v in serious_accessibility_violations(page))
        page.close()


# A link that starts at the left edge of a block laid out late (content-visibility), on pages
# of every kind in both languages: its index among the page's links, or -1 where none does.
LINK_AT_A_LATE_BLOCKS_EDGE = """() => {
  const links = [...document.querySelectorAll("article a[href]")];
  return links.findIndex((a) => {
    const block = a.closest(".md-typeset > *, tr");
    if (!block || getComputedStyle(block).contentVisibility !== "auto") return false;
    a.scrollIntoView({block: "center"});
    const line = a.getClientRects()[0];
    return line && Math.abs(line.left - block.getBoundingClientRect().left) < 1;
  });
}"""


def test_a_focused_link_at_a_late_blocks_edge_shows_its_whole_ring(
    real_site: Project, browser
) -> None:
    """WCAG 2.4.7: a keyboard user sees the whole focus ring, also around a link that starts at
    the left edge of a block laid out late, whose paint is contained (archive.css). The strip
    just left of the link is drawn differently with the focus than without it."""
    pages = [
        f"{prefix}{path}"
        for prefix in ("", "en/")
        for path in (
            "lessons/living-lab-to-participatory-budgeting.html",
            "cities/khon-kaen.html",
            "projects/khlong-phadung-krung-kasem.html",
            "projects/index.html",
        )
    ]
    checked, clipped = [], []
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        for path in pages:
            page.goto(f"{base}/{path}", wait_until="networkidle")
            index = page.evaluate(LINK_AT_A_LATE_BLOCKS_EDGE)
            if index < 0:
                continue
            link = page.locator("article a[href]").nth(index)
            page.keyboard.press("Tab")  # from here on, focus is shown as for the keyboard
            link.focus()
            page.wait_for_timeout(100)
            box = link.bounding_box()
            assert box is not None
            strip = {"x": box["x"] - 6, "y": box["y"] - 4, "width": 5, "height": box["height"] + 8}
            focused = page.screenshot(clip=strip)
            link.blur()
            page.wait_for_timeout(100)
            checked.append(path)
            if page.screenshot(clip=strip) == focused:
                clipped.append(f"{path}: {link.inner_text()!r}")
        page.close()
    assert checked, "no page has a link at a late block's edge: the test checks nothing"
    assert clipped == [], clipped


# Inline code that reaches past the edge of a block laid out late, where the block's paint is
# clipped. Run with every block laid out: the late ones are marked first, then shown.
MARK_LATE_BLOCKS = """() => { for (const block of document.querySelectorAll('.md-typeset > *'))
  if (getComputedStyle(block).contentVisibility === 'auto') block.dataset.late = ''; }"""
CODE_PAST_ITS_BLOCK = """() => [...document.querySelectorAll('[data-late] code')].flatMap(code => {
  const edge = code.closest('[data-late]').getBoundingClientRect();
  return [...code.getClientRects()]
    .map(r => Math.max(r.right - edge.right, edge.left - r.left))
    .filter(past => past > 0.5)
    .map(past => `${code.textContent.slice(0, 30)}: ${past.toFixed(1)} px`);
})"""


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["360", "1280"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_code_chip_is_cut_at_a_late_blocks_edge(
    real_site: Project, browser, prefix: str, viewport: dict[str, int]
) -> None:
    """A chip of inline code can end a few pixels past its line; at the edge of a block laid
    out late it lost its right side (the field reference's YAML examples). Fails without
    the room archive.css gives such blocks: 1.5 to 4.1 px past the edge."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=viewport)
        page.goto(f"{base}/{prefix}reference.html", wait_until="networkidle")
        page.evaluate(MARK_LATE_BLOCKS)
        page.add_style_tag(content="[data-late] { content-visibility: visible; }")
        chips = page.locator("[data-late] code").count()
        cut = page.evaluate(CODE_PAST_ITS_BLOCK)
        page.close()
    assert chips > 20  # the reference's examples are there to be checked
    assert cut == []


@pytest.mark.parametrize(
    "path",
    [
        "projects/khlong-phadung-krung-kasem.html",
        "en/projects/khlong-phadung-krung-kasem.html",
        "en/lessons/living-lab-to-participatory-budgeting.html",
    ],
)
def test_a_phones_first_screen_holds_the_title_and_the_first_facts(
    real_site: Project, browser, path: str
) -> None:
    """The longest title of the archive leaves room on a phone's first screen for the facts
    under it, and no empty line follows a title (its permalink sign wrapping alone)."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=PHONE)
        page.goto(f"{base}/{path}", wait_until="networkidle")
        title = page.evaluate(
            """() => { const h1 = document.querySelector('article h1'), bottoms = [];
                       const walk = document.createTreeWalker(h1, NodeFilter.SHOW_TEXT);
                       for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                         if (n.parentElement.closest('.headerlink') || !n.data.trim()) continue;
                         const r = document.createRange(); r.selectNodeContents(n);
                         bottoms.push(...[...r.getClientRects()].map(b => b.bottom));
                       }
                       return {box: h1.getBoundingClientRect().toJSON(),
                               textBottom: Math.max(...bottoms),
                               line: parseFloat(getComputedStyle(h1).lineHeight)}; }"""
        )
        assert title["box"]["bottom"] - title["textBottom"] < title["line"] / 2, title
        assert title["box"]["height"] <= 0.4 * PHONE["height"], title
        first_fact = page.locator("aside.lc-infobox .lc-row").first.bounding_box()
        assert first_fact and first_fact["y"] + first_fact["height"] <= PHONE["height"]
        page.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_home_figures_are_short_cards_in_one_row(
    real_site: Project, browser, prefix: str
) -> None:
    """Each figure says its scope in a line or three; a project's full title there made every
    card of the row as tall as the longest caption."""
    with serve(real_site.site) as base:
        page = browser.new_page(viewport=DESK)
        page.goto(f"{base}/{prefix}index.html", wait_until="networkidle")
        cards = page.locator(".lc-figures a.lc-figure").evaluate_all(
            """cs => cs.map(c => { const s = c.querySelector('.lc-figure__scope');
                 return {top: c.getBoundingClientRect().top,
                         lines: s ? s.getBoundingClientRect().height
                                    / parseFloat(getComputedStyle(s).lineHeight) : 0}; })"""
        )
        assert len(cards) == 5
        assert len({round(c["top"]) for c in cards}) == 1, cards
        assert max(c["lines"] for c in cards) <= 3.2, cards
        page.close()
