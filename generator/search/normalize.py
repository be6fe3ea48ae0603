"""Text normalisation and keys: the one rule shared by the index and the query.

theme/assets/javascripts/search.js implements exactly the same steps (`normalize`, `runs`,
`keys`); tests/test_search_browser.py checks both give the same output on the same strings.

No word segmenter is involved, so the index and the query can never disagree on where Thai
words begin and end:

* Thai text is cut into *runs* (maximal sequences of Thai letters and marks; the spaces that
  Thai writers put between phrases are removed first) and every run is indexed by its
  character n-grams (GRAM = 4), the last ones padded with the end-of-run sentinel ``$`` so
  that every piece of two or more characters begins some key. A query of four or more Thai
  characters must match all of its 4-grams, wherever the reader's word boundaries fall; a
  shorter one is a prefix look-up.
* Every other script written without spaces between words (UNSPACED: Lao, Khmer, Myanmar,
  Chinese and Japanese) is cut into runs and n-grams the same way, so a fork in Lao finds a
  word inside unspaced text with no word list either; only the Thai spelling variants below
  are Thai's alone.
* Other scripts (English, Vietnamese, digits) are cut into words at separators; every word of
  two or more characters is a key, and the last word of a query also matches as a prefix.

Tone marks and vowels are kept: ขอนแก่น and ขอนแกน are different keys. What readers get wrong
in predictable ways is indexed a second time as a *skeleton* (`skeleton`): tone marks dropped,
ศ/ษ → ส, ล/ฬ → ร, ำ → ั + ม, a silent letter with การันต์ removed. A skeleton key is written
with SKELETON before it, and only where it differs from the text's own keys, so a query whose
exact keys find nothing can be looked up by its skeleton (ranked below every exact hit).

Words of other scripts are keys as their Snowball English stem (`stem`, snowballstemmer), here
and in search.js (stemmer-en.js, generated from the same Snowball source): "labs" finds "lab".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from snowballstemmer.english_stemmer import EnglishStemmer  # pure Python: the same everywhere

# Thai letters, vowels, tone marks, ฯ and ๆ; not ฿, ๏, ๚, ๛ nor the Thai digits (folded to 0-9).
THAI = "\u0e01-\u0e3a\u0e40-\u0e4e"
THAI_CHAR = re.compile(f"[{THAI}]")
# Scripts written without spaces between words, Thai's included: Lao letters, vowels and
# marks (not its digits, U+0ED0–0ED9), Myanmar, Khmer, kana, Han. search.js has the same list.
UNSPACED = (
    THAI
    + "\u0e81-\u0ecf\u0edc-\u0edf"
    + "\u1000-\u103f\u1050-\u108f"
    + "\u1780-\u17d3\u17dc\u17dd"
    + "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
# Characters that carry no meaning for search: zero-width space and joiners, word joiner,
# byte-order mark, soft hyphen.
_IGNORABLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Spaces that may sit between two Thai (or Lao…) phrases (not U+2029, the extractor's block
# break).
_SPACES = "[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+"
_THAI_GAP = re.compile(f"(?<=[{UNSPACED}]){_SPACES}(?=[{UNSPACED}])")
_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

SENTINEL = "$"
GRAM = 4  # characters per Thai key (docs/search.md: 3 and 4 measured)
STRIDE = 2  # a query needs the n-grams at every STRIDE-th character (and the last one)
PAIR = " "  # joins the two words of a pair key
MAX_WORD = 40  # longer non-Thai words are cut (URLs, hashes)
MIN_KEY = 2
SKELETON = "~"  # before a skeleton key; sorts apart from words (ASCII) and Thai keys
# Tone marks; a consonant (and ิ or ุ) silenced by การันต์; letters read alike.
_TONES = re.compile("[\u0e48-\u0e4b]")
_KARAN = re.compile("[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c")
_ALIKE = str.maketrans({"ศ": "ส", "ษ": "ส", "ล": "ร", "ฬ": "ร", "\u0e33": "\u0e31ม"})
_CONFUSABLE = re.compile("[\u0e48-\u0e4cศษลฬ\u0e33]")
_STEMMER = EnglishStemmer()
_STEMS: dict[str, str] = {}  # word → stem: a site has a few thousand words, said millions of times


def normalize(text: str) -> str:
    """NFC, case-folded (Unicode default lower-case mapping, as JavaScript's toLowerCase),
    Thai digits as 0-9, common Thai typing variants folded, spaces between Thai removed."""
    text = unicodedata.normalize("NFC", text)
    text = _IGNORABLE.sub("", text).lower().translate(_DIGITS)
    # Two ways of typing the same letters: nikhahit + sara aa is sara am, two sara e are sara ae.
    text = text.replace("\u0e4d\u0e32", "\u0e33").replace("\u0e40\u0e40", "\u0e41")
    return _THAI_GAP.sub("", text)


def _kind(char: str) -> str:
    if UNSPACED_CHAR.match(char):
        return "t"
    if unicodedata.category(char)[0] in "LNM":
        return "w"
    return ""


_KINDS: dict[str, str] = {}  # char → kind: the same few hundred characters, millions of times


def runs(normalized: str) -> Iterator[tuple[str, str]]:
    """(kind, text) for each run of a normalised string: kind "t" is Thai or another script
    without spaces (UNSPACED), "w" other words."""
    start, current = 0, ""
    kinds = _KINDS
    for i, char in enumerate(normalized):
        kind = kinds.get(char)
        if kind is None:
            kind = kinds[char] = _kind(char)
        if kind != current:
            if current:
                yield current, normalized[start:i]
            start, current = i, kind
    if current:
        yield current, normalized[start:]


def stem(word: str) -> str:
    """A word's Snowball English stem (a word with a digit or a non-ASCII letter as it is)."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEMS[word] = (
            _STEMMER.stemWord(word) if word.isascii() and word.isalpha() else word
        )
    return found


