"""What a built page says, for the index: title, headings, body text and a short snippet.

Only the page's `<article class="md-content__inner">` is read (not the navigation, header or
footer). Skipped: scripts and styles, permalink anchors, anything marked
`data-lc-search-ignore`, and on a translated site anything inside an element whose `lang` is
one of `skip_langs` (the original-language text shown on a page that has no translation yet,
so that English results stay English). Pages that are redirects, 404 pages or marked
`noindex` / `data-lc-search-ignore` as a whole are not indexed at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCK_BREAK = "\u2029"  # between blocks: never joined into one Thai run

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
    "img",
    "button",
    "label",
    "option",
}
_SKIP_TAGS = {
    "script",
    "style",
    "svg",
    "template",
    "noscript",
    "head",
    "iframe",
    "object",
    "select",
    "textarea",
}
_SKIP_CLASSES = {"headerlink", "md-source-file", "md-content__button", "md-feedback"}
_SPACE = re.compile(r"\s+")
_NAMES = " | "  # between the names of one <meta> (theme/main.html)


def _split(content: str) -> list[str]:
    return [name.strip() for name in content.split(_NAMES) if name.strip()]


# <meta name="lc:…"> written by theme/main.html from the page's front matter (lc.search):
# the Page field each fills, and whether it holds a list of names.
_SEARCH_META = {
    "lc:kind": ("kind", False),
    "lc:city": ("city", False),
    "lc:names": ("names", True),
    "lc:places": ("places", True),
}


@dataclass
class Page:
    title: str = ""
    lang: str = ""
    description: str = ""
    site_name: str = ""
    headings: list[str] = field(default_factory=list)
    body: str = ""
    indexable: bool = True
    kind: str = ""  # what a result shows: the page's kind and its cities, in its language
    city: str = ""
    names: list[str] = field(default_factory=list)  # its own names, every language
    places: list[str] = field(default_factory=list)  # its cities' names, every language

    @property
    def snippet(self) -> str:
        return snippet_of(self)


class _Reader(HTMLParser):
    def __init__(self, skip_langs: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.skip_langs = skip_langs
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skip, heading) per open element
        self.in_article = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.body: list[str] = []
        self.heading: list[str] | None = None
        self.seen_article = False

    # --- helpers -------------------------------------------------------------------------
    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        page = self.page
        if tag == "html":
            page.lang = a.get("lang", "").lower()
            if "data-lc-search-ignore" in a:
                page.indexable = False
        elif tag == "meta":
            name = a.get("name", "").lower()
            if name == "description":
                page.description = a.get("content", "")
            elif name == "robots" and "noindex" in a.get("content", "").lower():
                page.indexable = False
            elif name in _SEARCH_META:
                attribute, many = _SEARCH_META[name]
                content = a.get("content", "")
                setattr(page, attribute, _split(content) if many else content.strip())
            elif a.get("property") == "og:site_name":
                page.site_name = a.get("content", "")
            elif a.get("http-equiv", "").lower() == "refresh":
                page.indexable = False
            return
        elif tag == "title" and not self.in_article:
            self.in_title = True
        elif tag == "body" and "data-lc-search-ignore" in a:
            page.indexable = False
        if tag in _VOID:
            if self.in_article and tag in _BLOCK:
                self.body.append(BLOCK_BREAK)
            if self.in_article and tag == "img" and not self._skipping() and a.get("alt"):
                self.body.append(" " + a["alt"] + " ")
            return
        classes = set(a.get("class", "").split())
        is_article = tag == "article" and "md-content__inner" in classes
        if is_article:
            self.seen_article = True
            if "data-lc-search-ignore" in a:
                page.indexable = False
        skip = (
            self._skipping()
            or tag in _SKIP_TAGS
            or "data-lc-search-ignore" in a
            or bool(classes & _SKIP_CLASSES)
            or ("lang" in a and a["lang"].lower().split("-")[0] in self.skip_langs)
        )
        heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        self.stack.append((tag, skip, heading))
        if is_article:
            self.in_article += 1
        if self.in_article and tag in _BLOCK:
            self.body.append(BLOCK_BREAK)
        if self.in_article and heading and not skip:
            self.heading = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _VOID:
            return
        # Close up to the matching element (tolerates unclosed <p>, <li>…).
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                break
        else:
            return
        while len(self.stack) > depth:
            closed, _skip, heading = self.stack.pop()
            if closed == "article" and self.in_article:
                self.in_article -= 1
            if heading and self.heading is not None:
                text = _SPACE.sub(" ", "".join(self.heading)).strip()
                if text:
                    self.page.headings.append(text)
                self.heading = None
            if self.in_article and closed in _BLOCK:
                self.body.append(BLOCK_BREAK)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if not self.in_article or self._skipping():
            return
        self.body.append(data)
        if self.heading is not None:
            self.heading.append(data)


ARTICLE_START = '<article class="md-content__inner'  # as Material's content.html opens it


def _head_and_body_tag(html: str) -> tuple[str, int] | None:
    """The page up to </head>, then its <body> tag; and where that tag ends."""
    head_end = html.find("</head>")
    body_start = html.find("<body", head_end)
    body_end = html.find(">", body_start)
    if min(head_end, body_start, body_end) < 0:
        return None
    return html[: head_end + 7] + html[body_start : body_end + 1], body_end


def relevant_part(html: str) -> str:
    """The head, the <body> tag and the article: the rest (navigation, header, footer, icons)
    is most of a Material page and never indexed, so it is not parsed at all."""
    found = _head_and_body_tag(html)
    if found is None:
        return html
    head, body_end = found
    start = html.find(ARTICLE_START, body_end)
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return html
    return head + html[start : end + 10] + "</body></html>"


def head_part(html: str) -> str:
    """What a built page adds for the index to the content MkDocs rendered: the head, the
    <body> tag and the article's own tag (emptied)."""
    found = _head_and_body_tag(html)
    if found is None:
        return html
    head, body_end = found
    start = html.find(ARTICLE_START, body_end)
    article = "" if start < 0 else html[start : html.find(">", start) + 1] + "</article>"
    return head + article + "</body></html>"


