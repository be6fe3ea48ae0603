"""Who stands behind the archive: its publisher, the funders of the work it records, how to
reach its editors, and where it lives (site and repository). All from mkdocs.yml, in one
place for a fork; shown on About, in every page's footer, in the structured data, the data
package and the citation files.

What is not set stays unset — never guessed: the pages say "not yet set", and `unset_problems`
gives one warning per missing value, naming it and the line of mkdocs.yml where it goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from .config import SiteConfig, setting_line
from .problems import Problem, Severity, relative


@dataclass(frozen=True)
class Party:
    """A publisher or a funder: a name per language, and a web address if known."""

    name: dict[str, str]
    url: str = ""

    def named(self, lang: str, primary: str) -> str:
        return self.name.get(lang) or self.name.get(primary) or next(iter(self.name.values()))


@dataclass(frozen=True)
class Imprint:
    publisher: Party | None
    funders: tuple[Party, ...]
    contact: str  # an e-mail address or a URL; "" when not set
    site_url: str
    repo_url: str
    edit_branch: str = "main"

    @property
    def contact_href(self) -> str:
        if not self.contact:
            return ""
        return self.contact if "://" in self.contact else f"mailto:{self.contact}"

    def repo_file_url(self, path: str, action: str = "blob") -> str:
        """A file of the repository on GitHub (`edit` opens GitHub's web editor)."""
        return f"{self.repo_url}/{action}/{self.edit_branch}/{path}" if self.repo_url else ""

    def issue_form_url(self, form: str, **fields: str) -> str:
        """A new issue on GitHub with the issue form `form` (a file of .github/ISSUE_TEMPLATE/)
        open and its fields filled in: GitHub reads `template=` and each field's id from the
        address. "" without a repository."""
        if not self.repo_url:
            return ""
        return f"{self.repo_url}/issues/new?" + urlencode({"template": form, **fields})


def _party(value: Any) -> Party | None:
    if not isinstance(value, dict):
        return None
    name = value.get("name")
    if isinstance(name, str):
        name = {"": name}
    names = {str(k): str(v) for k, v in (name or {}).items() if v}
    if not names:
        return None
    return Party(name=names, url=str(value.get("url") or ""))


def imprint_of(config: SiteConfig) -> Imprint:
    settings = config.settings
    funders = tuple(
        party for value in settings.get("funders") or [] if (party := _party(value)) is not None
    )
    return Imprint(
        publisher=_party(settings.get("publisher")),
        funders=funders,
        contact=str(settings.get("contact") or ""),
        site_url=config.site_url.rstrip("/") + "/" if config.site_url else "",
        repo_url=config.repo_url.rstrip("/"),
        edit_branch=str(settings.get("edit_branch") or "main"),
    )


# Setting → (where it goes in mkdocs.yml, what the site shows without it), for the warnings.
_WANTED = {
    "publisher.name": (
        "plugins → learningcity → publisher → name",
        "who publishes the archive",
        "ผู้เผยแพร่คลังความรู้",
    ),
    "contact": (
        "plugins → learningcity → contact",
        "how readers reach the editors",
        "ช่องทางติดต่อบรรณาธิการ",
    ),
    "site_url": (
        "site_url",
        "the archive's address (citations, sitemaps)",
        "ที่อยู่เว็บไซต์ของคลังความรู้ (ใช้ในการอ้างอิงและแผนผังเว็บไซต์)",
    ),
    "repo_url": (
        "repo_url",
        "where to edit pages and report missing facts",
        "ที่แก้ไขหน้าและแจ้งข้อมูลที่ขาด",
    ),
}


def unset_problems(config: SiteConfig) -> list[Problem]:
    """One warning for each thing about the archive that is not set yet."""
    imprint = imprint_of(config)
    values = {
        "publisher.name": imprint.publisher,
        "contact": imprint.contact,
        "site_url": imprint.site_url,
        "repo_url": imprint.repo_url,
    }
    config_file = config.config_file or config.root / "mkdocs.yml"
    problems = []
    for key, (where, what_en, what_th) in _WANTED.items():
        if values[key]:
            continue
        problems.append(
            Problem(
                path=relative(config_file, config.root),
                line=setting_line(config_file, key),
                column=0,
                field=key,
                code="setting-unset",
                message_en=f"not set: {what_en}; the site says it is not yet set",
                message_th=f"ยังไม่ได้ตั้งค่า: {what_th} เว็บไซต์จะแจ้งว่ายังไม่ได้ตั้งค่า",
                hint_en=f"Set `{where}` in mkdocs.yml once it is decided (FORKING.md).",
                hint_th=f"ตั้งค่า `{where}` ใน mkdocs.yml เมื่อได้ข้อสรุปแล้ว (ดู FORKING.md)",
                severity=Severity.WARNING,
            )
        )
    return problems
