"""The thin glue between MkDocs (or ProperDocs) and the generator.

`mkdocs build` / `mkdocs serve` run the pipeline through these events; everything of
substance lives in plain modules that work without MkDocs. The plugin is listed first in
mkdocs.yml so that its `on_config` runs before the i18n plugin reads `docs_dir`.

The i18n plugin builds each extra language by calling MkDocs' `build()` again from its
`on_post_build`, so events arrive nested; `_depth` tells the outer build from the inner ones.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from . import report
from .config import SiteConfig, load_config
from .pipeline import Generated, generate, held_pages
from .render.sanitize import clean_marked_regions
from .model import archive_redirects, archive_titles
from . import offline_zip
from .build_tasks import content_rendered, page_built
from .dirty import DirtyBuilds, layout_signature
from .helper import BrokenProcessPool, Helper
from .language_worker import LanguageWorker, WorkerFailed, can_build_in_parallel
from .postbuild import remove_unused_theme_assets, write_missing_sitemaps, write_redirects
from .render.write import swap_directory
from .search.background import BackgroundIndexer

log = logging.getLogger("mkdocs.plugins.learningcity")


class LearningCityConfig(Config):
    content_dir = config_options.Type(str, default="content")
    build_dir = config_options.Type(str, default=".cache/docs")
    strict = config_options.Type(bool, default=False)
    edit_branch = config_options.Type(str, default="main")
    # Build the other languages in a second process at the same time (language_worker.py).
    parallel_languages = config_options.Type(bool, default=True)
    # Everything else a fork sets (names, description, nav order) is read by
    # generator.config from this same block; unknown keys are accepted here for that reason.


class LearningCityPlugin(BasePlugin[LearningCityConfig]):
    def __init__(self) -> None:
        self._depth = 0
        self._command = "build"
        self._final_site: Path | None = None
        self._staging: Path | None = None
        self._failed = False
        self._site: SiteConfig | None = None
        self.generated: Generated | None = None
        self._root_site: Path | None = None
        # Index and pack each page while MkDocs builds the next (generator/helper.py).
        self._helper = Helper()
        self._packer = Helper(in_thread=True)
        self._dirty: DirtyBuilds | None = None  # `mkdocs serve --dirty` (generator/dirty.py)
        self._held: dict[str, str] | None = None  # pages such a preview does not regenerate
        self._search: BackgroundIndexer | None = None
        # Builds the other languages in a second process (generator/language_worker.py).
        self._worker = LanguageWorker()
        self._in_worker = False  # True in that process
        self._worker_pages: list[str] = []  # there: the pages it built, in order

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> Any:
        # Keep the fork-facing keys (site names, nav order…) out of MkDocs' strict checking.
        known = {"content_dir", "build_dir", "strict", "edit_branch", "parallel_languages"}
        return super().load_config({k: v for k, v in options.items() if k in known},
                                   config_file_path)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
        if command == "serve" and dirty:
            self._dirty = DirtyBuilds()

    @event_priority(100)
    def on_config(self, config: Any) -> Any:
        if self._depth > 0:  # an inner (per-language) build: the pages are already generated
            return config
        self._site = load_config(config.config_file_path)
        self.generated, problems = generate(self._site, strict=self.config.strict,
                                            held=self._held,
                                            parallel=self.config.parallel_languages)
        if self._dirty is not None and self.generated is not None and self._held is None:
            self._held = held_pages(self.generated)
        if problems:
            stream = sys.stderr
            report.write_text(problems, stream)
        if self.generated is None:
            raise Abort("Content has errors; nothing was built. / เนื้อหามีข้อผิดพลาด "
                        "จึงยังไม่ได้สร้างเว็บไซต์ (see the list above / ดูรายการด้านบน)")
        languages = list(self.generated.archive.languages)
        if self._search is None or self._search.languages != languages:
            self._search = BackgroundIndexer(self._helper, languages)
        config.docs_dir = str(self._site.build_dir)
        config.nav = self.generated.rendered.nav
        # The fork's own templates and assets rebuild the preview too (MkDocs would watch them
        # only with --watch-theme).
        custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        config.watch = [*config.watch, str(self._site.content_dir), *map(str, custom)]
        if self._dirty is not None:
            watched = [Path(config.config_file_path), *custom]
            if self._dirty.prepare(Path(config.site_dir), layout_signature(
                    config.nav, self.generated.rendered.files, watched)):
                log.info("Layout changed: rebuilding every page")
        if self._command == "build":
            # Build into a staging folder; the real site_dir is replaced only on success.
            self._final_site = Path(config.site_dir)
            self._staging = self._final_site.with_name(self._final_site.name + ".partial")
            if self._staging.exists():
                shutil.rmtree(self._staging)
            config.site_dir = str(self._staging)
        return config

    @event_priority(100)
    def on_pre_build(self, *, config: Any) -> None:
        self._depth += 1
        # The i18n plugin sets each page's language links as an attribute of `extra` but resets
        # them for the next language as an item; the attribute, left from the last page of the
        # language before, would win and the next 404 page would link to that page.
        vars(config.extra).pop("alternate", None)
        if self._depth == 1:
            self._root_site = Path(config.site_dir)

    @property
    def _packing(self) -> bool:
        # The offline ZIP: not under `serve`, nobody downloads the preview, and it would slow
        # every edit-to-preview.
        return self._command == "build" and self.generated is not None and not self._in_worker

    def _zip_folder(self) -> str:
        return str(self._site.settings.get("download_name", "site")) if self._site else "site"

    def _zip_path(self) -> str:
        return f"downloads/{self._zip_folder()}.zip"

    def _site_path(self, abs_dest_path: str) -> str:
        assert self._root_site is not None
        return Path(abs_dest_path).relative_to(self._root_site).as_posix()

    @event_priority(-200)  # after i18n (-100) has made the first language's navigation
    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        # Not under `serve`: its rebuilds keep state in this process (generator/dirty.py).
        i18n = config.plugins.get("i18n")
        if not (hasattr(i18n, "building") and hasattr(i18n, "on_post_build")):
            i18n = None  # not the mkdocs-static-i18n this was written for: languages in turn
        if self._depth == 1 and self._command == "build" and self.generated is not None \
                and self.config.parallel_languages and i18n is not None \
                and len(self.generated.archive.languages) > 1 and can_build_in_parallel():
            first, *others = self.generated.archive.languages
            log.info("Building %s in a second process while %s is built here",
                     ", ".join(others), first)
            self._worker.start(lambda: self._build_other_languages(config, i18n))
            i18n.building = True  # its on_post_build now leaves them to the worker
        return nav

    def _build_other_languages(self, config: Any, i18n: Any) -> list[str]:
        """In the worker: what the i18n plugin would do once the first language is built.
        Returns the pages it built, in order, for the offline ZIP."""
        self._in_worker = True
        self._helper = Helper()  # its own: the first language's helper serves that process
        assert self._search is not None
        self._search = BackgroundIndexer(self._helper, self._search.languages)
        try:
            i18n.on_post_build(config)
            self._search.finish(write_pages=False)  # the search pages: the first process
        finally:
            self._helper.close()
        return self._worker_pages

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        if self._depth == 1 and self._packing:
            # Not earlier: MkDocs empties the site folder after on_pre_build.
            self._packer.submit(offline_zip.start, self._root_site, self._zip_path(),
                                self._zip_folder())
        # Each language's build: its pages, for the search index made while they render.
        if self._search is not None and self._root_site is not None:
            self._search.begin_language(
                self._root_site, str(config.theme["language"]),
                [self._site_path(f.abs_dest_path) for f in files.documentation_pages()])
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        """The i18n plugin writes every language's 404.html to the site root, the last one
        winning. Keep the primary language's there and put the others under /<lang>/.

        The root sitemap.xml is also the last language's (it lists every language built so
        far): with the worker building the others, this process does not write its own."""
        if template_name == "sitemap.xml" and self._depth == 1 and self._worker.running:
            return ""
        if template_name != "404.html" or self._depth <= 1:
            return output_content
        lang = str(config.theme["language"])
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output_content, encoding="utf-8")
        return ""  # not at the site root: that one is the first language's

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """"Edit this page" opens the case file the page was generated from, not the
        generated Markdown in the build folder."""
        lc = (page.meta or {}).get("lc") or {}
        source = lc.get("source")
        if lc.get("changed"):
            # The sitemap's <lastmod>: when the text changed, not when the site was built,
            # so that two builds of one commit are identical.
            page.update_date = str(lc["changed"])
        repo = str(config.repo_url or "").rstrip("/")
        page.edit_url = f"{repo}/edit/{self.config.edit_branch}/{source}" \
            if repo and source else None
        return context

    @event_priority(-500)  # last: the content exactly as it goes into the page
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        if self.generated is None:
            return html
        html = clean_marked_regions(html, self.generated.nonce)
        if self._search is not None and self._root_site is not None:
            lang = str(config.theme["language"])
            self._helper.submit(content_rendered, lang,
                                self._site_path(page.file.abs_dest_path), html,
                                page.title or config.site_name, self._search.skip_langs(lang))
        return html

    @event_priority(-500)  # last: the page exactly as MkDocs will write it
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        if self._search is not None and self.generated is not None and output.strip():
            lang = str(config.theme["language"])
            path = self._site_path(page.file.abs_dest_path)
            self._helper.submit(page_built, lang, path, output, self._search.skip_langs(lang))
            if self._packing:
                self._packer.submit(offline_zip.add_page, path, output)
            if self._in_worker:
                self._worker_pages.append(path)
        return output

    @event_priority(50)  # before i18n (-100) starts building the next language
    def _on_language_built(self, *, config: Any) -> None:
        # The helper indexes this language while MkDocs builds the next.
        if self._search is not None:
            self._search.pages_done()

    @event_priority(-200)  # after i18n (-100) has built the other languages
    def _on_site_built(self, *, config: Any) -> None:
        self._depth -= 1
        if self._depth == 0 and self.generated is not None:
            site_dir = Path(config.site_dir)
            if self._worker.running:
                config.plugins["i18n"].building = False
                try:
                    built_there = self._worker.result()
                except WorkerFailed as error:
                    raise Abort("Building the other languages failed / "
                                f"การสร้างภาษาอื่นล้มเหลว: {error}") from None
                if self._packing:
                    self._packer.submit(offline_zip.add_from_site, built_there)
            write_missing_sitemaps(site_dir)
            if "search" not in config.plugins:
                remove_unused_theme_assets(site_dir)
            archive = self.generated.archive
            write_redirects(site_dir, archive_redirects(archive), archive_titles(archive),
                            archive.languages)
            # Thai-aware search per language: search/<lang>/ and <lang>/search.html, from the
            # helper process that has been indexing the pages while MkDocs built them.
            try:
                search = self._search
                assert search is not None
                search.finish()
                if self._packing:
                    # Keep this last: the offline ZIP must hold everything written above.
                    self._packer.submit(offline_zip.finish)
                    self._packer.wait()
            except BrokenProcessPool:
                raise Abort("The helper process stopped (out of memory?); nothing was built. / "
                            "โปรเซสช่วยสร้างหยุดทำงาน (หน่วยความจำไม่พอ?) "
                            "จึงยังไม่ได้สร้างเว็บไซต์") from None

    on_post_build = CombinedEvent(_on_language_built, _on_site_built)

    def on_build_error(self, *, error: Exception) -> None:
        self._failed = True
        self._depth = 0
        self._worker.stop()
        if self._search is not None:
            self._search.abandon()
        self._helper.forget()
        self._packer.forget()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self._site is not None:
            # Rebuild when content changes, not when we write generated pages.
            try:
                server.unwatch(str(self._site.build_dir))
            except KeyError:
                pass
        return server

    def on_shutdown(self) -> None:
        self._helper.close()
        self._packer.close()
        # MkDocs' strict-mode check runs after on_post_build, so success is only known here.
        if self._command != "build" or self._staging is None or self._final_site is None:
            return
        if self._failed or not self._staging.exists():
            shutil.rmtree(self._staging, ignore_errors=True)
            log.error("Build failed; the previous site/ was left untouched.")
            return
        swap_directory(self._staging, self._final_site)
        self._staging = None
