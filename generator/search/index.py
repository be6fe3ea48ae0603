"""Build one language's search index and write it as classic JavaScript files.

Files (under `<site>/search/<lang>/`), each a call `LCSearch.register(lang, name, data)` so
that they load with a `<script>` tag, which works from file:// where fetch() does not:

* `manifest.js` — counts, BM25 statistics, the length of every document, where each shard and
  each chunk of the document table is; loaded first (a few KB, plus the shard bounds: 20 KB
  at 2,000 pages).
* `s/<n>.js`    — shard n of the inverted index: {key: postings}. The keys are in order
  (JavaScript's string order, UTF-16 code units) and cut into shards of about SHARD_TARGET
  bytes; the manifest's `bounds` holds the shortest prefix of each shard's first key that
  sorts after the previous shard's last key. A key lives in shard `shard_of(key, bounds)` (the
  number of bounds at or below it); the keys that start with a prefix, in the shards from
  `shard_of(prefix)` to `shard_of(prefix + "\uffff")`. Shards are thus all about the same
  size, however common a key prefix is (cutting by the first two characters, as before,
  made the shards of common Thai syllables 14 times the median size).
* `d/<n>.js`    — chunk n of the document table: [[url, title, snippet, kind, city], …] (kind
  and city as the page's head says, in its language; empty ones left off the end); only the
  chunks of the results shown are loaded.
* `lexicon.js`  — the words a reader may have meant, most common first: every word of other
  scripts (English) and the Thai of titles, headings and names (a Thai text has no word
  boundaries to take words from). Loaded only when a query has few or no exact hits: search.js
  then looks for near spellings (weighted edit distance, docs/search.md) and offers them.

Postings are a string: per document, a base-32 varint (alphabet `CODE`, a digit >= 32 means
"more digits follow", least significant first) of ``gap * 4 + in_title * 2 + (weight > 1)``,
then ``weight - 2`` as a second varint when the weight is above 1. ``gap`` is the distance to
the previous document id (the first is the id plus one); ``weight`` is how often the key occurs
in the text, headings counting HEADING_WEIGHT times; ``in_title`` tells whether it occurs in
the title.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .extract import BLOCK_BREAK, Page
from .normalize import GRAM, PAIR, joined_keys, normalize, runs, text_keys

CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
FORMAT = 3  # search.js reads only this format
HEADING_WEIGHT = 3
MAX_WEIGHT = 4000
SHARD_TARGET = 12_000  # bytes of keys and postings per shard
CHUNK_TARGET = 4_000  # bytes of document table per chunk, at most (unless one doc is bigger)
CHUNK_MAX_DOCS = 16
PAIR_COMMON = 0.02  # share of pages a word must be on for its pairs to be kept
LEXICON_MAX = 30_000  # words in lexicon.js, the most common (about 9 bytes each)
LEXICON_THAI_MAX = 60  # characters of a Thai title or heading run kept in the lexicon


def varint(value: int) -> str:
    out = []
    while True:
        digit = value & 31
        value >>= 5
        if value:
            out.append(CODE[digit + 32])
        else:
            out.append(CODE[digit])
            return "".join(out)


_SMALL = [varint(n) for n in range(4096)]  # most postings values are small: look them up


def decode_varints(text: str) -> list[int]:
    values, value, shift = [], 0, 0
    for char in text:
        digit = CODE.index(char)
        value |= (digit & 31) << shift
        if digit >= 32:
            shift += 5
        else:
            values.append(value)
            value, shift = 0, 0
    return values


def encode_postings(postings: list[tuple[int, int, bool]]) -> str:
    out, previous, small = [], -1, _SMALL
    for doc, weight, in_title in postings:
        weight = max(1, min(weight, MAX_WEIGHT))
        head = (doc - previous) * 4 + (2 if in_title else 0) + (1 if weight > 1 else 0)
        out.append(small[head] if head < 4096 else varint(head))
        if weight > 1:
            out.append(small[weight - 2])  # MAX_WEIGHT < 4096
        previous = doc
    return "".join(out)


def decode_postings(text: str) -> list[tuple[int, int, bool]]:
    values = decode_varints(text)
    out, previous, i = [], -1, 0
    while i < len(values):
        head = values[i]
        i += 1
        doc = previous + (head >> 2)
        weight = 1
        if head & 1:
            weight = values[i] + 2
            i += 1
        out.append((doc, weight, bool(head & 2)))
        previous = doc
    return out


@dataclass
class Terms:
    """One document's keys: how often each occurs (headings counting HEADING_WEIGHT times),
    which occur in the title, and the length of the text in keys (for BM25); its skeleton
    keys (normalize.skeleton) apart, since they do not count in its length; the words of
    other scripts it has, as written (for the lexicon)."""

    counts: dict[str, int]
    in_title: set[str]
    length: int
    gram: int = GRAM
    bare: dict[str, int] = field(default_factory=dict)
    words: frozenset[str] = frozenset()


def text_terms(page: Page, gram: int = GRAM) -> Terms:
    """The keys of a page's text and headings (its title not yet counted)."""
    counts: Counter[str] = Counter()
    bare: Counter[str] = Counter()
    words: set[str] = set()
    for block in page.body.split(BLOCK_BREAK):
        found, skeletons, written = text_keys(block, gram)
        counts.update(found)
        bare.update(skeletons)
        words.update(written)
    length = sum(counts.values())
    for heading in page.headings:
        found, skeletons, _ = text_keys(heading, gram)
        for key in found:
            counts[key] += HEADING_WEIGHT - 1
        for key in skeletons:
            bare[key] += HEADING_WEIGHT - 1
    return Terms(dict(counts), set(), max(length, 1), gram, dict(bare), frozenset(words))


