"""The contributors' field reference, generated from the schemas and the message catalogue so
that it can never disagree with what the validator checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..messages import CATALOGUE, Message, language_name
from ..validate.schema import TEMPLATE, Localisation, inlined_schemas, raw_schemas
from ..yaml_flow import flow_yaml

KINDS = [
    ("city", "content/cities/<id>.md"),
    ("project", "content/projects/<id>.md"),
    ("lesson", "content/lessons/<id>.md"),
    ("event", "content/events/<id>.md"),
    ("page", "content/pages/<id>.md"),
    ("translation", "content/<kind>/<id>.{second}.md"),
    ("sources", "content/sources.yml"),
]
_TYPES = {
    "string": ("text", "ข้อความ"),
    "integer": ("whole number", "จำนวนเต็ม"),
    "number": ("number", "ตัวเลข"),
    "object": ("group of fields", "กลุ่มข้อมูล"),
    "array": ("list", "รายการ"),
    "null": ("null", "null"),
    "boolean": ("true/false", "true/false"),
}


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: dict[str, str]
    required: bool
    meaning: dict[str, str]
    example: str


def _resolve(node: dict[str, Any], common: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref", "")
    if ref.startswith("urn:lckb:schema:common#/$defs/"):
        target = common.get(ref.rsplit("/", 1)[1], {})
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _label_type(node: dict[str, Any]) -> tuple[str, str] | None:
    """Labels in each language (`{th: …, en: …}`), said once; whether the translations may
    wait is in the schema."""
    if not node.get("x-languages"):
        return None
    codes = list(node.get("properties", {}))
    others = codes[1:]
    shape = "`{" + ", ".join(f"{code}: …" for code in codes) + "}`"
    names_en = " and ".join(language_name(code)[0] for code in codes)
    names_th = "และ".join(language_name(code)[1].removeprefix("ภาษา") for code in codes)
    en, th = f"text in {names_en} {shape}", f"ข้อความ{names_th} {shape}"
    if not others or node["properties"][others[0]].get("minLength"):
        return en, th
    waiting = ", ".join(f'`{code}: ""`' for code in others)
    waiting_en = " and ".join(language_name(code)[0] for code in others)
    waiting_th = "และ".join(language_name(code)[1] for code in others)
    return (
        f"{en} (the {waiting_en} may wait: {waiting})",
        f"{th} ({waiting_th}เว้นว่าง {waiting} ได้ถ้ายังไม่มีคำแปล)",
    )


def _type(node: dict[str, Any]) -> tuple[str, str]:
    """What a value of this (inlined) schema is, in English and Thai."""
    label = _label_type(node)
    if label:
        return label
    if "enum" in node:
        values = ", ".join(f"`{v}`" for v in node["enum"])
        return f"one of {values}", f"ค่าใดค่าหนึ่ง: {values}"
    if "x-vocabulary" in node:
        name = node["x-vocabulary"]
        return f"id from {name}", f"รหัสจาก {name}"
    if "oneOf" in node:  # "a year, or null": null said last
        options = sorted(node["oneOf"], key=lambda option: option.get("type") == "null")
        parts = [_type(option) for option in options]
        return ", or ".join(p[0] for p in parts), " หรือ ".join(p[1] for p in parts)
    kind = node.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    en = " or ".join(_TYPES.get(k, (k, k))[0] for k in kinds if k)
    th = " หรือ ".join(_TYPES.get(k, (k, k))[1] for k in kinds if k)
    if kind == "array" and "items" in node:
        item_en, item_th = _type(node["items"])
        return f"list of {item_en}", f"รายการของ{item_th}"
    if "x-shape" in node:  # "text: a date YYYY-MM-DD (CE year)", not "text (pattern)"
        en, th = f"{en}: {node['x-shape']['en']}", f"{th}: {node['x-shape']['th']}"
    elif "format" in node or "pattern" in node:
        fmt = node.get("format") or "pattern"
        en, th = f"{en} ({fmt})", f"{th} ({fmt})"
    if "x-calendar" in node and node.get("type") == "integer":
        en, th = f"{en}: a CE year", f"{th}: ปี ค.ศ."
    return en or "value", th or "ค่า"


def field_rows(schema_name: str, where: Localisation = TEMPLATE) -> list[FieldRow]:
    schemas = raw_schemas(where)
    common = schemas["common"].get("$defs", {})
    schema = schemas[schema_name]
    inlined = inlined_schemas(where)[schema_name]
    if "properties" not in schema and isinstance(schema.get("additionalProperties"), dict):
        schema = schema["additionalProperties"]  # a registry: one entry's fields, by id
        inlined = inlined["additionalProperties"]
    required = set(schema.get("required", []))
    rows = []
    for name, node in schema.get("properties", {}).items():
        resolved = _resolve(node, common)
        examples = node.get("examples") or resolved.get("examples") or []
        type_en, type_th = _type(inlined["properties"][name])
        rows.append(
            FieldRow(
                name=name,
                type={"en": type_en, "th": type_th},
                required=name in required,
                meaning={
                    "en": str(node.get("description") or resolved.get("description") or ""),
                    "th": str(
                        node.get("x-description-th") or resolved.get("x-description-th") or ""
                    ),
                },
                example=f"{name}: {flow_yaml(examples[0])}" if examples else "",
            )
        )
    return rows


def _readable(template: str) -> str:
    """A message as the rules table shows it: each value it will hold as "…" (a name in
    braces would read as code, and a trailing one is taken by Markdown's attribute lists)."""
    return re.sub(r"\{[a-z_]+\}", "…", template)


def reference_context(where: Localisation = TEMPLATE) -> dict[str, Any]:
    rules = [
        (
            code,
            Message(_readable(m.en), _readable(m.th), _readable(m.hint_en), _readable(m.hint_th)),
        )
        for code, m in sorted(CATALOGUE.items())
    ]
    return {
        "kinds": [
            (name, path.format(second=(where.languages[1:] or ("en",))[0]), field_rows(name, where))
            for name, path in KINDS
        ],
        "rules": rules,
    }
