"""`mkdocs serve --dirty`: re-render only the pages whose Markdown changed, when that is safe.

The generator rewrites only the generated pages whose text changed, and everything a page
shows of the content is in its own Markdown (the navigation lists index pages, never the
cases), so after an edit MkDocs needs to re-render only those pages: a second or two instead of
a full rebuild of every page at 1,000 cases. What a page shows from outside its Markdown — the
navigation, the theme's templates, mkdocs.yml — is its layout: when that changed, or a page
went away (its built file would stay behind), the next build renders everything again.

MkDocs warns that a dirty build may leave stale links: that is the concern handled here, so
`make serve` runs `mkdocs serve --dirty --no-strict` (a preview shows warnings, not failures).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

# (navigation, generated pages, (watched file, modification time) …)
Signature = tuple[str, frozenset[str], tuple[tuple[str, int], ...]]


def layout_signature(nav: object, pages: Iterable[str], watched: Iterable[Path]) -> Signature:
    stamps = []
    for root in watched:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        stamps += [(str(p), p.stat().st_mtime_ns) for p in files]
    return repr(nav), frozenset(pages), tuple(stamps)


class DirtyBuilds:
    def __init__(self) -> None:
        self._last: Signature | None = None

    def prepare(self, site_dir: Path, signature: Signature) -> bool:
        """Before a build: empty `site_dir` (so MkDocs renders every page) unless only page
        text changed since the last build. Returns whether it was emptied."""
        last, self._last = self._last, signature
        if last is None or self._only_added(last, signature):
            return False
        if site_dir.is_dir():
            for child in site_dir.iterdir():
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        return True

    @staticmethod
    def _only_added(last: Signature, new: Signature) -> bool:
        (nav, pages, stamps), (new_nav, new_pages, new_stamps) = last, new
        return nav == new_nav and stamps == new_stamps and pages <= new_pages
