"""The `inferred` marker: a block the archive's editors inferred, shown as such to readers.

A case file says only what its sources say. Where an editor adds a reading of their own (a
lesson's advice, say), they put it in a block that starts with a line `!!! inferred` and is
indented by four spaces. The page shows it as a boxed note whose heading, in the page's
language, says that it is the archive's inference and not the sources' statement; the
contributor never types that heading, so it cannot drift from one page to another.
"""

from __future__ import annotations

import json
import re

# `!!! inferred` alone on its line, optionally with a title, which is replaced.
_MARKER = re.compile(r"^(?P<indent>[ \t]*)!!![ \t]+inferred\b[^\n]*$", re.MULTILINE)


def mark_inferred(body: str, heading: str) -> str:
    """Give every `!!! inferred` block the heading of the page's language."""
    title = json.dumps(heading, ensure_ascii=False)  # a quoted Markdown admonition title
    return _MARKER.sub(lambda match: f"{match['indent']}!!! inferred {title}", body)


def has_inferred(body: str) -> bool:
    return bool(_MARKER.search(body))
