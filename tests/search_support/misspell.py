"""Misspellings of indexed words and names, one rule at a time: the recall test's and the
benchmark's queries for typo tolerance (docs/search.md).

Thai rules are the confusions readers make (issue 19): a tone mark dropped or changed, ศ/ษ/ส,
ร/ล, ำ typed as ั + ม, a silent letter with การันต์ left out, a name cut short, and one vowel
wrong (แ for เ, ี for ิ…), the last only on names (the lexicon of near words holds the Thai of
titles, headings and names; a Thai text has no word boundaries to take others from). English rules:
a letter left out, two letters swapped, a letter doubled, a vowel wrong, another word form
(plural), and a two-word name written as one.
"""

from __future__ import annotations

import random
import re

from generator.search.index import Document
from generator.search.normalize import THAI_CHAR

from .sample import sample_queries

TONES = "\u0e48\u0e49\u0e4a\u0e4b"
_SWAP_VOWEL = {
    "แ": "เ",
    "เ": "แ",
    "\u0e34": "\u0e35",
    "\u0e35": "\u0e34",
    "\u0e38": "\u0e39",
    "\u0e39": "\u0e38",
    "โ": "เ",
    "\u0e36": "\u0e37",
    "\u0e37": "\u0e36",
}
_ALIKE = {"ศ": "ส", "ษ": "ส", "ส": "ศ", "ร": "ล", "ล": "ร"}
_KARAN = re.compile("[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")


def _replace_one(word: str, table: dict[str, str], rng: random.Random) -> str | None:
    places = [i for i, c in enumerate(word) if c in table]
    if not places:
        return None
    i = rng.choice(places)
    return word[:i] + table[word[i]] + word[i + 1 :]


def thai(word: str, rng: random.Random, name: bool = False) -> list[tuple[str, str]]:
    """(rule, misspelt word) for every rule that applies to a Thai word."""
    out: list[tuple[str, str | None]] = []
    tones = [i for i, c in enumerate(word) if c in TONES]
    if tones:
        i = rng.choice(tones)
        out.append(("tone dropped", word[:i] + word[i + 1 :]))
        other = rng.choice([t for t in TONES[:2] if t != word[i]])
        out.append(("tone changed", word[:i] + other + word[i + 1 :]))
    out.append(("ศ/ษ/ส ร/ล", _replace_one(word, _ALIKE, rng)))
    if "\u0e33" in word:
        out.append(("ำ as ั+ม", word.replace("\u0e33", "\u0e31ม", 1)))
    if _KARAN.search(word):
        out.append(("การันต์ left out", _KARAN.sub("", word, count=1)))
    if name and len(word) >= 6:
        out.append(("cut short", word[: max(4, len(word) * 2 // 3)]))
    if name:
        out.append(("vowel wrong", _replace_one(word, _SWAP_VOWEL, rng)))
    return [(rule, text) for rule, text in out if text and text != word]


def english(word: str, rng: random.Random, name: bool = False) -> list[tuple[str, str]]:
    """(rule, misspelt word or name) for every rule that applies to an English word."""
    out: list[tuple[str, str | None]] = []
    words = word.split()
    if name and len(words) == 2:
        out.append(("written together", "".join(words)))
    if len(words) != 1:
        return [(rule, text) for rule, text in out if text]
    if len(word) >= 5:
        i = rng.randrange(1, len(word) - 1)
        out.append(("letter left out", word[:i] + word[i + 1 :]))
        i = rng.randrange(1, len(word) - 2)
        if word[i] != word[i + 1]:
            out.append(("letters swapped", word[:i] + word[i + 1] + word[i] + word[i + 2 :]))
        i = rng.randrange(1, len(word))
        out.append(("letter doubled", word[:i] + word[i] + word[i:]))
        vowels = [i for i, c in enumerate(word) if c in "aeiou" and i]
        if vowels:
            i = rng.choice(vowels)
            other = rng.choice([v for v in "aeiou" if v != word[i]])
            out.append(("vowel wrong", word[:i] + other + word[i + 1 :]))
    if word.isalpha() and len(word) >= 3 and not word.endswith("s"):
        out.append(("plural", word + "s"))
    return [(rule, text) for rule, text in out if text and text != word]


def misspelt_samples(
    documents: list[Document], lang: str, seed: int = 0, words: int = 2
) -> list[tuple[str, str, str]]:
    """(rule, query, url the reader wants): every rule applied to words sampled from each
    page (as the recall test samples them) and to the page's own names, in both scripts."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    for sample in sample_queries(documents, lang, words=words, phrases=0, seed=seed):
        spell = thai if THAI_CHAR.search(sample.query) else english
        out += [(rule, text, sample.url) for rule, text in spell(sample.query, rng)]
    # A name belongs to the page whose own name it is (its projects carry it as their city).
    owners: dict[str, set[str]] = {}
    for document in documents:
        for name in document.page.names:
            owners.setdefault(name, set()).add(document.url)
    for name, urls in sorted(owners.items()):
        if len(urls) > 1 or len(name) > 40:
            continue
        spell = thai if THAI_CHAR.search(name) else english
        (url,) = urls
        out += [(rule, text, url) for rule, text in spell(name, rng, name=True)]
    return out
