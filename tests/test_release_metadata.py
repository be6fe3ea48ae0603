"""What the deposits say about the archive, without building anything: the DOI and version
for "how to cite", `.zenodo.json`, and the years and places counted from the content."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml
from conftest import MINI_CONTENT, ROOT

from generator.config import SiteConfig, load_config
from generator.model import build_archive
from generator.pipeline import check
from generator.release.coverage import places, temporal_coverage
from generator.release.identity import IdentityError, archive_identity, normalize_doi
from generator.release.zenodo import ISO_639_3, stale_zenodo_file, zenodo_metadata


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    return load_config(ROOT / "mkdocs.yml")


def with_settings(config: SiteConfig, root: Path | None = None, **settings: object) -> SiteConfig:
    return dataclasses.replace(
        config, root=root or config.root, settings={**config.settings, **settings}
    )


def test_the_committed_zenodo_file_is_what_the_configuration_gives(config: SiteConfig) -> None:
    assert stale_zenodo_file(config) is None


def test_zenodo_metadata_of_this_archive(config: SiteConfig) -> None:
    """What this archive's mkdocs.yml and CITATION.cff say, read from them (in a fork, the
    fork's): its names in each language, its authors, its funders."""
    metadata = zenodo_metadata(config)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert metadata["upload_type"] == "dataset" and metadata["license"] == "cc-by-4.0"
    for language in config.languages:
        assert language.site_name in metadata["title"]
        assert f'<p lang="{language.code}">' in metadata["description"]
    assert metadata["creators"] == [{"name": author["name"]} for author in cff["authors"]]
    assert metadata["language"] == ISO_639_3[config.primary.code]
    # The publisher (here unset, so not there) and the funders, as mkdocs.yml names them.
    publisher = config.settings["publisher"]["name"] or {}
    people = [{"name": publisher["en"], "type": "Distributor"}] if publisher else []
    people += [{"name": f["name"]["en"], "type": "Sponsor"} for f in config.settings["funders"]]
    assert metadata["contributors"] == people
    if not (config.site_url or config.repo_url or cff.get("doi")):
        assert "related_identifiers" not in metadata
    assert metadata.get("version") == cff.get("version")


def test_zenodo_metadata_links_the_site_the_repository_and_the_doi(
    config: SiteConfig, tmp_path: Path
) -> None:
    (tmp_path / "CITATION.cff").write_text(
        (ROOT / "CITATION.cff").read_text(encoding="utf-8")
        + "doi: https://doi.org/10.5281/zenodo.1234\n",
        encoding="utf-8",
    )
    configured = dataclasses.replace(
        with_settings(
            config,
            tmp_path,
            publisher={"name": {"th": "สำนักพิมพ์", "en": "A Press"}, "url": None},
        ),
        site_url="https://example.org/lckb/",
        repo_url="https://github.com/example/lckb",
    )
    metadata = zenodo_metadata(configured)
    assert metadata["related_identifiers"] == [
        {
            "identifier": "https://example.org/lckb/",
            "relation": "isVersionOf",
            "resource_type": "dataset",
            "scheme": "url",
        },
        {
            "identifier": "https://github.com/example/lckb",
            "relation": "isSupplementTo",
            "resource_type": "software",
            "scheme": "url",
        },
        {
            "identifier": "10.5281/zenodo.1234",
            "relation": "isVersionOf",
            "resource_type": "dataset",
            "scheme": "doi",
        },
    ]
    assert {"name": "A Press", "type": "Distributor"} in metadata["contributors"]
    json.dumps(metadata)  # plain JSON


@pytest.mark.parametrize(
    "written",
    [
        "10.5281/zenodo.1234",
        "https://doi.org/10.5281/zenodo.1234",
        "doi:10.5281/zenodo.1234",
        " http://dx.doi.org/10.5281/zenodo.1234 ",
    ],
)
def test_a_doi_written_any_common_way(written: str) -> None:
    assert normalize_doi(written, "here") == "10.5281/zenodo.1234"


def test_the_configured_doi_and_version_reach_the_citation(
    config: SiteConfig, tmp_path: Path
) -> None:
    assert archive_identity(config).doi is None  # unset in this repository: nothing guessed
    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        'cff-version: 1.2.0\ntitle: "x"\nversion: "2.1"\ndoi: https://doi.org/10.5281/ZENODO.99\n',
        encoding="utf-8",
    )
    identity = archive_identity(with_settings(config, tmp_path))
    assert (identity.doi, identity.version) == ("10.5281/ZENODO.99", "2.1")
    assert identity.doi_url == "https://doi.org/10.5281/ZENODO.99"
    cff.write_text('cff-version: 1.2.0\ntitle: "x"\ndoi: zenodo 99\n', encoding="utf-8")
    with pytest.raises(IdentityError, match="not a DOI"):
        archive_identity(with_settings(config, tmp_path))


def test_coverage_is_counted_from_the_content(config: SiteConfig) -> None:
    mini = dataclasses.replace(config, content_dir=MINI_CONTENT)
    archive = build_archive(check(mini).loaded)
    assert temporal_coverage(archive) == "2020/2021"
    assert [(p.id, p.lat, p.lon) for p in places(archive)] == [
        ("khon-kaen", 16.4322, 102.8236),
        ("yala", 6.5411, 101.2804),
    ]


def test_a_release_with_a_stale_zenodo_file_stops_before_building(tmp_path: Path) -> None:
    """Zenodo reads .zenodo.json from the tagged commit: a release must not go out with one
    that no longer matches CITATION.cff (the release cannot fix a commit already tagged)."""
    import shutil
    import subprocess
    import sys

    from conftest import make_project

    project = make_project(tmp_path / "project", MINI_CONTENT)
    shutil.copy2(ROOT / ".zenodo.json", project.root / ".zenodo.json")
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    citation["keywords"] = [*citation.get("keywords", []), "new keyword"]
    (project.root / "CITATION.cff").write_text(
        yaml.safe_dump(citation, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "release"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        ".zenodo.json is stale" in result.stderr and "python -m generator zenodo" in result.stderr
    )
    assert not (project.root / "dist").exists() and not (project.root / "site").exists()
