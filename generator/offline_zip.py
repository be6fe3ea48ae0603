"""The whole built site as one ZIP for offline reading (unzip, open index.html).

Packed by a helper thread of the build (see `helper`; zlib compresses with Python's lock
released): each page as MkDocs renders it, the pages of the other languages once their
process has built them, then every other file of the site. Member order is the order MkDocs
built the pages, then the rest by path: the same for the same input, so that two builds of one
commit give the same bytes. Every date is 1980-01-01, the earliest a ZIP can hold, for that reason.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
LEVEL = 6  # zlib's default: level 9 took twice as long for 0.5 % less


@dataclass
class _Packing:
    site_dir: Path
    target: Path
    folder: str
    archive: zipfile.ZipFile
    packed: dict[str, int] = field(default_factory=dict)  # path in the site → bytes packed


_packing: _Packing | None = None  # in the helper: the ZIP being written


def start(site_dir: Path, relative_path: str, folder_name: str) -> None:
    global _packing
    target = Path(site_dir) / relative_path
    target.parent.mkdir(parents=True, exist_ok=True)
    if _packing is not None:
        _packing.archive.close()
    _packing = _Packing(Path(site_dir), target, folder_name,
                        zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED,
                                        compresslevel=LEVEL))


def _pack(packing: _Packing, rel: str, data: bytes) -> None:
    info = zipfile.ZipInfo(f"{packing.folder}/{rel}", date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    packing.archive.writestr(info, data, compresslevel=LEVEL)
    packing.packed[rel] = len(data)


def add_page(rel: str, html: str) -> None:
    """Pack a page just built, under its path in the site, encoded as MkDocs writes it."""
    assert _packing is not None, "offline_zip.start() first"
    _pack(_packing, rel, html.encode("utf-8", errors="xmlcharrefreplace"))


def add_from_site(paths: list[str]) -> None:
    """Pack these files of the site now, in this order (pages another process built)."""
    assert _packing is not None, "offline_zip.start() first"
    for rel in paths:
        _pack(_packing, rel, (_packing.site_dir / rel).read_bytes())


def finish() -> Path:
    """Pack every file of the site not packed yet, and close the ZIP."""
    global _packing
    assert _packing is not None, "offline_zip.start() first"
    packing, _packing = _packing, None
    site, downloads = packing.site_dir, packing.target.parent
    try:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if not path.is_file() or path.is_relative_to(downloads):
                continue  # the ZIP itself and earlier downloads are not part of the site
            if rel in packing.packed:
                if path.stat().st_size != packing.packed[rel]:
                    raise RuntimeError(f"{rel} changed after it was packed into the offline "
                                       "ZIP; a post-build step must not rewrite pages")
                continue
            _pack(packing, rel, path.read_bytes())
    finally:
        packing.archive.close()
    return packing.target


def write_site_zip(site_dir: Path, relative_path: str, folder_name: str) -> Path:
    """All at once, from the files of a built site."""
    start(site_dir, relative_path, folder_name)
    return finish()
