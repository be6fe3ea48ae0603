"""`python -m generator release`: build the site, then write every package into dist/.

    dist/<name>-<version>.wacz           web archive of the site (national library web archives)
    dist/<name>-<version>-bag.zip        BagIt bag with an RO-Crate (research repositories)
    dist/<name>-<version>-site.zip       the offline site, as /downloads/ serves it
    dist/<name>-<version>-data.zip       the open data: a Frictionless data package
    dist/zenodo.json                     what Zenodo reads (the committed .zenodo.json)
    dist/SHA256SUMS                      checksums of all of the above

Everything is written into dist.partial/ and each package is checked with its own validator
(wacz validate, bagit.py --validate, rocrate-validator, frictionless); only then does
dist.partial/ replace dist/, so a failed release never leaves a half-checked dist/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SiteConfig
from ..model import build_archive
from ..pipeline import check
from . import bag as bagging
from .capture import PLACEHOLDER_ORIGIN, capture_site
from .crate import describe, validate_crate
from .fixity import deterministic_zip, iso_date, source_date_epoch, write_sums
from .identity import Identity, archive_identity
from .payload import assemble
from .tools import run_tool, tool
from .webarchive import make_wacz
from .zenodo import stale_zenodo_file, zenodo_json

_NAMESPACE = uuid.UUID("1b9d6bcd-bbfd-5b2d-9b5d-ab8dfbbd4bed")


class ReleaseError(Exception):
    """The release cannot be made; the message says why and what to do."""


@dataclass
class Release:
    dist: Path
    version: str
    files: dict[str, int] = field(default_factory=dict)  # name → bytes
    seconds: dict[str, float] = field(default_factory=dict)  # step → wall seconds
    warnings: list[str] = field(default_factory=list)


def release_version(root: Path, given: str | None) -> str:
    """The name of this release in file names: as given (the workflow passes the tag), else
    `git describe --tags --always` (the tag on a tagged commit, else tag-N-gHASH or HASH)."""
    if given:
        version = given
    else:
        try:
            version = subprocess.run(
                ["git", "describe", "--tags", "--always"],
                cwd=root,
                check=True,
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            version = "unversioned"
    safe = "".join(c if c.isalnum() or c in "._-+" else "-" for c in version)
    if not safe or safe.startswith("."):
        raise ReleaseError(f"{version!r} cannot name release files")
    return safe


def build_site(config: SiteConfig, config_file: Path, site_dir: Path, env: dict[str, str]) -> None:
    """The site exactly as `make build` builds it, into a folder of the release's own."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise ReleaseError("the site build failed:\n" + result.stderr[-5000:])


def validate_data_package(data_zip: Path, work_dir: Path) -> None:
    """`frictionless validate` on the unpacked data package: every table against its schema."""
    folder = work_dir / "data-check"
    with zipfile.ZipFile(data_zip) as archive:
        archive.extractall(folder)
    run_tool(
        [tool("frictionless"), "validate", "--trusted", str(folder / "datapackage.json")],
        "frictionless validate",
    )


@dataclass
class _Run:
    """One release in progress: what every step needs, and where it writes."""

    config: SiteConfig
    identity: Identity
    release: Release
    epoch: int  # SOURCE_DATE_EPOCH: the last commit's time
    name: str  # download_name
    partial: Path  # dist.partial/
    work: Path  # a temporary folder
    say: Callable[[str], None]

    @property
    def stem(self) -> str:
        return f"{self.name}-{self.release.version}"

    @property
    def title(self) -> str:
        names = [language.site_name for language in self.config.languages]
        return " / ".join(dict.fromkeys(names))

    def timed(self, label: str, started: float) -> None:
        self.release.seconds[label] = time.perf_counter() - started
        self.say(f"  {label}: {self.release.seconds[label]:.1f} s")

    def site_and_data(self, site_dir: Path) -> Path:
        """The offline ZIP as the site serves it, and the data package, validated."""
        site_zip = self.partial / f"{self.stem}-site.zip"
        shutil.copy2(site_dir / "downloads" / f"{self.name}.zip", site_zip)
        data_zip = deterministic_zip(site_dir / "data", self.partial / f"{self.stem}-data.zip")
        validate_data_package(data_zip, self.work)
        return site_zip

    def web_archive(self, site_dir: Path) -> tuple[Path, str]:
        """Capture the site, package and validate the WACZ; (its path, capture time)."""
        started = time.perf_counter()
        version = self.release.version
        captured = capture_site(
            site_dir,
            self.work / f"{self.stem}.warc.gz",
            site_url=self.config.site_url,
            user_agent=f"learning-city-knowledge-bank-release/{version}",
            warcinfo={
                "software": "learning-city-knowledge-bank release (warcio)",
                "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/"
                "specifications/warc-format/warc-1.1/",
                "isPartOf": self.title,
                "description": f"{self.title}, version {version}; captured over loopback"
                " from the site built from that commit",
            },
        )
        self.timed("capture (warcio)", started)
        started = time.perf_counter()
        wacz = make_wacz(
            captured,
            site_dir,
            self.partial / f"{self.stem}.wacz",
            title=self.title,
            description=self.config.text("description", "en") or self.title,
            work_dir=self.work,
        )
        self.timed("WACZ (wacz create, wacz validate)", started)
        return wacz.path, captured.started

    def research_deposit(self, site_dir: Path, site_zip: Path, wacz: Path, captured: str) -> None:
        """The RO-Crate, validated, then the bag around it, serialized and validated."""
        started = time.perf_counter()
        config = self.config
        bag_dir = self.work / "bag" / f"{self.stem}-bag"
        bag_dir.mkdir(parents=True)
        parts = assemble(
            bag_dir,
            content_dir=config.content_dir,
            data_dir=site_dir / "data",
            site_zip=site_zip,
            wacz=wacz,
            primary=config.primary.code,
        )
        describe(
            bag_dir,
            config,
            build_archive(check(config).loaded),
            self.identity,
            parts=parts,
            date_published=iso_date(self.epoch),
            version=self.release.version,
            capture_date=captured,
        )
        validate_crate(bag_dir, self.work)
        self.timed("RO-Crate (rocrate, rocrate-validator)", started)
        started = time.perf_counter()
        info = bag_info(config, self.identity, self.release.version, self.epoch, self.stem)
        bagging.make_bag(bag_dir, info)
        bagging.validate_bag(bagging.serialize(bag_dir, self.partial / f"{self.stem}-bag.zip"))
        self.timed("BagIt (bagit, bagit.py --validate)", started)