def with_title(terms: Terms, title: str) -> Terms:
    found, skeletons, written = text_keys(title, terms.gram)
    title_keys = set(found)
    counts = dict(terms.counts)
    for key in title_keys:
        counts.setdefault(key, 0)  # a key of the title alone is still a key of the page
    bare = dict(terms.bare)
    for key in skeletons:
        bare.setdefault(key, 0)
    return Terms(counts, title_keys, terms.length, terms.gram, bare, terms.words | set(written))


def with_names(terms: Terms, page: Page) -> Terms:
    """The page's names in every script count as its title (so "Khon Kaen" on the Thai site
    finds ขอนแก่น first); its cities' names too; all of them also written together
    ("Khonkaen"). Added when the index is built, after the helper counted the text."""
    if not page.names and not page.places:
        return terms
    counts = dict(terms.counts)
    in_title = set(terms.in_title)
    bare = dict(terms.bare)
    words = set(terms.words)
    title_text = normalize(page.title)
    for names, title in ((page.names, True), (page.places, False)):
        # Its own names weigh as a heading would, its cities' names not at all (they only
        # let it be found): a city's own page comes before its projects'.
        weight = HEADING_WEIGHT if title else 0
        for name in names:
            if normalize(name) == title_text:  # the title itself, counted already but apart
                for key in joined_keys([name]):
                    counts[key] = counts.get(key, 0) + HEADING_WEIGHT
                    in_title.add(key)
                continue
            found, skeletons, written = text_keys(name, terms.gram)
            words.update(written)
            for key in skeletons:
                bare[key] = bare.get(key, 0) + weight
            for key in found + joined_keys([name]):
                counts[key] = counts.get(key, 0) + weight
                if title:
                    in_title.add(key)
    return Terms(counts, in_title, terms.length, terms.gram, bare, frozenset(words))


def document_terms(page: Page, gram: int = GRAM) -> Terms:
    return with_title(text_terms(page, gram), page.title)


@dataclass
class Document:
    url: str  # relative to the site root
    page: Page
    snippet: str = ""
    terms: Terms | None = None  # computed when the page was read, or by build_index


