"""Write the generated pages into the build folder, touching only what changed.

`mkdocs serve` watches files; rewriting identical files would trigger rebuild loops, and a
half-written folder must never be read, so each file is written to a temporary name and
renamed into place — or, on a first build, the whole folder is written under a temporary
name and renamed into place at once (a rename per file cost a sixth of the generation).
Files are written by a few threads: creating a file is a system call that waits on the disk,
not on Python (10,000 files on this machine: 2.1 s in one thread, 1.2 s in four).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

_Item = TypeVar("_Item")
_WRITERS = 4  # more contend for the folder: 8 threads were as slow as one


def _each_in_threads(work: Callable[[_Item], int], items: Iterable[_Item]) -> int:
    """Sum of `work(item)` over the items, in a few threads that are gone on return (the
    build forks later, which must not copy a thread half-way through a write)."""
    with ThreadPoolExecutor(max_workers=_WRITERS, thread_name_prefix="lc-write") as pool:
        return sum(pool.map(work, items))


def sync_tree(files: dict[str, str], target: Path, static: dict[str, Path] | None = None) -> int:
    """Make `target` hold exactly `files` (text) and `static` (copied files). Returns how many
    files were written."""
    if not target.exists():
        return _write_new_tree(files, target, static or {})
    target.mkdir(parents=True, exist_ok=True)
    static = static or {}
    for folder in {(target / rel).parent for rel in [*files, *static]}:
        folder.mkdir(parents=True, exist_ok=True)

    def write_text(item: tuple[str, str]) -> int:
        return _write_if_changed(target / item[0], item[1].encode("utf-8"))

    def copy(item: tuple[str, Path]) -> int:
        return _write_if_changed(target / item[0], item[1].read_bytes())

    written = _each_in_threads(write_text, files.items()) + _each_in_threads(copy, static.items())
    wanted = {*files, *static}
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
    for folder in {(temporary / rel).parent for rel, _ in contents}:
        folder.mkdir(parents=True, exist_ok=True)
    _each_in_threads(lambda item: (temporary / item[0]).write_bytes(item[1]), contents)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temporary, target)
    return len(contents)


def _write_if_changed(path: Path, data: bytes) -> int:
    if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return 0
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return 1
