"""Schema errors rewritten as what is wrong and how to fix it: one explainer per keyword.

jsonschema says *which keyword* a value broke; each explainer here turns that into a
`Problem` in Thai and English, at the line where the contributor typed the value, with a fix
that shows the value to write: the schema's own example for that field, the id a name
stands for, or the CE date a B.E. date means. To explain a new keyword, add one function to
`EXPLAINERS` and a golden case to tests/validator/messages.yaml.

Two rules keep the list short: one problem per value (when a value breaks several keywords,
the most telling one speaks: the B.E. year, not "more than 2100"), and a misspelt key is one
problem at its own line ("`summery`: did you mean `summary`?"), not also a missing field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from .. import dates
from ..load.files import ID_RE, slug_suggestion
from ..load.yaml_positions import Path as KeyPath
from ..load.yaml_positions import dotted
from ..messages import problem
from ..problems import Problem
from ..yaml_flow import field_line, flow_yaml
from .schema_paths import empty_value, example_at, subschema
from .suggest import Suggestion, closest, closest_key

if TYPE_CHECKING:
    from jsonschema import ValidationError

Locate = Callable[[KeyPath], tuple[int, int]]
# Reference name → id → its name in each language (`cities` → `lampang` → {th: ลำปาง, …}).
References = Mapping[str, Mapping[str, Mapping[str, str]]]

# What a reference points at, for messages: (English, Thai).
REFERENCE_KINDS = {
    "cities": ("city", "เมือง"),
    "projects": ("project", "โครงการ"),
    "lessons": ("lesson", "บทเรียน"),
    "sources": ("source in content/sources.yml", "แหล่งที่มาใน content/sources.yml"),
    "themes": ("theme", "ประเด็น"),
    "regions": ("region", "ภาค"),
    "sdgs": ("SDG", "เป้าหมายการพัฒนาที่ยั่งยืน"),
}
_TYPE_NAMES = {
    "string": ("text", "ข้อความ"),
    "integer": ("a whole number", "จำนวนเต็ม"),
    "number": ("a number", "ตัวเลข"),
    "object": ("a group of fields (`key: value`)", "กลุ่มข้อมูล (`ชื่อ: ค่า`)"),
    "array": ("a list (`[a, b]`)", "รายการ (`[a, b]`)"),
    "boolean": ("true or false", "ค่า true หรือ false"),
    "null": ("empty (`null`)", "ค่าว่าง (`null`)"),
}
_NO_SHAPE = ("in the expected form", "รูปแบบที่กำหนด")
# When one value breaks several keywords, the first of these explains it.
_PRECEDENCE = (
    "x-calendar",
    "type",
    "x-vocabulary",
    "enum",
    "format",
    "pattern",
    "minimum",
    "maximum",
    "minLength",
    "minItems",
    "maxLength",
    "maxItems",
    "uniqueItems",
    "propertyNames",
    "oneOf",
    "anyOf",
)
_LISTED = 20  # allowed values shown in a message; more are "…"
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Context:
    """What every explainer may use besides the error itself."""

    rel: str
    schema_name: str
    schema: Mapping[str, Any]  # the inlined schema of this kind of file
    locate: Locate
    references: References
    primary_fields: frozenset[str] = frozenset()  # fields that live in the Thai file

    def at(self, path: KeyPath) -> dict[str, Any]:
        line, column = self.locate(path)
        return {"path": self.rel, "line": line, "column": column, "field": dotted(path)}

    def example(self, path: KeyPath) -> str:
        """The schema's example for this field, as the line to type: `` `start: 2020` ``."""
        found, value = example_at(self.schema, path)
        if not found:
            return ""
        return f"`{field_line(path[-1] if path else '', value)}`"


Explainer = Callable[["ValidationError", Context], list[Problem]]


