"""Static full-text search that works in Thai, per language, from file:// as from a server.

`write_search(site_dir, languages)` runs after the whole bilingual site is built: it reads
every built page of each language, builds an inverted index of character trigrams (Thai) and
words (other scripts) — no word segmenter, so the index and the query always agree — and writes
it in shards of classic JavaScript under `search/<lang>/`, plus a `search.html` page per
language. The browser side is theme/assets/javascripts/search.js; docs/search.md has the design
and the measurements.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .extract import Page, read_page, snippet_of
from .normalize import THAI_CHAR
from .index import Document, Index, build_index, render_files
from .page import PAGE, write_search_pages

FOLDER = "search"
_SKIP_DIRS = {"assets", "search", "downloads", "data", "schemas"}


@dataclass
class LanguageStats:
    lang: str
    documents: int
    files: int
    bytes: int


def language_roots(languages: list[str]) -> dict[str, str]:
    """The first language is the default one, at the site root; the others under /<lang>/."""
    return {lang: "" if n == 0 else lang for n, lang in enumerate(languages)}


def collect_pages(site_dir: Path, root: str, other_roots: set[str],
                  skip_langs: set[str]) -> list[Document]:
    base = site_dir / root if root else site_dir
    documents: list[Document] = []
    for path in sorted(base.rglob("*.html")):
        rel = path.relative_to(base)
        if rel.parts[0] in other_roots or rel.parts[0] in _SKIP_DIRS:
            continue
        if rel.name == "404.html" or rel.as_posix() == PAGE:
            continue
        page = read_page(path.read_text(encoding="utf-8", errors="replace"), skip_langs)
        if not page.indexable:
            continue
        documents.append(Document(path.relative_to(site_dir).as_posix(), page))
    # A description that most pages share is the site's, not the page's: use the text instead.
    shared = Counter(d.page.description for d in documents if d.page.description)
    for document in documents:
        description = document.page.description
        if description and (shared[description] > max(3, len(documents) // 5)
                            or ("th" in skip_langs and THAI_CHAR.search(description))):
            document.page.description = ""
        document.snippet = snippet_of(document.page)
    return documents


def build_language(site_dir: Path, languages: list[str], lang: str) -> Index:
    roots = language_roots(languages)
    others = {r for code, r in roots.items() if code != lang and r}
    skip_langs = {languages[0]} if lang != languages[0] else set()
    documents = collect_pages(site_dir, roots[lang], others, skip_langs)
    return build_index(lang, documents)


def write_search(site_dir: Path, languages: list[str]) -> list[LanguageStats]:
    """Write search/<lang>/ for every language and the search pages. Returns what was written."""
    site_dir = Path(site_dir)
    stats = []
    for lang in languages:
        index = build_language(site_dir, languages, lang)
        files = render_files(index)
        folder = site_dir / FOLDER / lang
        if folder.exists():
            shutil.rmtree(folder)
        size = 0
        for rel, text in files.items():
            target = folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            target.write_bytes(data)
            size += len(data)
        stats.append(LanguageStats(lang, len(index.documents), len(files), size))
    write_search_pages(site_dir, language_roots(languages))
    return stats


__all__ = ["FOLDER", "LanguageStats", "Page", "build_language", "language_roots",
           "read_page", "write_search"]
