"""A new entry for content/sources.yml, every field under a comment taken from the schema.

Two ways to use it: `python -m generator new source <id>` appends one to the registry, and
content/sources.template.yml holds one to copy in the GitHub web editor (written by
`python -m generator issue-forms`; a test fails while it is stale).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..config import SiteConfig
from ..scaffold import blank_label
from ..validate.schema import TEMPLATE, Localisation, localisation, raw_schemas
from ..yaml_flow import flow_yaml

TEMPLATE_NAME = "sources.template.yml"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# What an entry starts with: the labels blank to fill, the rest unknown until a document says.
# Most documents have a title of their own; the quotes that back a publisher or a date are
# added with them (the validator asks for each one that is not null).
_BLANKS = {"title_from": "document", "evidence": "{}"}
_TEMPLATE_HEADER = """\
# แม่แบบแหล่งที่มา: คัดลอกบรรทัดด้านล่าง (ตั้งแต่รหัสลงไป) ไปต่อท้ายไฟล์ content/sources.yml
# เปลี่ยนรหัสเป็นชื่อสั้น ๆ ของเอกสาร (a-z ตัวเล็ก ตัวเลข และขีด) แล้วกรอกตามที่เอกสารระบุ
# ช่องที่เอกสารไม่ได้บอก ให้คงคำว่า null ไว้ จากนั้นอ้างรหัสนี้ในช่อง sources: ของไฟล์เนื้อหา
# บนเครื่องตัวเอง คำสั่ง `.venv/bin/python -m generator new source <รหัส>` เพิ่มให้เอง
#
# Template for a source: copy the lines below (from the id down) to the end of
# content/sources.yml, change the id to a short name for the document (lowercase a-z, digits,
# hyphens) and fill in what the document says; keep null where it says nothing. Then cite the
# id under `sources:` in the case file. Locally, `python -m generator new source <id>` adds one.
#
# This file is written by `python -m generator issue-forms` from generator/schemas/sources.yaml.

"""


def source_entry(id_: str, where: Localisation = TEMPLATE) -> str:
    """`<id>:` and every field of a source, each under its meaning and an example; the title
    blank in each of the archive's languages."""
    schema = raw_schemas(where)["sources"]["additionalProperties"]
    blanks = {"title": blank_label(where.languages), **_BLANKS}
    lines = [f"{id_}:"]
    for name, prop in schema["properties"].items():
        meaning = " / ".join(
            t for t in (prop.get("x-description-th"), prop.get("description")) if t
        )
        example = next((e for e in prop.get("examples", []) if e is not None), None)
        lines.append(f"  # {meaning}")
        if example is not None:
            lines.append(f"  # ตัวอย่าง / e.g. {name}: {_example(example)}")
        lines.append(f"  {name}: {blanks.get(name, 'null')}")
    return "\n".join(lines) + "\n"


def _example(value: Any) -> str:
    return flow_yaml(value)


def template_text(where: Localisation = TEMPLATE) -> str:
    return _TEMPLATE_HEADER + source_entry("short-name-of-the-document", where)


class SourceExists(ValueError):
    """The id is taken or not an id; the message is bilingual."""


def add_source(config: SiteConfig, id_: str) -> Path:
    """Append a blank, commented entry to content/sources.yml."""
    if not _ID.fullmatch(id_) or len(id_) > 80:
        raise SourceExists(
            f"`{id_}` is not a valid id: use lowercase a-z, digits and single hyphens / "
            f"`{id_}` ใช้เป็นรหัสไม่ได้ ใช้ a-z ตัวเล็ก ตัวเลข และขีดเดี่ยว"
        )
    path = config.content_dir / "sources.yml"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if re.search(rf"^{re.escape(id_)}\s*:", text, re.MULTILINE):
        raise SourceExists(
            f"`{id_}` is already in content/sources.yml / มี `{id_}` ใน content/sources.yml อยู่แล้ว"
        )
    if text.rstrip().endswith("{}"):  # an emptied registry
        text = text.rstrip()[:-2]
    text = text.rstrip("\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        entry = source_entry(id_, localisation(config))
        handle.write((text + "\n\n" if text.strip() else text) + entry)
    return path