def explain(errors: Iterable[ValidationError], ctx: Context) -> list[Problem]:
    """Every error of one file, explained once per value and once per misspelt key."""
    keys: list[ValidationError] = []
    by_value: dict[KeyPath, list[ValidationError]] = {}
    for error in errors:
        if _keyword(error) in KEY_KEYWORDS:
            keys.append(error)
        elif _keyword(error) == "propertyNames":  # the key itself is the value at fault
            by_value.setdefault((*_path(error), str(error.instance)), []).append(error)
        else:
            by_value.setdefault(_path(error), []).append(error)
    problems = _keys(keys, ctx)
    for group in by_value.values():
        first = min(group, key=_rank)
        named = _schema(first).get("x-problem")
        if named:  # the schema names the catalogue message that says what this rule means
            problems.append(problem(named, **ctx.at(_path(first)), value=_instance(first)))
        else:
            problems += EXPLAINERS.get(_keyword(first), _unexplained)(first, ctx)
    return problems


def _keyword(error: ValidationError) -> str:
    """The keyword to explain: jsonschema reports a bad key under `propertyNames` as the
    inner keyword (`pattern`) that the key broke."""
    if "propertyNames" in error.relative_schema_path:
        return "propertyNames"
    return str(error.validator)


def _rank(error: ValidationError) -> int:
    keyword = _keyword(error)
    return _PRECEDENCE.index(keyword) if keyword in _PRECEDENCE else len(_PRECEDENCE)


def _path(error: ValidationError) -> KeyPath:
    return tuple(error.absolute_path)


# jsonschema types these attributes as possibly unset; on an error it reports they are set.
def _value(error: ValidationError) -> Any:
    """The keyword's value in the schema (`maximum: 2100` → 2100)."""
    return cast(Any, error.validator_value)


def _instance(error: ValidationError) -> Any:
    return cast(Any, error.instance)


def _schema(error: ValidationError) -> Mapping[str, Any]:
    schema = cast(Any, error.schema)
    return schema if isinstance(schema, Mapping) else {}


def _replacement(path: KeyPath, value: Any) -> str:
    return f"`{field_line(path[-1] if path else '', value)}`"


# -- keys: missing, unknown, misspelt ------------------------------------------------------


def _keys(errors: list[ValidationError], ctx: Context) -> list[Problem]:
    """`required` and `additionalProperties` of the same mapping, read together: an unknown
    key that is close to a missing one is that key, misspelt."""
    objects: dict[KeyPath, tuple[list[str], list[str], Mapping[str, Any]]] = {}
    for error in errors:
        instance = _instance(error) if isinstance(_instance(error), dict) else {}
        missing, unknown, schema = objects.setdefault(_path(error), ([], [], _schema(error)))
        if error.validator == "required":
            missing += [key for key in _value(error) if key not in instance]
        else:
            allowed = _schema(error).get("properties", {})
            unknown += [str(key) for key in instance if key not in allowed]
    problems: list[Problem] = []
    for path, (missing, unknown, schema) in objects.items():
        missing, unknown = list(dict.fromkeys(missing)), list(dict.fromkeys(unknown))
        meant: dict[str, str] = {}
        for key in unknown:
            guess = closest_key(key, [m for m in missing if m not in meant.values()])
            if guess:
                meant[key] = guess
        for key in unknown:
            problems.append(_unknown_key(ctx, path, key, meant.get(key), schema))
        problems += [_missing_key(ctx, path, key) for key in missing if key not in meant.values()]
    return problems


def _unknown_key(
    ctx: Context, path: KeyPath, key: str, meant: str | None, schema: Mapping[str, Any]
) -> Problem:
    key_path = (*path, key)
    where = ctx.at(key_path)
    if meant:
        return problem("misspelled-key", **where, key=key, meant=meant)
    if ctx.schema_name == "translation" and not path and key in ctx.primary_fields:
        primary = re.sub(r"\.[a-z]{2,3}\.md$", ".md", ctx.rel)
        return problem("field-in-translation", **where, key=key, primary=primary)
    allowed = ", ".join(f"`{name}`" for name in schema.get("properties", {}))
    return problem("unknown-key", **where, key=key, allowed=allowed)


