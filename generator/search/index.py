"""Build one language's search index and write it as classic JavaScript files.

Files (under `<site>/search/<lang>/`), each a call `LCSearch.register(lang, name, data)` so
that they load with a `<script>` tag, which works from file:// where fetch() does not:

* `manifest.js` — counts, BM25 statistics, the length of every document, where each shard and
  each chunk of the document table is; loaded first (a few KB).
* `s/<n>.js`    — shard n of the inverted index: {key: postings}. A key lives in the shard
  of its first two characters (see `normalize.shard_of`), so a query needs one shard per
  distinct key prefix and a prefix look-up needs exactly one.
* `d/<n>.js`    — chunk n of the document table: [[url, title, snippet], …]; only the chunks of
  the results shown are loaded.

Postings are a string: per document, a base-32 varint (alphabet `CODE`, a digit >= 32 means
"more digits follow", least significant first) of ``gap * 4 + in_title * 2 + (weight > 1)``,
then ``weight - 2`` as a second varint when the weight is above 1. ``gap`` is the distance to
the previous document id (the first is the id plus one); ``weight`` is how often the key occurs
in the text, headings counting HEADING_WEIGHT times; ``in_title`` tells whether it occurs in
the title.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .extract import BLOCK_BREAK, Page
from .normalize import GRAM, PAIR, keys, shard_of

CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
FORMAT = 1
HEADING_WEIGHT = 3
MAX_WEIGHT = 4000
SHARD_TARGET = 12_000     # bytes of postings per shard, on average
CHUNK_TARGET = 4_000      # bytes of document table per chunk, at most (unless one doc is bigger)
CHUNK_MAX_DOCS = 16
PAIR_COMMON = 0.02          # share of pages a word must be on for its pairs to be kept


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
    out, previous = [], -1
    for doc, weight, in_title in postings:
        weight = max(1, min(weight, MAX_WEIGHT))
        out.append(varint((doc - previous) * 4 + (2 if in_title else 0) + (1 if weight > 1 else 0)))
        if weight > 1:
            out.append(varint(weight - 2))
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
class Document:
    url: str                    # relative to the site root
    page: Page
    snippet: str = ""


@dataclass
class Index:
    lang: str
    documents: list[Document]
    postings: dict[str, list[tuple[int, int, bool]]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    gram: int = GRAM

    @property
    def avgdl(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0


def build_index(lang: str, documents: list[Document], gram: int = GRAM) -> Index:
    index = Index(lang, documents, gram=gram)
    table: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    pairs: list[str] = []
    for doc_id, document in enumerate(documents):
        page = document.page
        counts: Counter[str] = Counter()
        for block in page.body.split(BLOCK_BREAK):
            counts.update(keys(block, gram))
        length = sum(counts.values())
        for heading in page.headings:
            for key in keys(heading, gram):
                counts[key] += HEADING_WEIGHT - 1
        title_keys = set(keys(page.title, gram))
        for key in title_keys:
            counts[key] += 0  # a key of the title alone is still a key of the page
        for key, weight in counts.items():
            table[key].append((doc_id, max(weight, 1), key in title_keys))
            if PAIR in key:
                pairs.append(key)
        index.lengths.append(max(length, 1))
    # Word pairs tell phrases apart only where the words alone do not: keep the pairs of two
    # common words (each in PAIR_COMMON of the pages or more); a query whose pair is missing
    # simply gets no phrase tier. This keeps the English index from doubling.
    common = max(2, math.ceil(len(documents) * PAIR_COMMON))
    for key in set(pairs):
        first, second = key.split(PAIR)
        if len(table.get(first, ())) < common or len(table.get(second, ())) < common:
            del table[key]
    index.postings = dict(sorted(table.items()))
    return index


def _register(lang: str, name: str, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'LCSearch.register("{lang}","{name}",{payload});\n'


def render_files(index: Index) -> dict[str, str]:
    """Relative path (under search/<lang>/) → file text."""
    lang = index.lang
    encoded = {key: encode_postings(p) for key, p in index.postings.items()}
    total = sum(len(k.encode()) + len(v) + 6 for k, v in encoded.items())
    shards = max(1, math.ceil(total / SHARD_TARGET))
    grouped: list[dict[str, str]] = [{} for _ in range(shards)]
    for key, value in encoded.items():
        grouped[shard_of(key, shards)][key] = value
    files: dict[str, str] = {}
    for n, group in enumerate(grouped):
        files[f"s/{n}.js"] = _register(lang, f"s{n}", group)

    starts: list[int] = []
    chunk: list[list[str]] = []
    size = 0
    chunks: list[list[list[str]]] = []
    for doc_id, document in enumerate(index.documents):
        row = [document.url, document.page.title, document.snippet]
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
        "chunks": starts,
    }
    files["manifest.js"] = _register(lang, "manifest", manifest)
    return files
