"""Walking an inlined schema beside the data it describes.

A schema path is a tuple of property names, `"*"` for every item of a list and `"**"` for
every value of a mapping whose keys are free (the source registry, vocabularies).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..load.yaml_positions import Path as KeyPath

SchemaPath = tuple[str, ...]


def keyword_paths(node: Any, keyword: str, path: SchemaPath = ()) -> list[tuple[SchemaPath, Any]]:
    """Where an inlined schema uses `keyword`, and its value there:
    `keyword_paths(project, "x-vocabulary")` → [(("city",), "cities"), (("themes", "*"), "themes"), …]."""
    found: list[tuple[SchemaPath, Any]] = []
    if not isinstance(node, Mapping):
        return found
    if keyword in node:
        found.append((path, node[keyword]))
    for key, child in node.get("properties", {}).items():
        found += keyword_paths(child, keyword, (*path, key))
    if isinstance(node.get("items"), Mapping):
        found += keyword_paths(node["items"], keyword, (*path, "*"))
    if isinstance(node.get("additionalProperties"), Mapping):
        found += keyword_paths(node["additionalProperties"], keyword, (*path, "**"))
    for option in [*node.get("oneOf", []), *node.get("anyOf", [])]:
        found += keyword_paths(option, keyword, path)
    return found


def places(data: Any, path: SchemaPath, at: KeyPath = ()) -> Iterator[tuple[KeyPath, Any, Any]]:
    """(key path, container, key) of every value the schema path reaches in `data`, so that a
    caller can read `container[key]` and replace it."""
    if not path:
        return
    head, rest = path[0], path[1:]
    if head == "*" and isinstance(data, list):
        keys: list[Any] = list(range(len(data)))
    elif head == "**" and isinstance(data, dict):
        keys = list(data)
    elif isinstance(data, dict) and head in data:
        keys = [head]
    else:
        return
    for key in keys:
        if rest:
            yield from places(data[key], rest, (*at, key))
        else:
            yield (*at, key), data, key


def subschema(node: Any, path: KeyPath) -> Any:
    """The inlined schema that describes the value at `path` (through `oneOf` to the branch
    that can hold it), or None."""
    for part in path:
        node = _child(node, part)
        if node is None:
            return None
    return node


def example_at(node: Any, path: KeyPath) -> tuple[bool, Any]:
    """(found, example) for the value at `path`, from the schema's `examples`.

    The outermost field's example comes first, taken apart down to `path` (`period.start` →
    2020 from `period: {start: 2020, end: 2021}`): it was written for that field, while a
    nested value inherits the generic example of its definition (any bilingual label's
    `{th: เมืองตัวอย่าง, en: Example City}`), used only when the field has none."""
    chain = [node]
    for part in path:
        node = _child(node, part)
        if node is None:
            return False, None
        chain.append(node)
    for depth in [*range(1, len(chain)), 0]:
        for example in _examples(chain[depth]):
            found, value = _descend(example, list(path[depth:]))
            if found and value is not None:
                return True, value
    return False, None


def _examples(node: Any) -> list[Any]:
    if not isinstance(node, Mapping):
        return []
    examples = node.get("examples")
    if examples:
        return list(examples)
    for option in node.get("oneOf", []):  # "a year or null": the year's examples
        if isinstance(option, Mapping) and option.get("type") != "null" and option.get("examples"):
            return list(option["examples"])
    return []


def _descend(value: Any, path: list[Any]) -> tuple[bool, Any]:
    for part in path:
        if isinstance(part, int) and isinstance(value, list) and value:
            value = value[min(part, len(value) - 1)]
        elif isinstance(part, str) and isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return False, None
    return True, value


def _child(node: Any, part: Any) -> Any:
    if not isinstance(node, Mapping):
        return None
    options = [node, *node.get("oneOf", []), *node.get("anyOf", [])]
    for option in options:
        if not isinstance(option, Mapping):
            continue
        if isinstance(part, int) and isinstance(option.get("items"), Mapping):
            return option["items"]
        if isinstance(part, str):
            properties = option.get("properties", {})
            if part in properties:
                return properties[part]
            if isinstance(option.get("additionalProperties"), Mapping):
                return option["additionalProperties"]
    return None


def allows_null(node: Any) -> bool:
    if not isinstance(node, Mapping):
        return False
    kinds = node.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    return any(allows_null(option) for option in node.get("oneOf", []))


def empty_value(node: Any) -> str | None:
    """How "not known yet" is written in a field of this schema — `null`, `""` (a
    translation still to come) or `[]` — or None when the field cannot be left unknown."""
    if allows_null(node):
        return "null"
    if not isinstance(node, Mapping):
        return None
    if (
        node.get("type") == "string"
        and not node.get("minLength")
        and not any(keyword in node for keyword in ("pattern", "format", "enum", "x-vocabulary"))
    ):
        return '""'
    if node.get("type") == "array" and not node.get("minItems"):
        return "[]"
    return None
