"""Which release of the archive this is, for citations and deposits: the DOI and version of
CITATION.cff (where a fork sets them once Zenodo or another repository has given a DOI; the
archive's names and addresses are mkdocs.yml's, see generator/citation_cff.py). Standard
library and PyYAML only: the site build imports this for its "how to cite" block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..config import SiteConfig

CITATION_FILE = "CITATION.cff"
# A DOI as the DOI Handbook defines it: "10." + registrant code + "/" + suffix.
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi:",
)


class IdentityError(Exception):
    """CITATION.cff or the `doi` setting cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Identity:
    """What a citation of the archive needs beyond its title: the DOI and the version,
    each None while unset (never guessed)."""

    doi: str | None  # "10.5281/zenodo.123", without a resolver prefix
    version: str | None  # CITATION.cff `version`
    citation: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None


def normalize_doi(value: str, where: str) -> str:
    """`10.x/y` from any common way of writing a DOI; IdentityError if it is not one."""
    text = value.strip()
    for prefix in _DOI_PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
            break
    if not _DOI.match(text):
        raise IdentityError(
            f"{where}: {value!r} is not a DOI (expected 10.NNNN/suffix, e.g. 10.5281/zenodo.123)"
            f" / {where}: {value!r} ไม่ใช่ DOI (รูปแบบที่ถูกคือ 10.NNNN/ส่วนท้าย)"
        )
    return text


def read_citation(root: Path) -> dict[str, Any]:
    """CITATION.cff as data; {} when the repository has none (a fork may delete it)."""
    path = root / CITATION_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise IdentityError(f"{CITATION_FILE}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise IdentityError(f"{CITATION_FILE}: expected a mapping of keys at the top")
    return data


def archive_identity(config: SiteConfig) -> Identity:
    """The DOI and version to show in "how to cite" and to write into every deposit."""
    citation = read_citation(config.root)
    doi = (
        normalize_doi(str(citation["doi"]), f"{CITATION_FILE}: doi")
        if citation.get("doi")
        else None
    )
    version = citation.get("version")
    return Identity(
        doi=doi,
        version=str(version) if version not in (None, "") else None,
        citation=citation,
    )
