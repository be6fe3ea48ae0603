"""Every message a contributor can see, in English and Thai, with a one-line fix.

Kept as data in one place so that translators can review the Thai side by side and so that
the generated field reference can list every rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .problems import Problem, Severity


@dataclass(frozen=True)
class Message:
    en: str
    th: str
    hint_en: str = ""
    hint_th: str = ""


CATALOGUE: dict[str, Message] = {
    # Reading the file
    "file-too-large": Message(
        "file is {size} bytes, over the limit of {limit} bytes",
        "ไฟล์มีขนาด {size} ไบต์ เกินขีดจำกัด {limit} ไบต์",
        "Split the text or move large data out of the case file.",
        "แบ่งเนื้อหาออกเป็นหลายส่วน หรือย้ายข้อมูลขนาดใหญ่ออกจากไฟล์",
    ),
    "not-utf8": Message(
        "the file is not valid UTF-8 (byte 0x{byte} at line {line})",
        "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (ไบต์ 0x{byte} ที่บรรทัด {line})",
        "Save the file as UTF-8 (in most editors: Save with encoding → UTF-8).",
        "บันทึกไฟล์ใหม่เป็นรหัสอักขระ UTF-8 (ในโปรแกรมแก้ไขส่วนใหญ่: Save with encoding → UTF-8)",
    ),
    "symlink": Message(
        "the file is a symbolic link to {target}, outside the repository",
        "ไฟล์นี้เป็นลิงก์สัญลักษณ์ไปยัง {target} ซึ่งอยู่นอกคลังข้อมูล",
        "Replace the link with a real file inside content/.",
        "แทนที่ลิงก์ด้วยไฟล์จริงภายในโฟลเดอร์ content/",
    ),
    "bad-filename": Message(
        "file name `{name}` is not a valid id: use lowercase a-z, digits and single hyphens",
        "ชื่อไฟล์ `{name}` ใช้เป็นรหัส (id) ไม่ได้: ใช้ได้เฉพาะอักษร a-z ตัวเล็ก ตัวเลข และขีด (-)",
        "Rename the file, e.g. `{suggestion}.md`.",
        "เปลี่ยนชื่อไฟล์ เช่น `{suggestion}.md`",
    ),
    "empty-file": Message(
        "the file is empty",
        "ไฟล์ว่างเปล่า",
        "Start from a template: `python -m generator new city ID` (or `project`, `lesson`, `event`), "
        "or copy a file of the same kind.",
        "เริ่มจากแม่แบบ: `python -m generator new city ID` (หรือ `project`, `lesson`, `event`) "
        "หรือคัดลอกไฟล์ชนิดเดียวกันมาแก้",
    ),
    "no-front-matter": Message(
        "the file does not start with front matter (a line `---`)",
        "ไฟล์ไม่ได้ขึ้นต้นด้วยส่วนข้อมูล (front matter) ซึ่งต้องเริ่มด้วยบรรทัด `---`",
        "Put `---` on the first line, the fields, then `---` again before the text.",
        "ใส่ `---` ที่บรรทัดแรก ตามด้วยข้อมูล แล้วปิดด้วย `---` ก่อนเนื้อหา",
    ),
    "front-matter-not-closed": Message(
        "the front matter opened on line 1 is never closed",
        "ส่วนข้อมูล (front matter) ที่เปิดในบรรทัดที่ 1 ไม่มีบรรทัด `---` ปิดท้าย",
        "Add a line `---` after the last field.",
        "เพิ่มบรรทัด `---` หลังข้อมูลบรรทัดสุดท้าย",
    ),
    "yaml-syntax": Message(
        "the front matter is not valid YAML: {detail}",
        "ส่วนข้อมูลเขียนไม่ถูกรูปแบบ YAML: {detail}",
        "Check quotes, colons and indentation on this line and the one above; put text that "
        "contains `:` or `#` in double quotes.",
        "ตรวจเครื่องหมายคำพูด ทวิภาค (:) และการย่อหน้าในบรรทัดนี้และบรรทัดก่อนหน้า "
        "ข้อความที่มี `:` หรือ `#` ให้ใส่ในเครื่องหมายคำพูด \"…\"",
    ),
    "yaml-tab": Message(
        "a tab character is used for indentation",
        "มีการใช้ปุ่ม Tab ในการย่อหน้า",
        "Indent with spaces only (two spaces per level).",
        "ย่อหน้าด้วยการเว้นวรรค (space) เท่านั้น ระดับละ 2 ช่อง",
    ),
    "yaml-duplicate-key": Message(
        "is given twice",
        "มีการระบุซ้ำสองครั้ง",
        "Keep one of them and delete the other.",
        "เก็บไว้เพียงรายการเดียว แล้วลบอีกรายการ",
    ),
    "yaml-tag": Message(
        "YAML tags such as `{detail}` are not allowed",
        "ไม่อนุญาตให้ใช้แท็ก YAML เช่น `{detail}`",
        "Remove the `!!…` tag and write the plain value.",
        "ลบแท็ก `!!…` ออกแล้วเขียนค่าตามปกติ",
    ),
    "yaml-alias": Message(
        "YAML anchors and aliases (`&name`, `*name`, `<<`) are not allowed",
        "ไม่อนุญาตให้ใช้ anchor/alias ของ YAML (`&name`, `*name`, `<<`)",
        "Write the value out in full.",
        "เขียนค่าให้ครบถ้วนแทนการอ้างอิง",
    ),
    "yaml-too-large": Message(
        "the front matter has too many values",
        "ส่วนข้อมูลมีจำนวนค่ามากเกินไป",
        "Keep the front matter to the fields of the template.",
        "ใช้เฉพาะช่องข้อมูลตามแม่แบบ",
    ),
    "yaml-key": Message(
        "a key must be a plain word",
        "ชื่อช่องข้อมูลต้องเป็นคำธรรมดา",
        "Write keys as `name: value`.",
        "เขียนในรูปแบบ `ชื่อช่อง: ค่า`",
    ),
    "front-matter-not-mapping": Message(
        "the front matter must be a list of `field: value` lines",
        "ส่วนข้อมูลต้องเขียนเป็นบรรทัด `ชื่อช่อง: ค่า`",
        "See the template for this kind of file.",
        "ดูตัวอย่างจากแม่แบบของไฟล์ประเภทนี้",
    ),
    # Schema
    "unknown-key": Message(
        "unknown field{suggestion_en}",
        "ไม่รู้จักช่องข้อมูลนี้{suggestion_th}",
        "Remove the field `{key}`, or correct its spelling.",
        "ลบช่อง `{key}` ออก หรือแก้การสะกดให้ถูกต้อง",
    ),
    "missing-key": Message(
        "required field is missing",
        "ขาดช่องข้อมูลที่จำเป็นนี้",
        "Add the field `{key}` (write `{key}: null` if it is not known yet, where allowed).",
        "เพิ่มช่อง `{key}` (ถ้ายังไม่ทราบและช่องนั้นอนุญาต ให้เขียน `{key}: null`)",
    ),
    "wrong-type": Message(
        "should be {expected_en}, not {actual_en}",
        "ต้องเป็น{expected_th} ไม่ใช่{actual_th}",
        "Example: {example}",
        "ตัวอย่าง: {example}",
    ),
    "not-in-list": Message(
        "`{value}` is not one of: {allowed}",
        "ค่า `{value}` ไม่อยู่ในรายการที่อนุญาต: {allowed}",
        "Use one of the listed values.{closest_en}",
        "ใช้ค่าใดค่าหนึ่งในรายการ{closest_th}",
    ),
    "bad-format": Message(
        "`{value}` is not {format_en}",
        "ค่า `{value}` ไม่ใช่{format_th}",
        "Example: {example}",
        "ตัวอย่าง: {example}",
    ),
    "out-of-range": Message(
        "{value} is outside {low}–{high}",
        "ค่า {value} อยู่นอกช่วง {low}–{high}",
        "Check the number.",
        "ตรวจสอบตัวเลขอีกครั้ง",
    ),
    "buddhist-era-year": Message(
        "{value} looks like a Buddhist Era (พ.ศ.) year",
        "ค่า {value} น่าจะเป็นปีพุทธศักราช (พ.ศ.)",
        "Years are written CE (ค.ศ.): write {ce} (= {value} − 543). The site shows the B.E. "
        "year beside it.",
        "ปีในไฟล์ต้องเป็นคริสต์ศักราช (ค.ศ.): เขียน {ce} (= {value} − 543) "
        "เว็บไซต์จะแสดงปี พ.ศ. ให้โดยอัตโนมัติ",
    ),
    "too-short": Message(
        "is empty",
        "ว่างเปล่า",
        "Fill it in, or ask for help in the pull request.",
        "กรอกข้อมูล หรือสอบถามผู้ดูแลใน pull request",
    ),
    "too-long": Message(
        "is too long ({length} > {limit} characters)",
        "ยาวเกินไป ({length} > {limit} ตัวอักษร)",
        "Shorten it; put the detail in the body text.",
        "ย่อให้สั้นลง แล้วเขียนรายละเอียดในเนื้อหา",
    ),
    "duplicate-item": Message(
        "lists the same value twice",
        "มีค่าซ้ำกัน",
        "Remove the repeated value.",
        "ลบค่าที่ซ้ำออก",
    ),
    "schema": Message("{detail}", "{detail}"),
    # Cross-file rules
    "id-mismatch": Message(
        "is `{value}` but the file is named `{expected}.md`",
        "คือ `{value}` แต่ชื่อไฟล์คือ `{expected}.md`",
        "Make them equal: ids are permanent URLs, so normally change `id` to `{expected}`.",
        "ทำให้ตรงกัน: id คือที่อยู่ถาวรของหน้า โดยทั่วไปให้แก้ `id` เป็น `{expected}`",
    ),
    "duplicate-id": Message(
        "`{value}` is already used by {other}",
        "`{value}` ซ้ำกับ {other}",
        "Choose another id; ids must be unique among {kind} files, including their aliases.",
        "เลือก id ใหม่ที่ไม่ซ้ำกับไฟล์ประเภทเดียวกัน (รวมถึง aliases)",
    ),
    "dangling-ref": Message(
        "refers to {target_kind_en} `{value}`, which does not exist",
        "อ้างถึง{target_kind_th} `{value}` ซึ่งไม่มีอยู่",
        "Use an existing id, or add the missing one first.{closest_en}",
        "ใช้ id ที่มีอยู่ หรือเพิ่มรายการนั้นก่อน{closest_th}",
    ),
    "orphan-translation": Message(
        "translation has no Thai primary file `{expected}`",
        "ไฟล์แปลนี้ไม่มีไฟล์ต้นฉบับภาษาไทย `{expected}`",
        "Add the Thai file, or rename this file to match an existing one.",
        "เพิ่มไฟล์ภาษาไทย หรือเปลี่ยนชื่อไฟล์นี้ให้ตรงกับไฟล์ที่มีอยู่",
    ),
    "reserved-id": Message(
        "`{value}` is a name the site uses for its own pages",
        "`{value}` เป็นชื่อที่เว็บไซต์ใช้สำหรับหน้าของระบบเอง",
        "Rename the file; reserved names: {reserved}.",
        "เปลี่ยนชื่อไฟล์ ชื่อที่สงวนไว้: {reserved}",
    ),
    "period-order": Message(
        "start ({start}) is after end ({end})",
        "ปีเริ่มต้น ({start}) อยู่หลังปีสิ้นสุด ({end})",
        "Swap the two years.",
        "สลับปีทั้งสอง",
    ),
    "date-order": Message(
        "starts ({start}) after it ends ({end})",
        "วันเริ่มต้น ({start}) อยู่หลังวันสิ้นสุด ({end})",
        "Swap `start` and `end`.",
        "สลับค่า `start` กับ `end`",
    ),
    # The source registry: each field says only what the document itself gives.
    "editor-title-unmarked": Message(
        "`title_from: editor` says the editors made this title up, but `{value}` is not in "
        "square brackets",
        "`title_from: editor` บอกว่าคลังตั้งชื่อนี้เอง แต่ `{value}` ไม่ได้อยู่ในวงเล็บเหลี่ยม",
        "Write a made-up title in square brackets in both languages, e.g. `\"[WeCitizens "
        "page: …]\"`, so readers can tell it from the document's own title.",
        "เขียนชื่อที่ตั้งเองในวงเล็บเหลี่ยมทั้งสองภาษา เช่น `\"[เพจ WeCitizens: …]\"` "
        "เพื่อให้ผู้อ่านแยกออกจากชื่อที่เอกสารตั้งไว้เอง",
    ),
    "document-title-bracketed": Message(
        "`{value}` is in square brackets, which marks a title the editors made up, but "
        "`title_from` is `document`",
        "`{value}` อยู่ในวงเล็บเหลี่ยม ซึ่งหมายถึงชื่อที่คลังตั้งเอง แต่ `title_from` เป็น `document`",
        "If the document has no title of its own, set `title_from: editor`; otherwise remove "
        "the brackets.",
        "ถ้าเอกสารไม่มีชื่อของตัวเอง ให้แก้เป็น `title_from: editor` ถ้ามี ให้ลบวงเล็บเหลี่ยมออก",
    ),
    "source-unstated": Message(
        "`{key}` is given, but `evidence.{key}` does not quote where the document says it",
        "ระบุ `{key}` ไว้ แต่ไม่มี `evidence.{key}` ที่ยกข้อความจากเอกสารซึ่งระบุค่านี้",
        "Quote the document's own words that give it in `evidence.{key}`, or write "
        "`{key}: null`: a source field says only what the document itself gives.",
        "ยกข้อความในเอกสารที่ระบุค่านี้ไว้ใน `evidence.{key}` หรือเขียน `{key}: null` "
        "ช่องของแหล่งที่มาบอกเฉพาะสิ่งที่เอกสารระบุเอง",
    ),
    "source-evidence-mismatch": Message(
        "`evidence.{key}` (“{quoted}”) does not give {value}",
        "`evidence.{key}` (“{quoted}”) ไม่ได้ระบุ {value}",
        "Quote the words that give it (for a date: its year in B.E. or CE, and its month and "
        "day if the date has them), or correct `{key}`.",
        "ยกข้อความที่ระบุค่านี้จริง (วันที่: ปี พ.ศ. หรือ ค.ศ. และเดือนกับวันถ้าวันที่ระบุถึง) "
        "หรือแก้ค่า `{key}`",
    ),
    "missing-section": Message(
        "the text has no section `## {section}`",
        "เนื้อหาไม่มีหัวข้อ `## {section}`",
        "Every lesson has the sections: {sections}.",
        "บทเรียนทุกเรื่องต้องมีหัวข้อ: {sections}",
    ),
    "unsafe-html": Message(
        "raw HTML `{detail}` is not allowed in case files",
        "ไม่อนุญาตให้ใช้ HTML `{detail}` ในไฟล์เนื้อหา",
        "Use Markdown instead (links: `[text](url)`, images: `![alt](path)`).",
        "ใช้ Markdown แทน (ลิงก์: `[ข้อความ](url)` รูปภาพ: `![คำอธิบาย](path)`)",
    ),
    "unsafe-url": Message(
        "link `{detail}` is not allowed",
        "ไม่อนุญาตลิงก์ `{detail}`",
        "Links must be http(s) addresses or paths inside the repository.",
        "ลิงก์ต้องเป็นที่อยู่ http(s) หรือไฟล์ภายในคลังข้อมูลเท่านั้น",
    ),
    "image-missing": Message(
        "image `{detail}` does not exist",
        "ไม่พบไฟล์รูปภาพ `{detail}`",
        "Put the image in content/media/{kind}/{id}/ and link it by that path.",
        "วางรูปภาพไว้ที่ content/media/{kind}/{id}/ แล้วลิงก์ตามตำแหน่งนั้น",
    ),
    "image-no-alt": Message(
        "image `{detail}` has no alternative text",
        "รูปภาพ `{detail}` ไม่มีคำอธิบายภาพ (alt text)",
        "Describe the image: `![what the picture shows](path)`.",
        "เขียนคำอธิบายภาพ: `![ภาพนี้แสดงอะไร](path)`",
    ),
    "heading-level-1": Message(
        "the text uses a top-level heading `# …`",
        "เนื้อหาใช้หัวข้อระดับบนสุด `# …`",
        "The title is generated from `title`/`name`; start sections with `## `.",
        "ชื่อหน้าสร้างจากช่อง title/name โดยอัตโนมัติ ให้ขึ้นหัวข้อด้วย `## `",
    ),
    # Warnings
    "missing-translation": Message(
        "no English translation yet (`{expected}`)",
        "ยังไม่มีฉบับแปลภาษาอังกฤษ (`{expected}`)",
        "Add `{expected}`; until then English readers see the Thai text under a notice.",
        "เพิ่มไฟล์ `{expected}` ระหว่างนี้ผู้อ่านภาษาอังกฤษจะเห็นเนื้อหาภาษาไทยพร้อมคำแจ้ง",
    ),
    "outdated-translation": Message(
        "translation matches the Thai text of {translated}, but the Thai file was updated on "
        "{updated}",
        "ฉบับแปลตรงกับต้นฉบับภาษาไทยวันที่ {translated} แต่ต้นฉบับแก้ไขล่าสุดเมื่อ {updated}",
        "Update the translation, then set `primary_updated: {updated}`.",
        "ปรับปรุงคำแปล แล้วแก้ `primary_updated: {updated}`",
    ),
    "needs-research": Message(
        "marked needs-research: {detail}",
        "ยังต้องค้นคว้าเพิ่มเติม: {detail}",
    ),
}


def problem(
    code: str,
    path: str,
    line: int = 0,
    column: int = 0,
    field: str = "",
    severity: Severity = Severity.ERROR,
    **values: Any,
) -> Problem:
    """Build a Problem from the catalogue; unknown placeholders are left visible, never raise."""
    message = CATALOGUE[code]
    values.setdefault("field", field)
    fill = _Filler(values)
    return Problem(
        path=path,
        line=line,
        column=column,
        field=field,
        code=code,
        message_en=message.en.format_map(fill),
        message_th=message.th.format_map(fill),
        hint_en=message.hint_en.format_map(fill),
        hint_th=message.hint_th.format_map(fill),
        severity=severity,
    )


class _Filler(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""