def skeleton(run: str) -> str:
    """A Thai run as readers misspell it alike: see the module's docstring."""
    if not _CONFUSABLE.search(run):
        return run
    return _TONES.sub("", _KARAN.sub("", run)).translate(_ALIKE)


def skeleton_keys(kind: str, run: str, gram: int = GRAM) -> list[str]:
    """The skeleton keys of a Thai run that are not among its own keys (SKELETON first)."""
    if kind != "t":
        return []
    bare = skeleton(run)
    if bare == run:
        return []
    own = set(run_keys(kind, run, gram))
    return [SKELETON + key for key in run_keys(kind, bare, gram) if key not in own]


def run_keys(kind: str, run: str, gram: int = GRAM) -> list[str]:
    """The index keys of one run, in order, with repeats. A Thai run gives one key per
    position but the last: the `gram` characters from there, the end-of-run sentinel
    included, so that every piece of two or more characters starts some key."""
    if kind == "t":
        padded = run + SENTINEL
        return [padded[i : i + gram] for i in range(len(run) - 1)]
    if len(run) < MIN_KEY:
        return []
    return [stem(run[:MAX_WORD])]


def _pairs(parts: list[tuple[str, str]]) -> list[str]:
    """Keys of two neighbouring words ("living lab"), for phrase matches of non-Thai words."""
    out = []
    for (k1, a), (k2, b) in itertools.pairwise(parts):
        if k1 == k2 == "w" and len(a) >= MIN_KEY and len(b) >= MIN_KEY:
            out.append(stem(a[:MAX_WORD]) + PAIR + stem(b[:MAX_WORD]))
    return out


def joined_keys(names: Iterable[str]) -> list[str]:
    """Romanised names written together as well as apart ("Khon Kaen" → khonkaen, "Nakhon Si
    Thammarat" → nakhonsi, sithammarat, nakhonsithammarat): readers write them both ways."""
    out: list[str] = []
    for name in names:
        words = [run for kind, run in runs(normalize(name)) if kind == "w" and run.isalpha()]
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                if end - start == 2 or (start == 0 and end == len(words)):
                    out.append(stem("".join(words[start:end])[:MAX_WORD]))
    return out


def keys(text: str, gram: int = GRAM) -> list[str]:
    """Every index key of a text (normalised here), in order, with repeats: Thai n-grams,
    words, and pairs of neighbouring words."""
    out: list[str] = []
    parts = list(runs(normalize(text)))
    for kind, run in parts:
        out.extend(run_keys(kind, run, gram))
    out.extend(_pairs(parts))
    return out


