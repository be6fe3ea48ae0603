"""YAML values written the way a contributor types them, for files and for messages."""

from __future__ import annotations

from typing import Any

import yaml


def flow_yaml(value: Any) -> str:
    """A value the way a contributor types it: `{th: ขอนแก่น, en: Khon Kaen}` (keys in order)."""
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=10_000, sort_keys=False
    )
    return text.strip().removesuffix("...").strip()


def field_line(key: object, value: Any) -> str:
    """`key: value` as one line of front matter, or the value alone for a list item."""
    if isinstance(key, str):
        return f"{key}: {flow_yaml(value)}"
    return flow_yaml(value)
