"""Static full-text search that works in Thai, per language, from file:// as from a server.

`write_search(site_dir, languages)` runs after the whole bilingual site is built: it reads
every built page of each language (or, during a build, receives each page as MkDocs
renders it: background.py), builds an inverted index of character 4-grams (Thai) and
word stems (other scripts) — no word segmenter, so the index and the query always agree — with
the Thai keys of what readers misspell alike (skeletons), the page's names in every script and
a lexicon of near spellings, and writes it in shards of classic JavaScript under
`search/<lang>/`, plus a `search.html` page per language. The browser side is theme/assets/javascripts/search.js; docs/search.md has the design
and the measurements.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .extract import Page, read_page, snippet_of
from .index import Document, Index, build_index, render_files
from .normalize import THAI_CHAR
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


def page_order(url: str) -> tuple[str, ...]:
    """Documents in the order of their path parts (a folder before its sibling `a-b/`), so
    that the index is the same however the pages were gathered."""
    return tuple(url.split("/"))


def skip_langs_of(languages: list[str], lang: str) -> set[str]:
    """Text in these languages is left out of `lang`'s index: on a translated site, the
    original-language text shown where a page has no translation yet."""
    return {languages[0]} if lang != languages[0] else set()


def indexable_files(site_dir: Path, root: str, other_roots: set[str]) -> list[str]:
    """The built pages of one language (relative to the site), in index order."""
    base = site_dir / root if root else site_dir
    urls = []
    for path in base.rglob("*.html"):
        rel = path.relative_to(base)
        if rel.parts[0] in other_roots or rel.parts[0] in _SKIP_DIRS:
            continue
        if rel.name == "404.html" or rel.as_posix() == PAGE:
            continue
        urls.append(path.relative_to(site_dir).as_posix())
    return sorted(urls, key=page_order)


def read_document(site_dir: Path, url: str, skip_langs: set[str]) -> Document | None:
    """A built page as a document of the index, or None if it is not to be indexed."""
    html = (site_dir / url).read_text(encoding="utf-8", errors="replace")
    page = read_page(html, skip_langs)
    return Document(url, page) if page.indexable else None


def describe(documents: list[Document], skip_langs: set[str]) -> None:
    """Each document's snippet. A description that most pages share is the site's, not the
    page's, and a Thai one on a translated site is not in the reader's language: the start of
    the text is used instead."""
    shared = Counter(d.page.description for d in documents if d.page.description)
    for document in documents:
        description = document.page.description
        if description and (
            shared[description] > max(3, len(documents) // 5)
            or ("th" in skip_langs and THAI_CHAR.search(description))
        ):
            description = ""
        document.snippet = snippet_of(document.page, description=description)


def collect_pages(
    site_dir: Path, root: str, other_roots: set[str], skip_langs: set[str]
) -> list[Document]:
    documents = [
        document
        for url in indexable_files(site_dir, root, other_roots)
        if (document := read_document(site_dir, url, skip_langs)) is not None
    ]
    describe(documents, skip_langs)
    return documents


def build_language(site_dir: Path, languages: list[str], lang: str) -> Index:
    roots = language_roots(languages)
    others = {r for code, r in roots.items() if code != lang and r}
    skip_langs = skip_langs_of(languages, lang)
    documents = collect_pages(site_dir, roots[lang], others, skip_langs)
    return build_index(lang, documents)


def write_language(site_dir: Path, index: Index) -> LanguageStats:
    """Replace search/<lang>/ with the files of `index`."""
    files = render_files(index)
    folder = site_dir / FOLDER / index.lang
    if folder.exists():
        shutil.rmtree(folder)
    size = 0
    for rel, text in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        size += len(data)
    return LanguageStats(index.lang, len(index.documents), len(files), size)


def write_search(site_dir: Path, languages: list[str]) -> list[LanguageStats]:
    """Index the built pages on disk: write search/<lang>/ for every language and the search
    pages. Returns what was written. (During a build, `background.BackgroundIndexer` does the
    same from the pages as MkDocs renders them.)"""
    site_dir = Path(site_dir)
    stats = [
        write_language(site_dir, build_language(site_dir, languages, lang)) for lang in languages
    ]
    write_search_pages(site_dir, language_roots(languages))
    return stats


__all__ = [
    "FOLDER",
    "LanguageStats",
    "Page",
    "build_language",
    "language_roots",
    "read_page",
    "write_search",
]
