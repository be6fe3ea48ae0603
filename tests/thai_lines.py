"""Where Chromium actually broke Thai lines, judged by a segmentation the build does not use.

The line breaks come from the layout: every letter of every visible text node is measured with
`Range.getClientRects()`, and a line ends between two letters of one block when the second
sits on a lower line. A break between two Thai letters is judged against ICU's word
segmentation (`Intl.Segmenter`, not the build's newmm) with a hand-checked list of the
archive's names laid over it (a break strictly inside a name is inside a word, the edges of a
name are word boundaries). ICU and newmm disagree here and there, so the measure can fail.
"""

from __future__ import annotations

from typing import Any

# Proper names in the archive's content, checked by hand (not derived by the build's code).
NAMES = [
    # provinces and cities
    "กรุงเทพมหานคร",
    "ขอนแก่น",
    "ยะลา",
    "เชียงใหม่",
    "สงขลา",
    "ระยอง",
    "สระบุรี",
    "ลำปาง",
    "ราชบุรี",
    "พิษณุโลก",
    "พะเยา",
    "ประจวบคีรีขันธ์",
    "ปทุมธานี",
    "นครสวรรค์",
    "นครศรีธรรมราช",
    "นครราชสีมา",
    "จันทบุรี",
    "กาฬสินธุ์",
    "ร้อยเอ็ด",
    "มหาสารคาม",
    # districts, towns, areas, canals, roads, piers
    "หาดใหญ่",
    "ปากช่อง",
    "เขาใหญ่",
    "ธัญบุรี",
    "ขลุง",
    "แก่งคอย",
    "หัวหิน",
    "ปากพูน",
    "กะดีจีน",
    "ตลาดใต้",
    "พูนสุข",
    "สายกลาง",
    "พระนคร",
    "ปทุมวัน",
    "ดุสิต",
    "สัมพันธวงศ์",
    "บางรัก",
    "ป้อมปราบศัตรูพ่าย",
    "คลองผดุงกรุงเกษม",
    "เทเวศร์",
    "สี่พระยา",
    "ศรีจันทร์",
    "โกสุมพิสัย",
    "ธนารักษ์",
    # organisations and coined terms
    "เคเคทีที",
    "บพท",
    "ยูเนสโก",
    "จตุภาคี",
    "ราชภัฏ",
]

# Words that ICU cuts wrongly in this archive's text, checked by hand: "นำมา|สนับสนุน" is right
# (ICU: "มาส|นับ|สนุน"), as is "หน่วยงาน|การศึกษา" (ICU: "งานการ|ศึกษา"). Laid over ICU like
# the names, so a right break is not counted as wrong.
REFERENCE_WORDS = ["สนับสนุน", "การศึกษา"]

_MEASURE = r"""
([names, words]) => {
  const THAI = /[\u0e01-\u0e3a\u0e40-\u0e4e]/;
  const MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
  const seg = new Intl.Segmenter("th", {granularity: "word"});
  const blockOf = (node) => {
    let el = node.parentElement;
    while (el && getComputedStyle(el).display.startsWith("inline")) el = el.parentElement;
    return el;
  };
  const skip = (el) => el.closest("script,style,noscript,template,head,svg");
  const runs = [];          // {text, breaks: [offset]}
  let run = null, prev = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    if (!node.data.trim() || skip(node.parentElement)) continue;
    if (!node.parentElement.checkVisibility({opacityProperty: true, visibilityProperty: true}))
      continue;  // e.g. the closed search panel, laid out zero pixels wide
    const block = blockOf(node);
    if (!prev || prev.block !== block) { run = null; prev = null; }
    const range = document.createRange();
    for (let i = 0; i < node.data.length; i++) {
      const ch = node.data[i];
      if (!THAI.test(ch)) { run = null; prev = null; continue; }
      if (!run) { run = {text: "", breaks: []}; runs.push(run); }
      run.text += ch;
      if (MARK.test(ch)) continue;
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (!rects.length || rects[0].width === 0 && rects[0].height === 0) continue;
      const r = rects[rects.length - 1];
      if (prev && r.top > prev.top + prev.height / 2) run.breaks.push(run.text.length - 1);
      prev = {top: r.top, height: r.height, block};
    }
  }
  const result = {breaks: 0, insideWord: [], insideName: [], overflow:
    document.documentElement.scrollWidth > window.innerWidth + 1};
  for (const {text, breaks} of runs) {
    if (!breaks.length) continue;
    const bounds = new Set();
    for (const s of seg.segment(text)) bounds.add(s.index);
    const find = (list) => {
      const found = [];
      for (const w of list) {
        for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
          found.push([at, at + w.length, w]);
      }
      return found;
    };
    const spans = find(names);
    for (const [a, b] of [...find(words), ...spans]) {
      bounds.add(a); bounds.add(b);
      for (let k = a + 1; k < b; k++) bounds.delete(k);
    }
    for (const k of breaks) {
      result.breaks++;
      const shown = text.slice(Math.max(0, k - 12), k) + "|" + text.slice(k, k + 12);
      const name = spans.find(([a, b]) => a < k && k < b);
      if (name) result.insideName.push(name[2] + ": " + shown);
      else if (!bounds.has(k)) result.insideWord.push(shown);
    }
  }
  return result;
}
"""


def measure(page: Any, names: list[str] | None = None) -> dict[str, Any]:
    """{breaks, insideWord: [context], insideName: [name: context], overflow} for the page
    as laid out now."""
    return dict(page.evaluate(_MEASURE, [names or NAMES, REFERENCE_WORDS]))
