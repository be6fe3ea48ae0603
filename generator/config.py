"""Site settings, as MkDocs itself reads them from mkdocs.yml.

There is one reading of the configuration: MkDocs' own (`mkdocs.config.load_config`), so that
`INHERIT`, `!ENV` and every MkDocs rule apply the same way to `mkdocs build` and to the
generator's commands that run without a build (`python -m generator validate`, tests).
`site_config` turns that loaded configuration into the few values the generator needs: the
`learningcity` plugin's settings and the languages of the `i18n` plugin.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLUGIN_NAME = "learningcity"


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    site_name: str
    default: bool = False


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    content_dir: Path
    build_dir: Path
    languages: tuple[Language, ...]
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    settings: dict[str, Any] = field(default_factory=dict)  # the learningcity plugin's settings
    config_file: Path | None = None  # mkdocs.yml, for messages that point into it

    @property
    def primary(self) -> Language:
        return self.languages[0]

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def buddhist_era(self) -> bool:
        """Whether years are shown in the Buddhist Era beside the Common Era: the setting
        `buddhist_era`, or, unset, whether Thai is one of the archive's languages."""
        setting = self.settings.get("buddhist_era")
        return bool(setting) if setting is not None else "th" in self.codes

    def text(self, key: str, lang: str, default: str = "") -> str:
        """A per-language setting such as `description: {th: …, en: …}`."""
        value = self.settings.get(key, default)
        if isinstance(value, dict):
            return str(value.get(lang) or value.get(self.primary.code) or default)
        return str(value)


class ConfigError(Exception):
    """mkdocs.yml cannot be read, or lacks the learningcity plugin."""


def _languages(mkdocs_config: Any) -> list[Language]:
    """The languages the i18n plugin builds, the default one first (its files have no suffix).
    Read from its validated settings; without the plugin, one language: the theme's."""
    i18n = mkdocs_config.plugins.get("i18n")
    site_name = str(mkdocs_config.site_name or "")
    if i18n is None:
        code = str(mkdocs_config.theme.get("language") or "en")
        return [Language(code, code, site_name, True)]
    languages = [
        Language(
            code=str(lang.locale),
            name=str(lang.name or lang.locale),
            site_name=str(lang.site_name or site_name),
            default=bool(lang.default),
        )
        for lang in i18n.config.languages
        if lang.build is not False
    ]
    languages.sort(key=lambda language: not language.default)
    return languages


def site_config(mkdocs_config: Any, settings: Mapping[str, Any]) -> SiteConfig:
    """The generator's view of MkDocs' loaded configuration and the plugin's own settings."""
    root = Path(mkdocs_config.config_file_path).resolve().parent
    return SiteConfig(
        root=root,
        content_dir=root / str(settings.get("content_dir") or "content"),
        build_dir=root / str(settings.get("build_dir") or ".cache/docs"),
        languages=tuple(_languages(mkdocs_config)),
        site_url=str(mkdocs_config.site_url or ""),
        repo_url=str(mkdocs_config.repo_url or ""),
        edit_uri=str(mkdocs_config.edit_uri or ""),
        settings=dict(settings),
        config_file=Path(mkdocs_config.config_file_path).resolve(),
    )


def load_config(config_file: Path | str = "mkdocs.yml") -> SiteConfig:
    """Read mkdocs.yml through MkDocs, for commands that do not build (validate, new, …)."""
    from mkdocs.config import load_config as mkdocs_load_config
    from mkdocs.exceptions import MkDocsException

    path = Path(config_file).resolve()
    try:
        loaded = mkdocs_load_config(str(path))
    except MkDocsException as error:  # a missing file, a configuration error
        raise ConfigError(f"{path.name}: {error}") from None
    plugin = loaded.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise ConfigError(f"{path.name}: the `{PLUGIN_NAME}` plugin is not listed under plugins")
    return site_config(loaded, plugin.config)


def setting_line(config_file: Path, key: str) -> int:
    """The line of `key:` in mkdocs.yml (its last part, e.g. `name:` under `publisher:`), so
    a warning about a setting points where its value goes; 0 when it is not written there."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    parts = key.split(".")
    start = 0
    for depth, part in enumerate(parts):
        for number in range(start, len(lines)):
            stripped = lines[number].lstrip()
            if stripped.startswith(f"{part}:"):
                start = number + (1 if depth < len(parts) - 1 else 0)
                break
        else:
            return 0
    return start + 1