def _missing_key(ctx: Context, path: KeyPath, key: str) -> Problem:
    key_path = (*path, key)
    where = {**ctx.at(path), "field": dotted(key_path)}
    empty = empty_value(subschema(ctx.schema, key_path))
    if empty is None:
        return problem("missing-key", **where, key=key, example=ctx.example(key_path))
    # A fact that may be unknown: the line to add now is the "not known yet" one.
    why_en, why_th = _WHY_EMPTY[empty]
    return problem(
        "missing-fact",
        **where,
        key=key,
        example=ctx.example(key_path),
        empty=f"`{key}: {empty}`",
        why_en=why_en,
        why_th=why_th,
    )


_WHY_EMPTY = {
    "null": ("not known yet", "ยังไม่ทราบ"),
    '""': ("not translated yet", "ยังไม่ได้แปล"),
    "[]": ("none yet", "ยังไม่มี"),
}


def _property_name(error: ValidationError, ctx: Context) -> list[Problem]:
    """A key of the source registry (or a vocabulary) that is not an id."""
    key = _instance(error)
    return [
        problem(
            "bad-id",
            **ctx.at((*_path(error), str(key))),
            value=key,
            suggestion=slug_suggestion(str(key)),
        )
    ]


# -- one value ------------------------------------------------------------------------------


def _one_of(error: ValidationError, ctx: Context) -> list[Problem]:
    """ "A year or null", "a label or null": explain against the branch the value was meant
    for — the one whose errors are more than "wrong type" (or that read it as a date)."""
    path = _path(error)
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or []:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    # A value of one JSON type was meant for the branch of that type ({start, ned} for the
    # range, not for the single date).
    options = _value(error) if isinstance(_value(error), list) else []
    typed = {n for n, option in enumerate(options) if _accepts_type(option, _instance(error))}
    if typed and any(n in typed for n in branches):
        branches = {n: subs for n, subs in branches.items() if n in typed}
    fitting = [
        subs
        for subs in branches.values()
        if any(sub.validator != "type" or _path(sub) != path for sub in subs)
    ]
    if not fitting:
        expected = [_value(sub) for subs in branches.values() for sub in subs]
        return [_wrong_type(error, ctx, expected)]
    chosen = max(
        fitting,
        key=lambda subs: (
            any(s.validator == "x-calendar" for s in subs),
            max(len(_path(s)) for s in subs),
        ),
    )
    return explain(chosen, ctx)


def _types(node: Any) -> set[str] | None:
    """The JSON types a (sub)schema accepts; None when it does not say."""
    if not isinstance(node, Mapping):
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
    if types is None:
        return True
    kind = _json_type(instance)
    return kind in types or (kind == "integer" and "number" in types)


def _type(error: ValidationError, ctx: Context) -> list[Problem]:
    return [_wrong_type(error, ctx, [_value(error)])]


def _wrong_type(error: ValidationError, ctx: Context, expected: list[Any]) -> Problem:
    names: list[str] = []
    for value in expected:
        names += [value] if isinstance(value, str) else [str(v) for v in value]
    names = list(dict.fromkeys(names))
    actual = _json_type(_instance(error))
    path = _path(error)
    example = ctx.example(path)
    number = _as_number(_instance(error)) if {"number", "integer"} & set(names) else None
    if number is not None:  # `lat: "16.43"` or `lat: ๑๖.๔๓`: the same number, as a number
        example = _replacement(path, number)
        if _instance(error) != dates.thai_digits_to_ascii(_instance(error)):
            return problem(
                "thai-digits-number", **ctx.at(path), value=_instance(error), write=example
            )
    return problem(
        "wrong-type",
        **ctx.at(path),
        expected_en=" or ".join(_TYPE_NAMES.get(n, (n, n))[0] for n in names),
        expected_th=" หรือ".join(_TYPE_NAMES.get(n, (n, n))[1] for n in names),
        actual_en=_TYPE_NAMES.get(actual, (actual, actual))[0],
        actual_th=_TYPE_NAMES.get(actual, (actual, actual))[1],
        example=example,
    )


def _as_number(value: Any) -> int | float | None:
    """A number typed as text, in Thai or Arabic digits ("๑๖.๔๓" → 16.43), else None."""
    if not isinstance(value, str):
        return None
    text = dates.thai_digits_to_ascii(value.strip())
    if not _NUMBER.fullmatch(text):
        return None
    return float(text) if "." in text else int(text)


