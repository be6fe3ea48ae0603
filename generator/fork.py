"""`python -m generator remove-examples`: empty the content tree of this programme's cases,
so a fork starts from a valid, empty archive (FORKING.md).

Removed: every city, project, lesson and event (both languages), content/media/, the sources in
content/sources.yml, and tests/examples/ (the tests of those cases: what they count is this
archive's, not the fork's). Kept: content/pages/ unless asked (the fork rewrites them, and the
contribution and licence pages are mostly reusable), the vocabularies (regions, themes, SDGs),
mkdocs.yml and every other test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .config import SiteConfig

CASE_KINDS = ("cities", "projects", "lessons", "events")
EXAMPLE_TESTS = Path("tests") / "examples"
# Comments only: an empty registry, to which a source can be appended as it stands (a `{}`
# here would make the first entry added below it a YAML error).
EMPTY_SOURCES = """\
# Every document the archive cites, by a permanent id (see CONTRIBUTING.md). Add an entry at
# the end, as content/sources.template.yml shows, or with
# `.venv/bin/python -m generator new source <id>`:
#
# some-source-id:
#   title: {th: "…", en: "…"}
#   title_from: document    # editor, when the document has none: then the title is in [ ]
#   publisher: null         # only what the document itself says, else null
#   date: "2024-06-12"      # as precisely as the document gives it, else null
#   url: null
#   note: null
#   evidence: {date: "(12 มิ.ย.67)"}   # the document's words giving each non-null date/publisher
"""


def remove_examples(config: SiteConfig, *, pages: bool = False) -> list[Path]:
    """Delete the example cases and their tests; with `pages`, content/pages/ too. Returns
    what was removed."""
    content = config.content_dir
    removed: list[Path] = []
    folders = [*CASE_KINDS, "media"] + (["pages"] if pages else [])
    for name in folders:
        folder = content / name
        if folder.is_dir():
            removed += _files(folder)
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if name != "pages":
            # Git keeps no empty folders; a fork's contributors still need to see where files go.
            (folder / ".gitkeep").touch()
    sources = content / "sources.yml"
    if sources.exists():
        removed.append(sources)
    sources.write_text(EMPTY_SOURCES, encoding="utf-8")
    tests = config.root / EXAMPLE_TESTS
    if tests.is_dir():
        removed += _files(tests)
        shutil.rmtree(tests)
    return removed


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink())
