"""Search benchmark (a script, not a test).

    .venv/bin/python bench/search_bench.py [--pages 2000] [--site PATH] [--compare] [--no-real]

1. Bytes a reader downloads for a first query and query latency after loading, measured in
   Chromium (Debian's, through Playwright) on
   * the real site: `--site PATH` (a built site/), else the repository's content built into a
     temporary folder;
   * a synthetic site of `--pages` Thai pages and as many English pages (text recombined from
     the programme's own documents in shared/seeds plus words of PyThaiNLP's dictionary, so
     that the vocabulary grows with the site as a real one does).
2. `--typos`: the misspelling set of the recall test (tests/search_support/misspell.py) and the
   sampled words themselves, on the real site: recall@10 of ours (Python replay of search.js),
   of Pagefind 1.5 "extended" (`pagefind[extended]` from PyPI, its index built and queried
   in Chromium) and of MiniSearch's fuzzy search (npm `minisearch`, run with node); set
   PAGEFIND_PYTHON to a Python that has pagefind[extended] and MINISEARCH_NODE_PATH to a
   node_modules folder holding minisearch.
3. `--compare`: recall@10, index size and query time of the alternatives considered, on the
   same pages and the same sampled queries (Python, no browser): our 4-gram index; the same
   with trigrams; character bigrams; a word index with newmm on both sides (one shared segmenter); a word index with
   newmm at build time and the query split at spaces (Material's lunr with U+200B separators);
   words split at spaces and punctuation only (Material's default).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import math
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from search_support.misspell import misspelt_samples
from search_support.query import MemoryIndex
from search_support.sample import sample_queries

from generator.search import build_language, write_search
from generator.search.extract import BLOCK_BREAK
from generator.search.index import build_index, encode_postings, render_files
from generator.search.normalize import normalize, runs

SEEDS = ROOT.parent / "shared" / "seeds"
LANGS = ["th", "en"]

# ---------------------------------------------------------------------------------------
# Synthetic site
# ---------------------------------------------------------------------------------------

EN_BASE = [
    "learning",
    "city",
    "municipality",
    "university",
    "partners",
    "citizens",
    "market",
    "school",
    "library",
    "museum",
    "budget",
    "participation",
    "network",
    "research",
    "project",
    "lesson",
    "community",
    "youth",
    "elderly",
    "culture",
    "heritage",
    "river",
    "park",
    "festival",
    "skills",
    "workshop",
    "volunteer",
    "innovation",
    "digital",
    "platform",
    "living",
    "lab",
    "classroom",
    "data",
    "survey",
    "province",
    "district",
    "council",
    "official",
    "teacher",
    "family",
    "health",
    "environment",
    "tourism",
    "farming",
    "crafts",
    "food",
    "transport",
    "housing",
    "street",
    "neighbourhood",
]


def _seed_sentences() -> list[str]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.exists() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [p for p in line.split("  ") if len(p.strip()) > 20]
    return out or ["เมืองแห่งการเรียนรู้เกิดจากความร่วมมือของหน่วยงานภาครัฐ เอกชน และภาคประชาชน"]


def _pseudo_english(rng: random.Random) -> str:
    syllables = ["ka", "ri", "mon", "tel", "dor", "van", "ish", "pra", "lu", "sen", "to", "bar"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def page_html(lang: str, title: str, body: str, depth: int) -> str:
    up = "../" * depth
    root = up or "./"
    prefix = "en/" if lang == "en" else ""
    labels = (
        '{"title": "Search", "hint": "", "short": "", "loading": "", "none": "none", '
        '"one": "1", "other": "{n}", "all": "all", "more": "more", "error": "error"}'
    )
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(title)} - Synthetic</title><meta property="og:site_name" content="Synthetic">
</head><body><input class="md-toggle" type="checkbox" id="__search">
<header class="md-header"><div class="md-search" data-lc-search data-lc-lang="{lang}"
 data-lc-root="{root}" data-lc-page="{root}{prefix}search.html" data-lc-labels='{labels}'>
<form name="lc-search" action="{root}{prefix}search.html"><input name="q" required></form>
<div class="md-search-result__meta"></div><ol class="md-search-result__list"></ol></div></header>
<article class="md-content__inner md-typeset"><h1>{html.escape(title)}</h1>{body}</article>
<script src="{up}assets/javascripts/search.js"></script></body></html>"""


