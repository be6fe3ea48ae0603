"""One `mkdocs build` or `mkdocs serve`, as the plugin's events see it.

MkDocs builds the primary language; from its `on_post_build` the i18n plugin builds each
other language with MkDocs' `build()` again, so every event but the first `on_config` arrives
once per language, the later languages' inside the first one's `on_post_build`. The pages are
generated once, at the first `on_config`; a language is done at each `on_post_build`, and
when the last one is, the site is finished: search index, redirects, sitemaps, offline ZIP.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import report
from ..config import SiteConfig, site_config
from ..model import archive_redirects, archive_titles
from ..pipeline import Generated, generate, held_pages
from ..render.sanitize import clean_marked_regions
from ..render.thai_breaks import ThaiBreaks
from ..render.thai_names import archive_names, archive_terms
from .dirty import DirtyBuilds, layout_signature
from .finish import (
    remove_unused_theme_assets,
    write_missing_sitemaps,
    write_redirects,
    write_reproducible_sitemap_gz,
    write_thai_words_script,
)
from .helper import BrokenProcessPool, Helper
from .offline_zip import SiteZip
from .search_index import BackgroundIndexer
from .staging import Staging
from .theme_languages import with_stand_ins

log = logging.getLogger("mkdocs.plugins.learningcity")


class ContentError(Exception):
    """The content has errors (listed on stderr); nothing was built."""


class HelperStopped(Exception):
    """The helper process died (out of memory?); nothing was built."""


class SiteBuild:
    def __init__(self, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = DirtyBuilds() if command == "serve" and dirty else None
        self.site: SiteConfig | None = None
        self.generated: Generated | None = None
        self._held: dict[str, str] | None = None  # pages a `serve --dirty` preview keeps
        self._languages_left = 0  # languages of the build in progress not built yet
        self._site_dir = Path()
        self._search: BackgroundIndexer | None = None
        self._search_helper = Helper()
        self._packer = Helper(in_thread=True)  # packs the offline ZIP
        self._zip: SiteZip | None = None
        self._staging: Staging | None = None
        self._breaks: ThaiBreaks | None = None  # Thai line breaks, for this build's names
        self._failed = False

    # -- on_config ------------------------------------------------------------------------
    def configure(self, config: Any, settings: Mapping[str, Any]) -> None:
        """Generate the pages and point MkDocs at them. The later languages' `on_config`
        change nothing: the pages are the same for every language."""
        if self._languages_left:
            return
        self._failed = False
        self.site = site = site_config(config, settings)
        self.generated, problems = generate(
            site, strict=bool(settings.get("strict")), held=self._held
        )
        if problems:
            report.write_text(problems, sys.stderr)
        if self.generated is None:
            raise ContentError()
        languages = list(self.generated.archive.languages)
        self._languages_left = len(languages)
        if self.dirty is not None and self._held is None:
            self._held = held_pages(self.generated)
        archive = self.generated.archive
        names, terms = archive_names(archive), archive_terms(archive)
        if self._breaks is None or (self._breaks.names, self._breaks.terms) != (names, terms):
            self._breaks = ThaiBreaks(names, terms)  # its dictionary loads while MkDocs starts
        if self._search is None or self._search.languages != languages:
            self._search = BackgroundIndexer(self._search_helper, languages)
        config.docs_dir = str(site.build_dir)
        config.nav = self.generated.rendered.nav
        # Every page's footer (theme/partials/copyright.html): who publishes, funds, answers.
        config.extra["lc"] = self.generated.rendered.footer
        # The fork's own templates and assets rebuild the preview too (MkDocs would watch them
        # only with --watch-theme).
        custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        config.watch = [*config.watch, str(site.content_dir), *map(str, custom)]
        if self.dirty is not None and self.dirty.prepare(
            Path(config.site_dir),
            layout_signature(
                config.nav, self.generated.rendered.files, [Path(config.config_file_path), *custom]
            ),
        ):
            log.info("Layout changed: rebuilding every page")
        if self.command == "build":
            self._staging = Staging(Path(config.site_dir))
            config.site_dir = str(self._staging.folder)
        self._site_dir = Path(config.site_dir)

    # -- each language --------------------------------------------------------------------
    def language_started(self, config: Any, files: Any) -> None:
        """on_env: MkDocs has read this language's pages (and emptied the site folder)."""
        if self._breaks is not None:
            # Before the first page: a helper process can then still be forked safely.
            self._breaks.ready()
        if self.command == "build" and self._zip is None and self.site is not None:
            name = str(self.site.settings.get("download_name") or "site")
            self._zip = SiteZip(self._site_dir, f"downloads/{name}.zip", name)
        if self._search is not None:
            self._search.begin_language(
                self._site_dir,
                _language(config),
                [self._site_path(f.abs_dest_path) for f in files.documentation_pages()],
            )

    def theme_words(self, env: Any, config: Any) -> None:
        """on_env: Material's words for each language, or a stand-in that names the language
        (site/theme_languages.py) where Material has none; said once, as that language's
        pages are built."""
        if self.site is None:
            return
        for code in with_stand_ins(env, self.site.codes):
            if code != _language(config):
                continue
            log.info(
                "Material has no interface words for `%s`: English ones are used; "
                "add theme/partials/languages/%s.html to translate them (FORKING.md)",
                code,
                code,
            )

    def page_content(self, html: str, page: Any, config: Any) -> str:
        """on_page_content: the page's HTML as the Markdown gave it. Contributors' HTML is
        cleaned; the text goes to the search helper while MkDocs renders the next page."""
        if self.generated is None:
            return html
        html = clean_marked_regions(html, self.generated.nonce)
        if self._search is not None:
            self._search.content_rendered(
                _language(config),
                self._site_path(page.file.abs_dest_path),
                html,
                page.title or config.site_name,
            )
        return html

    def page_written(self, output: str, page: Any, config: Any) -> str:
        """on_post_page: the page as MkDocs made it goes to the search index; the page with
        Thai line breaks (`render.thai_breaks`) is what is written and packed. Returns it."""
        if self._search is None or not output.strip():
            return output
        path = self._site_path(page.file.abs_dest_path)
        self._search.page_built(_language(config), path, output)
        if self._breaks is not None:
            output = self._breaks.html(output)
        if self._zip is not None:
            self._packer.submit(self._zip.add_page, path, output)
        return output

    def other_language_404(self, output: str, config: Any) -> str:
        """on_post_template for 404.html: every language's build writes it to the site root,
        the last one winning. The primary language keeps the root; the others go under
        /<lang>/. Returns what MkDocs should write at the root ("" for nothing)."""
        lang = _language(config)
        if self._breaks is not None:
            output = self._breaks.html(output)
        if self.site is None or lang == self.site.primary.code:
            return output
        target = self._site_dir / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""

    def pages_done(self) -> None:
        """on_post_build, before the i18n plugin builds the next language: index this one
        meanwhile."""
        if self._search is not None:
            self._search.pages_done()

    def language_built(self) -> None:
        """on_post_build, after the i18n plugin: when every language is built, finish."""
        self._languages_left -= 1
        if self._languages_left > 0 or self.generated is None:
            return
        archive = self.generated.archive
        site_dir = self._site_dir
        write_missing_sitemaps(site_dir)
        write_reproducible_sitemap_gz(site_dir)
        remove_unused_theme_assets(site_dir)
        write_redirects(
            site_dir, archive_redirects(archive), archive_titles(archive), archive.languages
        )
        if self._breaks is not None:
            write_thai_words_script(site_dir, self._breaks.names | self._breaks.long_words)
        try:
            assert self._search is not None
            self._search.finish()  # search/<lang>/ and the search pages
            if self._zip is not None:
                # Last: the offline ZIP holds everything written above.
                self._packer.submit(self._zip.finish)
                self._packer.wait()
                self._zip = None
        except BrokenProcessPool:
            raise HelperStopped() from None

    # -- the end --------------------------------------------------------------------------
    def failed(self) -> None:
        """on_build_error (in any language's build)."""
        self._failed = True
        self._languages_left = 0
        if self._search is not None:
            self._search.abandon()
        self._search_helper.forget()
        self._packer.forget()
        if self._zip is not None:
            self._zip.abandon()
            self._zip = None

    def shutdown(self) -> None:
        """on_shutdown: MkDocs' strict-mode check runs after on_post_build, so a build's
        success is known only here. Publish the staging folder, or drop it."""
        self._search_helper.close()
        self._packer.close()
        staging, self._staging = self._staging, None
        if staging is None:
            return
        if self._failed or not staging.folder.exists():
            staging.discard()
            log.error("Build failed; the previous site/ was left untouched.")
        else:
            staging.publish()

    def _site_path(self, abs_dest_path: str) -> str:
        return Path(abs_dest_path).relative_to(self._site_dir).as_posix()


def _language(config: Any) -> str:
    """The language being built: the i18n plugin sets the theme's language for each."""
    return str(config.theme["language"])
