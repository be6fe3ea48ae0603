"""Thai line breaks made at build time (generator/render/thai_breaks.py, thai_names.py)."""

from __future__ import annotations

import pytest
from conftest import unbroken

from generator.render.thai_breaks import MAX_UNBROKEN, ThaiBreaks
from generator.render.thai_names import names_in, width

NAMES = ["คลองผดุงกรุงเกษม", "เคเคทีที", "จตุภาคี", "ปากช่อง", "กะดีจีน"]


@pytest.fixture(scope="module")
def breaks() -> ThaiBreaks:
    return ThaiBreaks(NAMES, ["การสื่อสารสาธารณะ"])


def test_names_are_kept_whole_and_words_are_cut(breaks: ThaiBreaks) -> None:
    assert breaks.words("ความร่วมมือจตุภาคีรอบคลองผดุงกรุงเกษม") == [
        "ความร่วมมือ",
        "จตุภาคี",
        "รอบ",
        "คลองผดุงกรุงเกษม",
    ]
    assert breaks.words("บริษัทขอนแก่นพัฒนาเมืองเคเคทีที") == ["บริษัท", "ขอนแก่น", "พัฒนา", "เมือง", "เคเคทีที"]
    # Without the archive's names the segmenter cuts them (what a browser does too).
    plain = ThaiBreaks([])
    assert "จตุภาคี" not in plain.words("ความร่วมมือจตุภาคี")


def test_a_name_is_never_cut_even_where_the_words_around_it_overlap(breaks: ThaiBreaks) -> None:
    for text in ("ย่านกะดีจีนของกรุงเทพ", "อำเภอปากช่องจังหวัด", "ชาวกะดีจีน"):
        cuts = _cuts(breaks.words(text))
        for name in NAMES:
            at = text.find(name)
            if at >= 0:
                assert not any(at < c < at + len(name) for c in cuts), (text, name)


def test_words_made_with_karn_are_not_cut_before_it(breaks: ThaiBreaks) -> None:
    assert breaks.words("เมืองด้วยโครงการสื่อสารสาธารณะ") == [
        "เมือง",
        "ด้วย",
        "โครงการ",
        "สื่อสาร",
        "สาธารณะ",
    ]
    assert breaks.words("ผ่านกระบวนการวิจัย") == ["ผ่าน", "กระบวนการ", "วิจัย"]


def test_no_piece_is_longer_than_a_phone_line(breaks: ThaiBreaks) -> None:
    unknown = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
    pieces = breaks.words(unknown)
    assert "".join(pieces) == unknown
    assert max(map(width, pieces)) <= MAX_UNBROKEN


def test_no_break_before_a_mark_that_belongs_to_the_word_before(breaks: ThaiBreaks) -> None:
    assert breaks.words("เรื่อยๆไป")[0].endswith("ๆ")


def test_markup_of_a_page() -> None:
    breaks = ThaiBreaks(NAMES)
    page = (
        '<!doctype html><html lang="th"><head><title>ขอนแก่นเป็นเมือง</title>'
        '<meta name="description" content="ขอนแก่นเป็นเมือง"></head><body>'
        '<p title="ขอนแก่นเป็นเมือง">ขอนแก่นเป็นเมือง &amp; <strong>ยะลา</strong></p>'
        "<pre><code>ขอนแก่นเป็นเมือง</code></pre><kbd>ขอนแก่นเป็น</kbd><samp>ขอนแก่นเป็น</samp>"
        '<script>var t = "ขอนแก่นเป็นเมือง";</script><style>/* ขอนแก่นเป็น */</style>'
        "<textarea>ขอนแก่นเป็นเมือง</textarea><select><option>ขอนแก่นเป็นเมือง</option></select>"
        "<svg><title>ขอนแก่นเป็นเมือง</title><text>ขอนแก่นเป็นเมือง</text></svg>"
        '<!-- ขอนแก่นเป็นเมือง --><a href="https://th.example.org/wiki/ขอนแก่นเป็นเมือง">'
        "ที่ https://th.example.org/wiki/ขอนแก่นเป็นเมือง</a>"
        '<img alt="ขอนแก่นเป็นเมือง" src="a.png"></body></html>'
    )
    out = breaks.html(page)
    assert (
        '<p title="ขอนแก่นเป็นเมือง"><lc-w>ขอนแก่น<wbr>เป็น<wbr>เมือง</lc-w> &amp; '
        "<strong><lc-w>ยะลา</lc-w></strong></p>" in out
    )
    # Everything else is exactly as it was: head, attributes, code, scripts, forms, SVG,
    # comments, URLs.
    assert (
        out.replace("<lc-w>ขอนแก่น<wbr>เป็น<wbr>เมือง</lc-w>", "ขอนแก่นเป็นเมือง", 1).replace(
            "<lc-w>ยะลา</lc-w>", "ยะลา"
        )
        == page
    )
    assert unbroken(out) == page
    assert breaks.html(out) == out  # idempotent


