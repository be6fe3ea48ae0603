"""Stage 1 — load: read every case file, registry and vocabulary, keeping positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import SiteConfig
from ..messages import problem
from ..problems import Problem
from .document import Document, read_document, yaml_problem
from .files import KINDS, MAX_BYTES, FoundFile, discover
from .yaml_positions import Located, YamlError, load_located

VOCABULARIES = ("themes", "regions", "sdgs")


@dataclass
class DataFile:
    """A YAML data file (source registry, vocabulary) with positions."""

    rel: str
    located: Located

    @property
    def data(self) -> dict[Any, Any]:
        return self.located.data if isinstance(self.located.data, dict) else {}

    def position(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        return self.located.position(path)


@dataclass
class LoadedContent:
    config: SiteConfig
    # kind → id → language → document
    documents: dict[str, dict[str, dict[str, Document]]] = field(default_factory=dict)
    sources: DataFile | None = None
    vocabularies: dict[str, DataFile] = field(default_factory=dict)
    unreadable: list[FoundFile] = field(default_factory=list)

    def primaries(self, kind: str) -> dict[str, Document]:
        lang = self.config.primary.code
        return {
            id_: by_lang[lang]
            for id_, by_lang in sorted(self.documents.get(kind, {}).items())
            if lang in by_lang
        }

    def all_documents(self) -> list[Document]:
        return [
            doc
            for kind in KINDS
            for by_lang in self.documents.get(kind, {}).values()
            for doc in by_lang.values()
        ]

    def vocabulary(self, name: str) -> dict[Any, Any]:
        data_file = self.vocabularies.get(name)
        return data_file.data if data_file else {}


def load_content(config: SiteConfig) -> tuple[LoadedContent, list[Problem]]:
    loaded = LoadedContent(config=config)
    problems: list[Problem] = []
    for found in discover(config.content_dir, config.root, config.codes):
        document, found_problems = read_document(found, config.root)
        problems += found_problems
        if document is None:
            loaded.unreadable.append(found)
            continue
        loaded.documents.setdefault(found.kind, {}).setdefault(found.id, {})[found.lang] = document
    content = config.content_dir
    loaded.sources, source_problems = _load_data_file(content / "sources.yml", config.root)
    problems += source_problems
    for name in VOCABULARIES:
        data_file, vocab_problems = _load_data_file(
            content / "vocabularies" / f"{name}.yml", config.root
        )
        problems += vocab_problems
        if data_file is not None:
            loaded.vocabularies[name] = data_file
    return loaded, problems


def _load_data_file(path: Path, root: Path) -> tuple[DataFile | None, list[Problem]]:
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists():
        return None, []  # an empty fork has no registry yet; references to it will fail
    if path.stat().st_size > MAX_BYTES:
        return None, [problem("file-too-large", rel, size=path.stat().st_size, limit=MAX_BYTES)]
    raw = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [problem("not-utf8", rel, line=line, byte=f"{raw[exc.start]:02x}")]
    try:
        located = load_located(text.replace("\r\n", "\n"), max_nodes=200_000)
    except YamlError as exc:
        return None, [yaml_problem(exc, rel, exc.line)]
    if located.data is not None and not isinstance(located.data, dict):
        return None, [problem("front-matter-not-mapping", rel, 1, 1)]
    return DataFile(rel, located), []
