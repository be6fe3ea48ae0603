"""Near spellings, in Python: the reference for search.js's `nearWords` and `distance` (a
browser test compares them), used by the unit tests and the benchmark.

The distance is an edit distance over grapheme clusters (a Thai consonant or vowel with the
marks above and below it; any other character alone), with the costs of what Thai readers
predictably get wrong lowered to CHEAP:

* a cluster that differs only by its tone mark, or by letters read alike (ศ/ษ/ส, ร/ล/ฬ), or
  that lost its การันต์ (ร์ typed ร);
* a cluster with การันต์ left out or added (จันทร์ typed จันท);
* ำ typed as ั + ม is no difference at all (both are compared as ั + ม).

Any other change of one cluster, a cluster left out, one too many, or two neighbours swapped
costs 1. A Thai query is compared with the best-matching part of a longer lexicon entry (a
title or a heading holds many words); a word of other scripts with the whole word.
"""

from __future__ import annotations

import re

from generator.search.normalize import THAI_CHAR, QueryTerm, normalize, parse_query

CHEAP = 0.25
TOP = 3  # candidates kept per query term
MAX_COST = 2.0  # of a corrected query, all its terms together
MAX_ALTERNATIVES = 6
JOINED = 0.5  # "khon kaen" searched as "khonkaen"
SKELETON_COST = 0.25  # the query looked up by its skeleton (normalize.skeleton)
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_TONE_OR_KARAN = re.compile("[\u0e48-\u0e4c]")
_ALIKE = str.maketrans({"ศ": "ส", "ษ": "ส", "ล": "ร", "ฬ": "ร"})


def clusters(text: str) -> list[tuple[str, str]]:
    """(compared, as written) per cluster of a normalised text; ำ is compared as ั + ม."""
    out: list[list[str]] = []
    for char in normalize(text):
        pieces = [("\u0e31", ""), ("ม", char)] if char == "\u0e33" else [(char, char)]
        for compared, written in pieces:
            if out and _MARK.match(compared):
                out[-1][0] += compared
                out[-1][1] += written
            else:
                out.append([compared, written])
    return [(c, w) for c, w in out]


def _bare(cluster: str) -> str:
    return _TONE_OR_KARAN.sub("", cluster).translate(_ALIKE)


def substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return CHEAP if _bare(a) == _bare(b) else 1.0


def indel(cluster: str) -> float:
    return CHEAP if "\u0e4c" in cluster else 1.0


def budget(size: int) -> float:
    """How far a term of `size` clusters may be from what the reader meant."""
    return 0.0 if size < 3 else 1.0 if size < 7 else 2.0


