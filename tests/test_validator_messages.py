"""Golden messages: what a contributor reads, word for word, in Thai and in English.

tests/validator/cases.yaml pins *where* each problem is reported; tests/validator/messages.yaml
pins *what it says*. Beside them: every fix line is concrete (an example from the schema, in
the reader's language), and every JSON-Schema keyword our schemas use has an explainer.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Project
from test_validator_corpus import BASELINE, apply, key, run

from generator import report
from generator.messages import CATALOGUE
from generator.validate.explain import EXPLAINERS, KEY_KEYWORDS
from generator.validate.schema import inlined_schemas, raw_schemas
from generator.validate.schema_paths import example_at

GOLDEN = yaml.safe_load((Path(__file__).parent / "validator" / "messages.yaml").read_text("utf-8"))


def _text(project: Project, lang: str) -> str:
    problems = [p for p in run(project) if key(p) not in BASELINE]
    return "".join(report.format_text(p, lang) + "\n" for p in problems)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", GOLDEN, ids=[c["name"] for c in GOLDEN])
def test_golden_message(mini: Project, case: dict[str, Any]) -> None:
    apply(mini, case)
    assert _text(mini, "th") == case["th"]
    assert _text(mini, "en") == case["en"]


_CODE = re.compile(r"`[^`]*`")
# Words that are the same in both languages' fix lines: the era names, file names, values.
_THAI_ALLOWED = re.compile(r"\b(?:null|http|https|content|sources|yml|template|reference|html)\b")


@pytest.mark.parametrize("case", GOLDEN, ids=[c["name"] for c in GOLDEN])
def test_every_fix_line_is_in_the_readers_language(case: dict[str, Any]) -> None:
    """No "see the template / ดูแม่แบบ", no English advice in the Thai fix or Thai advice in
    the English one: only the values to type (in backticks) are shared."""
    for line in case["th"].splitlines():
        if line.strip().startswith("วิธีแก้:"):
            prose = _THAI_ALLOWED.sub("", _CODE.sub("", line))
            assert not re.search(r"[A-Za-z]{3,}", prose), line
    for line in case["en"].splitlines():
        if line.strip().startswith("fix:"):
            prose = _CODE.sub("", line).replace("พ.ศ.", "").replace("ค.ศ.", "")
            assert not re.search(r"[\u0e00-\u0e7f]", prose), line
    assert "template / " not in case["th"] + case["en"]


def _leaf_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a schema a contributor types a value."""
    if not isinstance(node, dict):
        return []
    options = [node, *node.get("oneOf", [])]
    found = []
    for option in options:
        for name, child in option.get("properties", {}).items():
            found += _leaf_paths(child, (*path, name)) or [(*path, name)]
        if isinstance(option.get("items"), dict):
            found += _leaf_paths(option["items"], (*path, 0)) or [(*path, 0)]
        if isinstance(option.get("additionalProperties"), dict):
            found += _leaf_paths(option["additionalProperties"], (*path, "some-id"))
    return found


@pytest.mark.parametrize("name", sorted(n for n in raw_schemas() if n != "common"))
def test_every_field_has_an_example_for_its_fix_line(name: str) -> None:
    schema = inlined_schemas()[name]
    paths = _leaf_paths(schema)
    assert paths
    for path in paths:
        found, example = example_at(schema, path)
        assert found and example is not None, (name, path)


def _keywords(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        found |= set(node)
        for value in node.values():
            found |= _keywords(value)
    elif isinstance(node, list):
        for item in node:
            found |= _keywords(item)
    return found


def test_every_keyword_the_schemas_use_has_an_explainer() -> None:
    """A new keyword in a schema needs its own explainer (and a golden case), not the
    English-only fallback."""
    annotations = {
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "title",
        "description",
        "examples",
        "x-description-th",
        "x-shape",
        "x-translatable",
        # read when the schemas are made for an archive (validate/schema.py, `localise`)
        "x-languages",
        "x-geography",
        "properties",
        "items",
        # structure: the keywords inside them are the ones reported
        "if",
        "then",
        "else",
        # names the catalogue message itself (explain.explain reads it first)
        "x-problem",
    }
    used = set().union(*(_keywords(schema) for schema in raw_schemas().values()))
    # Property names are keys of `properties`, not keywords: keep only what JSON Schema and
    # our x- keywords define.
    keywords = {k for k in used if k.startswith("x-") or k in _JSON_SCHEMA_KEYWORDS}
    missing = keywords - annotations - set(EXPLAINERS) - set(KEY_KEYWORDS)
    assert not missing


_JSON_SCHEMA_KEYWORDS = {
    "type",
    "enum",
    "const",
    "format",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "required",
    "additionalProperties",
    "propertyNames",
    "oneOf",
    "anyOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "patternProperties",
    "dependentRequired",
}


def test_every_code_the_explainers_use_is_in_the_catalogue() -> None:
    source = (Path(__file__).parent.parent / "generator" / "validate" / "explain.py").read_text()
    codes = set(re.findall(r'problem\(\s*"([a-z0-9-]+)"', source))
    codes |= {"buddhist-era-date", "buddhist-era-year", "missing-key", "missing-fact"}
    assert codes and codes <= set(CATALOGUE)
