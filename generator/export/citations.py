"""Citation records of each case and of the whole archive, and the files reference managers
read: BibTeX (written with bibtexparser), RIS (rispy) and CSL-JSON.

A case is cited as a web page of the archive: its title, the archive's name, the publisher when
one is set (never guessed), the date its text last changed, and its address. The whole archive
is cited as a data set, with the version, release date, authors and DOI of CITATION.cff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import rispy
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from ..dates import PartialDate


@dataclass(frozen=True)
class Citable:
    key: str  # citation key, e.g. "khon-kaen" (ASCII: BibTeX wants it so)
    kind: str  # "webpage" (a case) or "dataset" (the whole archive)
    title: str
    container: str  # the archive's name, in the citation's language
    date: PartialDate | None  # last change (a case) or release (the archive)
    url: str  # absolute when the site's address is set, otherwise the path in the site
    lang: str
    publisher: str = ""  # "" when not set
    authors: tuple[str, ...] = ()  # organisations or people, as written
    version: str = ""
    doi: str = ""

    @property
    def link(self) -> str:
        """What a reader follows: the DOI when there is one, else the address."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url


def parse_date(value: object) -> PartialDate | None:
    try:
        return PartialDate.parse(str(value)[:10]) if value else None
    except ValueError:
        return None


# -- CSL-JSON --------------------------------------------------------------------------------


def csl_item(item: Citable) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.key,
        "type": item.kind,
        "title": item.title,
        "container-title": item.container if item.kind == "webpage" else None,
        "publisher": item.publisher or None,
        "author": [{"literal": name} for name in item.authors] or None,
        "version": item.version or None,
        "DOI": item.doi or None,
        "URL": item.url if "://" in item.url else None,
        "language": item.lang,
    }
    if item.date is not None:
        parts = [item.date.year, item.date.month, item.date.day]
        data["issued"] = {"date-parts": [[p for p in parts if p is not None]]}
    return {key: value for key, value in data.items() if value is not None}


def csl_json(items: list[Citable]) -> str:
    return json.dumps([csl_item(item) for item in items], ensure_ascii=False, indent=2) + "\n"


# -- BibTeX ----------------------------------------------------------------------------------

_LATEX_SPECIALS = str.maketrans({c: f"\\{c}" for c in "&%$#_"})


def _bib(text: str) -> str:
    """Text inside a BibTeX value: LaTeX's special characters escaped, braces balanced."""
    return text.translate(_LATEX_SPECIALS).replace("{", "(").replace("}", ")")


_BIB_LANGUAGE = {"th": "thai", "en": "english"}


def bibtex(items: list[Citable]) -> str:
    library = Library()
    for item in items:
        fields = [("title", "{" + _bib(item.title) + "}")]  # extra braces: keep its case
        if item.authors:
            fields.append(("author", " and ".join("{" + _bib(a) + "}" for a in item.authors)))
        if item.kind == "webpage":
            fields.append(("howpublished", _bib(item.container)))
        if item.publisher:
            fields.append(("publisher", _bib(item.publisher)))
        if item.date is not None:
            fields.append(("year", str(item.date.year)))
            if item.date.month is not None:
                fields.append(("month", str(item.date.month)))
            if item.date.day is not None:
                fields.append(("date", item.date.iso))
        if item.version:
            fields.append(("version", _bib(item.version)))
        if item.doi:
            fields.append(("doi", item.doi))
        if "://" in item.url:
            fields.append(("url", item.url))
        else:
            fields.append(("note", _bib(f"{item.container}, {item.url}")))
        fields.append(("language", _BIB_LANGUAGE.get(item.lang, item.lang)))
        entry_type = "online" if item.kind == "webpage" else "misc"
        library.add(Entry(entry_type, item.key, [Field(k, v) for k, v in fields]))
    return write_string(library)


# -- RIS -------------------------------------------------------------------------------------


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """RIS as reference managers expect it: no "1." line before each record."""

    def set_header(self, count: int) -> str:
        return ""


def ris(items: list[Citable]) -> str:
    records = []
    for item in items:
        record: dict[str, Any] = {
            "type_of_reference": "ELEC" if item.kind == "webpage" else "DATA",
            "title": item.title,
            "language": item.lang,
        }
        if item.kind == "webpage":
            record["secondary_title"] = item.container
        if item.authors:
            record["authors"] = list(item.authors)
        if item.publisher:
            record["publisher"] = item.publisher
        if item.date is not None:
            record["year"] = str(item.date.year)
            record["date"] = "/".join(
                f"{p:02d}" if n else str(p)
                for n, p in enumerate([item.date.year, item.date.month, item.date.day])
                if p is not None
            )
        if item.version:
            record["edition"] = item.version
        if item.doi:
            record["doi"] = item.doi
        record["urls"] = [item.url]
        records.append(record)
    return str(rispy.dumps(records, implementation=_RisWriter))


def citation_files(base: str, items: list[Citable]) -> dict[str, str]:
    """`base`.bib, .ris and .json (CSL-JSON) for these records."""
    return {
        f"{base}.bib": bibtex(items),
        f"{base}.ris": ris(items),
        f"{base}.json": csl_json(items),
    }
