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

from generator.search.index import Index
from generator.search.normalize import (
    SKELETON,
    QueryTerm,
    normalize,
    parse_query,
    phrase_keys,
    runs,
    skeleton_terms,
)

from .fuzzy import SKELETON_COST, alternatives, typed_terms

K1 = 1.2
B = 0.75
TITLE_BOOST = 1.5
PREFIX_FACTOR = 0.7
FEW = 3  # fewer exact hits than this: near words are looked for too
PAGE = 10  # fewer exact hits than a page of results: Thai is looked up by its skeleton too
NEAR_TIER = 4  # near hits come after every exact hit (tiers 0-3)
APART = 2  # Thai words typed apart found apart: below those found side by side (tiers 0-1)


@dataclass
class Hit:
    doc: int
    score: float
    tier: int
    near: str = ""  # the corrected query that found it (a near hit by skeleton: "~")


Lookup = Callable[[str], list[tuple[int, int, bool]] | None]
PrefixLookup = Callable[[str], list[str]]


def _bm25(df: int, n: int, weight: int, length: int, avgdl: float) -> tuple[float, float]:
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    norm = K1 * (1 - B + B * length / (avgdl or 1))
    return idf * weight * (K1 + 1) / (weight + norm), idf


def _term_scores(
    term: QueryTerm,
    lookup: Lookup,
    prefixed: PrefixLookup,
    n: int,
    lengths: list[int],
    avgdl: float,
) -> dict[int, tuple[float, bool]]:
    """doc → (score, in title) for the documents that satisfy the term."""
    result: dict[int, tuple[float, bool]] = {}
    if term.exact and not term.prefix:
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
    # Prefix: the word as typed (or its stem) where a document has it; elsewhere the best
    # longer word it starts (a rare one must not outrank the very word typed).
    expansions = prefixed(term.prefix)
    if term.bare_prefix:
        expansions += prefixed(term.bare_prefix)
    expansions += [key for key in term.exact if key not in expansions]
    whole = [key for key in expansions if key == term.prefix or key in term.exact]
    exact_docs: set[int] = set()
    for key in whole + [key for key in expansions if key not in whole]:
        postings = lookup(key) or []
        full = key in whole
        factor = 1.0 if full else PREFIX_FACTOR
        for doc, weight, title in postings:
            if not full and doc in exact_docs:
                continue
            s, idf = _bm25(len(postings), n, weight, lengths[doc], avgdl)
            s = factor * (s + (TITLE_BOOST * idf if title else 0.0))
            old = result.get(doc)
            if old is None or s > old[0]:
                result[doc] = (s, title or (old[1] if old else False))
            elif title:
                result[doc] = (old[0], True)
            if full:
                exact_docs.add(doc)
    return result


def rank(
    terms: list[QueryTerm],
    pairs: list[str],
    lookup: Lookup,
    prefixed: PrefixLookup,
    lengths: list[int],
    avgdl: float,
) -> list[Hit]:
    """Every document that has all the terms, in rank order."""
    if not terms:
        return []
    n = len(lengths)
    combined: dict[int, tuple[float, bool]] | None = None
    for term in terms:
        scores = _term_scores(term, lookup, prefixed, n, lengths, avgdl)
        if combined is None:
            combined = scores
        else:
            combined = {
                doc: (combined[doc][0] + s, combined[doc][1] and t)
                for doc, (s, t) in scores.items()
                if doc in combined
            }
        if not combined:
            return []
    assert combined is not None
    # Tier 0: the words stand together as typed (a phrase) and every term is in the title;
    # 1: phrase; 2: every term in the title; 3: the rest.
    phrase: set[int] | None = None
    for key in pairs:
        postings = lookup(key)
        if postings is None:  # a pair not kept in the index (a rare word): no phrase tier
            continue
        docs = {d for d, _w, _t in postings}
        phrase = docs if phrase is None else phrase & docs
    hits = [
        Hit(doc, score, (0 if phrase is None or doc in phrase else 2) + (0 if title else 1))
        for doc, (score, title) in combined.items()
    ]
    hits.sort(key=lambda h: (h.tier, -h.score, h.doc))
    return hits


def skeleton_lookup(lookup: Lookup) -> Lookup:
    """A key as itself or as a skeleton key: the documents of either."""

    def both(key: str) -> list[tuple[int, int, bool]] | None:
        merged: dict[int, tuple[int, bool]] = {}
        for postings in (lookup(key), lookup(SKELETON + key)):
            for doc, weight, title in postings or []:
                old = merged.get(doc)
                merged[doc] = (max(weight, old[0]), title or old[1]) if old else (weight, title)
        return [(doc, w, t) for doc, (w, t) in sorted(merged.items())] or None

    return both


