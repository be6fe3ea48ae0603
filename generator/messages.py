"""Every message a contributor can see, in English and Thai, with a one-line fix.

Kept as data in one place so that translators can review the Thai side by side and so that
the generated field reference can list every rule.
"""

from __future__ import annotations

import functools
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
        "Copy a {kind} file and change it, or delete this file and start again from the "
        "template: `.venv/bin/python -m generator new {kind} {id}`.",
        "คัดลอกไฟล์ชนิดเดียวกันมาแก้ หรือลบไฟล์นี้แล้วเริ่มใหม่จากแม่แบบด้วยคำสั่ง "
        "`.venv/bin/python -m generator new {kind} {id}`",
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
        "the front matter is not valid YAML: {detail_en}",
        "ส่วนข้อมูลเขียนไม่ถูกรูปแบบ{detail_th}",
        "{fix_en}",
        "{fix_th}",
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
        "Keep only the fields listed in the field reference (reference.html).",
        "ใช้เฉพาะช่องที่ระบุในคู่มือช่องข้อมูล (reference.html)",
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
        "Write one field per line, like `id: example-city`.",
        "เขียนบรรทัดละหนึ่งช่อง เช่น `id: example-city`",
    ),
    # Schema: one message per explainer in generator/validate/explain.py
    "unknown-key": Message(
        "no such field in this kind of file",
        "ไฟล์ประเภทนี้ไม่มีช่องข้อมูลชื่อนี้",
        "Delete the line `{key}: …`; the fields here are {allowed}.",
        "ลบบรรทัด `{key}: …` ออก ช่องที่ใช้ได้คือ {allowed}",
    ),
    "misspelled-key": Message(
        "no such field: did you mean `{meant}`?",
        "ไม่มีช่องข้อมูลชื่อนี้ — หมายถึง `{meant}` หรือไม่?",
        "Correct the name to `{meant}:`.",
        "แก้ชื่อช่องเป็น `{meant}:`",
    ),
    "field-in-translation": Message(
        "`{key}` is written once, in the Thai file; this file holds only the translated text",
        "ช่อง `{key}` เขียนครั้งเดียวในไฟล์ภาษาไทย ไฟล์นี้มีเฉพาะข้อความที่แปล",
        "Delete this line here; the value goes in `{primary}`.",
        "ลบบรรทัดนี้ออก ค่านี้ใส่ในไฟล์ `{primary}`",
    ),
    "missing-key": Message(
        "the field `{key}` is missing",
        "ยังไม่มีช่อง `{key}`",
        "Add the line {example}.",
        "เพิ่มบรรทัด {example}",
    ),
    "missing-fact": Message(
        "the field `{key}` is missing",
        "ยังไม่มีช่อง `{key}`",
        "Add the line {empty} ({why_en}), or the value, e.g. {example}.",
        "เพิ่มบรรทัด {empty} ({why_th}) หรือใส่ค่า เช่น {example}",
    ),
    "bad-id": Message(
        "`{value}` is not an id: ids use lowercase a-z, digits and single hyphens",
        "`{value}` ใช้เป็นรหัสไม่ได้ รหัสใช้อักษร a-z ตัวเล็ก ตัวเลข และขีด (-)",
        "Rename it, e.g. `{suggestion}:`.",
        "เปลี่ยนชื่อ เช่น `{suggestion}:`",
    ),
    "wrong-type": Message(
        "should be {expected_en}, not {actual_en}",
        "ต้องเป็น{expected_th} ไม่ใช่{actual_th}",
        "Write it like this: {example}",
        "เขียนแบบนี้: {example}",
    ),
    "thai-digits-number": Message(
        "`{value}` is written in Thai digits; this number field reads 0–9 only",
        "`{value}` เขียนด้วยเลขไทย ช่องตัวเลขนี้อ่านได้เฉพาะเลขอารบิก (0–9)",
        "Write {write}.",
        "เขียน {write}",
    ),
    "not-in-list": Message(
        "`{value}` is not one of: {allowed_en}",
        "`{value}` ไม่อยู่ในรายการ: {allowed_th}",
        "Write one of them, e.g. {example}",
        "เลือกหนึ่งค่าจากรายการ เช่น {example}",
    ),
    "did-you-mean": Message(
        "`{value}` is not the id of any {what_en}. Did you mean `{id}`?{label_en}",
        "`{value}` ไม่ใช่รหัส{what_th} — หมายถึง `{id}` หรือไม่?{label_th}",
        "If so, write {write}.",
        "ถ้าใช่ ให้เขียน {write}",
    ),
    "name-not-id": Message(
        "`{value}` is the name of the {what_en} `{id}`; this field takes its id",
        "`{value}` เป็นชื่อของ{what_th} `{id}` ช่องนี้ต้องใช้รหัส",
        "Write {write}.",
        "เขียน {write}",
    ),
    "dangling-ref": Message(
        "refers to `{value}`, but no {what_en} has that id",
        "อ้างถึง `{value}` แต่ไม่มี{what_th} ที่ใช้รหัสนี้",
        "Use the id of one that exists{eg_en}, or add it first{add_en}.",
        "ใช้รหัสที่มีอยู่{eg_th} หรือเพิ่มรายการนั้นก่อน{add_th}",
    ),
    "bad-format": Message(
        "`{value}` is not {shape_en}",
        "`{value}` ไม่ใช่{shape_th}",
        "Write it like this: {example}",
        "เขียนแบบนี้: {example}",
    ),
    "out-of-range": Message(
        "{value} is outside {low}–{high}",
        "{value} อยู่นอกช่วง {low}–{high}",
        "Check the number; for example {example}",
        "ตรวจตัวเลขอีกครั้ง ตัวอย่าง: {example}",
    ),
    "buddhist-era-year": Message(
        "`{value}` is a Buddhist Era (พ.ศ.) year",
        "`{value}` เป็นปีพุทธศักราช (พ.ศ.)",
        "Write the Common Era year (B.E. − 543): {write}. The site shows the B.E. year beside it.",
        "เขียนเป็นปีคริสต์ศักราช (พ.ศ. − 543): {write} เว็บไซต์จะแสดงปี พ.ศ. ให้เอง",
    ),
    "buddhist-era-date": Message(
        "`{value}` has a Buddhist Era (พ.ศ.) year",
        "`{value}` ใช้ปีพุทธศักราช (พ.ศ.)",
        "Write the date with the Common Era year (B.E. − 543): {write}",
        "เขียนวันที่ด้วยปีคริสต์ศักราช (พ.ศ. − 543): {write}",
    ),
    "date-order": Message(
        "`{value}` is not written year-month-day{era_en}",
        "`{value}` ไม่ได้เขียนแบบ ปี-เดือน-วัน{era_th}",
        "Write {write} (year-month-day, CE).",
        "เขียนเป็น {write} (ปี ค.ศ.-เดือน-วัน)",
    ),
    "calendar-form": Message(
        "`{value}` is not written the way this field needs",
        "`{value}` เขียนไม่ตรงรูปแบบของช่องนี้",
        "Write {write}.",
        "เขียนเป็น {write}",
    ),
    "too-short": Message(
        "is empty",
        "ยังว่างอยู่",
        "Write it; for example {example}",
        "กรอกข้อมูล ตัวอย่าง: {example}",
    ),
    "too-few": Message(
        "lists nothing (at least {least} needed)",
        "ยังไม่มีรายการ (ต้องมีอย่างน้อย {least})",
        "List at least one, e.g. {example}",
        "ใส่อย่างน้อยหนึ่งรายการ เช่น {example}",
    ),
    "too-long": Message(
        "is too long ({length} > {limit} characters)",
        "ยาวเกินไป ({length} > {limit} ตัวอักษร)",
        "Shorten it; put the detail in the body text.",
        "ย่อให้สั้นลง แล้วเขียนรายละเอียดในเนื้อหา",
    ),
    "duplicate-item": Message(
        "lists `{value}` twice",
        "มี `{value}` ซ้ำกัน",
        "Delete the second `{value}`.",
        "ลบ `{value}` ที่ซ้ำออก",
    ),
    "untranslated": Message(
        "the {language_en} is not written yet",
        "ยังไม่มีคำแปล{language_th}",
        'Translate it when you can (`{lang}: "…"`); until then {language_en} pages show the '
        "{primary_en}.",
        'แปลเมื่อสะดวก (`{lang}: "…"`) ระหว่างนี้หน้า{language_th}จะแสดง{primary_th}แทน',
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
    "date-range-order": Message(
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
        "Write a made-up title in square brackets in both languages, e.g. `\"[The city's "
        "web page: …]\"`, so readers can tell it from the document's own title.",
        'เขียนชื่อที่ตั้งเองในวงเล็บเหลี่ยมทั้งสองภาษา เช่น `"[หน้าเว็บของเมือง: …]"` '
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
        "ยกข้อความที่ระบุค่านี้จริง (วันที่: ปี พ.ศ. หรือ ค.ศ. และเดือนกับวันถ้าวันที่ระบุถึง) หรือแก้ค่า `{key}`",
    ),
    "complete-with-unknowns": Message(
        "says `complete`, but these facts are still unknown (null): {unknown}",
        "ระบุว่า `complete` แต่ข้อเท็จจริงเหล่านี้ยังไม่ทราบ (null): {unknown}",
        "Write `status: needs-research`, or fill in {unknown} from a source.",
        "เขียน `status: needs-research` หรือเติม {unknown} จากแหล่งที่มา",
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
    # Settings in mkdocs.yml that name content (a fork that removed the examples, say)
    "setting-missing-page": Message(
        "`nav_pages` lists `{value}`, but there is no such page: the menu leaves it out",
        "`nav_pages` ระบุ `{value}` แต่ไม่มีหน้านี้ เมนูจึงไม่แสดง",
        "Write content/pages/{value}.md, or remove `{value}` from `plugins → learningcity → "
        "nav_pages` in mkdocs.yml.",
        "เขียนไฟล์ content/pages/{value}.md หรือลบ `{value}` ออกจาก `plugins → learningcity → "
        "nav_pages` ใน mkdocs.yml",
    ),
    "setting-empty-round": Message(
        "`figures.cohort` is `{value}`, but no city or project is of that round: the headline "
        "figures count every case and name no round",
        "`figures.cohort` คือ `{value}` แต่ไม่มีเมืองหรือโครงการใดอยู่ในรอบนี้ ตัวเลขสรุปจึงนับทุกกรณีและไม่ระบุรอบ",
        "Set `plugins → learningcity → figures → cohort` in mkdocs.yml to the round your "
        "figures count (a city's `cohort`, a project's `round`), or remove it (FORKING.md).",
        "ตั้งค่า `plugins → learningcity → figures → cohort` ใน mkdocs.yml เป็นรอบที่ต้องการนับ "
        "(`cohort` ของเมือง หรือ `round` ของโครงการ) หรือลบออก (ดู FORKING.md)",
    ),
}


@functools.cache
def language_name(code: str) -> tuple[str, str]:
    """A language's name in English and in Thai ("lo" → Lao, ภาษาลาว), for messages about
    a translation; the code itself for a language Babel does not know."""
    from babel import Locale

    english = Locale.parse("en").languages.get(code)
    thai = Locale.parse("th").languages.get(code)
    return english or f"`{code}`", f"ภาษา{thai}" if thai else f"ภาษา `{code}`"


def language_values(code: str, primary: str) -> dict[str, str]:
    """The placeholders of a message about the `code` translation of a `primary` text."""
    language_en, language_th = language_name(code)
    primary_en, primary_th = language_name(primary)
    return {
        "lang": code,
        "language_en": language_en,
        "language_th": language_th,
        "primary_en": primary_en,
        "primary_th": primary_th,
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
