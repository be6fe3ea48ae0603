"""The research-repository deposit: a BagIt bag (the `bagit` library, RFC 8493's checksummed
folder) whose payload is the RO-Crate, serialized as one ZIP with the bag as its only
top-level folder, as RFC 8493 §4 asks of a serialized bag; checked with `bagit.py --validate`."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

import bagit

from .fixity import deterministic_zip
from .tools import run_tool, tool

CHECKSUMS = ["sha256", "sha512"]  # sha512: RFC 8493's recommendation; sha256: as SHA256SUMS


def make_bag(folder: Path, info: dict[str, str]) -> Path:
    """Turn `folder` into a bag in place: its files move into data/, manifests beside."""
    bagit.make_bag(str(folder), bag_info=dict(info), checksums=CHECKSUMS)
    return folder


def serialize(bag_folder: Path, target: Path) -> Path:
    return deterministic_zip(bag_folder, target, prefix=f"{bag_folder.name}/")


def validate_bag(bag_zip: Path) -> str:
    """Unpack the serialized bag and run `bagit.py --validate` on it (every checksum)."""
    with tempfile.TemporaryDirectory(prefix="bag-check-") as temporary:
        with zipfile.ZipFile(bag_zip) as archive:
            tops = {name.split("/", 1)[0] for name in archive.namelist()}
            if len(tops) != 1:
                raise RuntimeError(
                    f"{bag_zip.name}: a serialized bag has one top-level folder,"
                    f" found {sorted(tops)}"
                )
            archive.extractall(temporary)
        bag_dir = Path(temporary) / tops.pop()
        output = run_tool([tool("bagit.py"), "--validate", str(bag_dir)], "bagit.py --validate")
        shutil.rmtree(bag_dir)
    return output
