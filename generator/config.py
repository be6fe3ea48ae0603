"""Site settings, read from mkdocs.yml so that a fork changes one file.

The generator runs without MkDocs (the `validate` command, tests), so it reads mkdocs.yml
itself: the `learningcity` plugin block and the languages of the `i18n` plugin block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


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
    settings: dict[str, Any] = field(default_factory=dict)  # the learningcity plugin block

    @property
    def primary(self) -> Language:
        return self.languages[0]

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def text(self, key: str, lang: str, default: str = "") -> str:
        """A per-language setting such as `description: {th: …, en: …}`."""
        value = self.settings.get(key, default)
        if isinstance(value, dict):
            return str(value.get(lang) or value.get(self.primary.code) or default)
        return str(value)


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as `!ENV`; the generator needs none of them."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _plugin_block(plugins: Any, name: str) -> dict[str, Any]:
    for entry in plugins or []:
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
        if entry == name:
            return {}
    if isinstance(plugins, dict):
        return plugins.get(name) or {}
    return {}


def load_config(config_file: Path | str = "mkdocs.yml") -> SiteConfig:
    config_path = Path(config_file).resolve()
    root = config_path.parent
    raw = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    settings = _plugin_block(raw.get("plugins"), "learningcity")
    i18n = _plugin_block(raw.get("plugins"), "i18n")
    languages = [
        Language(
            code=str(lang["locale"]),
            name=str(lang.get("name", lang["locale"])),
            site_name=str(lang.get("site_name") or raw.get("site_name", "")),
            default=bool(lang.get("default", False)),
        )
        for lang in i18n.get("languages", [])
        if lang.get("build", True) is not False
    ] or [Language("th", "ไทย", str(raw.get("site_name", "")), True)]
    # The default language is the primary: its files have no suffix.
    languages.sort(key=lambda language: not language.default)
    return SiteConfig(
        root=root,
        content_dir=root / settings.get("content_dir", "content"),
        build_dir=root / settings.get("build_dir", ".cache/docs"),
        languages=tuple(languages),
        site_url=str(raw.get("site_url") or ""),
        repo_url=str(raw.get("repo_url") or ""),
        edit_uri=str(raw.get("edit_uri") or ""),
        settings=dict(settings),
    )
