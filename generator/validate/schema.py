"""Check front matter against the YAML schemas and say what is wrong the way a person would.

jsonschema finds the errors; this module rewrites each one as "what is wrong" plus "how to
fix it", in English and Thai, at the line where the contributor typed it.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import re
from datetime import date

import fastjsonschema
import yaml

if TYPE_CHECKING:  # imported when a file fails (it explains): 40 ms less for every build
    import jsonschema

from ..dates import PartialDate
from ..messages import problem
from ..problems import Problem
from ..load.yaml_positions import Path as KeyPath
from ..load.yaml_positions import dotted

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
KIND_SCHEMAS = {"cities": "city", "projects": "project", "lessons": "lesson", "events": "event",
                "pages": "page"}
Vocabularies = Mapping[str, Mapping[Any, Any]]
Locate = Callable[[KeyPath], tuple[int, int]]

_TYPE_NAMES = {
    "string": ("text", "ข้อความ"),
    "integer": ("a whole number", "จำนวนเต็ม"),
    "number": ("a number", "ตัวเลข"),
    "object": ("a group of fields (`key: value` lines)", "กลุ่มข้อมูล (บรรทัด `ชื่อ: ค่า`)"),
    "array": ("a list (`[a, b]`)", "รายการ (`[a, b]`)"),
    "boolean": ("true or false", "ค่า true หรือ false"),
    "null": ("empty (`null`)", "ค่าว่าง (`null`)"),
}
_REF_KINDS = {
    "cities": ("city", "เมือง"),
    "projects": ("project", "โครงการ"),
    "lessons": ("lesson", "บทเรียน"),
    "sources": ("source (content/sources.yml)", "แหล่งที่มา (content/sources.yml)"),
}
_FORMAT_NAMES = {
    "date": ("a date YYYY-MM-DD", "วันที่รูปแบบ ปปปป-ดด-วว (ค.ศ.)"),
    "partial-date": ("a real date YYYY, YYYY-MM or YYYY-MM-DD (CE)",
                     "วันที่ที่มีอยู่จริง รูปแบบ ปปปป, ปปปป-ดด หรือ ปปปป-ดด-วว (ค.ศ.)"),
    "uri": ("a web address starting with http:// or https://", "ที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https://"),
    "slug": ("an id of lowercase a-z, digits and hyphens", "รหัสที่ใช้อักษร a-z ตัวเล็ก ตัวเลข และขีด (-)"),
    "pattern": ("in the expected form", "รูปแบบที่กำหนด"),
}


@functools.cache
def raw_schemas() -> dict[str, dict[str, Any]]:
    """Every schema file by name, as written (before vocabularies are filled in)."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.yaml"))
    }


@functools.cache
def inlined_schemas() -> dict[str, dict[str, Any]]:
    return inline_refs(raw_schemas())


