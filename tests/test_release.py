"""`python -m generator release`: each package checked by its own validator and used the way
the institution that takes it would use it — the web archive replayed by pywb in Chromium,
the bag checked by bagit.py, the RO-Crate by rocrate-validator, the data by frictionless,
the checksums by sha256sum.

One release of the small fixture project (a git checkout) is shared by these tests; the
reproducibility test (test_release_reproducible.py) makes a second one under another clock.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI_CONTENT, ROOT, Project, download_name, funder_names, make_project

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
RELEASE_ONLY = ("warcio", "wacz", "pywb", "bagit", "rocrate", "rocrate_validator")


@dataclass
class Released:
    project: Project
    dist: Path
    sums: dict[str, str]
    stdout: str

    def one(self, suffix: str) -> Path:
        found = [p for p in self.dist.iterdir() if p.name.endswith(suffix)]
        assert len(found) == 1, (suffix, sorted(p.name for p in self.dist.iterdir()))
        return found[0]


def commit(root: Path, when: str = "2025-03-04T10:00:00+07:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for command in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        [
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "commit",
            "-q",
            "-m",
            "content",
        ],
        ["tag", "v1.0"],
    ):
        subprocess.run(["git", *command], cwd=root, check=True, env=env)


def release_project(target: Path) -> Project:
    """The fixture content with the repository's configuration, citation file and
    .zenodo.json, committed and tagged, as a fork's checkout would be."""
    project = make_project(target, MINI_CONTENT)
    for name in ("CITATION.cff", ".zenodo.json"):
        shutil.copy2(ROOT / name, project.root / name)
    commit(project.root)
    return project