@dataclass
class Result:
    hits: list[Hit]
    suggestions: list[str]  # "did you mean": corrected queries that find pages


def search_all(
    query: str,
    lookup: Lookup,
    prefixed: PrefixLookup,
    lengths: list[int],
    avgdl: float,
    gram: int = 4,
    lexicon: list[str] | None = None,
) -> Result:
    """Exact hits in rank order, then the near hits: by the query's skeleton, and with fewer
    than FEW exact hits by each corrected query, cheapest first."""
    terms = parse_query(query, gram)
    hits = rank(terms, phrase_keys(query), lookup, prefixed, lengths, avgdl)
    apart = typed_terms(query, gram)
    if len(apart) > len(terms):
        hits += apart_hits(hits, apart, lookup, prefixed, lengths, avgdl)
    if lexicon is None or not terms or len(hits) >= PAGE:
        return Result(hits, [])
    # A page of exact hits: nothing else. Fewer: Thai is still looked up by its skeleton
    # (ขอนแกน can match pieces of other words exactly, and a tone mark left out is the
    # commonest slip); fewer than FEW: near words too.
    words = len(hits) < FEW
    seen = {h.doc for h in hits}
    tail = "" if normalize(query)[-1:].strip() else " "
    tries: list[tuple[float, str, list[QueryTerm], Lookup]] = []
    bare = skeleton_terms(terms, gram)
    if bare is not None:
        tries.append((SKELETON_COST, "~", bare, skeleton_lookup(lookup)))
    for cost, text in alternatives(apart, lexicon) if words else []:
        tries.append((cost, text, typed_terms(text + tail, gram), lookup))
    tries.sort(key=lambda t: t[0])  # stable: the skeleton before corrections of its cost
    suggestions: list[str] = []
    for _cost, text, alt_terms, alt_lookup in tries:
        found = rank(
            alt_terms,
            [] if text == "~" else phrase_keys(text + tail),
            alt_lookup,
            prefixed,
            lengths,
            avgdl,
        )
        if found and text != "~" and len(suggestions) < 3 and _known(text, lexicon):
            suggestions.append(text)
        for h in found:
            if h.doc not in seen:
                seen.add(h.doc)
                hits.append(Hit(h.doc, h.score, NEAR_TIER + h.tier, text))
    return Result(hits, suggestions)


def apart_hits(
    hits: list[Hit],
    apart: list[QueryTerm],
    lookup: Lookup,
    prefixed: PrefixLookup,
    lengths: list[int],
    avgdl: float,
) -> list[Hit]:
    """Thai words typed apart are one run to the search (pages run their words together), so
    `hits` are the pages where they stand side by side; below those, the pages that have each
    word elsewhere, ranked among themselves (tiers APART + 0/1: all in the title, or not)."""
    seen = {h.doc for h in hits}
    found = rank(apart, [], lookup, prefixed, lengths, avgdl)
    return [Hit(h.doc, h.score, APART + h.tier) for h in found if h.doc not in seen]


def _known(text: str, lexicon: list[str]) -> bool:
    """A suggestion is offered only if its words (other than Thai) are words of the site as
    written: "budgetting" finds the pages of "budget" by its stem, but is no spelling to
    suggest."""
    words = set(lexicon)
    return all(kind == "t" or run in words for kind, run in runs(normalize(text)))


def search(
    query: str,
    lookup: Lookup,
    prefixed: PrefixLookup,
    lengths: list[int],
    avgdl: float,
    limit: int | None = None,
    gram: int = 4,
    lexicon: list[str] | None = None,
) -> list[Hit]:
    hits = search_all(query, lookup, prefixed, lengths, avgdl, gram, lexicon).hits
    return hits[:limit] if limit else hits


class MemoryIndex:
    """An Index held in memory, searchable like the browser does it."""

    def __init__(self, index: Index) -> None:
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
            # pairs never expand, skeleton keys only a skeleton prefix
            if " " not in key and (prefix[:1] == SKELETON or key[:1] != SKELETON):
                out.append(key)
        return out

    def search(self, query: str, limit: int | None = 10, fuzzy: bool = True) -> list[Hit]:
        return search(
            query,
            self.lookup,
            self.prefixed,
            self.index.lengths,
            self.index.avgdl,
            limit,
            self.index.gram,
            self.index.lexicon if fuzzy else None,
        )

    def suggestions(self, query: str) -> list[str]:
        return search_all(
            query,
            self.lookup,
            self.prefixed,
            self.index.lengths,
            self.index.avgdl,
            self.index.gram,
            self.index.lexicon,
        ).suggestions

    def urls(self, query: str, limit: int | None = 10, fuzzy: bool = True) -> list[str]:
        return [self.index.documents[h.doc].url for h in self.search(query, limit, fuzzy)]