def _calendar(error: ValidationError, ctx: Context) -> list[Problem]:
    path = _path(error)
    kind: dates.Kind = _value(error)
    reading = dates.read(kind, _instance(error))
    # Written bare: the loader keeps `2024-12-31` as text, and a bare `2024` is the year.
    write = (
        f"`{path[-1]}: {reading.write}`"
        if path and isinstance(path[-1], str)
        else f"`{reading.write}`"
    )
    values = {**ctx.at(path), "value": _instance(error), "write": write}
    if kind in ("date", "partial-date") and reading.reordered:
        return [
            problem(
                "date-order",
                **values,
                era_en=" and its year is Buddhist Era (พ.ศ.)" if reading.buddhist_era else "",
                era_th=" และใช้ปี พ.ศ." if reading.buddhist_era else "",
            )
        ]
    if reading.buddhist_era:
        code = "buddhist-era-date" if "date" in kind else "buddhist-era-year"
        return [problem(code, **values)]
    return [problem("calendar-form", **values)]


def _typed(text: str) -> Any:
    """The value to show after `key: ` — a year as a number, anything else as text."""
    return int(text) if text.isdigit() and len(text) == 4 else text


def _reference(error: ValidationError, ctx: Context) -> list[Problem]:
    """An id from a vocabulary, the source registry or another case: say which one was
    meant, matching names and labels as well as ids."""
    name = str(_value(error))
    choices = ctx.references.get(name, {})
    path = _path(error)
    what_en, what_th = REFERENCE_KINDS.get(name, (name, name))
    values = {**ctx.at(path), "value": _instance(error), "what_en": what_en, "what_th": what_th}
    # Only ids that are ids are offered: a broken key in the registry is its own problem.
    offered = {id_: labels for id_, labels in choices.items() if ID_RE.match(id_) or id_.isdigit()}
    found = closest(
        _instance(error), {id_: list(labels.values()) for id_, labels in offered.items()}
    )
    if found:
        return [_suggested(found, path, values, offered.get(found.id, {}))]
    if name in ("cities", "projects", "lessons", "sources"):
        # An id that exists to show as the example; none when nothing exists yet.
        first = next(iter(offered), None)
        example = _replacement(path, first) if first else ""
        return [
            problem(
                "dangling-ref",
                **values,
                eg_en=f", e.g. {example}" if example else "",
                eg_th=f" เช่น {example}" if example else "",
                add_en=" (copy the example in content/sources.template.yml)"
                if name == "sources"
                else "",
                add_th=" (คัดลอกตัวอย่างใน content/sources.template.yml)" if name == "sources" else "",
            )
        ]
    return [_not_listed(ctx, path, _instance(error), offered)]


def _suggested(
    found: Suggestion, path: KeyPath, values: dict[str, Any], names: Mapping[str, str]
) -> Problem:
    """The id meant, with its name in the reader's language: `lampang` (ลำปาง / Lampang)."""
    chosen = int(found.id) if found.id.isdigit() else found.id
    write = _replacement(path, chosen)
    if found.exact and found.label:
        return problem("name-not-id", **values, id=found.id, write=write)
    return problem(
        "did-you-mean",
        **values,
        id=found.id,
        write=write,
        label_en=f" (the id of {names['en']})" if names.get("en") else "",
        label_th=f" (รหัสของ {names['th']})" if names.get("th") else "",
    )


def _enum(error: ValidationError, ctx: Context) -> list[Problem]:
    path = _path(error)
    allowed: dict[str, dict[str, str]] = {str(value): {} for value in _value(error)}
    found = closest(_instance(error), {value: [] for value in allowed})
    if found:
        return [
            _suggested(
                found,
                path,
                {
                    **ctx.at(path),
                    "value": _instance(error),
                    "what_en": "allowed value",
                    "what_th": "ค่าที่ใช้ได้",
                },
                {},
            )
        ]
    return [_not_listed(ctx, path, _instance(error), allowed)]


