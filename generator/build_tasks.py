"""What the search helper process (`generator.helper`) does with each page: index its content
as soon as MkDocs has rendered its Markdown; once MkDocs has built the page, complete its index
entry. (The offline ZIP packs it in another helper: `offline_zip.add_page`.)"""

from __future__ import annotations

from .search import background


def content_rendered(lang: str, url: str, content: str, title: str,
                     skip_langs: frozenset[str]) -> None:
    background.add_content(lang, url, content, title, skip_langs)


def page_built(lang: str, url: str, html: str, skip_langs: frozenset[str]) -> None:
    background.add_page(lang, url, html, skip_langs)