def run_release(
    project: Project, dist: str, clock: list[str] | None = None, env: dict[str, str] | None = None
) -> Released:
    result = subprocess.run(
        [*(clock or []), sys.executable, "-m", "generator", "release", "--dist", dist],
        check=False,
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    folder = project.root / dist
    sums = {}
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        sums[name] = digest
    return Released(project, folder, sums, result.stdout)


@pytest.fixture(scope="session")
def released(tmp_path_factory: pytest.TempPathFactory) -> Released:
    project = release_project(tmp_path_factory.mktemp("release") / "project")
    return run_release(project, "dist")


def unpack(archive: Path, target: Path) -> Path:
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    return target


# --- the release as a whole ------------------------------------------------------------------


def test_dist_holds_each_package_named_by_the_tag(released: Released) -> None:
    names = sorted(p.name for p in released.dist.iterdir())
    stem = f"{download_name()}-v1.0"
    assert names == sorted(
        [
            "SHA256SUMS",
            f"{stem}-bag.zip",
            f"{stem}-data.zip",
            f"{stem}-site.zip",
            f"{stem}.wacz",
            "zenodo.json",
        ]
    )


def test_sha256sums_checks_with_sha256sum(released: Released) -> None:
    result = subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"],
        cwd=released.dist,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(released.sums) == {p.name for p in released.dist.iterdir()} - {"SHA256SUMS"}


def test_the_site_zip_is_the_one_the_site_serves(released: Released) -> None:
    """The offline copy in dist/ is the very file a reader downloads from /downloads/."""
    site = released.one("-site.zip")
    with zipfile.ZipFile(site) as opened:
        names = opened.namelist()
    assert f"{download_name()}/index.html" in names
    assert f"{download_name()}/en/cities/khon-kaen.html" in names


def test_the_data_package_validates_with_frictionless(released: Released, tmp_path: Path) -> None:
    folder = unpack(released.one("-data.zip"), tmp_path / "data")
    result = subprocess.run(
        [str(BIN / "frictionless"), "validate", "--json", str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["valid"], result.stdout[-3000:]
    assert {task["name"] for task in report["tasks"]} >= {"cities", "projects", "lessons"}


def test_frictionless_would_say_no(released: Released, tmp_path: Path) -> None:
    """Guards the test above: a table that breaks its schema is reported."""
    folder = unpack(released.one("-data.zip"), tmp_path / "data")
    cities = folder / "cities.csv"
    rows = cities.read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    broken = rows[1].split(",")
    broken[header.index("gnlc_member_since")] = "not-a-year"
    cities.write_text(
        "\ufeff" + "\r\n".join([rows[0], ",".join(broken), *rows[2:]]) + "\r\n", encoding="utf-8"
    )
    result = subprocess.run(
        [str(BIN / "frictionless"), "validate", "--json", str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and not json.loads(result.stdout)["valid"]


# --- the web archive ------------------------------------------------------------------------


def wacz_member(wacz: Path, name: str) -> bytes:
    with zipfile.ZipFile(wacz) as opened:
        return opened.read(name)


def test_wacz_validates(released: Released) -> None:
    result = subprocess.run(
        [str(BIN / "wacz"), "validate", "-f", str(released.one(".wacz"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation succeeded" in result.stdout


def test_wacz_holds_every_file_of_the_site_and_a_page_list_with_text(
    released: Released, tmp_path: Path
) -> None:
    wacz = released.one(".wacz")
    index = gzip.decompress(wacz_member(wacz, "indexes/index.cdx.gz")).decode("utf-8")
    captured = {json.loads(line.split(" ", 2)[2])["url"] for line in index.splitlines()}
    site = unpack(released.one("-site.zip"), tmp_path / "site") / download_name()
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    origin = "https://site.invalid/"  # the fixture's mkdocs.yml has no site_url
    missing = sorted(f for f in files if origin + f not in captured)
    assert not missing, missing[:10]
    assert origin + f"downloads/{download_name()}.zip" in captured
    lines = wacz_member(wacz, "pages/pages.jsonl").decode("utf-8").splitlines()
    header, pages = json.loads(lines[0]), [json.loads(line) for line in lines[1:]]
    assert header["format"] == "json-pages-1.0" and header.get("hasText") is True
    by_url = {page["url"]: page for page in pages}
    thai = by_url[origin + "cities/khon-kaen.html"]
    english = by_url[origin + "en/cities/khon-kaen.html"]
    assert thai["title"].startswith("ขอนแก่น") and "KGO" in thai["text"]
    assert english["title"].startswith("Khon Kaen")
    assert origin in by_url and origin + "en/" in by_url  # the entry points readers type
    assert not any(url.endswith("404.html") for url in by_url)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def replay(released: Released, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """pywb, the web archivists' replay tool, serving the WACZ on loopback."""
    folder = tmp_path_factory.mktemp("pywb")
    for command in (["init", "lckb"], ["add", "--unpack-wacz", "lckb", str(released.one(".wacz"))]):
        subprocess.run(
            [str(BIN / "wb-manager"), *command], cwd=folder, check=True, capture_output=True
        )
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "wayback"), "-b", "127.0.0.1", "-p", str(port)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/lckb/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "https://site.invalid/", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("pywb did not start") from None
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def archived_frame(page: Any) -> Any:
    """pywb shows the archived page in an iframe under its banner (`mp_` replay URLs)."""
    page.wait_for_load_state("networkidle")
    frames = [frame for frame in page.frames if "mp_/" in frame.url]
    assert frames, [frame.url for frame in page.frames]
    return frames[0]


@pytest.mark.browser
@pytest.mark.parametrize(
    "path, lang, heading, text",
    [
        ("cities/khon-kaen.html", "th", "ขอนแก่น", "KGO Token"),
        ("en/cities/khon-kaen.html", "en", "Khon Kaen", "Khon Kaen"),
    ],
)
def test_pywb_replays_a_case_page_in_each_language(
    replay: str, browser: Any, path: str, lang: str, heading: str, text: str
) -> None:
    from browser_support import watch

    page = browser.new_page(viewport={"width": 360, "height": 800})
    log = watch(page)
    page.goto(f"{replay}2030/https://site.invalid/{path}")
    frame = archived_frame(page)
    assert frame.evaluate("document.documentElement.lang") == lang
    assert frame.inner_text("article h1").replace("¶", "").strip() == heading
    assert text in frame.inner_text("article")
    # The self-hosted font and the stylesheets came out of the archive, not from elsewhere.
    assert frame.evaluate("getComputedStyle(document.body).fontFamily").startswith(
        ("Sarabun", '"Sarabun"')
    )
    assert not log.failed, log.failed
    out = Path("/tmp/deposit-helper")
    if out.is_dir():
        page.screenshot(path=str(out / f"test-replay-{lang}.png"))
    page.close()


@pytest.mark.browser
def test_the_archived_search_box_finds_a_thai_word(replay: str, browser: Any) -> None:
    """The archive's own search (index shards fetched by its script) works inside the
    replay: a word from the middle of an unspaced Thai run finds the case."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{replay}2030/https://site.invalid/index.html")
    frame = archived_frame(page)
    query = "ถนนศรีจันทร์"
    box = frame.locator("form[name=lc-search] input[name=q]")
    box.press_sequentially(query)
    frame.wait_for_function(
        "q => document.querySelector('[data-lc-search]').getAttribute('data-lc-done') === q",
        arg=query,
        timeout=30000,
    )
    links = frame.eval_on_selector_all(
        ".md-search-result__list a[data-lc-result]", "links => links.map(a => a.href)"
    )
    assert any(link.endswith("/cities/khon-kaen.html") for link in links), links
    assert all("https://site.invalid/" in link for link in links), links
    page.close()


# --- the research deposit -------------------------------------------------------------------


@pytest.fixture(scope="module")
def bag(released: Released, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = unpack(released.one("-bag.zip"), tmp_path_factory.mktemp("bag"))
    (top,) = list(folder.iterdir())
    return top


def test_the_bag_validates_with_bagit(bag: Path) -> None:
    result = subprocess.run(
        [str(BIN / "bagit.py"), "--validate", str(bag)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    info = (bag / "bag-info.txt").read_text(encoding="utf-8")
    assert "Bagging-Date: 2025-03-04" in info  # the commit's day, not the day of the release
    assert "Source-Organization" not in info  # the publisher is unset: not guessed
    payload = {
        p.relative_to(bag / "data").as_posix() for p in (bag / "data").rglob("*") if p.is_file()
    }
    assert {
        "ro-crate-metadata.json",
        "content/cities/khon-kaen.md",
        "content/cities/khon-kaen.en.md",
        "content/sources.yml",
        "data-package/datapackage.json",
        "data-package/schemas/city.json",
        f"site/{download_name()}-v1.0-site.zip",
        f"web-archive/{download_name()}-v1.0.wacz",
    } <= payload


def test_bagit_would_say_no(bag: Path, tmp_path: Path) -> None:
    """Guards the test above: one changed byte in the payload fails validation."""
    copy = Path(shutil.copytree(bag, tmp_path / bag.name))
    case = copy / "data" / "content" / "cities" / "yala.md"
    case.write_text(case.read_text(encoding="utf-8") + " ", encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "bagit.py"), "--validate", str(copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0


def crate_graph(bag: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((bag / "data" / "ro-crate-metadata.json").read_text(encoding="utf-8"))
    return {entity["@id"]: entity for entity in data["@graph"]}


def test_the_crate_validates_with_rocrate_validator(bag: Path, tmp_path: Path) -> None:
    from generator.release.crate import validate_crate

    report = validate_crate(bag / "data", tmp_path)
    assert report["passed"] is True
    assert report["validation_settings"]["profile_identifier"] == "ro-crate-1.3"


def test_rocrate_validator_would_say_no(bag: Path, tmp_path: Path) -> None:
    """Guards the test above (the validator reports a check that could not run as a log
    line, not a failure): a crate without a licence or a name fails."""
    from generator.release.crate import validate_crate
    from generator.release.tools import ToolFailed

    copy = Path(shutil.copytree(bag / "data", tmp_path / "crate"))
    metadata = copy / "ro-crate-metadata.json"
    data = json.loads(metadata.read_text(encoding="utf-8"))
    root = next(e for e in data["@graph"] if e["@id"] == "./")
    del root["license"], root["name"]
    metadata.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises((ToolFailed, RuntimeError)):
        validate_crate(copy, tmp_path / "work")


def test_the_crate_describes_every_file_and_the_archive(bag: Path) -> None:
    graph = crate_graph(bag)
    root = graph["./"]
    payload = {
        p.relative_to(bag / "data").as_posix() for p in (bag / "data").rglob("*") if p.is_file()
    } - {"ro-crate-metadata.json"}
    described = {part["@id"] for part in root["hasPart"]}
    assert payload <= described
    for path in payload:
        assert graph[path]["@type"] == "File" and graph[path]["description"], path
    assert graph["content/cities/khon-kaen.en.md"]["inLanguage"] == "en"
    assert root["inLanguage"] == ["th", "en"]
    assert root["license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    assert {"@id": "https://spdx.org/licenses/MIT"} in graph[
        f"site/{download_name()}-v1.0-site.zip"
    ]["license"]
    assert root["datePublished"] == "2025-03-04"
    assert root["version"] == "v1.0"
    # Computed from the fixture's content: one project 2020–2021, cohorts 2020-2021.
    assert root["temporalCoverage"] == "2020/2021"
    thailand = graph[root["spatialCoverage"]["@id"]]
    places = {
        graph[p["@id"]]["name"]: graph[graph[p["@id"]]["geo"]["@id"]]["asWKT"]
        for p in thailand["containsPlace"]
    }
    assert places == {
        "ขอนแก่น / Khon Kaen": "POINT (102.8236 16.4322)",
        "ยะลา / Yala": "POINT (101.2804 6.5411)",
    }
    # Unset settings stay unset; the configured funder is there as the sources name it.
    assert "publisher" not in root
    funder = graph[root["funder"]["@id"]]
    assert all(name in funder["name"] for name in funder_names("th") + funder_names("en"))
    wacz = graph[f"web-archive/{download_name()}-v1.0.wacz"]
    assert wacz["dateCreated"].startswith("20") and wacz["conformsTo"]["@id"].startswith(
        "https://specs.webrecorder.net/wacz/"
    )


# --- what the site build must not import ---------------------------------------------------


def test_the_site_build_imports_no_release_only_package() -> None:
    code = (
        "import sys, generator.mkdocs_plugin, generator.cli, generator.release.identity, "
        "generator.release.zenodo, generator.release.coverage; "
        f"print([m for m in {RELEASE_ONLY!r} if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"