def test_english_and_entities_are_untouched() -> None:
    breaks = ThaiBreaks([])
    page = "<p>Khon Kaen &amp; Yala &#3586;&#3629;&#3609; &lt;ขอ&gt; x&nbsp;y</p>"
    assert breaks.html(page) == page  # entities stay entities; no run of 4 Thai letters
    english = "<html><body><h1>Learning cities</h1><p>A &amp; B</p></body></html>"
    assert breaks.html(english) == english
    mixed = "<p>SDGs ข้อ 4 (การศึกษา)&nbsp;และ</p>"
    out = breaks.html(mixed)
    assert unbroken(out) == mixed
    assert "&nbsp;" in out and "(<lc-w>การศึกษา</lc-w>)" in out


def test_a_tag_left_open_at_the_end_is_not_read_as_text() -> None:
    page = "<p>ขอนแก่นเป็นเมือง</p><script>ขอนแก่นเป็นเมือง</script><p title='ขอนแก่นเป็นเมือง'>"
    out = ThaiBreaks([]).html(page)
    assert out.count("<lc-w>") == 1 and unbroken(out) == page


def test_name_fields_are_cut_into_names() -> None:
    assert set(names_in("เขาใหญ่ อำเภอปากช่อง")) == {"เขาใหญ่", "อำเภอปากช่อง", "ปากช่อง"}
    assert "คลองผดุงกรุงเกษม" in set(names_in("พื้นที่รอบคลองผดุงกรุงเกษม (เขตปทุมวัน ดุสิต และป้อมปราบศัตรูพ่าย)"))
    assert set(names_in("Khao Yai")) == set()


def _cuts(pieces: list[str]) -> set[int]:
    cuts, at = set(), 0
    for piece in pieces[:-1]:
        at += len(piece)
        cuts.add(at)
    return cuts


def test_a_range_of_years_stays_on_one_line() -> None:
    breaks = ThaiBreaks([])
    page = '<p>2020–2021 (พ.ศ. 2563–2564) <a title="2563–2564">x</a> <code>1–2</code> a–b</p>'
    out = breaks.html(page)
    assert "<lc-w>2020–2021</lc-w> (พ.ศ. <lc-w>2563–2564</lc-w>)" in out
    assert unbroken(out) == page and breaks.html(out) == out
    english = "<p>In 2020–2021 (B.E. 2563–2564)</p>"
    assert breaks.html(english) == "<p>In <lc-w>2020–2021</lc-w> (B.E. <lc-w>2563–2564</lc-w>)</p>"


def test_a_name_too_long_for_a_line_is_cut_between_its_own_words() -> None:
    """Longer than a phone line, a name is cut where its words meet (ศาลาว่าการ|กรุงเทพมหานคร),
    never by counting letters (which left "…มหานค|ร")."""
    breaks = ThaiBreaks(["ศาลาว่าการกรุงเทพมหานคร", "กรุงเทพมหานคร"])
    pieces = breaks.words("ห้องประชุมศาลาว่าการกรุงเทพมหานครเสาชิงช้า")
    assert "กรุงเทพมหานคร" in pieces and "ศาลาว่าการ" in "".join(pieces[:3])
    assert all(len(piece) <= MAX_UNBROKEN for piece in pieces)