@dataclass
class Index:
    lang: str
    documents: list[Document]
    postings: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    gram: int = GRAM
    lexicon: list[str] = field(default_factory=list)

    @property
    def avgdl(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0


def build_index(lang: str, documents: list[Document], gram: int = GRAM) -> Index:
    index = Index(lang, documents, gram=gram)
    table: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    pairs: set[str] = set()
    lexicon: Counter[str] = Counter()
    for doc_id, document in enumerate(documents):
        terms = document.terms
        if terms is None or terms.gram != gram:
            terms = document_terms(document.page, gram)
        terms = with_names(terms, document.page)
        in_title = terms.in_title
        for key, weight in terms.counts.items():
            table[key].append((doc_id, max(weight, 1), key in in_title))
            if PAIR in key:
                pairs.add(key)
        for key, weight in terms.bare.items():
            table[key].append((doc_id, max(weight, 1), False))
        index.lengths.append(terms.length)
        lexicon.update(terms.words | _thai_names(document.page))
    # Word pairs tell phrases apart only where the words alone do not: keep the pairs of two
    # common words (each in PAIR_COMMON of the pages or more); a query whose pair is missing
    # simply gets no phrase tier. This keeps the English index from doubling.
    common = max(2, math.ceil(len(documents) * PAIR_COMMON))
    for key in pairs:
        first, second = key.split(PAIR)
        if len(table.get(first, ())) < common or len(table.get(second, ())) < common:
            del table[key]
    index.postings = dict(sorted(table.items()))
    index.lexicon = [word for word, _ in sorted(lexicon.items(), key=lambda x: (-x[1], x[0]))][
        :LEXICON_MAX
    ]
    return index


def _thai_names(page: Page) -> set[str]:
    """The Thai runs of a page's title, headings and names: the Thai words of the lexicon."""
    out = set()
    for text in (page.title, *page.headings, *page.names, *page.places):
        for kind, run in runs(normalize(text)):
            if kind == "t" and 2 <= len(run) <= LEXICON_THAI_MAX:
                out.add(run)
    return out


def js_order(key: str) -> bytes:
    """Sort key giving JavaScript's string order (UTF-16 code units), which the browser uses
    to find a key's shard; it differs from Python's for characters beyond U+FFFF."""
    return key.encode("utf-16-be")


def _separator(previous: str, first: str) -> str:
    """The shortest prefix of `first` that sorts after `previous` (previous < first)."""
    for end in range(1, len(first) + 1):
        if js_order(first[:end]) > js_order(previous):
            return first[:end]
    return first


def cut_shards(encoded: dict[str, str]) -> tuple[list[dict[str, str]], list[str]]:
    """The keys in order, cut into shards of about SHARD_TARGET bytes, and the bounds."""
    groups: list[dict[str, str]] = [{}]
    bounds: list[str] = []
    size, previous = 0, ""
    for key in sorted(encoded, key=js_order):
        item = len(key.encode()) + len(encoded[key]) + 6
        if groups[-1] and size + item > SHARD_TARGET:
            groups.append({})
            bounds.append(_separator(previous, key))
            size = 0
        groups[-1][key] = encoded[key]
        size += item
        previous = key
    return groups, bounds


def shard_of(key: str, bounds: list[str]) -> int:
    """Which shard holds `key` (as search.js finds it)."""
    return bisect.bisect_right(bounds, js_order(key), key=js_order)


def shards_with_prefix(prefix: str, bounds: list[str]) -> range:
    """The shards that hold the keys starting with `prefix`."""
    return range(shard_of(prefix, bounds), shard_of(prefix + "\uffff", bounds) + 1)


def _register(lang: str, name: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'LCSearch.register("{lang}","{name}",{payload});\n'


def render_files(index: Index) -> dict[str, str]:
    """Relative path (under search/<lang>/) → file text."""
    lang = index.lang
    grouped, bounds = cut_shards({key: encode_postings(p) for key, p in index.postings.items()})
    shards = len(grouped)
    files: dict[str, str] = {}
    for n, group in enumerate(grouped):
        files[f"s/{n}.js"] = _register(lang, f"s{n}", group)

    starts: list[int] = []
    chunk: list[list[str]] = []
    size = 0
    chunks: list[list[list[str]]] = []
    for doc_id, document in enumerate(index.documents):
        row = [
            document.url,
            document.page.title,
            document.snippet,
            document.page.kind,
            document.page.city,
        ]
        while len(row) > 3 and not row[-1]:
            row.pop()
        row_size = len(json.dumps(row, ensure_ascii=False).encode())
        if chunk and (size + row_size > CHUNK_TARGET or len(chunk) >= CHUNK_MAX_DOCS):
            chunks.append(chunk)
            chunk, size = [], 0
        if not chunk:
            starts.append(doc_id)
        chunk.append(row)
        size += row_size
    if chunk:
        chunks.append(chunk)
    for n, rows in enumerate(chunks):
        files[f"d/{n}.js"] = _register(lang, f"d{n}", rows)
    files["lexicon.js"] = _register(lang, "lexicon", index.lexicon)

    digest = hashlib.sha256("".join(files[name] for name in sorted(files)).encode()).hexdigest()
    manifest = {
        "format": FORMAT,
        "lang": lang,
        "id": digest[:12],
        "gram": index.gram,
        "docs": len(index.documents),
        "avgdl": round(index.avgdl, 2),
        "lengths": "".join(varint(n) for n in index.lengths),
        "shards": shards,
        "bounds": bounds,
        "chunks": starts,
    }
    files["manifest.js"] = _register(lang, "manifest", manifest)
    return files
