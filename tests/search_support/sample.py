"""Test queries sampled from built pages, for the recall test and the benchmark only.

A word segmenter (PyThaiNLP's newmm) picks Thai words and 2–3-word phrases out of each page's
indexed text, the way a reader would think of them; the search itself never segments. Only
queries that at most `max_df` pages contain are kept, since a query that 40 pages contain
cannot put a given one of them in the top 10 under any ranking.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass

from generator.search.extract import BLOCK_BREAK
from generator.search.index import Document
from generator.search.normalize import THAI_CHAR, normalize, stem

_THAI_WORD = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]{2,}")
# Every piece, one letter ("project's") or digits ("20 project sets") too, so that a sampled
# phrase never skips a word; only the pieces that pass `ok` below are query words.
_EN_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Sample:
    query: str
    url: str
    kind: str  # "word" or "phrase"


def _thai_tokens(text: str) -> list[list[str]]:
    from pythainlp.tokenize import word_tokenize  # only the tests and the benchmark need it

    out = []
    for block in text.split(BLOCK_BREAK):
        for run in re.findall(
            r"[\u0e01-\u0e3a\u0e40-\u0e4e]+(?:\s+[\u0e01-\u0e3a\u0e40-\u0e4e]+)*", block
        ):
            tokens = [
                t for t in word_tokenize(run, engine="newmm", keep_whitespace=False) if t.strip()
            ]
            out.append(tokens)
    return out


def _english_tokens(text: str) -> list[list[str]]:
    out = []
    for block in text.split(BLOCK_BREAK):
        for sentence in re.split(r"[.!?;:()\[\]\"“”]", block):
            words = _EN_WORD.findall(sentence)
            if words:
                out.append(words)
    return out


class _Counter:
    """How many documents contain a query, the way the search matches it."""

    def __init__(self, documents: list[Document]) -> None:
        self.texts = [normalize(d.page.title + BLOCK_BREAK + d.page.body) for d in documents]
        # Phrases match across punctuation ("title, team" is the phrase "title team"), as the
        # search's word-pair keys do; words match by their stem ("listed" finds "lists").
        self.flat = [self._stems(t) for t in self.texts]

    @staticmethod
    def _stems(text: str) -> str:
        return " " + " ".join(stem(w) for w in re.findall(r"[^\W_]+", text)) + " "

    def df(self, query: str) -> int:
        q = normalize(query)
        if THAI_CHAR.search(q):
            return sum(1 for t in self.texts if q in t)
        phrase = self._stems(q)
        return sum(1 for flat in self.flat if phrase in flat)


def sample_queries(
    documents: list[Document],
    lang: str,
    *,
    words: int = 5,
    phrases: int = 3,
    max_df: int = 10,
    seed: int = 0,
) -> list[Sample]:
    counter = _Counter(documents)
    samples: list[Sample] = []
    thai = lang == "th"
    for document in documents:
        rng = random.Random(seed ^ zlib.crc32(document.url.encode()))
        text = document.page.title + BLOCK_BREAK + document.page.body
        runs = _thai_tokens(text) if thai else _english_tokens(text)
        ok = _THAI_WORD.fullmatch if thai else (lambda w: len(w) >= 3 and w.isalpha())
        single = sorted({t for run in runs for t in run if ok(t)})
        multi = set()
        for run in runs:
            for size in (2, 3):
                for i in range(len(run) - size + 1):
                    group = run[i : i + size]
                    if all(ok(t) for t in group):
                        multi.add(tuple(group))
        rng.shuffle(single)
        multi_list = sorted(multi)
        rng.shuffle(multi_list)
        chosen_words = [w for w in single if counter.df(w) <= max_df][:words]
        chosen_phrases = []
        for group in multi_list:
            joiner = (" " if rng.random() < 0.5 else "") if thai else " "
            query = joiner.join(group)
            if counter.df(query) <= max_df:
                chosen_phrases.append(query)
            if len(chosen_phrases) >= phrases:
                break
        samples += [Sample(w, document.url, "word") for w in chosen_words]
        samples += [Sample(p, document.url, "phrase") for p in chosen_phrases]
    return samples
