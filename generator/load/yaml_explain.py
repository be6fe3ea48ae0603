"""PyYAML's complaints said the way a contributor can act on them, in Thai and English.

PyYAML reports "while parsing a flow sequence did not find expected ',' or ']'"; a Thai
researcher needs "the `[…]` list is not closed". Each row matches words of PyYAML's problem
and gives what is wrong and what to do. A complaint no row knows keeps PyYAML's words in the
English message only; the Thai one then says only where, never half in English.
"""

from __future__ import annotations

from typing import NamedTuple


class Explained(NamedTuple):
    detail_en: str
    detail_th: str
    fix_en: str
    fix_th: str


_ROWS: list[tuple[tuple[str, ...], Explained]] = [
    (
        ("quoted scalar", "end of stream"),
        Explained(
            "a quotation mark is opened but never closed",
            "มีเครื่องหมายคำพูดเปิดแต่ไม่มีตัวปิด",
            'Close the quotes at the end of the value: `summary: "…"`.',
            'ปิดเครื่องหมายคำพูดที่ท้ายค่า เช่น `summary: "…"`',
        ),
    ),
    (
        ("expected ',' or ']'",),
        Explained(
            "a `[…]` list is not closed, or a comma is missing between its values",
            "รายการในวงเล็บ `[…]` ไม่มีวงเล็บปิด หรือขาดจุลภาค (,) ระหว่างค่า",
            "End the list with `]` and separate its values with commas: `[a, b]`.",
            "ปิดรายการด้วย `]` และคั่นค่าด้วยจุลภาค เช่น `[a, b]`",
        ),
    ),
    (
        ("expected ',' or '}'",),
        Explained(
            "a `{…}` group is not closed, or a comma is missing between its parts",
            "กลุ่มข้อมูลในวงเล็บ `{…}` ไม่มีวงเล็บปิด หรือขาดจุลภาค (,) ระหว่างส่วน",
            "End the group with `}` and separate its parts with commas: `{th: …, en: …}`.",
            "ปิดกลุ่มด้วย `}` และคั่นแต่ละส่วนด้วยจุลภาค เช่น `{th: …, en: …}`",
        ),
    ),
    (
        ("mapping values are not allowed",),
        Explained(
            "a colon `:` appears inside a value, or the line is indented wrongly",
            "มีเครื่องหมาย `:` อยู่ในค่า หรือบรรทัดนี้ย่อหน้าผิด",
            'Put a value that contains `:` in quotes (`summary: "ก: ข"`), and start the line '
            "where the others start.",
            'ค่าที่มี `:` ให้ใส่ในเครื่องหมายคำพูด (`summary: "ก: ข"`) และเริ่มบรรทัดให้ตรงกับบรรทัดอื่น',
        ),
    ),
    (
        ("could not find expected ':'",),
        Explained(
            "a line has no colon `:` after its field name",
            "บรรทัดนี้ไม่มีเครื่องหมาย `:` หลังชื่อช่อง",
            "Write the line as `field: value`.",
            "เขียนบรรทัดในรูป `ชื่อช่อง: ค่า`",
        ),
    ),
    (
        ("expected key",),
        Explained(
            "the indentation does not line up with the lines around it",
            "การย่อหน้าไม่ตรงกับบรรทัดรอบ ๆ",
            "Start this line where the other fields start (or two spaces in, inside a group).",
            "เริ่มบรรทัดนี้ให้ตรงกับช่องอื่น (หรือเว้นเข้าไป 2 ช่องถ้าอยู่ในกลุ่ม)",
        ),
    ),
    (
        ("expected <block end>",),
        Explained(
            "the indentation does not line up with the lines around it",
            "การย่อหน้าไม่ตรงกับบรรทัดรอบ ๆ",
            "Start this line where the other fields start (or two spaces in, inside a group).",
            "เริ่มบรรทัดนี้ให้ตรงกับช่องอื่น (หรือเว้นเข้าไป 2 ช่องถ้าอยู่ในกลุ่ม)",
        ),
    ),
    (
        ("expected <document start>",),
        Explained(
            "the first field is indented",
            "ช่องแรกถูกย่อหน้า",
            "Start the fields at the beginning of the line.",
            "เริ่มชื่อช่องที่ต้นบรรทัด",
        ),
    ),
    (
        ("cannot start any token",),
        Explained(
            "a value starts with a sign YAML keeps for itself (`@`, `` ` ``, `%`)",
            "ค่าขึ้นต้นด้วยเครื่องหมายที่ YAML สงวนไว้ (`@` `` ` `` `%`)",
            'Put the value in quotes: `note: "@…"`.',
            'ใส่ค่านั้นในเครื่องหมายคำพูด เช่น `note: "@…"`',
        ),
    ),
]
_UNKNOWN_FIX = Explained(
    "",
    "",
    "Check quotes, colons and indentation on this line and the one above; put text that "
    "contains `:` or `#` in double quotes.",
    "ตรวจเครื่องหมายคำพูด ทวิภาค (:) และการย่อหน้าในบรรทัดนี้และบรรทัดก่อนหน้า "
    'ข้อความที่มี `:` หรือ `#` ให้ใส่ในเครื่องหมายคำพูด "…"',
)


def explain_yaml(detail: str) -> Explained:
    """What PyYAML's `detail` means; an unknown one keeps its words in English only."""
    for words, explained in _ROWS:
        if all(word in detail for word in words):
            return explained
    return _UNKNOWN_FIX._replace(detail_en=detail, detail_th="")
