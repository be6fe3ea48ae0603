"""Another city forks the archive: FORKING.md's steps, done by a test."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, Project, make_project

OLD_NAMES = ("คลังความรู้เมืองแห่งการเรียนรู้", "Learning City Knowledge Bank",
             "learning-city-knowledge-bank")
OLD_CONTENT = ("ขอนแก่น", "Khon Kaen", "ยะลา", "บพท", "PMU A", "KKTT", "Yala Stories")
RENAMES = {
    "คลังความรู้เมืองแห่งการเรียนรู้": "คลังความรู้เมืองอุดรธานี",
    "Learning City Knowledge Bank": "Udon Thani Learning Archive",
    "คลังความรู้ของงานวิจัยเมืองแห่งการเรียนรู้ในประเทศไทย": "คลังความรู้ของเมืองอุดรธานี",
    "An archive of Thailand's Learning City research": "Udon Thani's learning archive",
    "download_name: learning-city-knowledge-bank": "download_name: udon-learning-archive",
    '"#00695c"': '"#6a1b9a"',
}

CITY = """---
id: udon-thani
name: {th: "อุดรธานี", en: "Udon Thani"}
province: {th: "อุดรธานี", en: "Udon Thani"}
region: northeast
research_area: {th: "เทศบาลนครอุดรธานี", en: "Udon Thani city municipality"}
location: {lat: 17.41, lon: 102.79}
cohort: null
gnlc_member_since: null
websites: []
completeness: stub
updated: 2026-11-25
aliases: []
summary: "เมืองแรกของคลังความรู้ฉบับแยก"
sources: [fork-source]
---
## สิ่งที่ทราบ

หน้าทดสอบของฉบับแยก
"""
SOURCE = """fork-source:
  title: {th: "เอกสารของเมือง", en: "The city's document"}
  title_from: document
  publisher: null
  date: "2026"
  url: null
  note: null
  evidence: {date: "ประจำปี พ.ศ. 2569"}
"""


def _site_text(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("*") if p.suffix in (".html", ".json", ".csv", ".xml", ".js")}


def test_a_fork_carries_its_own_name_and_none_of_our_content(tmp_path: Path) -> None:
    fork: Project = make_project(tmp_path / "fork", ROOT / "content")
    removed = fork.run("remove-examples", "--pages")
    assert removed.returncode == 0, removed.stderr
    assert not list((fork.content / "cities").glob("*.md"))
    config = (fork.root / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in RENAMES.items():
        assert old in config, old  # the one place a fork edits
        config = config.replace(old, new)
    config = re.sub(r"\n\s+labels:\n(\s+(cities|projects): .*\n)+", "\n", config)
    (fork.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    fork.write("cities/udon-thani.md", CITY)
    with (fork.content / "sources.yml").open("a", encoding="utf-8") as handle:
        handle.write(SOURCE)
    (fork.content / "sources.yml").write_text(
        (fork.content / "sources.yml").read_text(encoding="utf-8").replace("\n{}\n", "\n"),
        encoding="utf-8")

    validated = fork.run("validate")
    assert validated.returncode == 0, validated.stdout
    built = fork.build()
    assert built.returncode == 0, built.stderr[-3000:]

    texts = _site_text(fork.site)
    assert "คลังความรู้เมืองอุดรธานี" in texts["index.html"]
    assert "Udon Thani Learning Archive" in texts["en/index.html"]
    assert "อุดรธานี" in texts["cities/udon-thani.html"]
    assert "#6a1b9a" in (fork.site / "assets/stylesheets/colors.css").read_text()
    assert (fork.site / "downloads" / "udon-learning-archive.zip").is_file()
    # The field reference and the published schemas give examples (`khon-kaen`): documentation
    # of the format, not content; FORKING.md says where to change them.
    documentation = ("reference.html", "en/reference.html", "data/schemas/")
    leaks = {(path, word) for path, text in texts.items() if not path.startswith(documentation)
             for word in OLD_NAMES + OLD_CONTENT if word in text}
    assert leaks == set()
    assert not (fork.site / "cities" / "khon-kaen.html").exists()
    cities = json.loads((fork.site / "data" / "cities.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in cities] == ["udon-thani"]
