"""Write the generated pages into the build folder, touching only what changed.

`mkdocs serve` watches files; rewriting identical files would trigger rebuild loops, and a
half-written folder must never be read, so each file is written to a temporary name and
renamed into place — or, on a first build, the whole folder is written under a temporary
name and renamed into place at once (a rename per file cost a sixth of the generation).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def sync_tree(files: dict[str, str], target: Path, static: dict[str, Path] | None = None) -> int:
    """Make `target` hold exactly `files` (text) and `static` (copied files). Returns how many
    files were written."""
    if not target.exists():
        return _write_new_tree(files, target, static or {})
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    wanted: set[str] = set()
    for rel, text in files.items():
        wanted.add(rel)
        written += _write_if_changed(target / rel, text.encode("utf-8"))
    for rel, source in (static or {}).items():
        wanted.add(rel)
        written += _write_if_changed(target / rel, source.read_bytes())
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def _write_new_tree(files: dict[str, str], target: Path, static: dict[str, Path]) -> int:
    temporary = target.with_name(f".{target.name}.tmp")
    if temporary.exists():
        shutil.rmtree(temporary)
    contents = [(rel, text.encode("utf-8")) for rel, text in files.items()]
    contents += [(rel, source.read_bytes()) for rel, source in static.items()]
    folders: set[Path] = set()
    for rel, data in contents:
        path = temporary / rel
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_bytes(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temporary, target)
    return len(contents)


def _write_if_changed(path: Path, data: bytes) -> int:
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return 1


def swap_directory(new: Path, final: Path) -> None:
    """Replace `final` by `new` with two renames, so readers see the old or the new site."""
    old = final.with_name(final.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(new, final)
    if old.exists():
        shutil.rmtree(old)