def distance(query: list[str], entry: list[str], part: bool) -> tuple[float, int, int]:
    """(cost, start, end): the weighted distance of `query` from `entry`, or with `part`
    from its best-matching part entry[start:end] (the earliest of the cheapest)."""
    n, m = len(query), len(entry)
    inf = float("inf")
    # d[i][j]: cost of query[:i] against entry[s:j], s in start[i][j]
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    start = [[0] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        d[0][j] = 0.0 if part else (d[0][j - 1] + indel(entry[j - 1]) if j else 0.0)
        start[0][j] = j if part else 0
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + indel(query[i - 1])
        start[i][0] = 0
        for j in range(1, m + 1):
            best = d[i - 1][j - 1] + substitution(query[i - 1], entry[j - 1])
            origin = start[i - 1][j - 1]
            cost = d[i - 1][j] + indel(query[i - 1])
            if cost < best:
                best, origin = cost, start[i - 1][j]
            cost = d[i][j - 1] + indel(entry[j - 1])
            if cost < best:
                best, origin = cost, start[i][j - 1]
            if (
                i > 1
                and j > 1
                and query[i - 1] == entry[j - 2]
                and query[i - 2] == entry[j - 1]
                and query[i - 1] != query[i - 2]
            ):
                cost = d[i - 2][j - 2] + 1.0
                if cost < best:
                    best, origin = cost, start[i - 2][j - 2]
            d[i][j] = best
            start[i][j] = origin
    if not part:
        return d[n][m], 0, m
    best_j, best = 0, inf
    for j in range(m + 1):
        if d[n][j] < best:
            best, best_j = d[n][j], j
    return best, start[n][best_j], best_j


def unmatched(bare: set[str], entry: set[str]) -> int:
    """How many of the query's clusters (by bare form; none with การันต์, which may cost less)
    an entry lacks altogether: each costs at least 1, so this is a lower bound of the distance
    and an entry beyond the budget need not be measured."""
    return sum(1 for cluster in bare if cluster not in entry)


def near_words(text: str, lexicon: list[str]) -> list[tuple[float, str]]:
    """Up to TOP (cost, word) of the lexicon near `text` (one query term), cheapest first,
    then the most common; never the term itself."""
    query = [c for c, _ in clusters(text)]
    limit = budget(len(query))
    if not limit:
        return []
    thai = bool(THAI_CHAR.match(text))
    written = normalize(text)
    bare = {_bare(c) for c in query if "\u0e4c" not in c}
    found: dict[str, tuple[float, int]] = {}
    for rank, entry in enumerate(lexicon):
        if bool(THAI_CHAR.match(entry)) != thai:
            continue
        parts = clusters(entry)
        if not thai and abs(len(parts) - len(query)) > limit:
            continue
        if unmatched(bare, {_bare(c) for c, _ in parts}) > limit:
            continue
        cost, begin, end = distance(query, [c for c, _ in parts], thai)
        word = "".join(w for _, w in parts[begin:end])
        if cost > limit or word == written:
            continue
        if word not in found or (cost, rank) < found[word]:
            found[word] = (cost, rank)
    ranked = sorted(found.items(), key=lambda x: (x[1][0], x[1][1], x[0]))
    return [(cost, word) for word, (cost, _rank) in ranked[:TOP]]


def typed_terms(query: str, gram: int) -> list[QueryTerm]:
    """The query's terms word by word, as the reader spaced them. Thai words typed with a
    space between them are one run to the search (`normalize` drops the space, as the pages'
    text runs its words together); these are the terms searched apart after it (query.py
    apart_hits), and corrected each on its own: ขอนแกน การมีสวนรวม is two words with tone
    marks left out, not one long unknown word."""
    pieces = query.split()
    open_end = bool(query) and not query[-1].isspace()
    terms: list[QueryTerm] = []
    for n, piece in enumerate(pieces):
        end = "" if n == len(pieces) - 1 and open_end else " "
        terms += parse_query(piece + end, gram)
    return terms


def alternatives(terms: list[QueryTerm], lexicon: list[str]) -> list[tuple[float, str]]:
    """Corrected queries (cost, text), cheapest first: each term as typed or replaced by a
    near word, at most MAX_COST in all; and neighbouring words written together."""
    options = [[(0.0, t.text)] + near_words(t.text, lexicon) for t in terms]
    found: dict[str, float] = {}

    def extend(i: int, cost: float, words: list[str]) -> None:
        if cost > MAX_COST:  # costs only add up: nothing that starts so is cheap enough
            return
        if i == len(options):
            if cost > 0:
                text = " ".join(words)
                found[text] = min(cost, found.get(text, cost))
            return
        for c, word in options[i]:
            extend(i + 1, cost + c, [*words, word])

    extend(0, 0.0, [])
    for i in range(len(terms) - 1):
        a, b = terms[i].text, terms[i + 1].text
        if not THAI_CHAR.match(a) and not THAI_CHAR.match(b):
            words = [t.text for t in terms]
            text = " ".join(words[:i] + [a + b] + words[i + 2 :])
            found[text] = min(JOINED, found.get(text, JOINED))
    ranked = sorted(found.items(), key=lambda x: (x[1], x[0]))
    return [(cost, text) for text, cost in ranked[:MAX_ALTERNATIVES]]
