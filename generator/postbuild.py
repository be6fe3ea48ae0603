"""Fixes applied to the built site after MkDocs and the i18n plugin have written it."""

from __future__ import annotations

from pathlib import Path

EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def write_missing_sitemaps(site_dir: Path) -> int:
    """Material's script fetches `sitemap.xml` beside every `<link rel="alternate">` target.
    With per-page language alternates (what the i18n plugin and hreflang want) those are
    page folders, so each would log a 404; an empty sitemap there is valid and silent."""
    written = 0
    folders = {path.parent for path in site_dir.rglob("*.html")}
    for folder in sorted(folders):
        target = folder / "sitemap.xml"
        if not target.exists():
            target.write_text(EMPTY_SITEMAP, encoding="utf-8")
            written += 1
    return written
