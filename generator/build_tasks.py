"""What the helper process (`generator.helper`) does with each page: index its content as
soon as MkDocs has rendered its Markdown; once MkDocs has built the page, complete its index
entry and pack it into the offline ZIP."""

from __future__ import annotations

from . import offline_zip
from .search import background


def content_rendered(lang: str, url: str, content: str, title: str,
                     skip_langs: frozenset[str]) -> None:
    background.add_content(lang, url, content, title, skip_langs)


def page_built(lang: str, url: str, html: str, skip_langs: frozenset[str], pack: bool) -> None:
    background.add_page(lang, url, html, skip_langs)
    if pack:
        # Encoded as MkDocs encodes it when it writes the page.
        offline_zip.add(url, html.encode("utf-8", errors="xmlcharrefreplace"))
