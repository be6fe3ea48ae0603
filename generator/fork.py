"""`python -m generator remove-examples`: empty the content tree of this programme's cases,
so a fork starts from a valid, empty archive (FORKING.md).

Removed: every city, project, lesson and event (both languages), content/media/, and the sources in
content/sources.yml. Kept: content/pages/ (the fork rewrites them, and the contribution and
licence pages are mostly reusable), the vocabularies (regions, themes, SDGs) and mkdocs.yml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .config import SiteConfig

CASE_KINDS = ("cities", "projects", "lessons", "events")
EMPTY_SOURCES = """\
# Every document the archive cites, by a permanent id (see CONTRIBUTING.md):
#
# some-source-id:
#   title: {th: "…", en: "…"}
#   title_from: document    # editor, when the document has none: then the title is in [ ]
#   publisher: null         # only what the document itself says, else null
#   date: "2024-06-12"      # as precise as the document gives it, else null
#   url: null
#   note: null
#   evidence: {date: "(12 มิ.ย.67)"}   # the document's words giving each non-null date/publisher
{}
"""


def remove_examples(config: SiteConfig, *, pages: bool = False) -> list[Path]:
    """Delete the example cases; with `pages`, content/pages/ too. Returns what was removed."""
    content = config.content_dir
    removed: list[Path] = []
    folders = [*CASE_KINDS, "media"] + (["pages"] if pages else [])
    for name in folders:
        folder = content / name
        if not folder.is_dir():
            continue
        files = sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
        removed += files
        shutil.rmtree(folder)
        folder.mkdir()
        if name != "pages":
            # Git keeps no empty folders; a fork's contributors still need to see where files go.
            (folder / ".gitkeep").touch()
    sources = content / "sources.yml"
    if sources.exists():
        removed.append(sources)
    sources.write_text(EMPTY_SOURCES, encoding="utf-8")
    return removed
