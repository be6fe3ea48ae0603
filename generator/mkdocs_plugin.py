"""The glue between MkDocs (or ProperDocs) and the generator: each event calls
`site.build.SiteBuild`, where the work is described. Listed first in mkdocs.yml so that its
`on_config` sets `docs_dir` before the i18n plugin reads it."""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .site.build import ContentError, HelperStopped, SiteBuild


class LearningCityConfig(Config):
    """Everything a fork sets besides MkDocs' own keys (FORKING.md)."""

    content_dir = c.Type(str, default="content")
    build_dir = c.Type(str, default=".cache/docs")
    strict = c.Type(bool, default=False)  # warnings about the content fail the build too
    edit_branch = c.Type(str, default="main")
    nav_pages = c.ListOfItems(c.Type(str), default=[])
    figures = c.Type(dict, default={})
    download_name = c.Type(str, default="archive")
    colors = c.Type(dict, default={})
    description = c.Type((str, dict), default="")
    # Who stands behind the archive: shown on About, in every footer, the structured data and
    # the citation files. Unset values stay unset (the site says so; the build warns).
    publisher = c.Type(dict, default={})  # {name: {th, en}, url}
    funders = c.ListOfItems(c.Type(dict), default=[])  # [{name: {th, en}, url}]
    contact = c.Optional(c.Type(str))  # an e-mail address or a URL
    # The country the map draws (JSON, relative to mkdocs.yml; FORKING.md): it also bounds the
    # coordinates a city may have. The template's is Thailand's.
    map_outline = c.Optional(c.Type(str))
    # Years in the Buddhist Era beside the Common Era; unset: when Thai is one of the languages.
    buddhist_era = c.Optional(c.Type(bool))


class LearningCityPlugin(BasePlugin[LearningCityConfig]):
    def __init__(self) -> None:
        self.build = SiteBuild("build", dirty=False)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object across `mkdocs serve` rebuilds.
        self.build = SiteBuild(command, dirty)

    @event_priority(100)
    def on_config(self, config: Any) -> Any:
        try:
            self.build.configure(config, self.config)
        except ContentError:
            raise Abort(
                "Content has errors; nothing was built. / เนื้อหามีข้อผิดพลาด "
                "จึงยังไม่ได้สร้างเว็บไซต์ (see the list above / ดูรายการด้านบน)"
            ) from None
        return config

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        self.build.language_started(config, files)
        self.build.theme_words(env, config)
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: Any) -> str:
        if template_name == "404.html":
            return self.build.other_language_404(output_content, config)
        return output_content

    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """ "Edit this page" opens the case file the page was generated from, not the
        generated Markdown in the build folder."""
        source = ((page.meta or {}).get("lc") or {}).get("source")
        repo = str(config.repo_url or "").rstrip("/")
        page.edit_url = (
            f"{repo}/edit/{self.config.edit_branch}/{source}" if repo and source else None
        )
        return context

    @event_priority(-500)  # last: the content exactly as it goes into the page
    def on_page_content(self, html: str, *, page: Any, config: Any, files: Any) -> str:
        return self.build.page_content(html, page, config)

    @event_priority(-500)  # last: the page exactly as MkDocs will write it
    def on_post_page(self, output: str, *, page: Any, config: Any) -> str:
        return self.build.page_written(output, page, config)

    @event_priority(50)  # before the i18n plugin (-100) builds the next language
    def _on_language_pages_done(self, *, config: Any) -> None:
        self.build.pages_done()

    @event_priority(-200)  # after the i18n plugin has built the other languages
    def _on_language_built(self, *, config: Any) -> None:
        try:
            self.build.language_built()
        except HelperStopped:
            raise Abort(
                "The helper process stopped (out of memory?); nothing was built. / "
                "โปรเซสช่วยสร้างหยุดทำงาน (หน่วยความจำไม่พอ?) "
                "จึงยังไม่ได้สร้างเว็บไซต์"
            ) from None

    on_post_build = CombinedEvent(_on_language_pages_done, _on_language_built)

    def on_build_error(self, *, error: Exception) -> None:
        self.build.failed()

    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self.build.site is not None:
            # Rebuild when content changes, not when the generated pages are written.
            try:
                server.unwatch(str(self.build.site.build_dir))
            except KeyError:
                pass
        return server

    def on_shutdown(self) -> None:
        self.build.shutdown()