def write_synthetic(target: Path, pages: int, seed: int = 7) -> Path:
    """`pages` Thai pages under target/ and as many English ones under target/en/."""
    from pythainlp.corpus import thai_words

    rng = random.Random(seed)
    sentences = _seed_sentences()
    vocabulary = sorted(thai_words())
    rng.shuffle(vocabulary)
    weights = [1 / (rank + 10) for rank in range(len(vocabulary))]  # Zipf-like use of words
    en_vocab = EN_BASE + [_pseudo_english(rng) for _ in range(8000)]
    en_weights = [1 / (rank + 5) for rank in range(len(en_vocab))]
    if target.exists():
        shutil.rmtree(target)
    kinds = ["cities", "projects", "lessons"]
    for i in range(pages):
        kind = kinds[i % 3]
        name = "".join(rng.choices(vocabulary[:3000], k=2))
        paragraphs = []
        for _ in range(rng.randint(4, 9)):
            parts = rng.sample(sentences, 2)
            words = rng.choices(vocabulary, weights=weights, k=rng.randint(15, 40))
            phrase = " ".join("".join(words[j : j + 4]) for j in range(0, len(words), 4))
            paragraphs.append(
                f"<p>{html.escape(parts[0])} {name} {phrase} {html.escape(parts[1])}</p>"
            )
        body = f"<h2>{name}</h2>" + "".join(paragraphs)
        path = target / kind / f"case-{i:05d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_html("th", f"{name} {i}", body, 1), encoding="utf-8")
        en_name = _pseudo_english(rng).title()
        en_paras = []
        for _ in range(rng.randint(4, 9)):
            words = rng.choices(en_vocab, weights=en_weights, k=rng.randint(40, 90))
            en_paras.append(f"<p>The {en_name} " + " ".join(words) + ".</p>")
        en_path = target / "en" / kind / f"case-{i:05d}.html"
        en_path.parent.mkdir(parents=True, exist_ok=True)
        en_path.write_text(
            page_html("en", f"{en_name} {i}", f"<h2>{en_name}</h2>" + "".join(en_paras), 2),
            encoding="utf-8",
        )
    for lang, folder, depth in (("th", target, 0), ("en", target / "en", 1)):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(
            page_html(lang, "Home", "<p>home</p>", depth), encoding="utf-8"
        )
    script = target / "assets" / "javascripts" / "search.js"
    script.parent.mkdir(parents=True, exist_ok=True)
    for name in ("search.js", "stemmer-en.js"):
        shutil.copy2(ROOT / "theme" / "assets" / "javascripts" / name, script.parent / name)
    write_search(target, LANGS)
    return target


def build_real_site(target: Path) -> Path:
    from conftest import make_project

    project = make_project(target, ROOT / "content")
    result = project.build()
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    return project.site


# ---------------------------------------------------------------------------------------
# Browser measurement
# ---------------------------------------------------------------------------------------


