"""The search page of each language (`search.html`, `en/search.html`), with `?q=` in its URL
so that results can be linked.

MkDocs renders theme templates without a page only once, into the site root, when the i18n
plugin builds several languages; so the page is made after the build from the language's own
home page, which sits in the same folder and so has the right relative links, navigation,
header (with the search box and its labels) and language switcher. Only the article, the title
and the per-page parts (table of contents, previous/next links, structured data) are replaced.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

PAGE = "search.html"
MARK = "data-lc-search-page"

_ARTICLE = re.compile(
    r'(<article class="md-content__inner md-typeset"[^>]*>)(.*?)(</article>)', re.DOTALL
)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_TOPIC = re.compile(
    r'(<div class="md-header__topic" data-md-component="header-topic">\s*'
    r'<span class="md-ellipsis">)(.*?)(</span>)',
    re.DOTALL,
)
_TOC = re.compile(r'(<nav class="md-nav md-nav--secondary"[^>]*>)(.*?)(</nav>)', re.DOTALL)
_SKIP = re.compile(r'(<a href=")#[^"]*(" class="md-skip">)')
_FOOTER_NAV = re.compile(r'<nav class="md-footer__inner md-grid"[^>]*>.*?</nav>', re.DOTALL)
_LABELS = re.compile(r"data-lc-labels='([^']*)'")
_DROP = [
    re.compile(r'<script type="application/ld\+json">.*?</script>\s*', re.DOTALL),
    re.compile(
        r'<meta (?:property="og:(?:description|url|type|title)"|name="description")'
        r"[^>]*>\s*"
    ),
    re.compile(r'<link rel="(?:canonical|prev|next)"[^>]*>\s*'),
]
_ACTIVE = re.compile(
    r"\s(?:md-nav__link--active|md-nav__item--active|md-tabs__item--active|"
    r"md-tabs__link--active)\b"
)
_HOME_LINK = re.compile(r'(<(?:a|link)\b[^>]*\bhref=")([^"]*?)index\.html("[^>]*\bhreflang=)')


def labels_of(home_html: str) -> dict[str, str]:
    found = _LABELS.search(home_html)
    return json.loads(html.unescape(found.group(1))) if found else {}


def page_body(labels: dict[str, str], query_name: str = "q") -> str:
    e = html.escape
    title = labels.get("title", "Search")
    return f"""
<h1 id="search">{e(title)}</h1>
<form class="lc-search-page__form" name="lc-search-page" action="{PAGE}" method="get" role="search" {MARK}>
  <label class="lc-search-page__label" for="lc-search-page-q">{e(labels.get("label", title))}</label>
  <span class="lc-search-page__row">
    <input class="lc-search-page__input" id="lc-search-page-q" type="search" name="{query_name}" autocomplete="off" spellcheck="false" enterkeyhint="search" required>
    <button class="md-button md-button--primary" type="submit">{e(title)}</button>
  </span>
</form>
<noscript><p class="lc-search-page__nojs">{e(labels.get("nojs", ""))}</p></noscript>
<p class="lc-search-page__status" role="status" aria-live="polite"></p>
<ol class="lc-search-page__list"></ol>
"""


def make_search_page(home_html: str) -> str:
    """The search page, made from a language's home page."""
    labels = labels_of(home_html)
    title = labels.get("title", "Search")
    out = home_html
    for pattern in _DROP:
        out = pattern.sub("", out)
    out, count = _ARTICLE.subn(lambda m: m.group(1) + page_body(labels) + m.group(3), out, 1)
    if not count:
        raise ValueError('the home page has no <article class="md-content__inner md-typeset">')

    def retitle(match: re.Match[str]) -> str:
        old = match.group(1)
        site = old.rsplit(" - ", 1)[-1] if " - " in old else old
        return f"<title>{html.escape(title)} - {site}</title>"

    out = _TITLE.sub(retitle, out, 1)
    out = _TOPIC.sub(lambda m: m.group(1) + html.escape(title) + m.group(3), out, 1)
    out = _TOC.sub(lambda m: m.group(1) + m.group(3), out)  # sidebar and the phone menu copy
    out = _FOOTER_NAV.sub("", out, 1)
    out = _SKIP.sub(lambda m: m.group(1) + "#search" + m.group(2), out, 1)  # "skip to content"
    out = _ACTIVE.sub("", out)
    # The language switcher and hreflang alternates: the search page of the other language.
    out = _HOME_LINK.sub(lambda m: m.group(1) + m.group(2) + PAGE + m.group(3), out)
    return out


def write_search_pages(site_dir: Path, roots: dict[str, str]) -> list[Path]:
    """roots: language → its folder relative to the site ("" for the default language)."""
    written = []
    for root in roots.values():
        folder = site_dir / root if root else site_dir
        home = folder / "index.html"
        target = folder / PAGE
        if not home.exists():
            continue
        if target.exists() and MARK not in target.read_text(encoding="utf-8"):
            raise ValueError(
                f"{target.relative_to(site_dir)} is a page of the archive; the "
                f"search page needs that name (rename the page)"
            )
        target.write_text(make_search_page(home.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    return written