def text_keys(text: str, gram: int = GRAM) -> tuple[list[str], list[str], list[str]]:
    """`keys(text)`, the skeleton keys of its Thai runs, and its words of letters as written
    (lower case; the words a reader may have meant, for the index's lexicon)."""
    out: list[str] = []
    bare: list[str] = []
    words: list[str] = []
    parts = list(runs(normalize(text)))
    for kind, run in parts:
        own = run_keys(kind, run, gram)
        out.extend(own)
        if kind == "t":
            folded = skeleton(run)
            if folded != run:  # skeleton_keys, with the run's own keys at hand
                mine = set(own)
                bare.extend(
                    SKELETON + key for key in run_keys(kind, folded, gram) if key not in mine
                )
        elif run.isalpha() and len(run) > MIN_KEY:
            words.append(run[:MAX_WORD])
    out.extend(_pairs(parts))
    return out, bare, words


def phrase_keys(query: str) -> list[str]:
    """The word-pair keys of a query: a document that has them all has the phrase."""
    return list(dict.fromkeys(_pairs(list(runs(normalize(query))))))


class QueryTerm:
    """One required part of a query: a set of exact keys (all required) or a prefix (and,
    looked up by its skeleton, the skeleton keys that start with `bare_prefix`)."""

    __slots__ = ("bare_prefix", "exact", "prefix", "text")

    def __init__(
        self, text: str, exact: list[str], prefix: str = "", bare_prefix: str = ""
    ) -> None:
        self.text = text
        self.exact = exact
        self.prefix = prefix
        self.bare_prefix = bare_prefix

    def __repr__(self) -> str:
        return f"QueryTerm({self.text!r}, exact={self.exact!r}, prefix={self.prefix!r})"


def query_grams(run: str, gram: int = GRAM) -> list[str]:
    """The keys a Thai query run of `gram` characters or more needs: every other n-gram (and
    the last). They overlap by two characters and cover the run, nearly as selective as all
    of them (docs/search.md), and a long phrase loads half the shards."""
    starts = list(range(0, len(run) - gram + 1, STRIDE))
    if starts[-1] != len(run) - gram:
        starts.append(len(run) - gram)
    return list(dict.fromkeys(run[i : i + gram] for i in starts))


def skeleton_terms(terms: list[QueryTerm], gram: int = GRAM) -> list[QueryTerm] | None:
    """The query's terms with each Thai run looked up by its skeleton: the n-grams of a
    skeleton of `gram`+ characters (each key then found as itself or as SKELETON + itself),
    a shorter one as a prefix of keys and of skeleton keys; None if it has no Thai run."""
    out, changed = [], False
    for term in terms:
        if THAI_CHAR.match(term.text):
            bare = skeleton(term.text)
            changed = True
            if len(bare) >= gram:
                out.append(QueryTerm(term.text, query_grams(bare, gram)))
                continue
            if len(bare) >= 2:
                out.append(QueryTerm(term.text, [], prefix=bare, bare_prefix=SKELETON + bare))
                continue
        out.append(term)
    return out if changed else None


def parse_query(query: str, gram: int = GRAM) -> list[QueryTerm]:
    """The terms of a query. A Thai run of `gram` or more characters needs all its n-grams;
    a shorter one (two characters at least), any key that starts with it; one Thai character
    alone is ignored. A word needs its key; the last word, when the reader has not typed a
    space after it, may be a prefix."""
    normalized = normalize(query)
    parts = list(runs(normalized))
    open_end = bool(normalized) and not normalized[-1].isspace()
    terms: list[QueryTerm] = []
    for n, (kind, run) in enumerate(parts):
        last = n == len(parts) - 1 and open_end
        if kind == "t":
            if len(run) >= gram:
                terms.append(QueryTerm(run, query_grams(run, gram)))
            elif len(run) >= 2:
                terms.append(QueryTerm(run, [], prefix=run))
        elif len(run) >= MIN_KEY:
            word = run[:MAX_WORD]
            terms.append(QueryTerm(run, [stem(word)], prefix=word if last else ""))
    return terms
