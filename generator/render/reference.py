"""The contributors' field reference, generated from the schemas and the message catalogue so
that it can never disagree with what the validator checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..messages import CATALOGUE
from ..validate.schema import raw_schemas
from ..yaml_flow import flow_yaml

KINDS = [("city", "content/cities/<id>.md"), ("project", "content/projects/<id>.md"),
         ("lesson", "content/lessons/<id>.md"), ("page", "content/pages/<id>.md"),
         ("translation", "content/<kind>/<id>.en.md")]
_TYPES = {
    "string": ("text", "ข้อความ"), "integer": ("whole number", "จำนวนเต็ม"),
    "number": ("number", "ตัวเลข"), "object": ("group of fields", "กลุ่มข้อมูล"),
    "array": ("list", "รายการ"), "null": ("null", "null"), "boolean": ("true/false", "true/false"),
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
    if ref.startswith("#/$defs/"):
        return node  # local definitions are described by their users
    return node


def _type(node: dict[str, Any], common: dict[str, Any], local: dict[str, Any]) -> tuple[str, str]:
    ref = node.get("$ref", "")
    if ref.endswith("/bilingual") or ref.endswith("/bilingual_or_null"):
        en, th = "text in Thai and English `{th: …, en: …}`", "ข้อความไทยและอังกฤษ `{th: …, en: …}`"
        if ref.endswith("_or_null"):
            return f"{en}, or null", f"{th} หรือ null"
        return en, th
    if ref.startswith("#/$defs/"):
        return _type(local.get(ref.rsplit("/", 1)[1], {}), common, local)
    node = _resolve(node, common)
    if "enum" in node:
        values = ", ".join(f"`{v}`" for v in node["enum"])
        return f"one of {values}", f"ค่าใดค่าหนึ่ง: {values}"
    if "x-vocabulary" in node:
        name = node["x-vocabulary"]
        return f"id from {name}", f"รหัสจาก {name}"
    if "oneOf" in node:
        parts = [_type(option, common, local) for option in node["oneOf"]]
        return " or ".join(p[0] for p in parts), " หรือ ".join(p[1] for p in parts)
    kind = node.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    en = " or ".join(_TYPES.get(k, (k, k))[0] for k in kinds if k)
    th = " หรือ ".join(_TYPES.get(k, (k, k))[1] for k in kinds if k)
    if kind == "array" and "items" in node:
        item_en, item_th = _type(node["items"], common, local)
        return f"list of {item_en}", f"รายการของ{item_th}"
    if "format" in node or "pattern" in node:
        fmt = node.get("format") or "pattern"
        en, th = f"{en} ({fmt})", f"{th} ({fmt})"
    return en or "value", th or "ค่า"


def field_rows(schema_name: str) -> list[FieldRow]:
    schemas = raw_schemas()
    common = schemas["common"].get("$defs", {})
    schema = schemas[schema_name]
    local = schema.get("$defs", {})
    required = set(schema.get("required", []))
    rows = []
    for name, node in schema.get("properties", {}).items():
        resolved = _resolve(node, common)
        examples = node.get("examples") or resolved.get("examples") or []
        type_en, type_th = _type(node, common, local)
        rows.append(FieldRow(
            name=name, type={"en": type_en, "th": type_th}, required=name in required,
            meaning={"en": str(node.get("description") or resolved.get("description") or ""),
                     "th": str(node.get("x-description-th")
                               or resolved.get("x-description-th") or "")},
            example=f"{name}: {flow_yaml(examples[0])}" if examples else "",
        ))
    return rows


def reference_context() -> dict[str, Any]:
    return {
        "kinds": [(name, path, field_rows(name)) for name, path in KINDS],
        "rules": sorted(CATALOGUE.items()),
    }
