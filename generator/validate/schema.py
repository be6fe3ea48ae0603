"""Check data against the YAML schemas; `explain.py` says what is wrong the way a person would.

Two custom keywords join JSON Schema's: `x-vocabulary` (an id from a vocabulary, the source
registry or another kind of case) and `x-calendar` (a year or date, read by
`generator.dates`: Thai digits are accepted, Buddhist Era years and day-first dates refused
with the value to write).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema
import yaml

if TYPE_CHECKING:  # imported when a file fails (it explains): 40 ms less for every build
    import jsonschema

from .. import dates, geography
from ..config import SiteConfig
from ..load.yaml_positions import dotted
from ..messages import language_values, problem
from ..problems import Problem, Severity
from .explain import Context, Locate, References, explain
from .schema_paths import keyword_paths, places

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
KIND_SCHEMAS = {
    "cities": "city",
    "projects": "project",
    "lessons": "lesson",
    "events": "event",
    "pages": "page",
}
Vocabularies = Mapping[str, Mapping[Any, Any]]


@dataclass(frozen=True)
class Localisation:
    """What an archive's configuration changes in the schemas: the languages of its labels
    (mkdocs.yml's i18n languages, the primary first) and the coordinates a city may have
    (round its map's outline). The default is the template's: Thai and English, Thailand."""

    languages: tuple[str, ...] = ("th", "en")
    latitude: tuple[float, float] = (5, 21)
    longitude: tuple[float, float] = (97, 106)


TEMPLATE = Localisation()


def localisation(config: SiteConfig) -> Localisation:
    bounds = geography.outline_of(config).bounds
    return Localisation(
        languages=tuple(config.codes),
        latitude=(bounds.south, bounds.north),
        longitude=(bounds.west, bounds.east),
    )


@functools.cache
def _schema_files() -> dict[str, dict[str, Any]]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob("*.yaml"))
    }


@functools.cache
def raw_schemas(where: Localisation = TEMPLATE) -> dict[str, dict[str, Any]]:
    """Every schema file by name, as written (before vocabularies are filled in), with the
    archive's languages and bounds in place of the template's (`localise`)."""
    return {name: localise(schema, where) for name, schema in _schema_files().items()}


@functools.cache
def inlined_schemas(where: Localisation = TEMPLATE) -> dict[str, dict[str, Any]]:
    return inline_refs(raw_schemas(where))


def localise(node: Any, where: Localisation) -> Any:
    """A copy of a schema for this archive. Two keywords of ours mark what a fork changes:
    `x-languages` on a label (written `{th: …, en: …}`: one property per language, the first
    like `th`, the others like `en`, which `x-translatable` lets wait) and `x-geography` on a
    coordinate (`latitude`, `longitude`: the bounds round the map's outline; `point`: a
    {lat, lon} pair, whose example follows its parts'). Examples written for the template's
    languages are re-keyed: a language the template does not have reads `…`."""
    if isinstance(node, list):
        return [localise(item, where) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: localise(value, where) for key, value in node.items() if key != "examples"}
    if "examples" in node:
        out["examples"] = [_rekeyed(example, where.languages) for example in node["examples"]]
    if "x-languages" in node:
        _localise_label(out, where.languages)
    kind = node.get("x-geography")
    if kind in ("latitude", "longitude"):
        low, high = where.latitude if kind == "latitude" else where.longitude
        out["minimum"], out["maximum"] = low, high
        inside = [e for e in out.get("examples", []) if low <= e <= high]
        out["examples"] = inside or [round((low + high) / 2, 4)]
    elif kind == "point":
        points = {name: out["properties"][name]["examples"][0] for name in ("lat", "lon")}
        out["examples"] = [points]
    return out


def _localise_label(node: dict[str, Any], languages: tuple[str, ...]) -> None:
    """`{th: text, en: text}` becomes one property per language: the first as the template's
    first (always filled in), the others as its second (which may wait, for `primary`)."""
    first, second = list(node["properties"].values())[:2]
    node["properties"] = {code: first if n == 0 else second for n, code in enumerate(languages)}
    node["required"] = list(languages)
    names = ", ".join(f"`{code}`" for code in languages)
    for key in ("description", "x-description-th"):
        if key in node:
            node[key] = (
                node[key].replace("{languages}", names).replace("{primary}", f"`{languages[0]}`")
            )


def _rekeyed(example: Any, languages: tuple[str, ...]) -> Any:
    """An example in the archive's languages: `{th: ขอนแก่น, en: Khon Kaen}` for th and lo
    is `{th: ขอนแก่น, lo: …}`."""
    if isinstance(example, list):
        return [_rekeyed(item, languages) for item in example]
    if not isinstance(example, dict):
        return example
    if set(example) == set(TEMPLATE.languages) and languages != TEMPLATE.languages:
        return {code: example.get(code, "…") for code in languages}
    return {key: _rekeyed(value, languages) for key, value in example.items()}


@functools.cache
def _formats() -> jsonschema.FormatChecker:
    """jsonschema checks "uri" only when rfc3987 is installed; our `pattern` does that job, so
    both validators are told the same: dates must be real dates, anything else passes."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("date")(lambda value: not isinstance(value, str) or _is_date(value))
    checker.checks("partial-date")(
        lambda value: not isinstance(value, str) or _is_partial_date(value)
    )
    return checker


@functools.cache
def compiled_validators(where: Localisation = TEMPLATE) -> dict[str, Callable[[Any], Any]]:
    formats = {
        "date": lambda value: _is_date(value),
        "uri": lambda value: True,
        "partial-date": lambda value: _is_partial_date(value),
    }
    return {
        name: fastjsonschema.compile(
            {k: v for k, v in schema.items() if k != "$schema"}, formats=formats, use_default=False
        )
        for name, schema in inlined_schemas(where).items()
    }


def published_schemas(
    vocabularies: Vocabularies, where: Localisation = TEMPLATE
) -> dict[str, dict[str, Any]]:
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

    return {name: fill(schema) for name, schema in raw_schemas(where).items()}


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


def _is_partial_date(value: str) -> bool:
    """ "2024", "2024-06" or "2024-06-12", a real date of a year the archive can mean (a
    Buddhist Era year is explained by its `x-calendar` reading)."""
    try:
        return dates.FIRST_YEAR <= dates.PartialDate.parse(value).year <= dates.LAST_YEAR
    except ValueError:
        return False


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value))


class SchemaChecker:
    """Validators for every kind of file, sharing the references.

    Two paths: a compiled validator (fastjsonschema) that only answers "valid?" and is ~20×
    faster, used first; and jsonschema, which explains, used only for files that fail.
    Both see the same inlined schemas, formats, references and calendar readings, so they
    agree (a test checks).
    """

    def __init__(self, references: References, where: Localisation = TEMPLATE) -> None:
        self.references = references
        self.where = where
        self._fast = compiled_validators(where)
        schemas = inlined_schemas(where)
        self._vocabulary_paths = {
            name: keyword_paths(schema, "x-vocabulary") for name, schema in schemas.items()
        }
        self._calendar_paths = {
            name: keyword_paths(schema, "x-calendar") for name, schema in schemas.items()
        }
        self._translatable_paths = {
            name: keyword_paths(schema, "x-translatable") for name, schema in schemas.items()
        }
        self._primary_fields = frozenset(
            key for name in KIND_SCHEMAS.values() for key in schemas[name]["properties"]
        )

    def read_calendar(self, schema_name: str, data: Any) -> None:
        """Years and dates as the archive stores them, in place: `๒๐๒๔` becomes 2024, and a
        source's `date: 2024` the text "2024". Refused values (a B.E. year) stay as typed for
        the explainer to quote."""
        for path, kind in self._calendar_paths[schema_name]:
            for _where, container, key in places(data, path):
                reading = dates.read(kind, container[key])
                if not reading.refused and reading.value != container[key]:
                    container[key] = reading.value

    def is_valid(self, schema_name: str, data: Any) -> bool:
        try:
            self._fast[schema_name](data)
        except fastjsonschema.JsonSchemaException:
            return False
        return not any(
            dates.read(kind, container[key]).refused
            for path, kind in self._calendar_paths[schema_name]
            for _where, container, key in places(data, path)
        ) and all(
            isinstance(container[key], bool)
            or not isinstance(container[key], (str, int))
            or str(container[key]) in self.references.get(name, {})
            or name not in self.references
            for path, name in self._vocabulary_paths[schema_name]
            for _where, container, key in places(data, path)
        )

    @functools.cached_property
    def _validators(self) -> dict[str, Any]:
        """The explaining validators, made when the first file fails."""
        import jsonschema

        validator_class = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
            jsonschema.Draft202012Validator,
            {"x-vocabulary": self._check_reference, "x-calendar": _check_calendar},
        )
        return {
            name: validator_class(schema, format_checker=_formats())
            for name, schema in inlined_schemas(self.where).items()
        }

    def check(self, schema_name: str, data: Any, rel: str, locate: Locate) -> list[Problem]:
        """Every problem of one file's data. Reads its years and dates first (in place: the
        model then sees what the contributor meant)."""
        self.read_calendar(schema_name, data)
        if self.is_valid(schema_name, data):
            return []
        context = Context(
            rel=rel,
            schema_name=schema_name,
            schema=inlined_schemas(self.where)[schema_name],
            locate=locate,
            references=self.references,
            primary_fields=self._primary_fields,
        )
        return explain(self._validators[schema_name].iter_errors(data), context)

    def untranslated(self, schema_name: str, data: Any, rel: str, locate: Locate) -> list[Problem]:
        """A warning for each label whose translation is left empty (`en: ""`) until someone
        writes it (the converter leaves it so rather than copying the primary language)."""
        primary, *others = self.where.languages
        problems = []
        for path, _flag in self._translatable_paths[schema_name]:
            for where, container, key in places(data, path):
                label = container[key]
                if not isinstance(label, dict) or not label.get(primary):
                    continue
                for code in others:
                    if label.get(code) != "":
                        continue
                    line, column = locate((*where, code))
                    problems.append(
                        problem(
                            "untranslated",
                            rel,
                            line,
                            column,
                            dotted((*where, code)),
                            severity=Severity.WARNING,
                            **language_values(code, primary),
                        )
                    )
        return problems

    def _check_reference(
        self, validator: Any, name: str, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[jsonschema.ValidationError]:
        terms = self.references.get(name)
        if terms is None or not isinstance(instance, (str, int)) or isinstance(instance, bool):
            return
        if str(instance) not in terms:
            import jsonschema

            yield jsonschema.ValidationError(
                f"{instance!r} is not a known {name}",
                validator="x-vocabulary",
                validator_value=name,
                instance=instance,
            )


def _check_calendar(
    validator: Any, kind: dates.Kind, instance: Any, schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    reading = dates.read(kind, instance)
    if reading.refused:
        import jsonschema

        yield jsonschema.ValidationError(
            f"{instance!r} should be written {reading.write!r}",
            validator="x-calendar",
            validator_value=kind,
            instance=instance,
        )