def _queries_for(site: Path, lang: str, count: int) -> dict[str, list[str]]:
    """Sampled words and phrases as typed ("exact"), and misspellings of sampled words and
    names by the rules of the recall test ("typo": they take the near-spelling path)."""
    documents = build_language(site, LANGS, lang).documents
    some = documents[:: max(1, len(documents) // 60)]
    samples = sample_queries(some, lang, words=2, phrases=1, max_df=10**9)
    rng = random.Random(3)
    rng.shuffle(samples)
    typos = misspelt_samples(some, lang, seed=3, words=1)
    rng.shuffle(typos)
    return {
        "exact": [s.query for s in samples[:count]],
        "typo": [query for _rule, query, _url in typos[:count]],
    }


def measure_browser(site: Path, label: str, count: int = 30) -> list[dict[str, object]]:
    from browser_support import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang, (kind, queries) in (
            (code, item) for code in LANGS for item in _queries_for(site, code, count).items()
        ):
            start = "/index.html" if lang == "th" else "/en/index.html"
            first_bytes, first_files, cold_ms, warm_ms = [], [], [], []
            for query in queries:
                page = browser.new_page()
                sizes: dict[str, int] = {}

                def record(response, sizes=sizes):
                    if "/search/" in response.url:
                        # a redirect or an aborted request has no body to measure
                        with contextlib.suppress(Exception):
                            sizes[response.url] = len(response.body())

                page.on("response", record)
                page.goto(base + start)
                cold = page.evaluate(
                    "async q => { const t = performance.now(); "
                    "await LCSearch.query(q, 10); return performance.now() - t; }",
                    query,
                )
                page.wait_for_timeout(50)
                first_bytes.append(sum(sizes.values()))
                first_files.append(len(sizes))
                cold_ms.append(cold)
                # After loading: the same query and its neighbours, files already in memory.
                warm = page.evaluate(
                    "async q => { const out = []; for (let i = 0; i < 5; i++) {"
                    " const t = performance.now(); await LCSearch.query(q, 10);"
                    " out.push(performance.now() - t); } return out; }",
                    query,
                )
                warm_ms.append(statistics.median(warm))
                page.close()
            total = sum(p.stat().st_size for p in (site / "search" / lang).rglob("*.js"))
            files = len(list((site / "search" / lang).rglob("*.js")))
            rows.append(
                {
                    "site": label,
                    "lang": lang,
                    "kind": kind,
                    "queries": len(queries),
                    "index_kb": total / 1024,
                    "files": files,
                    "first_kb_median": statistics.median(first_bytes) / 1024,
                    "first_kb_max": max(first_bytes) / 1024,
                    "first_files_max": max(first_files),
                    "cold_ms_median": statistics.median(cold_ms),
                    "warm_ms_median": statistics.median(warm_ms),
                    "warm_ms_max": max(warm_ms),
                }
            )
        browser.close()
    return rows


def print_rows(rows: list[dict[str, object]]) -> None:
    head = (
        "site",
        "lang",
        "kind",
        "queries",
        "index_kb",
        "files",
        "first_kb_median",
        "first_kb_max",
        "first_files_max",
        "cold_ms_median",
        "warm_ms_median",
        "warm_ms_max",
    )
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for row in rows:
        print(
            " | ".join(f"{row[h]:.1f}" if isinstance(row[h], float) else str(row[h]) for h in head)
        )


# ---------------------------------------------------------------------------------------
# Alternatives (Python)
# ---------------------------------------------------------------------------------------


class WordIndex:
    """A word index: `doc_words(text)` at build time, `query_words(query)` at query time, all
    query words required, the last one also as a prefix (as lunr does while typing)."""

    def __init__(self, documents, doc_words, query_words) -> None:
        self.documents = documents
        self.query_words = query_words
        postings: dict[str, Counter[int]] = defaultdict(Counter)
        self.lengths = []
        for n, d in enumerate(documents):
            words = doc_words(d.page.title + BLOCK_BREAK + d.page.body)
            self.lengths.append(max(1, len(words)))
            for w in words:
                postings[w][n] += 1
        self.postings = {k: sorted(v.items()) for k, v in postings.items()}
        self.sorted = sorted(self.postings)
        self.avgdl = sum(self.lengths) / len(self.lengths)

    def size(self) -> int:
        return sum(
            len(k.encode()) + len(encode_postings([(d, w, False) for d, w in p])) + 6
            for k, p in self.postings.items()
        )

    def urls(self, query: str, limit: int = 10) -> list[str]:
        import bisect

        words = self.query_words(query)
        if not words:
            return []
        scores: dict[int, float] | None = None
        n = len(self.documents)
        for i, word in enumerate(words):
            keys = [word] if word in self.postings else []
            if i == len(words) - 1:
                start = bisect.bisect_left(self.sorted, word)
                keys = []
                for key in self.sorted[start:]:
                    if not key.startswith(word):
                        break
                    keys.append(key)
            term: dict[int, float] = {}
            for key in keys:
                p = self.postings[key]
                idf = math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5))
                for doc, tf in p:
                    s = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * self.lengths[doc] / self.avgdl))
                    term[doc] = max(term.get(doc, 0.0), s)
            scores = (
                term
                if scores is None
                else {d: scores[d] + s for d, s in term.items() if d in scores}
            )
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:limit]
        return [self.documents[d].url for d, _ in ranked]


