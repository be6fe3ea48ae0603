"""The RO-Crate inside the bag: `ro-crate-metadata.json` (made with the `rocrate` library)
describing every file of the deposit, who publishes and funds the archive, its licences,
languages, and the years and places it covers; checked with `rocrate-validator`.

RO-Crate 1.3, the version the RO-Crate project's Python library writes: its JSON-LD context
ships with that library, so the crate is validated without the network (the validator reads
the context through its documented HTTP cache, filled here from the library's copy). Earlier
versions' contexts are only on the web, and release checks must work offline.
"""

from __future__ import annotations

import importlib.resources
import io
import json
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rocrate.model.contextentity import ContextEntity
from rocrate.rocrate import ROCrate

from ..config import SiteConfig
from ..model import Archive
from .coverage import places, temporal_coverage
from .identity import Identity
from .tools import run_tool, tool

PROFILE = "ro-crate-1.3"
CONTEXT_URL = "https://w3id.org/ro/crate/1.3/context"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MIT = "https://spdx.org/licenses/MIT"
OFL = "https://spdx.org/licenses/OFL-1.1"
WACZ_SPEC = "https://specs.webrecorder.net/wacz/1.1.1/"
DATA_PACKAGE_SPEC = "https://specs.frictionlessdata.io/data-package/"
# Media types fixed here, not read from the machine's mime.types: same crate on every machine.
MEDIA_TYPES = {
    ".md": "text/markdown",
    ".yml": "application/yaml",
    ".yaml": "application/yaml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".zip": "application/zip",
    ".wacz": "application/zip",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}


@dataclass(frozen=True)
class Part:
    """A file of the deposit and what to say about it."""

    path: str  # relative to the crate's root
    name: str
    description: str = ""
    extra: dict[str, Any] | None = None


def _bilingual(value: dict[str, str] | None, languages: list[str]) -> str | None:
    """ "ไทย / English" from a {th, en} setting; None when every language is unset."""
    if not value:
        return None
    names = list(dict.fromkeys(str(value[lang]) for lang in languages if value.get(lang)))
    return " / ".join(names) or None


def _organisation(
    crate: ROCrate, identifier: str, setting: dict[str, Any], languages: list[str]
) -> dict[str, str] | None:
    """An Organization entity for a publisher or funder setting; None if it has no name."""
    name = _bilingual(setting.get("name"), languages)
    if name is None:
        return None
    properties: dict[str, Any] = {"@type": "Organization", "name": name}
    if setting.get("url"):
        properties["url"] = str(setting["url"])
    crate.add(ContextEntity(crate, setting.get("url") or identifier, properties=properties))
    return {"@id": str(setting.get("url") or identifier)}


def _one_or_many(values: list[Any]) -> Any:
    """A single value alone, as RO-Crate's compacted JSON-LD recommends; a list otherwise."""
    return values[0] if len(values) == 1 else values


def _media_type(path: Path) -> str:
    return MEDIA_TYPES.get(path.suffix.lower()) or mimetypes.types_map.get(
        path.suffix.lower(), "application/octet-stream"
    )


