"""The ranking, in Python: the reference for search.js (which does the same in the browser)
and the engine of the unit tests and of bench/search_bench.py's comparisons.

Every term of the query is required (AND). A Thai term of 3+ characters needs all of its
n-grams; a shorter Thai term (2+ characters) or the last, still-open word matches any key that starts
with it. Documents are ordered by tier first — exact phrase (neighbouring words of the query
are neighbours in the page: their pair keys; Thai typed text is one run, so all its n-grams
is already the phrase), then every term in the title — then by BM25 (k1 1.2,
b 0.75) summed over terms, each term's score being the mean over its n-grams, with a bonus for
terms found in the title; ties by document order.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from generator.search.normalize import QueryTerm, parse_query, phrase_keys

K1 = 1.2
B = 0.75
TITLE_BOOST = 1.5
PREFIX_FACTOR = 0.7


@dataclass
class Hit:
    doc: int
    score: float
    tier: int


Lookup = Callable[[str], list[tuple[int, int, bool]] | None]
PrefixLookup = Callable[[str], list[str]]


def _bm25(df: int, n: int, weight: int, length: int, avgdl: float) -> tuple[float, float]:
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    norm = K1 * (1 - B + B * length / (avgdl or 1))
    return idf * weight * (K1 + 1) / (weight + norm), idf


def _term_scores(term: QueryTerm, lookup: Lookup, prefixed: PrefixLookup, n: int,
                 lengths: list[int], avgdl: float) -> dict[int, tuple[float, bool]]:
    """doc → (score, in title) for the documents that satisfy the term."""
    result: dict[int, tuple[float, bool]] = {}
    if term.exact and not (term.prefix and len(term.exact) == 1 and term.exact[0] == term.prefix):
        lists = [lookup(key) or [] for key in term.exact]
        if all(lists):
            common = set.intersection(*({d for d, _w, _t in p} for p in lists))
            for postings in lists:
                df = len(postings)
                for doc, weight, title in postings:
                    if doc not in common:
                        continue
                    s, idf = _bm25(df, n, weight, lengths[doc], avgdl)
                    s = s / len(lists) + (TITLE_BOOST * idf / len(lists) if title else 0.0)
                    old = result.get(doc, (0.0, True))
                    result[doc] = (old[0] + s, old[1] and title)
        return result
    # Prefix: the best expansion per document; the exact word itself counts in full.
    for key in prefixed(term.prefix):
        postings = lookup(key) or []
        factor = 1.0 if key == term.prefix else PREFIX_FACTOR
        for doc, weight, title in postings:
            s, idf = _bm25(len(postings), n, weight, lengths[doc], avgdl)
            s = factor * (s + (TITLE_BOOST * idf if title else 0.0))
            old = result.get(doc)
            if old is None or s > old[0]:
                result[doc] = (s, title or (old[1] if old else False))
            elif title:
                result[doc] = (old[0], True)
    return result


def search(query: str, lookup: Lookup, prefixed: PrefixLookup, lengths: list[int],
           avgdl: float, limit: int | None = None, gram: int = 4) -> list[Hit]:
    terms = parse_query(query, gram)
    if not terms:
        return []
    n = len(lengths)
    combined: dict[int, tuple[float, bool]] | None = None
    for term in terms:
        scores = _term_scores(term, lookup, prefixed, n, lengths, avgdl)
        if combined is None:
            combined = scores
        else:
            combined = {doc: (combined[doc][0] + s, combined[doc][1] and t)
                        for doc, (s, t) in scores.items() if doc in combined}
        if not combined:
            return []
    assert combined is not None
    # Tier 0: the words stand together as typed (a phrase) and every term is in the title;
    # 1: phrase; 2: every term in the title; 3: the rest.
    phrase: set[int] | None = None
    for key in phrase_keys(query):
        postings = lookup(key)
        if postings is None:  # a pair not kept in the index (a rare word): no phrase tier
            continue
        docs = {d for d, _w, _t in postings}
        phrase = docs if phrase is None else phrase & docs
    hits = [Hit(doc, score, (0 if phrase is None or doc in phrase else 2) + (0 if title else 1))
            for doc, (score, title) in combined.items()]
    hits.sort(key=lambda h: (h.tier, -h.score, h.doc))
    return hits[:limit] if limit else hits


class MemoryIndex:
    """An Index held in memory, searchable like the browser does it."""

    def __init__(self, index) -> None:  # noqa: ANN001 (generator.search.index.Index)
        self.index = index
        self._sorted = sorted(index.postings)

    def lookup(self, key: str) -> list[tuple[int, int, bool]] | None:
        return self.index.postings.get(key)

    def prefixed(self, prefix: str) -> list[str]:
        import bisect
        start = bisect.bisect_left(self._sorted, prefix)
        out = []
        for key in self._sorted[start:]:
            if not key.startswith(prefix):
                break
            if " " not in key:  # word pairs are never prefix expansions
                out.append(key)
        return out

    def search(self, query: str, limit: int | None = 10) -> list[Hit]:
        return search(query, self.lookup, self.prefixed, self.index.lengths,
                      self.index.avgdl, limit, self.index.gram)

    def urls(self, query: str, limit: int | None = 10) -> list[str]:
        return [self.index.documents[h.doc].url for h in self.search(query, limit)]
