"""Fixity: the same commit released again, on another day (Debian's `faketime`, 400 days
ahead), in another time zone, with another hash seed and user cache, gives the same bytes for
everything that does not record a moment of capture.

Byte-identical: the offline site ZIP, the data package, zenodo.json, and every file of the
bag's payload but two. Not identical, by design: the WACZ (its WARC records carry the time
each page was fetched, as the WARC standard asks, and the `wacz` tool stamps its ZIP entries
and `created` with the time of packing); hence also the RO-Crate metadata (it gives the
WACZ's capture date and size), the bag's manifests, and the bag ZIP. The captured pages
themselves must still be the same: every record's payload digest is compared.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_release import Released, released, run_release  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

FAKETIME = shutil.which("faketime")


def payload(bag_zip: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bag_zip) as opened:
        return {
            name.split("/", 1)[1]: opened.read(name)
            for name in opened.namelist()
            if name.split("/", 2)[1] == "data"
        }


def records(wacz: Path) -> list[tuple[str, str, str]]:
    """(type, URL, payload digest) of every WARC record, in order."""
    from warcio.archiveiterator import ArchiveIterator

    found = []
    with zipfile.ZipFile(wacz) as opened:
        for name in opened.namelist():
            if name.startswith("archive/"):
                with opened.open(name) as stream:
                    for record in ArchiveIterator(stream):
                        if record.rec_type in ("request", "response"):
                            found.append(
                                (
                                    record.rec_type,
                                    record.rec_headers.get_header("WARC-Target-URI"),
                                    record.rec_headers.get_header("WARC-Payload-Digest"),
                                )
                            )
    return found


def without_wacz(metadata: bytes) -> list[dict[str, Any]]:
    graph = json.loads(metadata)["@graph"]
    return [e for e in graph if not str(e["@id"]).endswith(".wacz")]


def test_a_release_from_the_same_commit_on_another_day_is_the_same(released: Released) -> None:  # noqa: F811
    if FAKETIME is None:
        pytest.fail("Debian's faketime is missing: run `make test` (it installs it as root)")
    project = released.project
    later = run_release(
        project,
        "dist-later",
        [FAKETIME, "-f", "+400d"],
        {
            "TZ": "Pacific/Kiritimati",
            "PYTHONHASHSEED": "7",
            "XDG_CACHE_HOME": str(project.root / "other-cache"),
        },
    )
    assert sorted(later.sums) == sorted(released.sums)
    for suffix in ("-site.zip", "-data.zip", "zenodo.json"):
        name = released.one(suffix).name
        assert released.sums[name] == later.sums[name], name

    first, second = payload(released.one("-bag.zip")), payload(later.one("-bag.zip"))
    assert sorted(first) == sorted(second)
    capture_bound = {name for name in first if name.endswith(".wacz")} | {
        "data/ro-crate-metadata.json"
    }
    differing = sorted(
        name for name in first if first[name] != second[name] and name not in capture_bound
    )
    assert not differing, differing
    # The crate differs only in what it says about the WACZ (its capture date and size).
    assert without_wacz(first["data/ro-crate-metadata.json"]) == without_wacz(
        second["data/ro-crate-metadata.json"]
    )
    # The WACZ differs only in when: the same requests, the same bytes served for each.
    assert records(released.one(".wacz")) == records(later.one(".wacz"))
    wacz_dates = {
        json.loads(zipfile.ZipFile(w).read("datapackage.json"))["created"][:4]
        for w in (released.one(".wacz"), later.one(".wacz"))
    }
    assert len(wacz_dates) == 2  # the clock really moved for the second release
