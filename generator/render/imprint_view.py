"""What pages say about who stands behind the archive: the footer of every page (as data for
theme/partials/copyright.html, passed through `extra.lc`) and the About page's section
(the `{{ colophon }}` placeholder)."""

from __future__ import annotations

from typing import Any

from ..config import SiteConfig
from ..imprint import Imprint, Party
from .context import PageContext

FORKING_GUIDE = "FORKING.md"


def _party(party: Party | None, ctx: PageContext) -> dict[str, str] | None:
    return {"name": party.named(ctx.lang, ctx.primary), "url": party.url} if party else None


def imprint_values(imprint: Imprint, ctx: PageContext) -> dict[str, Any]:
    """The facts, in this page's language; None (or "") where a value is not set."""
    return {
        "publisher": _party(imprint.publisher, ctx),
        "funders": [_party(funder, ctx) for funder in imprint.funders],
        "contact": imprint.contact,
        "contact_href": imprint.contact_href,
        "site_url": imprint.site_url,
        "repo_url": imprint.repo_url,
        "forking_url": imprint.repo_file_url(FORKING_GUIDE),
        "citation_cff_url": imprint.repo_file_url("CITATION.cff"),
    }


def footer_data(
    imprint: Imprint, config: SiteConfig, has_about: bool, pages: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """Per language, what every page's footer shows (theme/partials/copyright.html): who
    stands behind the archive, and the pages that have no tab (`pages`: id → title per
    language), with their paths from the site root."""
    data = {}
    for language in config.languages:
        ctx = PageContext("index", language.code, config.primary.code)
        prefix = "" if language.code == config.primary.code else f"{language.code}/"
        keys = (
            "footer_published_by",
            "footer_funded_by",
            "footer_contact",
            "not_set",
            "footer_about",
            "footer_source",
            "footer_fork",
            "footer_cite",
            "footer_more",
        )
        data[language.code] = {
            **imprint_values(imprint, ctx),
            "site_name": language.site_name,
            "about": f"{prefix}about.html" if has_about else "",
            "pages": [
                {"path": f"{prefix}{page}.html", "title": titles[language.code]}
                for page, titles in pages.items()
            ],
            "labels": {key: ctx.label(key) for key in keys},
        }
    return data
