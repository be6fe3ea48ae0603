"""A case's or the archive's citation as a reader pastes it: APA 7 and Chicago author-date, in
the page's language, as HTML (titles in italics, the address breakable after its slashes).

Written here rather than by a CSL processor: citeproc-py, the maintained one for Python, took
about 40 ms per citation (80 s for the two styles at 1,000 cases in two languages) and, for a
page without an author, repeats the title in APA. The two patterns below are the styles' rules
for exactly the two kinds of work this archive cites (a page of an online archive; the archive
as a data set); tests/test_citations.py checks them against citeproc-py with the official CSL
styles wherever citeproc-py is right. Thai citations follow Thai academic practice: Buddhist Era
years and Thai month names ("(2569, 25 พฤศจิกายน)").
"""

from __future__ import annotations

import markupsafe

from ..dates import BE_OFFSET, PartialDate, month_names
from ..export.citations import Citable

_WORDS = {
    "th": {"modified": "ปรับปรุงล่าสุด", "version": "รุ่น", "dataset": "ชุดข้อมูล", "no_date": "ม.ป.ป."},
    "en": {
        "modified": "Last modified",
        "version": "Version",
        "dataset": "Data set",
        "no_date": "n.d.",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def _year(date: PartialDate | None, lang: str) -> str:
    if date is None:
        return _words(lang)["no_date"]
    return str(date.year + BE_OFFSET) if lang == "th" else str(date.year)


def _apa_date(date: PartialDate | None, lang: str) -> str:
    """ "2026, November 25" / "2569, 25 พฤศจิกายน" (APA puts the year first)."""
    year = _year(date, lang)
    if date is None or date.month is None:
        return year
    month = month_names(lang)[date.month - 1]
    if date.day is None:
        return f"{year}, {month}"
    return f"{year}, {date.day} {month}" if lang == "th" else f"{year}, {month} {date.day}"


def _full_date(date: PartialDate, lang: str) -> str:
    """ "November 25, 2026" / "25 พฤศจิกายน 2569"."""
    year = _year(date, lang)
    if date.month is None:
        return year
    month = month_names(lang)[date.month - 1]
    if date.day is None:
        return f"{month} {year}"
    return f"{date.day} {month} {year}" if lang == "th" else f"{month} {date.day}, {year}"


_NOBR = '<span class="lc-nobr">{}</span>'


def breakable_url(url: str) -> markupsafe.Markup:
    """The address able to wrap after its slashes (as style manuals advise) and nowhere else
    — not at its hyphens — so that it fits a phone; copied, it is the address unchanged."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        scheme, rest = "", url
    *folders, last = rest.split("/")
    pieces = [f"{folder}/" for folder in folders] + [last]
    pieces[0] = scheme + separator + pieces[0]
    return markupsafe.Markup("<wbr>").join(_nobr(piece) for piece in pieces if piece)


def _nobr(text: str) -> markupsafe.Markup:
    """A date or a label kept on one line."""
    return markupsafe.Markup(_NOBR).format(text)


def _link(item: Citable) -> markupsafe.Markup:
    target = item.link
    if "://" not in target:
        return breakable_url(target)
    return markupsafe.Markup('<a href="{}">{}</a>').format(target, breakable_url(target))


def _sentence(text: str) -> str:
    """A title or name ends its element with one full stop, not two."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def apa(item: Citable, lang: str) -> markupsafe.Markup:
    """APA 7. A page: "Author. (Date). *Title*. Site. URL", or without an author "*Title*.
    (Date). Site. URL". The archive: "Authors. (Year). *Title* (Version v) [Data set].
    Publisher. DOI or URL"."""
    e = markupsafe.escape
    words = _words(lang)
    title = markupsafe.Markup("<i>{}</i>").format(item.title)
    authors = ", ".join(item.authors) or (item.publisher if item.kind == "webpage" else "")
    if item.kind == "dataset":
        date = f"({_year(item.date, lang)})."
        extra = f" ({words['version']} {e(item.version)})" if item.version else ""
        parts = [
            e(_sentence(authors)) if authors else "",
            date,
            title + markupsafe.Markup(extra + f" [{e(words['dataset'])}]."),
            e(_sentence(item.publisher)) if item.publisher and item.publisher != authors else "",
        ]
    else:
        date = markupsafe.Markup("({}).").format(_nobr(_apa_date(item.date, lang)))
        head = [e(_sentence(authors)), date, title + "."] if authors else [title + ".", date]
        site = e(_sentence(item.container)) if item.container != authors else ""
        parts = [*head, site]
    return markupsafe.Markup(" ").join(p for p in [*parts, _link(item)] if p)


def chicago(item: Citable, lang: str) -> markupsafe.Markup:
    """Chicago author-date (17th ed.). A page: "Owner. Year. “Title.” Site. Last modified
    Month Day, Year. URL." The archive: "Authors. Year. *Title*. Version v. Publisher. URL."."""
    e = markupsafe.escape
    words = _words(lang)
    year = _year(item.date, lang)
    if item.kind == "dataset":
        owner = ", ".join(item.authors) or item.publisher or item.container
        parts = [
            e(_sentence(owner)),
            f"{year}.",
            markupsafe.Markup("<i>{}</i>.").format(item.title),
            e(f"{words['version']} {item.version}.") if item.version else "",
            e(_sentence(item.publisher)) if item.publisher and item.publisher != owner else "",
        ]
    else:
        owner = ", ".join(item.authors) or item.publisher or item.container
        parts = [
            e(_sentence(owner)),
            f"{year}.",
            markupsafe.Markup("“{}.”").format(item.title.rstrip(".")),
            e(_sentence(item.container)) if item.container != owner else "",
            markupsafe.Markup("{} {}.").format(
                words["modified"], _nobr(_full_date(item.date, lang))
            )
            if item.date
            else "",
        ]
    return markupsafe.Markup(" ").join(p for p in parts if p) + " " + _link(item) + "."