def _const(error: ValidationError, ctx: Context) -> list[Problem]:
    """`const`: the one value allowed (an enum of one)."""
    path = _path(error)
    return [_not_listed(ctx, path, _instance(error), {str(_value(error)): {}})]


def _not_listed(
    ctx: Context, path: KeyPath, value: Any, allowed: Mapping[str, Mapping[str, str]]
) -> Problem:
    def shown(lang: str) -> str:
        """Each id with its name in the reader's language: `participation` (Public …)."""
        items = [
            f"`{id_}`" + (f" ({labels[lang]})" if labels.get(lang) else "")
            for id_, labels in list(allowed.items())[:_LISTED]
        ]
        return ", ".join(items) + (" …" if len(allowed) > _LISTED else "")

    first = next(iter(allowed), None)
    example = ctx.example(path) or (_replacement(path, _typed(first)) if first else "")
    return problem(
        "not-in-list",
        **ctx.at(path),
        value=value,
        allowed_th=shown("th"),
        allowed_en=shown("en"),
        example=example,
    )


def _shape(error: ValidationError, ctx: Context) -> list[Problem]:
    """`pattern` and `format`: the value is not of the form the field wants."""
    path = _path(error)
    shape = _schema(error).get("x-shape") or {}
    value = error.instance
    example = ctx.example(path)
    if _schema(error).get("format") == "uri" and _bare_address(value):
        # `www.city.go.th`: the address the contributor meant, not the schema's example
        example = f"`https://{value}`"
    return [
        problem(
            "bad-format",
            **ctx.at(path),
            value=_instance(error),
            shape_en=shape.get("en", _NO_SHAPE[0]),
            shape_th=shape.get("th", _NO_SHAPE[1]),
            example=example,
        )
    ]


def _bare_address(value: Any) -> bool:
    """A web address written without its scheme: a host name with a dot, no spaces."""
    return isinstance(value, str) and re.fullmatch(r"[\w-]+(\.[\w-]+)+(/\S*)?", value) is not None


def _range(error: ValidationError, ctx: Context) -> list[Problem]:
    path = _path(error)
    return [
        problem(
            "out-of-range",
            **ctx.at(path),
            value=_instance(error),
            low=_schema(error).get("minimum", "…"),
            high=_schema(error).get("maximum", "…"),
            example=ctx.example(path),
        )
    ]


def _too_short(error: ValidationError, ctx: Context) -> list[Problem]:
    path = _path(error)
    code = "too-few" if error.validator == "minItems" else "too-short"
    return [problem(code, **ctx.at(path), least=_value(error), example=ctx.example(path))]


def _too_long(error: ValidationError, ctx: Context) -> list[Problem]:
    return [
        problem(
            "too-long", **ctx.at(_path(error)), length=len(_instance(error)), limit=_value(error)
        )
    ]


def _duplicate(error: ValidationError, ctx: Context) -> list[Problem]:
    seen: list[Any] = []
    twice: Any = ""
    for item in _instance(error):
        if item in seen:
            twice = item
            break
        seen.append(item)
    return [problem("duplicate-item", **ctx.at(_path(error)), value=flow_yaml(twice))]


def _unexplained(error: ValidationError, ctx: Context) -> list[Problem]:
    """A keyword without an explainer (a test keeps the schemas to explained keywords)."""
    return [problem("schema", **ctx.at(_path(error)), detail=error.message)]


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


EXPLAINERS: dict[str, Explainer] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "not": _shape,  # a form the value must not have (the schema names its message: x-problem)
    "x-vocabulary": _reference,
    "x-calendar": _calendar,
    "format": _shape,
    "pattern": _shape,
    "minimum": _range,
    "maximum": _range,
    "minLength": _too_short,
    "minItems": _too_short,
    "maxLength": _too_long,
    "maxItems": _too_long,
    "uniqueItems": _duplicate,
    "propertyNames": _property_name,
    "oneOf": _one_of,
    "anyOf": _one_of,
}
# `required` and `additionalProperties` are read together, per mapping, by `_keys`;
# `x-problem` (the schema naming its own message) is read by `explain` before these.
KEY_KEYWORDS = ("required", "additionalProperties")
