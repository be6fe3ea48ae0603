"""What the research deposit holds, and a sentence about each file for its RO-Crate entry.

content/       the case files as contributors wrote them (Markdown + YAML front matter)
data-package/  the open data: a Frictionless data package (CSV, JSON, JSON Schemas)
site/          the offline copy of the whole site (unzip, open index.html)
web-archive/   the WACZ web archive of the site
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .crate import CC_BY, DATA_PACKAGE_SPEC, MIT, OFL, WACZ_SPEC, Part

KINDS = {"cities": "city", "projects": "research project", "lessons": "lesson", "pages": "page"}
LANGUAGE_NAMES = {"th": "Thai", "en": "English"}


def _content_part(rel: str, primary: str) -> Part:
    """A file under content/: which case, which language."""
    path = Path(rel)
    parts = path.parts
    name = path.name
    if len(parts) >= 3 and parts[1] in KINDS and name.endswith(".md"):
        stem = name[: -len(".md")]
        case_id, _, lang = stem.partition(".")
        lang = lang or primary
        kind = KINDS[parts[1]]
        text = f"Case file of the {kind} `{case_id}` in {LANGUAGE_NAMES.get(lang, lang)}" + (
            " (the primary file: every field)" if lang == primary else " (translation)"
        )
        return Part(rel, name, text, {"inLanguage": lang})
    if name == "sources.yml":
        return Part(rel, name, "Registry of every source document the case files cite")
    if len(parts) >= 2 and parts[1] == "vocabularies":
        return Part(rel, name, "Controlled vocabulary with Thai and English labels")
    if len(parts) >= 2 and parts[1] == "media":
        return Part(rel, name, "Image or file of a case file, as contributed")
    return Part(rel, name, "Content file")


def _data_part(rel: str) -> Part:
    name = Path(rel).name
    extra: dict[str, Any] = {}
    if name == "datapackage.json":
        text = "Frictionless data package descriptor: every table and column documented"
        extra["conformsTo"] = {"@id": DATA_PACKAGE_SPEC}
    elif rel.startswith("data-package/schemas/"):
        text = f"JSON Schema (2020-12) of the `{Path(name).stem}` case files' front matter"
    elif name.endswith(".csv"):
        text = f"The {Path(name).stem} as a table (UTF-8 with BOM, opens in Excel)"
    elif name.endswith(".json"):
        text = f"The {Path(name).stem} as JSON, with their texts and links"
    else:
        text = "Open data file"
    return Part(rel, name, text, extra)


def assemble(
    folder: Path, *, content_dir: Path, data_dir: Path, site_zip: Path, wacz: Path, primary: str
) -> list[Part]:
    """Copy the deposit's files into `folder` (the future bag payload and crate root)."""
    parts: list[Part] = []
    shutil.copytree(
        content_dir, folder / "content", ignore=shutil.ignore_patterns(".*", "__pycache__")
    )
    for path in sorted((folder / "content").rglob("*")):
        if path.is_file():
            parts.append(_content_part(path.relative_to(folder).as_posix(), primary))
    shutil.copytree(data_dir, folder / "data-package")
    for path in sorted((folder / "data-package").rglob("*")):
        if path.is_file():
            parts.append(_data_part(path.relative_to(folder).as_posix()))
    licences = {"license": [{"@id": CC_BY}, {"@id": MIT}, {"@id": OFL}]}
    (folder / "site").mkdir()
    shutil.copy2(site_zip, folder / "site" / site_zip.name)
    parts.append(
        Part(
            f"site/{site_zip.name}",
            site_zip.name,
            "The whole site for offline reading: unzip, open index.html (Thai) or "
            "en/index.html (English). Content CC BY 4.0, code MIT, font OFL 1.1.",
            licences,
        )
    )
    (folder / "web-archive").mkdir()
    shutil.copy2(wacz, folder / "web-archive" / wacz.name)
    parts.append(
        Part(
            f"web-archive/{wacz.name}",
            wacz.name,
            "Web archive (WACZ) of every page and file of the site in both "
            "languages, for replay in pywb or ReplayWeb.page",
            {**licences, "conformsTo": {"@id": WACZ_SPEC}},
        )
    )
    return parts
