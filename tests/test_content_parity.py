"""Both languages say the same: every number in a Thai text is in its English twin and the
reverse, and each Thai local body has one English name.

A translation that adds a figure (or drops one) says more (or less) than its source in one
language only. Years are compared across eras: พ.ศ. 2563 in Thai is 2020 in English. A small
number may be spelled out (“two research projects”, “สองพื้นที่”); spelled-out numbers excuse a
missing figure but are never required, so only figures written as digits must match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import load_config
from generator.model import Archive, build_archive
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_BE_YEARS = range(2400, 2700)  # a Buddhist Era year; minus 543 it is the Common Era year
_ENGLISH_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "both": 2,
}
_THAI_WORDS = {
    "หนึ่ง": 1,
    "สอง": 2,
    "สาม": 3,
    "สี่": 4,
    "ห้า": 5,
    "หก": 6,
    "เจ็ด": 7,
    "แปด": 8,
    "เก้า": 9,
    "สิบ": 10,
    "แรก": 1,
}


def figures(text: str) -> set[int]:
    """Numbers written as digits (Thai or Arabic), B.E. years as C.E. years."""
    plain = re.sub(r"(?<=\d),(?=\d{3})", "", text.translate(_THAI_DIGITS))
    return {n - 543 if n in _BE_YEARS else n for n in map(int, re.findall(r"\d+", plain))}


def spelled(text: str, lang: str) -> set[int]:
    if lang == "th":
        return {n for word, n in _THAI_WORDS.items() if word in text}
    words = re.findall(r"[a-z]+", text.lower())
    return {_ENGLISH_WORDS[w] for w in words if w in _ENGLISH_WORDS}


def number_mismatches(thai: str, english: str) -> tuple[set[int], set[int]]:
    """(numbers only the Thai text has, numbers only the English text has)."""
    th, en = figures(thai), figures(english)
    return th - en - spelled(english, "en"), en - th - spelled(thai, "th")


def _bilingual(value: Any, lang: str) -> Iterator[str]:
    """Every {th, en} label inside front matter, in one language."""
    if isinstance(value, dict):
        if set(value) == {"th", "en"} and all(isinstance(v, str) for v in value.values()):
            yield value[lang]
        else:
            for item in value.values():
                yield from _bilingual(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from _bilingual(item, lang)


@pytest.fixture(scope="module")
def archive() -> Archive:
    checked = check(load_config(ROOT / "mkdocs.yml"))
    assert not checked.problems.has_errors(False)
    return build_archive(checked.loaded)


def twins(archive: Archive) -> Iterator[tuple[str, str, str]]:
    """(where, Thai text, English text) for every case, page, source and vocabulary term."""
    for case in [*archive.cases(), *archive.pages.values()]:
        thai, english = case.text("th"), case.text("en")
        if thai is None or english is None:
            continue
        yield (
            f"{case.kind}/{case.id}",
            "\n".join([thai.summary, thai.body, *_bilingual(case.fields, "th")]),
            "\n".join([english.summary, english.body, *_bilingual(case.fields, "en")]),
        )
    registry = yaml.safe_load((ROOT / "content" / "sources.yml").read_text(encoding="utf-8"))
    for id_, entry in (registry or {}).items():  # an emptied registry is comments only
        yield (
            f"sources.yml:{id_}",
            "\n".join(_bilingual(entry, "th")),
            "\n".join(_bilingual(entry, "en")),
        )
    for path in sorted((ROOT / "content" / "vocabularies").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, entry in data.items():
            yield (
                f"{path.name}:{key}",
                "\n".join(_bilingual(entry, "th")),
                "\n".join(_bilingual(entry, "en")),
            )


# -- the comparison itself ----------------------------------------------------------------


@pytest.mark.parametrize(
    "thai, english, only_th, only_en",
    [
        ("ในปี พ.ศ. 2563–2564 มี 18 เมือง", "In 2020–2021 (B.E. 2563–2564), 18 cities", set(), set()),
        ("ผู้เข้าร่วม 2,000 คน", "2000 participants", set(), set()),
        ("ชั้น ๕", "5th floor", set(), set()),
        ("มีโครงการวิจัย 2 โครงการ", "It had two research projects", set(), set()),
        ("หนึ่งในสองพื้นที่", "one of the 2 areas", set(), set()),
        ("ปี 2563", "in 2021", {2020}, {2021}),
        ("18 เมือง", "18 cities and 41 sub-projects", set(), {41}),
        ("กว่า 29 แห่ง", "more than 30", {29}, {30}),
    ],
)
def test_numbers_are_compared_across_scripts_and_eras(
    thai: str, english: str, only_th: set[int], only_en: set[int]
) -> None:
    assert number_mismatches(thai, english) == (only_th, only_en)


def test_every_english_text_carries_the_numbers_of_its_thai_twin(archive: Archive) -> None:
    wrong = {}
    for where, thai, english in twins(archive):
        only_th, only_en = number_mismatches(thai, english)
        if only_th or only_en:
            wrong[where] = {"only in Thai": sorted(only_th), "only in English": sorted(only_en)}
    assert wrong == {}


# -- one English name per Thai local body -------------------------------------------------


def test_city_and_town_municipalities_keep_their_english_names(archive: Archive) -> None:
    """เทศบาลนคร is a city municipality and เทศบาลเมือง a town municipality, both ways."""
    names = {c.label["th"]: c.label["en"] for c in archive.cities.values()}
    kinds = {"เทศบาลนคร": "city municipality", "เทศบาลเมือง": "town municipality"}
    wrong = []
    for where, thai, english in twins(archive):
        lower = english.lower()
        for th_name, en_name in names.items():
            for th_kind, en_kind in kinds.items():
                in_thai = f"{th_kind}{th_name}" in thai
                in_english = f"{en_name} {en_kind}".lower() in lower
                if in_thai != in_english:
                    wrong.append(f"{where}: {th_kind}{th_name} ↔ {en_name} {en_kind}")
    assert wrong == []
