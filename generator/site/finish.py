"""What is written into the built site once MkDocs and the i18n plugin have built every
language: redirects for old ids, sitemaps, and the removal of theme files nobody loads."""

from __future__ import annotations

import gzip
import html
import json
import shutil
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


REDIRECT = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{title}</a></p>
</body>
</html>
"""


def write_redirects(
    site_dir: Path, redirects: dict[str, str], titles: dict[str, str], languages: list[str]
) -> int:
    """An HTML page at every old URL (an alias) that sends the reader to the case's URL.

    `redirects` maps "cities/old-id" to "cities/new-id". A meta refresh works on any host
    and from file://, which HTTP redirects and the mkdocs-redirects plugin (whose pages the
    i18n plugin's per-language builds overwrite) do not cover.
    """
    written = 0
    for old, new in sorted(redirects.items()):
        for index, lang in enumerate(languages):
            prefix = "" if index == 0 else f"{lang}/"
            path = site_dir / f"{prefix}{old}.html"
            if path.exists():
                continue  # never hide a real page
            path.parent.mkdir(parents=True, exist_ok=True)
            target = Path(new).name + ".html"  # aliases stay within their kind's folder
            path.write_text(
                REDIRECT.format(
                    lang=lang, target=target, title=html.escape(titles.get(f"{lang}:{new}", new))
                ),
                encoding="utf-8",
            )
            written += 1
    return written


# Material copies lunr (with its Thai dictionary) and the search worker into every build even
# when its search plugin is off; our search does not use them. ~1.2 MB less in the offline ZIP.
UNUSED_THEME_ASSETS = ("assets/javascripts/lunr", "assets/javascripts/workers")


def remove_unused_theme_assets(site_dir: Path) -> list[str]:
    removed = []
    for rel in UNUSED_THEME_ASSETS:
        path = site_dir / rel
        if path.is_dir():
            shutil.rmtree(path)
            removed.append(rel)
    return removed


def write_reproducible_sitemap_gz(site_dir: Path) -> bool:
    """MkDocs gzips sitemap.xml with a timestamp read in the machine's time zone (the pages'
    dates, or the day of the build), so the same site gave different bytes in Bangkok and in
    Berlin. Written again from sitemap.xml with no timestamp: the bytes depend on the pages only.
    """
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return False
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed,
    ):
        packed.write(sitemap.read_bytes())
    return True


# Beside the theme's assets, not in search/: that folder is the index, which is the same
# whether written during the build or afterwards from the pages (`search.write_search`).
THAI_WORDS_SCRIPT = "assets/thai-words.js"


def write_thai_words_script(site_dir: Path, words: set[str] | frozenset[str]) -> Path:
    """The archive's Thai names and long words as the build cut them (`render.thai_breaks`),
    for the browser, as a classic script (it loads from file:// too). Search results are drawn
    by the browser's script from the index, whose text is never segmented: it breaks their
    Thai lines with `Intl.Segmenter`, kept from cutting inside these words — ICU's dictionary
    lacks the names, and cuts some words the build keeps whole ("ยู|เนสโก")
    (theme/assets/javascripts/search.js). Measured in tests/examples/test_browser_thai_breaks.py."""
    target = site_dir / THAI_WORDS_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(sorted(words), ensure_ascii=False, separators=(",", ":"))
    target.write_text(f'LCSearch.register("*","thai-words",{data});\n', encoding="utf-8")
    return target
