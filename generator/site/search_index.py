"""Index the pages while MkDocs builds them, in the helper process (`helper`).

Reading every built page back after the build and cutting its text into keys took a third of
the whole build at 1,000 cases. Instead the helper gets each page as MkDocs renders it, so the
keys are counted on a second core while MkDocs renders the next page, and a language's index
is written as soon as its last page is done, while MkDocs builds the next language. The
output is the same as `write_search` reading the finished site.

What the helper has been sent stays in its memory: under `mkdocs serve --dirty`, where MkDocs
re-renders only the pages whose source changed, the others keep what they had, and a
language none of whose pages changed keeps its index files.
"""

from __future__ import annotations

from pathlib import Path

from ..search import (
    FOLDER,
    LanguageStats,
    describe,
    language_roots,
    page_order,
    read_document,
    skip_langs_of,
    write_language,
)
from ..search.extract import Page, article_of, combine, head_part, read_page
from ..search.index import Document, Terms, build_index, document_terms, text_terms, with_title
from ..search.page import write_search_pages
from .helper import Helper

# --- the helper's side: module state, one process ---------------------------------------

_documents: dict[str, dict[str, Document | None]] = {}  # lang → url → document (None: skipped)
_changed: set[str] = set()  # languages with a page added since
_written: dict[str, tuple[str, tuple[str, ...]]] = {}  # lang → (site, urls) last written
_articles: dict[tuple[str, str], tuple[Page, Terms]] = {}  # content read, page not built yet


def add_content(lang: str, url: str, content: str, title: str, skip_langs: frozenset[str]) -> None:
    """A page's content, as soon as MkDocs has rendered its Markdown: the costly part of
    indexing (reading the text, counting its keys) is done here, while MkDocs renders the
    Markdown of the next pages — a time when no built page arrives."""
    article = read_page(article_of(content, title), skip_langs)
    _articles[(lang, url)] = (article, text_terms(article))


def add_page(lang: str, url: str, html: str, skip_langs: frozenset[str]) -> None:
    """A built page: its head (title, language, description, robots) completes its content;
    a page whose content was not sent is read whole."""
    pending = _articles.pop((lang, url), None)
    if pending is None:
        page = read_page(html, skip_langs)
        terms = document_terms(page) if page.indexable else None
    else:
        article, text = pending
        page = combine(read_page(head_part(html), skip_langs), article)
        terms = with_title(text, page.title)
    _documents.setdefault(lang, {})[url] = (
        Document(url, page, terms=terms) if page.indexable else None
    )
    _changed.add(lang)


def finish_language(
    site_dir: str, lang: str, urls: tuple[str, ...], skip_langs: frozenset[str]
) -> LanguageStats | None:
    """Write search/<lang>/ from the pages of this build; None if it is already up to date."""
    for stale in [key for key in _articles if key[0] == lang]:  # content of a page never built
        del _articles[stale]
    site = Path(site_dir)
    known = _documents.setdefault(lang, {})
    ordered = tuple(sorted(urls, key=page_order))
    if (
        lang not in _changed
        and _written.get(lang) == (site_dir, ordered)
        and (site / FOLDER / lang / "manifest.js").exists()
    ):
        return None
    for url in set(known) - set(ordered):  # pages no longer in the site
        del known[url]
    documents = []
    for url in ordered:
        if url not in known:  # not rendered in this process (`mkdocs build --dirty`): read it
            read = read_document(site, url, set(skip_langs)) if (site / url).is_file() else None
            if read is not None:
                read.terms = document_terms(read.page)
            known[url] = read
        if (document := known[url]) is not None:
            documents.append(document)
    describe(documents, set(skip_langs))
    stats = write_language(site, build_index(lang, documents))
    _changed.discard(lang)
    _written[lang] = (site_dir, ordered)
    return stats


# --- the build's side -------------------------------------------------------------------


class BackgroundIndexer:
    """What the build calls: `begin_language` when MkDocs starts building a language (its
    pages, relative to the site root); `content_rendered` and `page_built` for each page;
    `pages_done` once every page is built, `finish` to wait for the index and write the
    search pages."""

    def __init__(self, helper: Helper, languages: list[str]) -> None:
        self.helper = helper
        self.languages = list(languages)
        self._open: tuple[str, tuple[str, ...]] | None = None
        self._site_dir: Path | None = None

    def skip_langs(self, lang: str) -> frozenset[str]:
        return frozenset(skip_langs_of(self.languages, lang))

    def content_rendered(self, lang: str, url: str, content: str, title: str) -> None:
        self.helper.submit(add_content, lang, url, content, title, self.skip_langs(lang))

    def page_built(self, lang: str, url: str, html: str) -> None:
        self.helper.submit(add_page, lang, url, html, self.skip_langs(lang))

    def begin_language(self, site_dir: Path, lang: str, urls: list[str]) -> None:
        """A language's pages are complete when the next one begins: index them meanwhile."""
        self.pages_done()
        self._site_dir = Path(site_dir)
        self._open = (lang, tuple(urls))

    def pages_done(self) -> None:
        """Every page of the language being built is done: index it (without waiting)."""
        if self._open is not None and self._site_dir is not None:
            lang, urls = self._open
            self.helper.submit(
                finish_language, str(self._site_dir), lang, urls, self.skip_langs(lang)
            )
        self._open = None

    def finish(self) -> list[LanguageStats]:
        """Wait for the helper; write the search pages. Returns the languages (re)indexed."""
        self.pages_done()
        if self._site_dir is None:
            return []
        stats = [s for s in self.helper.wait() if isinstance(s, LanguageStats)]
        write_search_pages(self._site_dir, language_roots(self.languages))
        return stats

    def abandon(self) -> None:
        """The build failed: forget the language in progress (the next build starts over)."""
        self._open = None