def make_release(
    config: SiteConfig,
    config_file: Path,
    dist: Path,
    *,
    version: str | None = None,
    say: Callable[[str], None] = print,
) -> Release:
    stale = stale_zenodo_file(config)
    if stale:
        raise ReleaseError(stale)
    identity = archive_identity(config)
    epoch = source_date_epoch(config.root)
    release = Release(dist, release_version(config.root, version))
    if not config.site_url:
        release.warnings.append(
            f"site_url is not set in mkdocs.yml: the web archive records the pages under "
            f"{PLACEHOLDER_ORIGIN}; set it to the address the site is published at / "
            f"ยังไม่ได้ตั้ง site_url: เว็บอาร์ไคฟ์จะบันทึกหน้าไว้ใต้ {PLACEHOLDER_ORIGIN}"
        )
    partial = dist.with_name(dist.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        with tempfile.TemporaryDirectory(prefix="lckb-release-") as temporary:
            run = _Run(
                config,
                identity,
                release,
                epoch,
                str(config.settings.get("download_name") or "archive"),
                partial,
                Path(temporary),
                say,
            )
            site_dir = run.work / "site"
            say("Building the site / สร้างเว็บไซต์")
            started = time.perf_counter()
            build_site(
                config,
                config_file,
                site_dir,
                {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"},
            )
            run.timed("site build", started)
            started = time.perf_counter()
            site_zip = run.site_and_data(site_dir)
            run.timed("site ZIP and data package (frictionless validate)", started)
            say("Capturing the site into a web archive / เก็บเว็บไซต์เป็นเว็บอาร์ไคฟ์")
            wacz, captured = run.web_archive(site_dir)
            say("Packing the research deposit / จัดชุดข้อมูลสำหรับคลังข้อมูลวิจัย")
            run.research_deposit(site_dir, site_zip, wacz, captured)
        (partial / "zenodo.json").write_text(zenodo_json(config, identity), encoding="utf-8")
        write_sums(partial)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)  # never a half-checked dist
        raise
    release.files = {path.name: path.stat().st_size for path in sorted(partial.iterdir())}
    shutil.rmtree(dist, ignore_errors=True)
    partial.rename(dist)
    return release


def bag_info(
    config: SiteConfig, identity: Identity, version: str, epoch: int, stem: str
) -> dict[str, str]:
    """bag-info.txt: who sends the bag and what it is. Unset settings are left out."""
    publisher = (config.settings.get("publisher") or {}).get("name") or {}
    info = {
        "Bagging-Date": iso_date(epoch),  # the commit's day: the same bag on any day
        "Bag-Software-Agent": "learning-city-knowledge-bank release; bagit.py",
        "External-Description": config.text("description", "en")
        or config.text("description", config.primary.code),
        "Bag-Group-Identifier": str(config.settings.get("download_name") or "archive"),
        "Internal-Sender-Identifier": stem,
        # RO-Crate's recommendation for a base URI; derived from the release's name so that
        # rebuilding the same release gives the same bag.
        "External-Identifier": identity.doi_url or f"urn:uuid:{uuid.uuid5(_NAMESPACE, stem)}",
    }
    if publisher.get("en") or publisher.get("th"):
        info["Source-Organization"] = str(publisher.get("en") or publisher.get("th"))
    contact = str(config.settings.get("contact") or "")
    if "@" in contact and "://" not in contact:
        info["Contact-Email"] = contact
    elif contact:
        info["Contact-Name"] = contact
    if identity.version:
        info["Version"] = identity.version
    return info