def describe(
    root: Path,
    config: SiteConfig,
    archive: Archive,
    identity: Identity,
    *,
    parts: list[Part],
    date_published: str,
    version: str,
    capture_date: str | None,
) -> Path:
    """Write `root/ro-crate-metadata.json` describing the files already in `root`."""
    languages = [language.code for language in config.languages]
    names = {language.code: language.site_name for language in config.languages}
    crate = ROCrate(gen_preview=False)
    dataset = crate.root_dataset
    dataset["name"] = " / ".join(dict.fromkeys(names[lang] for lang in languages))
    dataset["description"] = (
        " ".join(
            dict.fromkeys(
                config.text("description", lang)
                for lang in languages
                if config.text("description", lang)
            )
        )
        or dataset["name"]
    )
    dataset["datePublished"] = date_published
    dataset["version"] = version
    dataset["inLanguage"] = languages
    keywords = identity.citation.get("keywords") or []
    if keywords:
        dataset["keywords"] = [str(k) for k in keywords]
    if identity.doi_url:
        dataset["identifier"] = identity.doi_url
    if config.site_url:
        dataset["url"] = config.site_url
    if config.repo_url:
        dataset["isBasedOn"] = {"@id": config.repo_url}
        crate.add(
            ContextEntity(
                crate,
                config.repo_url,
                properties={
                    "@type": "SoftwareSourceCode",
                    "name": "Source repository (code: MIT)",
                    "license": {"@id": MIT},
                },
            )
        )

    for url, name, spdx, applies in (
        (
            CC_BY,
            "Creative Commons Attribution 4.0 International",
            "CC-BY-4.0",
            "The written content: case files, data, the pages' text.",
        ),
        (MIT, "MIT License", "MIT", "The code: the generator and the site's scripts and styles."),
        (OFL, "SIL Open Font License 1.1", "OFL-1.1", "The Sarabun font inside the site."),
    ):
        crate.add(
            ContextEntity(
                crate,
                url,
                properties={
                    "@type": "CreativeWork",
                    "name": name,
                    "identifier": spdx,
                    "description": applies,
                },
            )
        )
    dataset["license"] = {"@id": CC_BY}

    authors = [a for a in identity.citation.get("authors") or [] if isinstance(a, dict)]
    for index, author in enumerate(authors):
        person = bool(author.get("family-names"))
        name = (
            " ".join(str(author[k]) for k in ("given-names", "family-names") if author.get(k))
            if person
            else str(author.get("name") or "")
        )
        identifier = str(author.get("orcid") or f"#author-{index + 1}")
        crate.add(
            ContextEntity(
                crate,
                identifier,
                properties={"@type": "Person" if person else "Organization", "name": name},
            )
        )
    if authors:
        dataset["creator"] = _one_or_many(
            [{"@id": str(a.get("orcid") or f"#author-{i + 1}")} for i, a in enumerate(authors)]
        )

    publisher = _organisation(
        crate, "#publisher", config.settings.get("publisher") or {}, languages
    )
    if publisher is not None:
        dataset["publisher"] = publisher
        contact = config.settings.get("contact")
        if contact:
            key = "email" if "@" in str(contact) and "://" not in str(contact) else "url"
            crate.add(
                ContextEntity(
                    crate,
                    "#contact",
                    properties={
                        "@type": "ContactPoint",
                        "contactType": "editors",
                        key: str(contact),
                    },
                )
            )
            crate.get(publisher["@id"])["contactPoint"] = {"@id": "#contact"}
    funders = [
        funder
        for index, setting in enumerate(config.settings.get("funders") or [])
        if (funder := _organisation(crate, f"#funder-{index + 1}", setting or {}, languages))
        is not None
    ]
    if funders:
        dataset["funder"] = _one_or_many(funders)

    coverage = temporal_coverage(archive)
    if coverage:
        dataset["temporalCoverage"] = coverage
    cities = places(archive)
    contained = []
    for place in cities:
        geo_id = f"#geo-{place.id}"
        crate.add(
            ContextEntity(
                crate,
                geo_id,
                # A GeoSPARQL point (WKT: longitude first), as RO-Crate 1.2+ recommends.
                properties={
                    "@type": "Geometry",
                    "name": f"{place.lat}, {place.lon}",
                    "asWKT": f"POINT ({place.lon} {place.lat})",
                },
            )
        )
        label = _bilingual(place.name, languages) or place.id
        province = _bilingual(place.province, languages)
        crate.add(
            ContextEntity(
                crate,
                f"#place-{place.id}",
                properties={
                    "@type": "Place",
                    "name": label,
                    "geo": {"@id": geo_id},
                    **({"description": province} if province else {}),
                },
            )
        )
        contained.append({"@id": f"#place-{place.id}"})
    # The whole programme is in Thailand (the content's cities); GeoNames names the country.
    crate.add(
        ContextEntity(
            crate,
            "https://www.geonames.org/1605651",
            properties={
                "@type": "Place",
                "name": "ประเทศไทย / Thailand",
                **({"containsPlace": contained} if contained else {}),
            },
        )
    )
    dataset["spatialCoverage"] = {"@id": "https://www.geonames.org/1605651"}

    crate.add(
        ContextEntity(
            crate,
            WACZ_SPEC,
            properties={
                "@type": "CreativeWork",
                "name": "Web Archive Collection Zipped (WACZ) 1.1.1",
            },
        )
    )
    crate.add(
        ContextEntity(
            crate,
            DATA_PACKAGE_SPEC,
            properties={"@type": "CreativeWork", "name": "Frictionless Data Package"},
        )
    )

    for part in parts:
        path = root / part.path
        properties: dict[str, Any] = {
            "name": part.name,
            "encodingFormat": _media_type(path),
            "contentSize": str(path.stat().st_size),
        }
        if part.description:
            properties["description"] = part.description
        properties.update(part.extra or {})
        crate.add_file(path, dest_path=part.path, properties=properties)
    if capture_date is not None:
        for entity in crate.data_entities:
            if str(entity.id).endswith(".wacz"):
                entity["dateCreated"] = capture_date
    crate.metadata.write(str(root))
    return root / "ro-crate-metadata.json"


def _seed_context_cache(cache: Path) -> None:
    """Put the RO-Crate context the `rocrate` library ships into the validator's HTTP cache
    (requests-cache, the validator's documented `--cache-path`), as a fetch would have."""
    import requests
    import urllib3
    from requests.adapters import HTTPAdapter
    from requests_cache import CachedSession

    context = (importlib.resources.files("rocrate") / "data" / "ro-crate.jsonld").read_bytes()
    if json.loads(context).get("@id") != CONTEXT_URL:
        raise RuntimeError(f"the rocrate library's context is not {CONTEXT_URL}")
    raw = urllib3.HTTPResponse(
        body=io.BytesIO(context),
        status=200,
        preload_content=False,
        headers={"Content-Type": "application/ld+json"},
        request_url=CONTEXT_URL,
    )
    response = HTTPAdapter().build_response(requests.Request("GET", CONTEXT_URL).prepare(), raw)
    _ = response.content  # read the body, as a real fetch does before caching
    session = CachedSession(cache_name=str(cache), backend="sqlite", expire_after=-1)
    session.cache.save_response(response)
    session.close()  # type: ignore[no-untyped-call]  # (requests-cache has no hints here)


def validate_crate(root: Path, work_dir: Path, severity: str = "REQUIRED") -> dict[str, Any]:
    """`rocrate-validator validate` against the RO-Crate 1.3 profile (and the 1.2 profile it
    builds on), offline; returns its JSON report. Raises ToolFailed when the crate fails."""
    cache = work_dir / "rocrate-validator-cache"
    _seed_context_cache(cache)
    report = work_dir / "rocrate-validation.json"
    output = run_tool(
        [
            tool("rocrate-validator"),
            "-y",
            "--disable-color",
            "validate",
            "--offline",
            "--cache-path",
            str(cache),
            "-p",
            PROFILE,
            "-l",
            severity,
            "-f",
            "json",
            "-o",
            str(report),
            str(root),
        ],
        "rocrate-validator",
    )
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    if not data.get("passed") or "Unexpected error" in output:
        raise RuntimeError(f"the RO-Crate did not validate:\n{output[-3000:]}")
    return data
