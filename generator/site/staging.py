"""`mkdocs build` writes into a staging folder beside site/, swapped in only on success, so
that a failed build (bad content, a broken link in strict mode) leaves the previous site as
it was and a reader or a web server never sees half a site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


class Staging:
    def __init__(self, final: Path) -> None:
        self.final = final
        self.folder = final.with_name(final.name + ".partial")
        if self.folder.exists():
            shutil.rmtree(self.folder)

    def publish(self) -> None:
        swap_directory(self.folder, self.final)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


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