def _newmm(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    out = []
    for kind, run in runs(normalize(text)):
        if kind == "t":
            out += [
                t for t in word_tokenize(run, engine="newmm", keep_whitespace=False) if t.strip()
            ]
        else:
            out.append(run)
    return out


def _spaces(text: str) -> list[str]:
    """Words split at spaces and punctuation only, the reader's spaces kept (what lunr does)."""
    import unicodedata

    text = unicodedata.normalize("NFC", text).lower()
    return "".join(ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in text).split()


def bigram_index(documents):
    """Character bigrams of Thai runs, AND of all the query's bigrams."""

    def words(text: str) -> list[str]:
        out = []
        for kind, run in runs(normalize(text)):
            if kind == "t":
                out += [run[i : i + 2] for i in range(len(run) - 1)] or [run]
            elif len(run) > 1:
                out.append(run)
        return out

    index = WordIndex(documents, words, words)
    index.urls = _and_all(index)  # type: ignore[method-assign]
    return index


def _and_all(index: WordIndex):
    def urls(query: str, limit: int = 10) -> list[str]:
        keys = list(dict.fromkeys(index.query_words(query)))
        if not keys or any(k not in index.postings for k in keys):
            return []
        n = len(index.documents)
        scores: dict[int, float] | None = None
        for key in keys:
            p = index.postings[key]
            idf = math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5))
            term = {
                doc: idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * index.lengths[doc] / index.avgdl))
                for doc, tf in p
            }
            scores = (
                term
                if scores is None
                else {d: scores[d] + s for d, s in term.items() if d in scores}
            )
        ranked = sorted(scores.items(), key=lambda x: (-x[1], x[0]))[:limit]
        return [index.documents[d].url for d, _ in ranked]

    return urls


def compare(site: Path, label: str) -> None:
    print(f"\n## Alternatives on {label}\n")
    print(
        "lang | method | recall@10 words | recall@10 phrases | index KB | build s | query ms (mean)"
    )
    print("--- | --- | --- | --- | --- | --- | ---")
    for lang in LANGS:
        documents = build_language(site, LANGS, lang).documents
        samples = sample_queries(documents, lang)
        t = time.perf_counter()
        ours = MemoryIndex(build_language(site, LANGS, lang))
        ours_build = time.perf_counter() - t
        ours_size = sum(
            len(v.encode()) for k, v in render_files(ours.index).items() if k.startswith("s/")
        )
        methods = [("4-grams + words (ours)", ours, ours_size, ours_build)]
        t = time.perf_counter()
        tri = MemoryIndex(build_index(lang, documents, gram=3))
        tri_build = time.perf_counter() - t
        methods.append(
            (
                "trigrams + words",
                tri,
                sum(
                    len(v.encode())
                    for k, v in render_files(tri.index).items()
                    if k.startswith("s/")
                ),
                tri_build,
            )
        )
        for name, make in (
            ("character bigrams", lambda documents=documents: bigram_index(documents)),
            (
                "newmm words, query newmm (shared segmenter)",
                lambda documents=documents: WordIndex(documents, _newmm, _newmm),
            ),
            (
                "newmm words, query split at spaces (lunr + U+200B)",
                lambda documents=documents: WordIndex(documents, _newmm, _spaces),
            ),
            (
                "split at spaces only (Material default)",
                lambda documents=documents: WordIndex(documents, _spaces, _spaces),
            ),
        ):
            t = time.perf_counter()
            index = make()
            methods.append((name, index, index.size(), time.perf_counter() - t))
        for name, index, size, build in methods:
            found = {"word": [0, 0], "phrase": [0, 0]}
            t = time.perf_counter()
            for s in samples:
                found[s.kind][1] += 1
                found[s.kind][0] += s.url in index.urls(s.query, 10)
            ms = (time.perf_counter() - t) * 1000 / max(1, len(samples))
            w = found["word"][0] / max(1, found["word"][1])
            p = found["phrase"][0] / max(1, found["phrase"][1])
            print(
                f"{lang} | {name} | {w:.1%} ({found['word'][1]}) | {p:.1%} "
                f"({found['phrase'][1]}) | {size / 1024:.0f} | {build:.1f} | {ms:.2f}"
            )


def typo_queries(site: Path) -> dict[str, dict[str, object]]:
    """Per language: the documents (for MiniSearch), the sampled words and their
    misspellings, each as (kind, rule, query, url); kind is "word" (as sampled), "typo"
    (a misspelling that no page has) or "real-word" (one that is itself a word of the site)."""
    out: dict[str, dict[str, object]] = {}
    for lang in LANGS:
        index = build_language(site, LANGS, lang)
        ours = MemoryIndex(index)
        rows = [
            ("word", "", s.query, s.url) for s in sample_queries(index.documents, lang, phrases=0)
        ]
        for rule, query, url in misspelt_samples(index.documents, lang):
            kind = "real-word" if ours.urls(query, 10, fuzzy=False) else "typo"
            rows.append((kind, rule, query, url))
        documents = [
            {
                "url": d.url,
                "title": d.page.title,
                "names": " ".join(d.page.names),
                "text": d.page.body,
            }
            for d in index.documents
        ]
        out[lang] = {"rows": rows, "documents": documents, "ours": ours}
    return out