@functools.cache
def _formats() -> jsonschema.FormatChecker:
    """jsonschema checks "uri" only when rfc3987 is installed; our `pattern` does that job, so
    both validators are told the same: dates must be real dates, anything else passes."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(lambda value: not isinstance(value, str) or _is_date(value))
    checker.checks("partial-date")(
        lambda value: not isinstance(value, str) or _is_partial_date(value))
    return checker


@functools.cache
def compiled_validators() -> dict[str, Callable[[Any], Any]]:
    formats = {"date": lambda value: _is_date(value), "uri": lambda value: True,
               "partial-date": lambda value: _is_partial_date(value)}
    return {
        name: fastjsonschema.compile({k: v for k, v in schema.items() if k != "$schema"},
                                     formats=formats, use_default=False)
        for name, schema in inlined_schemas().items()
    }


def published_schemas(vocabularies: Vocabularies) -> dict[str, dict[str, Any]]:
    """Schemas for /data/schemas/: closed vocabularies (themes, regions, SDGs) become enums so
    that other tools can validate exports without this package."""
    closed = {"themes", "regions", "sdgs"}

    def fill(node: Any) -> Any:
        if isinstance(node, dict):
            out = {key: fill(value) for key, value in node.items()}
            name = node.get("x-vocabulary")
            if name in closed:
                out["enum"] = sorted(vocabularies.get(name, {}))
            return out
        if isinstance(node, list):
            return [fill(item) for item in node]
        return node

    return {name: fill(schema) for name, schema in raw_schemas().items()}


def inline_refs(schemas: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every schema with its `$ref`s replaced by what they point at.

    Our schemas are not recursive, so this is always possible, and it makes validation 2.5×
    faster: jsonschema no longer resolves a reference for every field of every file.
    """
    def target(ref: str, here: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        base, _, pointer = ref.partition("#")
        document = schemas[base.rsplit(":", 1)[1]] if base else here
        node: Any = document
        for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
            node = node[part]
        return node, document

    def inline(node: Any, here: dict[str, Any]) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                resolved, document = target(node["$ref"], here)
                siblings = {k: inline(v, here) for k, v in node.items() if k != "$ref"}
                return {**inline(resolved, document), **siblings}
            return {k: inline(v, here) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [inline(item, here) for item in node]
        return node

    return {name: inline(schema, schema) for name, schema in schemas.items()}


def _vocabulary_paths(node: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Where an inlined schema points into a vocabulary: [(("themes", "*"), "themes"), …]."""
    found: list[tuple[tuple[str, ...], str]] = []
    if isinstance(node, dict):
        if "x-vocabulary" in node:
            found.append((path, node["x-vocabulary"]))
        for key, child in node.get("properties", {}).items():
            found += _vocabulary_paths(child, (*path, key))
        if isinstance(node.get("items"), dict):
            found += _vocabulary_paths(node["items"], (*path, "*"))
        for option in node.get("oneOf", []) + node.get("anyOf", []):
            found += _vocabulary_paths(option, path)
    return found


def _values_at(data: Any, path: tuple[str, ...]) -> Iterator[Any]:
    if not path:
        yield data
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(data, list):
            for item in data:
                yield from _values_at(item, rest)
    elif isinstance(data, dict) and head in data:
        yield from _values_at(data[head], rest)


def _is_partial_date(value: str) -> bool:
    """"2024", "2024-06" or "2024-06-12", a real date of a Common Era year the archive can
    mean (a Buddhist Era year is reported as such, see `_explain`)."""
    try:
        return 1900 <= PartialDate.parse(value).year <= 2100
    except ValueError:
        return False


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value))


class SchemaChecker:
    """Validators for every kind of file, sharing the vocabularies.

    Two paths: a compiled validator (fastjsonschema) that only answers "valid?" and is ~20×
    faster, used first; and jsonschema, which explains, used only for files that fail.
    Both see the same inlined schemas and the same formats, so they agree (a test checks).
    """

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.vocabularies = vocabularies
        self._terms = {name: {str(term) for term in terms} for name, terms in vocabularies.items()}
        schemas = inlined_schemas()
        self._fast = compiled_validators()
        self._vocabulary_paths = {name: _vocabulary_paths(schema)
                                  for name, schema in schemas.items()}
        self.examples = _collect_examples(raw_schemas())

    def is_valid(self, schema_name: str, data: Any) -> bool:
        try:
            self._fast[schema_name](data)
        except fastjsonschema.JsonSchemaException:
            return False
        return all(
            isinstance(value, bool) or not isinstance(value, (str, int))
            or name not in self._terms or str(value) in self._terms[name]
            for path, name in self._vocabulary_paths[schema_name]
            for value in _values_at(data, path)
        )

    @functools.cached_property
    def _validators(self) -> dict[str, Any]:
        """The explaining validators, made when the first file fails."""
        import jsonschema

        validator_class = jsonschema.validators.extend(
            jsonschema.Draft202012Validator, {"x-vocabulary": self._check_vocabulary}
        )
        return {name: validator_class(schema, format_checker=_formats())
                for name, schema in inlined_schemas().items()}

    def check(self, schema_name: str, data: Any, rel: str, locate: Locate) -> list[Problem]:
        if self.is_valid(schema_name, data):
            return []
        validator = self._validators[schema_name]
        problems: list[Problem] = []
        for error in validator.iter_errors(data):
            problems.extend(self._explain(error, rel, locate))
        return problems

    # -- custom keyword: references into vocabularies and other case files ---------------
    def _check_vocabulary(
        self, validator: Any, name: str, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[jsonschema.ValidationError]:
        terms = self._terms.get(name)
        if terms is None or not isinstance(instance, (str, int)) or isinstance(instance, bool):
            return
        if str(instance) not in terms:
            import jsonschema

            yield jsonschema.ValidationError(
                f"{instance!r} is not a known {name}", validator="x-vocabulary",
                validator_value=name, instance=instance,
            )

    # -- rewriting errors -----------------------------------------------------------------
    def _explain(
        self, error: jsonschema.ValidationError, rel: str, locate: Locate
    ) -> list[Problem]:
        path: KeyPath = tuple(error.absolute_path)
        keyword = error.validator
        instance = error.instance
        line, col = locate(path)
        field = dotted(path)
        where: dict[str, Any] = {"path": rel, "line": line, "column": col, "field": field}

        if keyword in ("oneOf", "anyOf") and error.context:
            # "null or a year", "a date or a range {start, end}": explain against the branch
            # whose type the value has (the one it was meant for), every problem of it.
            options = error.validator_value
            meant = [n for n, option in enumerate(options) if _accepts_type(option, instance)]
            if not meant:
                expected = [t for option in options for t in sorted(_types(option) or ())]
                return [self._wrong_type(error, where, path, instance,
                                         list(dict.fromkeys(expected)))]
            errors = [e for e in error.context
                      if e.relative_schema_path and e.relative_schema_path[0] == meant[0]]
            if not errors:
                return self._explain(max(error.context, key=lambda e: len(e.absolute_path)),
                                     rel, locate)
            return [p for e in errors for p in self._explain(e, rel, locate)]
        explainer = error.schema.get("x-problem") if isinstance(error.schema, dict) else None
        if explainer:
            # The schema names the catalogue message that says what this rule means.
            return [problem(explainer, **where, value=instance)]
        if keyword == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            out = []
            for key in instance:
                if key in allowed:
                    continue
                key_path = (*path, key)
                k_line, k_col = locate(key_path)
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                out.append(problem(
                    "unknown-key", rel, k_line, k_col, dotted(key_path), key=key,
                    suggestion_en=f" — did you mean `{close[0]}`?" if close else "",
                    suggestion_th=f" — หมายถึง `{close[0]}` หรือไม่?" if close else "",
                ))
            return out
        if keyword == "required":
            return [
                problem("missing-key", **{**where, "field": dotted((*path, key))}, key=key)
                for key in error.validator_value
                if isinstance(instance, dict) and key not in instance
            ]
        if keyword == "type":
            return [self._wrong_type(error, where, path, instance)]
        if keyword == "enum" or keyword == "x-vocabulary":
            return [self._not_in_list(error, where, path)]
        if keyword in ("minimum", "maximum"):
            schema = error.schema
            if isinstance(instance, int) and 2443 <= instance <= 2643 and schema.get("maximum", 0) <= 2100:
                return [problem("buddhist-era-year", **where, value=instance, ce=instance - 543)]
            return [problem("out-of-range", **where, value=instance,
                            low=schema.get("minimum", "…"), high=schema.get("maximum", "…"))]
        if keyword == "format" and error.validator_value == "partial-date":
            year = str(instance)[:4]
            if year.isdigit() and 2443 <= int(year) <= 2643:
                return [problem("buddhist-era-year", **where, value=int(year), ce=int(year) - 543)]
        if keyword in ("pattern", "format"):
            kind = error.validator_value if keyword == "format" else "pattern"
            if keyword == "pattern" and "a-z0-9" in str(error.validator_value):
                kind = "slug"
            if keyword == "pattern" and "https?" in str(error.validator_value):
                kind = "uri"
            en, th = _FORMAT_NAMES.get(kind, _FORMAT_NAMES["pattern"])
            return [problem("bad-format", **where, value=instance, format_en=en, format_th=th,
                            example=self._example(path))]
        if keyword in ("minLength", "minItems"):
            return [problem("too-short", **where)]
        if keyword in ("maxLength", "maxItems"):
            return [problem("too-long", **where, length=len(instance), limit=error.validator_value)]
        if keyword == "uniqueItems":
            return [problem("duplicate-item", **where)]
        return [problem("schema", **where, detail=error.message)]

    def _wrong_type(
        self, error: jsonschema.ValidationError, where: dict[str, Any], path: KeyPath, instance: Any,
        expected: list[str] | None = None,
    ) -> Problem:
        if expected is None:
            value = error.validator_value
            expected = [value] if isinstance(value, str) else list(value)
        exp_en = " or ".join(_TYPE_NAMES.get(t, (t, t))[0] for t in expected)
        exp_th = " หรือ ".join(_TYPE_NAMES.get(t, (t, t))[1] for t in expected)
        actual = _json_type(instance)
        act_en, act_th = _TYPE_NAMES.get(actual, (actual, actual))
        return problem("wrong-type", **where, expected_en=exp_en, expected_th=exp_th,
                       actual_en=act_en, actual_th=act_th, example=self._example(path))

    def _not_in_list(
        self, error: jsonschema.ValidationError, where: dict[str, Any], path: KeyPath
    ) -> Problem:
        if error.validator == "x-vocabulary":
            name = error.validator_value
            allowed = [str(term) for term in self.vocabularies.get(name, {})]
            if name in ("cities", "projects", "lessons", "sources"):
                close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.5)
                target_en, target_th = _REF_KINDS[name]
                return problem(
                    "dangling-ref", **where, value=error.instance,
                    target_kind_en=target_en, target_kind_th=target_th,
                    closest_en=f" Did you mean `{close[0]}`?" if close else "",
                    closest_th=f" หมายถึง `{close[0]}` หรือไม่?" if close else "",
                )
        else:
            allowed = [str(term) for term in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), allowed, n=1, cutoff=0.5)
        shown = ", ".join(allowed[:20]) + (" …" if len(allowed) > 20 else "")
        return problem(
            "not-in-list", **where, value=error.instance, allowed=shown,
            closest_en=f" Did you mean `{close[0]}`?" if close else "",
            closest_th=f" หมายถึง `{close[0]}` หรือไม่?" if close else "",
        )

    def _example(self, path: KeyPath) -> str:
        key = next((part for part in reversed(path) if isinstance(part, str)), "")
        example = self.examples.get(key)
        if example is None:
            return "see the template / ดูแม่แบบ"
        return f"`{key}: {json.dumps(example, ensure_ascii=False)}`"


def _types(node: Any) -> set[str] | None:
    """The JSON types a (sub)schema accepts; None when it does not say."""
    if not isinstance(node, dict):
        return None
    if "type" in node:
        declared = node["type"]
        return {declared} if isinstance(declared, str) else set(declared)
    options = node.get("oneOf") or node.get("anyOf")
    if options:
        found: set[str] = set()
        for option in options:
            types = _types(option)
            if types is None:
                return None
            found |= types
        return found
    if "enum" in node:
        return {_json_type(value) for value in node["enum"]}
    return None


def _accepts_type(node: Any, instance: Any) -> bool:
    types = _types(node)
    actual = _json_type(instance)
    return types is None or actual in types or (actual == "integer" and "number" in types)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _collect_examples(schemas: Mapping[str, Any]) -> dict[str, Any]:
    """Field name → first example found anywhere in the schemas (for "Example:" hints)."""
    common = schemas.get("common", {}).get("$defs", {})
    found: dict[str, Any] = {}

    def resolve(node: Any) -> Any:
        ref = node.get("$ref", "") if isinstance(node, dict) else ""
        if ref.startswith("urn:lckb:schema:common#/$defs/"):
            return common.get(ref.rsplit("/", 1)[1], {})
        return node

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                if isinstance(value, dict):
                    examples = value.get("examples") or resolve(value).get("examples")
                    if examples and key not in found:
                        found[key] = examples[0]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schemas)
    return found
