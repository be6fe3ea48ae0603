"""Thai lines broken between words, never inside one: break opportunities in the built pages.

Thai puts no space between words. Browsers find where a Thai line may break with their own
dictionary (Chromium: ICU's), which does not know the archive's names and terms, so it breaks
inside them ("ยูเนส|โก", "จตุ|ภาคี", "เคเค|ทีที") — and a table squeezed to a few pixels breaks
anywhere ("ห้องเ|รียน"). So the build cuts every Thai run of a page's text into words with a
dictionary extended by the archive's own names (`thai_names`), and writes the run as

    <lc-w>ขอนแก่น<wbr>เป็น<wbr>หนึ่ง<wbr>ใน</lc-w>

`lc-w` is `white-space: nowrap` (theme/assets/stylesheets/archive.css): in Chromium 156 that is
the only thing that stops its own Thai breaks — `word-break: keep-all` and `auto-phrase` do not
apply to Thai — and `<wbr>` gives a break opportunity even inside it. Spaces stay outside the
element, so lines still break at spaces, and a run is never longer than MAX_UNBROKEN letters
between two opportunities, so nothing overflows a phone's screen. A range of numbers ("2563–2564")
is an `lc-w` too: browsers break after its dash. A custom element rather than
a `<span>` keeps the markup short and out of the way of anything that looks for `</span>`.

The text stays the text: no character is added (a reader who copies gets the original, and
the search index, the data exports and every attribute are untouched), and nothing is changed
inside `<head>`, code, `pre`, `kbd`, `samp`, scripts, styles, forms' `select`/`textarea`, SVG,
MathML, comments or URLs written out in the text. Running it again changes nothing.

The segmenter is newmm — PyThaiNLP's dictionary-based maximal matching, the maintained
reference Thai segmenter — as implemented in Rust by nlpO3 (PyPI `nlpo3`, PyThaiNLP's own
project): the same output as PyThaiNLP's `newmm` about ten times as fast, which matters because
every page of every build goes through it, and it takes a custom dictionary as a word file.
Its dictionary is PyThaiNLP's word list (shipped in `pythainlp`) plus the archive's names.
PyICU was not chosen: it must be compiled against the system's ICU, and ICU's dictionary is the
one the browser already uses — the one that lacks the names.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .thai_names import width

ELEMENT = "lc-w"
WBR = "<wbr>"
MAX_UNBROKEN = 20  # letters between two break opportunities, at most (a long unknown word)
MIN_RUN = 4  # shorter Thai runs are one syllable or two: no browser breaks inside them
LONG_WORD = 5  # words this long are handed to the search results' script (see `long_words`)

# Thai characters that never begin a word: vowels and marks written after or above the
# consonant they follow, and the repetition mark ๆ.
_NEVER_FIRST = re.compile("[\u0e30-\u0e3a\u0e45-\u0e4e]")
# Elements whose text is code, data or not shown as text: left exactly as they are.
_UNTOUCHED = (
    "head",
    "script",
    "style",
    "textarea",
    "title",
    "pre",
    "code",
    "kbd",
    "samp",
    "svg",
    "math",
    "select",
    "datalist",
    "template",
    "iframe",
    "object",
    "noscript",
    "xmp",
)
# Thai letters in UTF-8: E0 B8 81 … E0 B9 8E. The page is scanned as bytes, where a run can be
# found from its first byte's value at the speed of a memory search: as text, a regular
# expression tries every position in turn, several times slower (README, Thai line breaks).
_RUN_BYTES = re.compile(rb"\xe0[\xb8\xb9][\x80-\xbf](?:\xe0[\xb8\xb9][\x80-\xbf])*")
# A tag from its "<", quoted attribute values (which may hold ">") included.
_TAG = re.compile(rb"""<[a-zA-Z/!?](?:[^<>"']|"[^"]*"|'[^']*')*+>?""")
# Where an untouched element, a comment or a run already broken (idempotence) begins; the
# names grouped by first letter, so that each "<" of the page is tested once, not per name.
_BY_LETTER: dict[str, list[str]] = {}
for _tag in (*_UNTOUCHED, ELEMENT):
    _BY_LETTER.setdefault(_tag[0], []).append(re.escape(_tag[1:]))
_OPENING = re.compile(
    (
        "<(?:!--|(?:"
        + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in _BY_LETTER.items())
        + r")[\s/>])"
    ).encode()
)
_DASH = "\u2013".encode()  # en dash, between the two ends of a range
_DIGITS = frozenset(b"0123456789")
_EL = ELEMENT.encode()
# Bytes a URL may hold just before a Thai run in it ("…/wiki/ขอนแก่น").
_URL_BYTES = frozenset(set(range(0x21, 0x7F)) - set(b"<>\"'"))

_loaded: set[str] = set()  # dictionaries nlpO3 holds in this process (it keeps them for good)
_loading = threading.Lock()


def base_words() -> Path:
    """PyThaiNLP's Thai word list, one word a line."""
    from pythainlp.corpus import corpus_path  # a data file; nothing of PyThaiNLP runs

    return Path(corpus_path()) / "words_th.txt"


def load_dictionary(names: Iterable[str]) -> tuple[str, frozenset[str]]:
    """The base word list plus `names`, loaded into nlpO3 once per process: its name there,
    and its words."""
    import nlpo3

    extra = "\n".join(sorted(set(names)))
    base = base_words().read_bytes()
    key = "lc-" + hashlib.sha256(base + extra.encode("utf-8")).hexdigest()[:16]
    words = frozenset(base.decode("utf-8").split()) | frozenset(names)
    with _loading:
        if key in _loaded:
            return key, words
        with tempfile.TemporaryDirectory(prefix="lc-thai-") as folder:
            file = Path(folder) / "words.txt"
            file.write_bytes(base.rstrip(b"\n") + b"\n" + extra.encode("utf-8") + b"\n")
            message, ok = nlpo3.load_dict(str(file), key)
        if not ok:
            raise RuntimeError(f"nlpO3 could not load the Thai dictionary: {message}")
        _loaded.add(key)
    return key, words


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One regular expression for every name, longest first where one begins another."""
    ordered = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    if not ordered:
        return None
    return re.compile("|".join(map(re.escape, ordered)))


class ThaiBreaks:
    """Break opportunities for one build: the dictionary loads in a thread from the moment
    this is made (nlpO3 releases Python's lock while it reads), so MkDocs goes on meanwhile."""

    def __init__(self, names: Iterable[str], terms: Iterable[str] = ()) -> None:
        self.names = frozenset(names)  # never broken inside
        self.terms = frozenset(terms)  # words the dictionary lacks
        self._names = _name_pattern(self.names)
        self._cache: dict[str, str] = {}
        self._bytes_cache: dict[bytes, bytes] = {}
        self.long_words: set[str] = set()  # words of SHOWN_WORD letters or more, as cut here
        self._dictionary = ""
        self._words: frozenset[str] = frozenset()
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._load, name="lc-thai-dictionary", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        try:
            self._dictionary, self._words = load_dictionary(self.names | self.terms)
        except Exception as error:  # noqa: BLE001 - raised in the build's thread by `ready`
            self._error = error

    def ready(self) -> None:
        """Wait for the dictionary (raises what loading it raised)."""
        if not self._dictionary:
            self._thread.join()
            if self._error is not None:
                raise self._error

    # -- words --------------------------------------------------------------------------
    def _segment(self, text: str) -> list[str]:
        import nlpo3

        return list(nlpo3.segment(text, self._dictionary, safe=True))

    def words(self, run: str) -> list[str]:
        """A run of Thai letters as the pieces a line may break between: newmm's words,
        never cutting a name, none longer than MAX_UNBROKEN letters."""
        import nlpo3

        self.ready()
        tokens = _nominal_prefix_left(
            nlpo3.segment(run, self._dictionary, safe=True), self._words, self._segment
        )
        words = {c for c in _boundaries(tokens) if not _NEVER_FIRST.match(run, c)}
        cuts = set(words)
        if self._names is not None:
            for match in self._names.finditer(run):
                cuts -= set(range(match.start() + 1, match.end()))
        pieces: list[str] = []
        start = 0
        for cut in [*sorted(cuts), len(run)]:
            inside = sorted(c - start for c in words if start < c < cut)  # words in a name
            pieces += _short(run[start:cut], inside)
            start = cut
        self.long_words.update(p for p in pieces if len(p) >= LONG_WORD)
        return pieces

    def run(self, run: str) -> str:
        """The markup of one Thai run (remembered: navigation and labels repeat on every
        page)."""
        markup = self._cache.get(run)
        if markup is None:
            if len(run) < MIN_RUN:
                markup = run
            else:
                markup = f"<{ELEMENT}>{WBR.join(self.words(run))}</{ELEMENT}>"
            self._cache[run] = markup
        return markup

    # -- pages --------------------------------------------------------------------------
    def html(self, page: str) -> str:
        """The page with every Thai run of its text broken between words, and every range
        of numbers ("2563–2564") kept on one line."""
        data = page.encode("utf-8")
        if _RUN_BYTES.search(data) is None and _DASH not in data:
            return page
        untouched = _untouched(data)
        starts = [start for start, _ in untouched]
        out: list[bytes] = []
        done = 0
        tag_start, tag_end = -1, -1  # the last tag looked at: the runs of a text share it
        pieces = heapq.merge(
            ((m.start(), m.end(), True) for m in _RUN_BYTES.finditer(data)),
            _ranges(data),
        )
        for start, end, thai in pieces:
            where = bisect.bisect_right(starts, start) - 1
            if where >= 0 and start < untouched[where][1]:
                continue  # in <head>, code, a script, a comment…
            opened = data.rfind(b"<", 0, start)
            if opened != tag_start:
                tag = _TAG.match(data, opened) if opened >= 0 else None
                tag_start, tag_end = opened, (tag.end() if tag is not None else -1)
            if tag_end > start:
                continue  # in an attribute
            if start and data[start - 1] in _URL_BYTES and _in_url(data, start):
                continue  # in a URL
            piece = data[start:end]
            markup = self._run_bytes(piece) if thai else b"<%s>%s</%s>" % (_EL, piece, _EL)
            out += (data[done:start], markup)
            done = end
        if not out:
            return page
        out.append(data[done:])
        return b"".join(out).decode("utf-8")

    def _run_bytes(self, run: bytes) -> bytes:
        markup = self._bytes_cache.get(run)
        if markup is None:
            markup = self._bytes_cache[run] = self.run(run.decode("utf-8")).encode("utf-8")
        return markup


def _ranges(data: bytes) -> Iterator[tuple[int, int, bool]]:
    """Number ranges ("2563–2564"): a browser breaks after the dash, leaving a year alone at
    the start of a line; as one <lc-w> they stay together."""
    at = data.find(_DASH)
    while at >= 0:
        end = at + len(_DASH)
        if at and data[at - 1] in _DIGITS and end < len(data) and data[end] in _DIGITS:
            start = at
            while start and data[start - 1] in _DIGITS:
                start -= 1
            while end < len(data) and data[end] in _DIGITS:
                end += 1
            yield start, end, False
        at = data.find(_DASH, end)


def _in_url(data: bytes, start: int) -> bool:
    """Whether the run at `start` continues a URL written out in the text."""
    word = max(data.rfind(gap, 0, start) for gap in (b" ", b">", b"\n", b"\t", b'"')) + 1
    before = data[word:start].lower()
    return b"://" in before or before.startswith(b"www.")


def _untouched(data: bytes) -> list[tuple[int, int]]:
    """Where the untouched elements, comments and broken runs lie: (start, end), in order."""
    spans = []
    at = 0
    while (opening := _OPENING.search(data, at)) is not None:
        found = opening.group()
        closing = b"-->" if found == b"<!--" else b"</" + found[1:-1]
        close = data.find(closing, opening.end())
        end = len(data) if close < 0 else data.find(b">", close + len(closing) - 1) + 1
        spans.append((opening.start(), end or len(data)))
        at = end or len(data)
    return spans


# Thai makes nouns with การ and ความ before a verb, and also ends words with them (โครงการ,
# กระบวนการ, จัดการ). Where both readings give as few words, newmm takes the first one it finds:
# "โครง|การสื่อสาร", "กระบวน|การวิจัย" — a break inside a word for a Thai reader.
_NOMINAL = ("การ", "ความ")


def _nominal_prefix_left(
    tokens: list[str], words: frozenset[str], segment: Callable[[str], list[str]]
) -> list[str]:
    """ "โครง|การสื่อสาร" → "โครงการ|สื่อสาร" when "โครงการ" is a word and the rest is made of
    words. (It also makes "ทำการ|บ้าน" of "ทำ|การบ้าน": a break there is between two words
    all the same.)"""
    out: list[str] = []
    for token in tokens:
        before = out[-1] if out else ""
        prefix = next((p for p in _NOMINAL if token.startswith(p) and len(token) > len(p)), "")
        if prefix and before and before + prefix in words:
            rest = segment(token[len(prefix) :])
            if all(piece in words for piece in rest):
                out[-1] = before + prefix
                out += rest
                continue
        out.append(token)
    return out


def _boundaries(tokens: list[str]) -> set[int]:
    cuts, position = set(), 0
    for token in tokens[:-1]:
        position += len(token)
        cuts.add(position)
    return cuts


def _short(piece: str, inside: list[int]) -> list[str]:
    """A piece no longer than MAX_UNBROKEN letters, or else cut into such pieces: between
    the words the segmenter found inside it (a long name: ศาลา|ว่าการ|กรุงเทพมหานคร), and a
    single word that is still too long between syllables (Thai character clusters). An unknown
    word that long would overflow a phone's line."""
    if width(piece) <= MAX_UNBROKEN:
        return [piece]
    if not inside:  # one dictionary entry (a long name): the words it is made of
        inside = [c for c in _inner_words(piece) if not _NEVER_FIRST.match(piece, c)]
    pieces: list[str] = []
    start = 0
    for cut in [*inside, len(piece)]:
        pieces.append(piece[start:cut])
        start = cut
    merged: list[str] = []
    for word in pieces:
        if merged and width(merged[-1] + word) <= MAX_UNBROKEN:
            merged[-1] += word
        else:
            merged.append(word)
    return [part for word in merged for part in _by_syllables(word)]


_INNER_LOCK = threading.Lock()


@functools.cache
def _plain_words() -> Any:
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    return dict_trie(thai_words())


@functools.cache
def _inner_words(entry: str) -> list[int]:
    """Where the words of one long dictionary entry meet, by PyThaiNLP's dictionary without
    that entry (ศาลาว่าการกรุงเทพมหานคร → 4, 10: ศาลา|ว่าการ|กรุงเทพมหานคร). Rare: only names
    longer than a phone's line come here."""
    from pythainlp.tokenize import word_tokenize

    trie = _plain_words()
    with _INNER_LOCK:
        known = entry in trie
        if known:
            trie.remove(entry)
        try:
            tokens = word_tokenize(entry, custom_dict=trie, engine="newmm")
        finally:
            if known:
                trie.add(entry)
    return sorted(_boundaries(tokens))


def _by_syllables(word: str) -> list[str]:
    if width(word) <= MAX_UNBROKEN:
        return [word]
    from pythainlp.tokenize import subword_tokenize

    out, current = [], ""
    for cluster in subword_tokenize(word, engine="tcc"):
        if current and width(current + cluster) > MAX_UNBROKEN:
            out.append(current)
            current = ""
        current += cluster
    return [*out, current] if current else out


__all__ = ["ELEMENT", "MAX_UNBROKEN", "ThaiBreaks", "load_dictionary"]
