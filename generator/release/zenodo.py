"""`.zenodo.json`: what Zenodo's GitHub integration reads from the repository at each release
tag, so that a fork that switches the integration on gets a DOI per release with the right
title, creators, licence and keywords instead of Zenodo's guesses from the repository page.

Made from CITATION.cff and mkdocs.yml only (never from the content, so that adding a case
never makes the committed file stale). Zenodo reads the file at the tagged commit, so it is
committed at the repository's root: `python -m generator zenodo` rewrites it, a test and the
release command fail while it differs from what this module makes.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..config import SiteConfig
from .identity import Identity, archive_identity

ZENODO_FILE = ".zenodo.json"
# ISO 639-1 (the site's language codes) → ISO 639-3 (what Zenodo's `language` takes).
ISO_639_3 = {
    "th": "tha",
    "en": "eng",
    "lo": "lao",
    "my": "mya",
    "km": "khm",
    "ms": "msa",
    "vi": "vie",
    "id": "ind",
    "zh": "zho",
    "ja": "jpn",
    "fr": "fra",
    "de": "deu",
}
# CITATION.cff `type` → Zenodo `upload_type`.
UPLOAD_TYPES = {"dataset": "dataset", "software": "software"}


def _creator(author: dict[str, Any]) -> dict[str, str]:
    """A CITATION.cff person or entity as a Zenodo creator ("Family, Given" for people)."""
    if author.get("family-names"):
        name = str(author["family-names"])
        if author.get("given-names"):
            name = f"{name}, {author['given-names']}"
    else:
        name = str(author.get("name") or "")
    creator = {"name": name}
    if author.get("affiliation"):
        creator["affiliation"] = str(author["affiliation"])
    orcid = str(author.get("orcid") or "").rsplit("/", 1)[-1]
    if orcid:
        creator["orcid"] = orcid
    return creator


def _names(config: SiteConfig) -> dict[str, str]:
    """The archive's name in each language (the i18n plugin's site names)."""
    return {language.code: language.site_name for language in config.languages}


def title(config: SiteConfig, citation: dict[str, Any]) -> str:
    """CITATION.cff's title; without one, the site's names: "ไทย (English)"."""
    if citation.get("title"):
        return str(citation["title"])
    names = list(dict.fromkeys(_names(config).values()))
    return names[0] + "".join(f" ({name})" for name in names[1:])


def description(config: SiteConfig, citation: dict[str, Any]) -> str:
    """Zenodo shows the description as HTML: one paragraph per language, marked with its
    language, then CITATION.cff's abstract."""
    parts = []
    for language in config.languages:
        text = config.text("description", language.code)
        if text and (
            language.code == config.primary.code
            or text != config.text("description", config.primary.code)
        ):
            parts.append(f'<p lang="{language.code}">{html.escape(text)}</p>')
    if citation.get("abstract"):
        parts.append(f"<p>{html.escape(str(citation['abstract']).strip())}</p>")
    return "\n".join(parts) or html.escape(title(config, citation))


def _people(settings: dict[str, Any]) -> list[dict[str, str]]:
    """Publisher and funders as Zenodo contributors; unset names are left out, not guessed."""
    people = []
    publisher = settings.get("publisher") or {}
    name = publisher.get("name") or {}
    if name.get("en") or name.get("th"):
        people.append({"name": str(name.get("en") or name.get("th")), "type": "Distributor"})
    for funder in settings.get("funders") or []:
        funder_name = (funder or {}).get("name") or {}
        if funder_name.get("en") or funder_name.get("th"):
            people.append(
                {"name": str(funder_name.get("en") or funder_name.get("th")), "type": "Sponsor"}
            )
    return people


def zenodo_metadata(config: SiteConfig, identity: Identity | None = None) -> dict[str, Any]:
    identity = identity or archive_identity(config)
    citation = identity.citation
    metadata: dict[str, Any] = {
        "upload_type": UPLOAD_TYPES.get(str(citation.get("type") or "dataset"), "dataset"),
        "title": title(config, citation),
        "description": description(config, citation),
        "creators": [_creator(a) for a in citation.get("authors") or [] if isinstance(a, dict)],
        "access_right": "open",
        # The written content is the deposit; the code beside it is MIT (see notes).
        "license": str(citation.get("license") or "CC-BY-4.0").lower(),
        "keywords": [str(k) for k in citation.get("keywords") or []],
        "notes": "Written content: CC BY 4.0. Code: MIT. Languages: "
        + ", ".join(f"{lang.name} ({lang.code})" for lang in config.languages)
        + ".",
    }
    if not metadata["creators"]:
        metadata["creators"] = [{"name": name} for name in list(_names(config).values())[-1:]]
    language = ISO_639_3.get(config.primary.code)
    if language:
        metadata["language"] = language
    if identity.version:
        metadata["version"] = identity.version
    contributors = _people(config.settings)
    if contributors:
        metadata["contributors"] = contributors
    related = []
    if config.site_url:
        # The deposit is one version of the archive that lives at the site's address.
        related.append(
            {
                "identifier": config.site_url,
                "relation": "isVersionOf",
                "resource_type": "dataset",
                "scheme": "url",
            }
        )
    if config.repo_url:
        related.append(
            {
                "identifier": config.repo_url,
                "relation": "isSupplementTo",
                "resource_type": "software",
                "scheme": "url",
            }
        )
    if identity.doi:
        # The configured DOI names the archive as a whole (Zenodo's "concept" DOI); each
        # release gets its own DOI from Zenodo and is a version of that one.
        related.append(
            {
                "identifier": identity.doi,
                "relation": "isVersionOf",
                "resource_type": "dataset",
                "scheme": "doi",
            }
        )
    if related:
        metadata["related_identifiers"] = related
    return metadata


def zenodo_json(config: SiteConfig, identity: Identity | None = None) -> str:
    return json.dumps(zenodo_metadata(config, identity), ensure_ascii=False, indent=2) + "\n"


def stale_zenodo_file(config: SiteConfig) -> str | None:
    """Why the committed `.zenodo.json` is not what the configuration gives, or None."""
    path = config.root / ZENODO_FILE
    if not path.is_file():
        return (
            f"{ZENODO_FILE} is missing: run `python -m generator zenodo` and commit it / "
            f"ไม่พบ {ZENODO_FILE}: รัน `python -m generator zenodo` แล้ว commit"
        )
    if path.read_text(encoding="utf-8") != zenodo_json(config):
        return (
            f"{ZENODO_FILE} is stale (mkdocs.yml or CITATION.cff changed): run "
            f"`python -m generator zenodo` and commit it / {ZENODO_FILE} ไม่ตรงกับการตั้งค่า: "
            f"รัน `python -m generator zenodo` แล้ว commit"
        )
    return None
