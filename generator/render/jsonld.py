"""schema.org descriptions of cases, for search engines and citation tools."""

from __future__ import annotations

from typing import Any

from ..imprint import Imprint, Party
from ..model import Case, City, Event, Lesson, Project
from .context import PageContext


def _organisation(party: Party, ctx: PageContext) -> dict[str, Any]:
    data = {"@type": "Organization", "name": party.named(ctx.lang, ctx.primary)}
    return {**data, "url": party.url} if party.url else data


def archive(imprint: Imprint, ctx: PageContext, name: str, description: str) -> dict[str, Any]:
    """The archive itself, a data set: on the home page, and as what every case is part of.
    Its publisher and funders only where mkdocs.yml sets them."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "inLanguage": ctx.lang,
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    if description:
        data["description"] = description
    if imprint.site_url:
        data["url"] = imprint.site_url
    if imprint.publisher is not None:
        data["publisher"] = _organisation(imprint.publisher, ctx)
    if imprint.funders:
        data["funder"] = [_organisation(funder, ctx) for funder in imprint.funders]
    return data


def describe(
    case: Case, ctx: PageContext, summary: str, url: str, part_of: dict[str, Any] | None = None
) -> dict[str, Any]:
    other = [lang for lang in case.label if lang != ctx.lang]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "name": ctx.t(case.label),
        "alternateName": [case.label[lang] for lang in other if case.label.get(lang)],
        "description": summary,
        "inLanguage": ctx.lang,
        "dateModified": case.updated,
        "identifier": case.id,
    }
    if url.startswith("http"):
        data["url"] = url
    if isinstance(case, City):
        data["@type"] = "Place"
        location = case.fields.get("location") or {}
        if location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": location.get("lat"),
                "longitude": location.get("lon"),
            }
        data["address"] = {
            "@type": "PostalAddress",
            "addressCountry": "TH",
            "addressRegion": ctx.t(case.fields.get("province")),
        }
    elif isinstance(case, Project):
        data["@type"] = "ResearchProject"
        if case.fields.get("funder"):
            data["funder"] = {"@type": "Organization", "name": ctx.t(case.fields["funder"])}
        if case.city:
            data["location"] = {"@type": "Place", "name": ctx.t(case.city.label)}
        period = case.fields.get("period") or {}
        if period.get("start"):
            data["foundingDate"] = str(period["start"])
        if period.get("end"):
            data["dissolutionDate"] = str(period["end"])
        data["keywords"] = [ctx.t(t.label) for t in case.themes]
    elif isinstance(case, Lesson):
        data["@type"] = "CreativeWork"
        data["about"] = [ctx.t(t.label) for t in case.themes]
        data["mentions"] = [{"@type": "Place", "name": ctx.t(c.label)} for c in case.cities]
    elif isinstance(case, Event):
        data["@type"] = "Event"
        if case.span:
            data["startDate"] = case.span.start.iso
            data["endDate"] = case.span.end.iso
        data["location"] = [{"@type": "Place", "name": ctx.t(p.name)} for p in case.places]
        data["about"] = [{"@type": "Place", "name": ctx.t(c.label)} for c in case.cities]
    data["citation"] = [ctx.t(s.title) for s in case.sources]
    if part_of:
        data["isPartOf"] = {k: v for k, v in part_of.items() if k != "@context"}
        if "publisher" in part_of:
            data["publisher"] = part_of["publisher"]
    return {k: v for k, v in data.items() if v not in (None, [], "")}