def article_of(content: str, title: str) -> str:
    """A page's rendered content as Material's content.html writes it into the article: with
    the page title as its <h1> when the content has none (the action buttons and the source
    file box it adds are never indexed)."""
    h1 = "" if "<h1" in content else f"<h1>{title}</h1>"
    return (
        f'<html><head></head><body>{ARTICLE_START} md-typeset">{h1}{content}</article>'
        "</body></html>"
    )


def combine(head: Page, article: Page) -> Page:
    """The page read from `head_part` of its HTML and the one read from `article_of` its
    content: what `read_page` reads from the whole HTML."""
    page = Page(
        title=head.title,
        lang=head.lang,
        description=head.description,
        site_name=head.site_name,
        headings=article.headings,
        body=article.body,
        indexable=head.indexable and article.indexable,
        kind=head.kind,
        city=head.city,
        names=head.names,
        places=head.places,
    )
    if not page.title and article.headings:
        page.title = article.headings[0]
    return page


def read_page(html: str, skip_langs: set[str] | frozenset[str] = frozenset()) -> Page:
    reader = _Reader(set(skip_langs))
    reader.feed(relevant_part(html))
    reader.close()
    page = reader.page
    title = _SPACE.sub(" ", "".join(reader.title_parts)).strip()
    if page.site_name and title.endswith(" - " + page.site_name):
        title = title[: -len(" - " + page.site_name)].strip()
    page.title = title or (page.headings[0] if page.headings else "")
    body = "".join(reader.body)
    blocks = (_SPACE.sub(" ", block).strip() for block in body.split(BLOCK_BREAK))
    page.body = BLOCK_BREAK.join(block for block in blocks if block)
    if not reader.seen_article:
        page.indexable = False
    return page


def snippet_of(page: Page, limit: int = 160, description: str | None = None) -> str:
    """The page's own description (or the one given), or the start of its text (not its
    title again)."""
    text = (page.description if description is None else description).strip()
    if not text:
        blocks = [b for b in page.body.split(BLOCK_BREAK) if b and b != page.title]
        text = " ".join(blocks)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"
    return text
