"""Heading anchors that stay readable in Thai (#วิธีใช้งาน, not #_1).

Python-Markdown's default slugify drops every non-ASCII letter and pymdownx's strips Thai
tone marks and vowels (combining characters), which changes the word.
"""

from __future__ import annotations

import re
import unicodedata

_UNWANTED = re.compile(r"[^\w\u0E00-\u0E7F\- ]")


def slugify(value: str, separator: str = "-") -> str:
    value = unicodedata.normalize("NFC", value).strip().lower()
    value = _UNWANTED.sub("", value)
    return re.sub(r"[\s\-]+", separator, value).strip(separator)
