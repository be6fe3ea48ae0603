"""Open data: what /data/ holds equals the content's model; schemas and reference published."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from conftest import Project

from generator.config import load_config
from generator.export import COLUMNS, case_record
from generator.messages import CATALOGUE
from generator.model import build_archive
from generator.pipeline import check
from generator.render.reference import KINDS, field_rows
from generator.validate.schema import raw_schemas


@pytest.fixture
def archive(mini: Project):  # type: ignore[no-untyped-def]
    return build_archive(check(load_config(mini.root / "mkdocs.yml")).loaded)


@pytest.mark.slow
def test_json_export_round_trips_to_the_model(mini_site: Project) -> None:
    archive = build_archive(check(load_config(mini_site.root / "mkdocs.yml")).loaded)
    for kind in ("cities", "projects", "lessons", "events"):
        exported = json.loads((mini_site.site / "data" / f"{kind}.json").read_text("utf-8"))
        expected = [case_record(case, archive.languages) for case in archive.by_kind(kind).values()]
        assert exported == json.loads(json.dumps(expected, ensure_ascii=False))
        for record in exported:  # and every front-matter field survives unchanged
            case = archive.by_kind(kind)[record["id"]]
            for key, value in case.fields.items():
                assert record[key] == value


@pytest.mark.slow
def test_csv_opens_in_excel_and_matches_the_codebook(mini_site: Project) -> None:
    raw = (mini_site.site / "data" / "cities.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 Thai correctly
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["khon-kaen", "yala"]
    assert rows[0]["label_th"] == "ขอนแก่น" and rows[0]["lessons"] == "anchor-organisation"
    package = json.loads((mini_site.site / "data" / "datapackage.json").read_text("utf-8"))
    cities = next(r for r in package["resources"] if r["name"] == "cities")
    assert [f["name"] for f in cities["schema"]["fields"]] == list(rows[0])
    assert all(f["description"] for f in cities["schema"]["fields"])


@pytest.mark.slow
def test_published_schemas_validate_the_exported_records(mini_site: Project) -> None:
    data = mini_site.site / "data"
    schema = json.loads((data / "schemas" / "city.json").read_text("utf-8"))
    # closed vocabularies are spelled out for tools that do not have this package
    common = json.loads((data / "schemas" / "common.json").read_text("utf-8"))
    region = common["$defs"]["region"]
    assert sorted(region["enum"]) == ["central", "east", "north", "northeast", "south", "west"]
    registry = (
        __import__("referencing")
        .Registry()
        .with_resources(
            (s["$id"], __import__("referencing").Resource.from_contents(s))
            for s in (json.loads(p.read_text("utf-8")) for p in (data / "schemas").glob("*.json"))
        )
    )
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    for record in json.loads((data / "cities.json").read_text("utf-8")):
        fields = {
            k: v
            for k, v in record.items()
            if k not in ("kind", "urls", "texts", "projects", "lessons", "events")
        }
        fields["id"] = record["id"]
        assert list(validator.iter_errors(fields)) == []


def test_every_csv_column_has_a_meaning() -> None:
    for columns in COLUMNS.values():
        names = [c.name for c in columns]
        assert len(names) == len(set(names))
        assert all(c.description for c in columns)


def test_reference_lists_every_field_with_both_languages() -> None:
    for name, _ in KINDS:
        rows = field_rows(name)
        schema = raw_schemas()[name]
        entry = schema if "properties" in schema else schema["additionalProperties"]
        assert [r.name for r in rows] == list(entry["properties"])
        for row in rows:
            assert row.meaning["en"] and row.meaning["th"], (name, row.name)


@pytest.mark.slow
def test_reference_page_is_built_in_both_languages(mini_site: Project) -> None:
    thai = (mini_site.site / "reference.html").read_text("utf-8")
    english = (mini_site.site / "en" / "reference.html").read_text("utf-8")
    for code in CATALOGUE:
        assert f"<code>{code}</code>" in thai and f"<code>{code}</code>" in english
    assert "คู่มือช่องข้อมูล" in thai and "Field reference" in english
    assert "gnlc_member_since" in thai


@pytest.mark.slow
def test_the_data_package_is_named_from_the_configuration(mini_site: Project) -> None:
    """Its name, title and every resource: from mkdocs.yml and the files beside it (a loop
    once reused the name of the package for the last schema's)."""
    config = load_config(mini_site.root / "mkdocs.yml")
    data = mini_site.site / "data"
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    assert package["name"] == config.settings["download_name"]
    english = next(lang for lang in config.languages if lang.code == "en")
    assert package["title"].startswith(english.site_name)
    names = [resource["name"] for resource in package["resources"]]
    assert len(names) == len(set(names))
    for resource in package["resources"]:
        assert (data / resource["path"]).is_file(), resource
    listed = {resource["path"] for resource in package["resources"]}
    on_disk = {
        p.relative_to(data).as_posix()
        for p in data.rglob("*")
        if p.is_file() and p.suffix in (".csv", ".json") and p.name != "datapackage.json"
    }
    assert on_disk - listed <= {f"{kind}.json" for kind in COLUMNS} | {"sources.json"}
