"""Checksums and dates that make a release checkable and repeatable: SHA256SUMS for every
file of dist/, the commit's time for every date a package must carry, and ZIP files whose
bytes depend only on what they hold."""

from __future__ import annotations

import hashlib
import os
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

SUMS_FILE = "SHA256SUMS"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # as the offline site ZIP: the earliest a ZIP can hold
_STORED = {".zip", ".wacz", ".gz", ".png", ".jpg", ".jpeg", ".webp", ".woff2"}  # packed already


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sums(folder: Path) -> Path:
    """`SHA256SUMS` in the format `sha256sum -c` reads, one line per file, by name."""
    lines = [
        f"{sha256_of(path)}  {path.relative_to(folder).as_posix()}\n"
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != SUMS_FILE
    ]
    target = folder / SUMS_FILE
    target.write_text("".join(lines), encoding="utf-8")
    return target


def read_sums(path: Path) -> dict[str, str]:
    sums = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name] = digest
    return sums


def source_date_epoch(root: Path) -> int:
    """SOURCE_DATE_EPOCH if set (reproducible-builds.org), else the last commit's time.

    Every date a package must carry and that is not a capture time comes from here, so the
    same commit gives the same bytes on any day."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.SubprocessError, ValueError):
        raise RuntimeError(
            "not a git checkout and SOURCE_DATE_EPOCH is not set: set it to "
            "the time (seconds since 1970) the content was last changed / "
            "ไม่ใช่ git checkout: ตั้งค่า SOURCE_DATE_EPOCH"
        ) from None


def iso_date(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")


def deterministic_zip(folder: Path, target: Path, prefix: str = "") -> Path:
    """Every file under `folder`, by path, with fixed dates and permissions; files that are
    compressed already are stored as they are."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            name = prefix + path.relative_to(folder).as_posix()
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = (
                zipfile.ZIP_STORED if path.suffix.lower() in _STORED else zipfile.ZIP_DEFLATED
            )
            with path.open("rb") as source, archive.open(info, "w") as sink:
                for block in iter(lambda: source.read(1 << 20), b""):
                    sink.write(block)
    return target
