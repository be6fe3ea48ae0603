"""The archive's own Thai names and terms, read from its content: the words a Thai line must
never be broken inside, and that the word segmenter's dictionary lacks (`thai_breaks`).

A general Thai dictionary knows ขอนแก่น and ยูเนสโก but not เคเคทีที, จตุภาคี, กะดีจีน or
คลองผดุงกรุงเกษม: it cuts them into syllables, and a browser then breaks a line inside them.
Nothing here is a list of names: they come from where the content states them —

* the fields that hold a name: a city's name and province, the research area of a city and of
  a project, a source's publisher; each is cut at spaces and punctuation ("เขาใหญ่
  อำเภอปากช่อง" gives two names);
* any Thai text in parentheses, anywhere in the Thai content: Thai writers put a name, an
  abbreviation or a coined term there ("(เคเคทีที)", "(จตุภาคี)", "(บพท.)");
* a place's own name after the word that says what kind of place it is: "อำเภอปากช่อง" also
  gives ปากช่อง, "พื้นที่รอบคลองผดุงกรุงเกษม" gives คลองผดุงกรุงเกษม. The kinds of place are
  Thai grammar (PLACE_WORDS), not names. In running text nothing says where a name after
  such a word ends ("ถนนศรีจันทร์เป็นพื้นที่…"), so there only a road's or a pier's name is
  read — words always followed by a name — and only a short one that ends a run of letters
  ("…บนถนนศรีจันทร์ ได้แก่", "…ถึงท่าเรือสี่พระยา").

A candidate longer than MAX_NAME letters is a phrase, not a name: it is left to the segmenter,
whose breaks between its words are fine — and a name that long could not fit a phone's line.
Case ids and `aliases` are ASCII and give no Thai name.

The labels of the vocabularies (themes, regions, SDGs) are *terms*: words for the dictionary,
not names that nothing may break. "การสื่อสารสาธารณะ" is a theme, and also the end of
"โครงการสื่อสารสาธารณะ", which must still break after โครงการ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Archive

THAI_LETTERS = "\u0e01-\u0e4e"  # letters, vowels, tone marks, ฯ and ๆ (not the digits)
THAI_RUN = re.compile(f"[{THAI_LETTERS}]+")
# Marks that sit above or below a letter and take no width of their own.
_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
MAX_NAME = 18  # letters that take width: about 300 px in a phone's largest heading
MIN_NAME = 2

# Words naming a kind of place, that Thai writes before the place's own name. Longest first,
# so that "เทศบาลนคร" is found before "นคร" could be (it is not listed: it begins names).
PLACE_WORDS = (
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "จังหวัด",
    "อำเภอ",
    "ตำบล",
    "แขวง",
    "เขต",
    "เมือง",
    "ย่าน",
    "คลอง",
    "ถนน",
    "ท่าเรือ",
    "ชุมชน",
    "หมู่บ้าน",
    "เกาะ",
    "แม่น้ำ",
)
_PLACE = re.compile("|".join(PLACE_WORDS))
_PROSE_PLACE = re.compile(f".*(?:ถนน|ท่าเรือ)([{THAI_LETTERS}]+)$")  # the last one
MAX_PROSE_NAME = 10
# Where a name field is cut: spaces, punctuation and the Thai conjunction of a list's last item.
_CUT = re.compile(r"[\s()\[\]{},;:/\"'“”‘’–—.!?]+|(?<=[\s,])และ")
_PARENTHESISED = re.compile(f"\\(([{THAI_LETTERS}]+)\\.?\\)")


def width(text: str) -> int:
    """Letters that take width on the line (marks above and below a letter do not)."""
    return len(text) - len(_MARKS.findall(text))


def _is_name(text: str) -> bool:
    return THAI_RUN.fullmatch(text) is not None and MIN_NAME <= width(text) <= MAX_NAME


def names_in(value: str) -> Iterator[str]:
    """The names a name field holds: its pieces, and each piece's place name."""
    for piece in _CUT.split(value):
        if not THAI_RUN.fullmatch(piece or "-"):
            continue
        yield from _with_place_name(piece)


def _with_place_name(piece: str) -> Iterator[str]:
    if _is_name(piece):
        yield piece
    # The last kind-of-place word begins the place's name; the rest is its own name.
    starts = [m for m in _PLACE.finditer(piece) if m.end() < len(piece)]
    if starts:
        last = starts[-1]
        for name in (piece[last.start() :], piece[last.end() :]):
            if _is_name(name) and name != piece:
                yield name


def placed_in(text: str) -> Iterator[str]:
    """A road's or a pier's name that ends a run of Thai letters in running text."""
    for run in THAI_RUN.findall(text):
        match = _PROSE_PLACE.search(run)
        if match and _is_name(match.group(1)) and width(match.group(1)) <= MAX_PROSE_NAME:
            yield match.group(1)


def parenthesised_in(text: str) -> Iterator[str]:
    """Thai in parentheses, alone: "(เคเคทีที)" → เคเคทีที, with its place name if any."""
    for match in _PARENTHESISED.finditer(text):
        yield from _with_place_name(match.group(1))


def _thai(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or "")
    return str(value or "") if lang == "th" else ""


def archive_terms(archive: Archive, lang: str = "th") -> frozenset[str]:
    """The labels of the vocabularies, and their pieces."""
    labels = [
        _thai(term.label, lang)
        for vocabulary in (archive.themes, archive.regions, archive.sdgs)
        for term in vocabulary.values()
    ]
    return frozenset(piece for label in labels for piece in _CUT.split(label) if _is_name(piece))


def archive_names(archive: Archive, lang: str = "th") -> frozenset[str]:
    """Every Thai name the archive states (see the module's docstring)."""
    fields: list[str] = []  # values that are names or lists of names
    texts: list[str] = []  # any Thai text: its parenthesised terms
    for city in archive.cities.values():
        fields += [
            _thai(city.label, lang),
            _thai(city.fields.get("province"), lang),
            _thai(city.fields.get("research_area"), lang),
        ]
    for project in archive.projects.values():
        fields.append(_thai(project.fields.get("area"), lang))
    for vocabulary in (archive.themes, archive.regions, archive.sdgs):
        for term in vocabulary.values():
            texts.append(_thai(term.description, lang))
    for source in archive.sources.values():
        fields.append(_thai(source.publisher, lang))
        texts.append(_thai(source.title, lang))
    for case in [*archive.cases(), *archive.pages.values()]:
        texts.append(_thai(case.label, lang))
        text = case.text(lang)
        if text is not None:
            texts += [text.summary, text.body]
    return frozenset(_collect(fields, texts))


def _collect(fields: Iterable[str], texts: Iterable[str]) -> Iterator[str]:
    for value in fields:
        yield from names_in(value)
    for text in texts:
        yield from parenthesised_in(text)
        yield from placed_in(text)
