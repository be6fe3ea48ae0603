"""The stages in order: load → validate → model → render (→ export, after MkDocs builds)."""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from .citation_cff import cff_problems
from .config import SiteConfig
from .export import export_files
from .geography import outline_problems
from .gitdates import last_changed
from .imprint import imprint_of, unset_problems
from .load import VOCABULARIES, LoadedContent, load_content
from .model import Archive, build_archive
from .problems import Problems
from .render import RenderResult, render_site
from .render.context import label_problems
from .render.write import sync_tree
from .validate import validate
from .validate.schema import localisation
from .validate.settings import check_settings

_PROCESS_NONCE = secrets.token_hex(8)  # where no nonce can be kept


def nonce_file() -> Path | None:
    """In the user's cache folder, not in the checkout: a pull request could commit a file
    there, and a nonce its author knows would let content end the cleaned region early."""
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder
        return None
    return base / "learning-city-knowledge-bank" / "sanitiser-nonce"


def build_nonce(path: Path | None) -> str:
    """Marks the untrusted body regions for the sanitiser: random, unknown to anyone writing
    content, and kept (see `nonce_file`) so that every build renders the same Markdown and
    rewrites only the pages whose content changed (a new nonce each build rewrote all 2,000
    pages at 1,000 cases: 0.6 s)."""
    if path is None:
        return _PROCESS_NONCE
    try:
        kept = path.read_text(encoding="ascii").strip()
        if len(kept) == 16 and all(c in "0123456789abcdef" for c in kept):
            return kept
    except (OSError, UnicodeDecodeError):
        pass
    nonce = secrets.token_hex(8)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_text(nonce + "\n", encoding="ascii")
        os.replace(temporary, path)
    except OSError:
        return _PROCESS_NONCE  # nowhere to keep it: every build rewrites the pages
    return nonce


@dataclass
class Checked:
    loaded: LoadedContent
    problems: Problems


@dataclass
class Generated:
    archive: Archive
    rendered: RenderResult
    problems: Problems
    nonce: str
    written: int = 0
    static: dict[str, Path] = field(default_factory=dict)


def check(config: SiteConfig) -> Checked:
    """Load and validate everything; never raises for bad content."""
    loaded, load_problems = load_content(config)
    problems = Problems()
    problems.extend(load_problems)
    problems.extend(validate(loaded))
    problems.extend(unset_problems(config))
    problems.extend(outline_problems(config))
    problems.extend(label_problems(config))
    problems.extend(check_settings(loaded))
    problems.extend(cff_problems(config))
    return Checked(loaded, problems)


def media_files(config: SiteConfig) -> dict[str, Path]:
    """Images and other files under content/media/, copied as they are."""
    media = config.content_dir / "media"
    if not media.is_dir():
        return {}
    return {
        f"media/{path.relative_to(media).as_posix()}": path
        for path in sorted(media.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def generate(
    config: SiteConfig, strict: bool = False, held: dict[str, str] | None = None
) -> tuple[Generated | None, Problems]:
    """Validate, and only if there are no errors render the pages into the build folder.

    `held` pages keep the text given instead of the one just rendered (see `held_pages`)."""
    checked = check(config)
    if checked.problems.has_errors(strict):
        return None, checked.problems
    archive = build_archive(checked.loaded)
    nonce = build_nonce(nonce_file())
    rendered = render_site(archive, config, nonce, changed=last_changed(config.root))
    vocabularies = {name: checked.loaded.vocabulary(name) for name in VOCABULARIES}
    english = next((lang for lang in config.languages if lang.code == "en"), config.primary)
    rendered.files.update(
        export_files(
            archive,
            vocabularies,
            name=str(config.settings.get("download_name") or "archive"),
            title=english.site_name,
            imprint=imprint_of(config),
            localised=localisation(config),
        )
    )
    for path, text in (held or {}).items():
        if path in rendered.files:
            rendered.files[path] = text
    static = media_files(config)
    written = sync_tree(rendered.files, config.build_dir, static)
    # The navigation beside the pages, so tools (bench/run.py's plain-MkDocs baseline) can
    # build exactly the same site without the generator.
    (config.build_dir.parent / "nav.json").write_text(json.dumps(rendered.nav), encoding="utf-8")
    return Generated(archive, rendered, checked.problems, nonce, written, static), checked.problems


def held_pages(generated: Generated) -> dict[str, str]:
    """What `mkdocs serve --dirty` keeps from its first build: the whole-archive print pages.
    They hold every case's text, so any edit would change them, and re-rendering them took
    longer than all the rest of a rebuild (1.5 s of 4 at 1,000 cases). The built site
    (`mkdocs build`) always has them up to date."""
    files = generated.rendered.files
    return {path: files[path] for path in generated.rendered.whole_archive}