def _pagefind(site: Path, queries: dict[str, list[str]]) -> dict[str, list[list[str]]]:
    import os
    import subprocess

    from browser_support import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    python = os.environ.get("PAGEFIND_PYTHON", sys.executable)
    subprocess.run(
        [python, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"],
        check=True,
        capture_output=True,
    )
    out = {}
    with sync_playwright() as playwright, serve(site) as base:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in LANGS:
            page = browser.new_page()
            page.goto(base + ("/index.html" if lang == "th" else "/en/index.html"))
            out[lang] = page.evaluate(
                """async qs => {
                const pagefind = await import('/pagefind/pagefind.js');
                await pagefind.options({ baseUrl: '/' });
                const out = [];
                for (const q of qs) {
                  const r = await pagefind.search(q);
                  const data = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
                  out.push(data.map(d => d.url.replace(/^\\//, '')));
                }
                return out; }""",
                queries[lang],
            )
            page.close()
        browser.close()
    return out


def _minisearch(data: dict[str, dict[str, object]]) -> dict[str, list[list[str]]]:
    import json
    import os
    import subprocess

    with tempfile.TemporaryDirectory() as work:
        source, target = Path(work) / "in.json", Path(work) / "out.json"
        source.write_text(
            json.dumps(
                {
                    lang: {"documents": d["documents"], "queries": [r[2] for r in d["rows"]]}
                    for lang, d in data.items()
                }
            ),
            encoding="utf-8",
        )
        env = dict(os.environ, NODE_PATH=os.environ.get("MINISEARCH_NODE_PATH", "node_modules"))
        subprocess.run(
            ["node", str(ROOT / "bench" / "typo_compare.mjs"), str(source), str(target)],
            check=True,
            env=env,
        )
        return json.loads(target.read_text(encoding="utf-8"))


def compare_typos(site: Path) -> None:
    """Recall@10 per engine, per kind of query and per misspelling rule."""
    data = typo_queries(site)
    queries = {lang: [r[2] for r in d["rows"]] for lang, d in data.items()}
    engines: dict[str, dict[str, list[list[str]]]] = {
        "ours": {lang: [d["ours"].urls(q, 10) for q in queries[lang]] for lang, d in data.items()}
    }
    engines["Pagefind 1.5.2 extended"] = _pagefind(site, queries)
    engines["MiniSearch 7.2 fuzzy 0.2"] = _minisearch(data)
    print("\n## Misspellings and word forms (recall@10)\n")
    print(
        "lang | engine | sampled words | misspellings (not words of the site) | "
        "misspellings that are other words | by rule"
    )
    print("--- | --- | --- | --- | --- | ---")
    for lang, d in data.items():
        for name, results in engines.items():
            found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
            for (kind, rule, _query, url), urls in zip(d["rows"], results[lang]):
                found[kind][0] += url in urls
                found[kind][1] += 1
                if kind == "typo":
                    rules[rule][0] += url in urls
                    rules[rule][1] += 1
            cell = {k: f"{v[0] / max(1, v[1]):.1%} ({v[1]})" for k, v in found.items()}
            by_rule = ", ".join(f"{r} {v[0]}/{v[1]}" for r, v in sorted(rules.items()))
            print(
                f"{lang} | {name} | {cell.get('word')} | {cell.get('typo')} | "
                f"{cell.get('real-word')} | {by_rule}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--site", type=Path, help="a built site (default: build content/)")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument(
        "--typos", action="store_true", help="only the misspelling comparison, on the real site"
    )
    parser.add_argument("--no-real", action="store_true")
    parser.add_argument("--no-synthetic", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="search-bench-"))
    if args.typos:
        site = args.site or build_real_site(work / "real")
        if args.site:  # Pagefind writes its index into the site: work on a copy
            site = Path(shutil.copytree(args.site, work / "copy"))
        compare_typos(site)
        shutil.rmtree(work, ignore_errors=True)
        return
    try:
        rows = []
        sites = []
        if not args.no_real:
            site = args.site or build_real_site(work / "real")
            sites.append((site, "real"))
        if not args.no_synthetic:
            t = time.perf_counter()
            site = write_synthetic(work / "synthetic", args.pages)
            print(
                f"synthetic site: {args.pages} + {args.pages} pages, index written in "
                f"{time.perf_counter() - t:.1f} s (including page generation)"
            )
            sites.append((site, f"synthetic {args.pages}"))
        for site, label in sites:
            rows += measure_browser(site, label, args.queries)
        print()
        print_rows(rows)
        if args.compare:
            for site, label in sites:
                compare(site, label)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
