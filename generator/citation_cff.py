"""CITATION.cff: how to cite the whole archive (GitHub's "Cite this repository", Zenodo).

Two sources, each for its own part. The archive's identity — its titles, address, repository,
publisher and contact — is mkdocs.yml's, so that a fork changes it in one place;
`python -m generator citation-cff` writes it into CITATION.cff, and the validator warns when
the two disagree. The release — version, release date, authors, DOI — is CITATION.cff's own,
set when a version is published (README, "Preserving this archive").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .config import SiteConfig
from .export.citations import Citable, parse_date
from .imprint import Imprint, imprint_of
from .problems import Problem, Severity, relative

CFF_FILE = "CITATION.cff"


def cff_path(config: SiteConfig) -> Path:
    return config.root / CFF_FILE


def read_cff(config: SiteConfig) -> dict[str, Any]:
    """The file's fields; {} when there is none or it cannot be read."""
    try:
        data = yaml.safe_load(cff_path(config).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _title(config: SiteConfig) -> str:
    names = list(dict.fromkeys(language.site_name for language in config.languages))
    return names[0] + (f" ({', '.join(names[1:])})" if names[1:] else "")


def _entity(imprint: Imprint, lang: str) -> dict[str, str] | None:
    if imprint.publisher is None:
        return None
    entity = {"name": imprint.publisher.named(lang, lang)}
    if imprint.publisher.url:
        entity["website"] = imprint.publisher.url
    return entity


def identity(config: SiteConfig) -> dict[str, Any]:
    """The fields of CITATION.cff that come from mkdocs.yml (None: not set, left out)."""
    imprint = imprint_of(config)
    contact = None
    if imprint.contact:
        key = "website" if "://" in imprint.contact else "email"
        contact = [{"name": _title(config), key: imprint.contact}]
    return {
        "title": _title(config),
        "url": imprint.site_url or None,
        "repository-code": imprint.repo_url or None,
        "contact": contact,
        "publisher": _entity(imprint, "en"),
    }


def _apply(cff: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """CITATION.cff with the identity fields set; the publisher goes into `preferred-citation`
    (CFF has no publisher of its own), which then repeats the release fields."""
    own = ("title", "url", "repository-code", "contact")
    updated = {
        k: v
        for k, v in cff.items()  # in the file's order, identity values replaced
        if k != "preferred-citation" and (k not in own or fields[k] is not None)
    }
    for key in own:
        if fields[key] is not None:
            updated[key] = fields[key]
    if fields["publisher"] is not None:
        preferred = {
            "type": "data",
            "title": updated.get("title"),
            "authors": updated.get("authors") or [{"name": updated.get("title")}],
            "publisher": fields["publisher"],
        }
        for key in ("version", "date-released", "doi", "url"):
            if updated.get(key):
                preferred[key] = updated[key]
        updated["preferred-citation"] = preferred
    return updated


def updated_cff(config: SiteConfig) -> dict[str, Any]:
    return _apply(read_cff(config), identity(config))


def write_cff(config: SiteConfig) -> Path:
    path = cff_path(config)
    path.write_text(
        yaml.safe_dump(updated_cff(config), allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    return path


def cff_problems(config: SiteConfig) -> list[Problem]:
    """A warning when CITATION.cff says something else than mkdocs.yml about the archive."""
    current = read_cff(config)
    if not current:
        return []
    wanted = updated_cff(config)
    differing = [
        key
        for key in ("title", "url", "repository-code", "contact", "preferred-citation")
        if current.get(key) != wanted.get(key)
    ]
    if not differing:
        return []
    return [
        Problem(
            path=relative(cff_path(config), config.root),
            line=0,
            column=0,
            field=", ".join(differing),
            code="citation-cff-out-of-date",
            message_en="CITATION.cff does not say what mkdocs.yml says about the archive",
            message_th="CITATION.cff ระบุข้อมูลของคลังความรู้ไม่ตรงกับ mkdocs.yml",
            hint_en="Run `python -m generator citation-cff` to write mkdocs.yml's values into it.",
            hint_th="สั่ง `python -m generator citation-cff` เพื่อเขียนค่าจาก mkdocs.yml ลงในไฟล์",
            severity=Severity.WARNING,
        )
    ]


def _person(author: Any) -> str:
    if not isinstance(author, dict):
        return str(author)
    if author.get("name"):
        return str(author["name"])
    return " ".join(
        str(author[k]) for k in ("given-names", "name-particle", "family-names") if author.get(k)
    )


def archive_citable(config: SiteConfig, lang: str, newest: str) -> Citable:
    """The whole archive as a data set: the release fields of CITATION.cff, the name in this
    language, the publisher of mkdocs.yml; dated by the release, or else by the newest change
    of the content (`newest`)."""
    from .release.identity import archive_identity  # its DOI, with any resolver prefix removed

    cff = read_cff(config)
    release = archive_identity(config)
    imprint = imprint_of(config)
    name = next(
        (language.site_name for language in config.languages if language.code == lang),
        config.primary.site_name,
    )
    publisher = imprint.publisher.named(lang, config.primary.code) if imprint.publisher else ""
    return Citable(
        key="archive",
        kind="dataset",
        title=name,
        container=name,
        date=parse_date(cff.get("date-released")) or parse_date(newest),
        url=imprint.site_url or "index.html",
        lang=lang,
        publisher=publisher,
        authors=tuple(_person(a) for a in cff.get("authors") or []),
        version=release.version or "",
        doi=release.doi or "",
    )
