"""Parse YAML into plain data while remembering where every key and value stood.

PyYAML's constructors forget positions and quietly accept duplicate keys, arbitrary tags
and alias bombs. We compose the node graph with libyaml (fast) and build the values
ourselves so that every problem can point at a line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing: slower, same results
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    f"{_STANDARD}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_constructor = yaml.SafeLoader("")  # only its scalar constructors are used
_STR, _TIMESTAMP = f"{_STANDARD}str", f"{_STANDARD}timestamp"
_NULL, _INT = f"{_STANDARD}null", f"{_STANDARD}int"
_PLAIN_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")


@dataclass(frozen=True)
class YamlError(Exception):
    """A problem found while reading YAML; line and column are 1-based within the YAML text."""

    code: str
    line: int
    column: int
    detail: str = ""
    field: str = ""


@dataclass
class Located:
    """YAML data with the position of every key (for mappings) or item (for sequences)."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path) -> tuple[int, int]:
        """Where `path` stands, or its nearest existing parent (a missing key is reported
        at the mapping that should hold it)."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_located(text: str, max_nodes: int = 20_000) -> Located:
    """Parse one YAML document. Raises YamlError for anything we refuse."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # At the end of the text ("did not find expected…"), the place where the unclosed
        # construct began is what the contributor needs to look at.
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if mark and mark.index >= len(text.rstrip()):
            if exc.context_mark and exc.context_mark.line < mark.line:
                line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
            else:
                line, col = _unclosed_bracket(text) or (line, col)
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        indent = _line_at(text, line)[
            : len(_line_at(text, line)) - len(_line_at(text, line).lstrip())
        ]
        code = "yaml-tab" if "\t" in indent else "yaml-syntax"
        raise YamlError(code, line, col, detail) from None
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        raise YamlError("yaml-syntax", 1, 1, str(exc)) from None
    if "*" in text:
        _refuse_aliases(text)
    located = Located(data=None)
    if node is None:
        located.data = {}
        return located
    builder = _Builder(located, max_nodes)
    located.data = builder.build(node, ())
    located.positions.setdefault((), (node.start_mark.line + 1, node.start_mark.column + 1))
    return located


def _refuse_aliases(text: str) -> None:
    """Point at the first `*alias` itself (the composed graph only knows the anchored node)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise YamlError("yaml-alias", line, column)


def _unclosed_bracket(text: str) -> tuple[int, int] | None:
    """Where the first `[` or `{` that is never closed was opened (quotes skipped)."""
    stack: list[tuple[int, int]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        quote = ""
        for column, char in enumerate(line, start=1):
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'":
                quote = char
            elif char == "#" and (column == 1 or line[column - 2] == " "):
                break
            elif char in "[{":
                stack.append((number, column))
            elif char in "]}" and stack:
                stack.pop()
    return stack[0] if stack else None


def _line_at(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


class _Builder:
    def __init__(self, located: Located, max_nodes: int) -> None:
        self.located = located
        self.budget = max_nodes
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path) -> Any:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.budget -= 1
        if self.budget < 0:
            raise YamlError("yaml-too-large", line, col, field=dotted(path))
        if id(node) in self.seen:
            # Only anchors/aliases make a node appear twice; contributors never need them and
            # they are how "billion laughs" documents blow up memory.
            raise YamlError("yaml-alias", line, col, field=dotted(path))
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            if node.tag != f"{_STANDARD}map":
                raise YamlError("yaml-tag", line, col, node.tag, dotted(path))
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == f"{_STANDARD}merge":
                    raise YamlError(
                        "yaml-alias",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        field=dotted(path),
                    )
                key = self.build(key_node, path)
                if isinstance(key, (dict, list)) or key is None:
                    raise YamlError(
                        "yaml-key",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        field=dotted(path),
                    )
                key = str(key)
                key_path = (*path, key)
                if key in result:
                    raise YamlError(
                        "yaml-duplicate-key",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        key,
                        dotted(key_path),
                    )
                self.located.positions[key_path] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = self.build(value_node, key_path)
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_STANDARD}seq":
                raise YamlError("yaml-tag", line, col, node.tag, dotted(path))
            items = []
            for index, item in enumerate(node.value):
                item_path = (*path, index)
                self.located.positions[item_path] = (
                    item.start_mark.line + 1,
                    item.start_mark.column + 1,
                )
                items.append(self.build(item, item_path))
            return items
        if node.tag not in _SCALAR_TAGS:
            raise YamlError("yaml-tag", line, col, node.tag, dotted(path))
        tag = node.tag
        if tag == _STR or tag == _TIMESTAMP:
            # Dates stay the text the contributor typed; the schema checks their format.
            return node.value
        if tag == _NULL:
            return None
        if tag == _INT and _PLAIN_INT.match(node.value):
            return int(node.value)  # the common case, without PyYAML's general constructor
        try:
            return _constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise YamlError("yaml-syntax", line, col, str(exc), dotted(path)) from None
