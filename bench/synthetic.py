"""Synthetic but realistic content for benchmarks: N cities / projects / lessons in Thai with
English twins, valid against the schemas. Deterministic for a given N (seeded)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from generator.validate.body import LESSON_SECTIONS

# Real sentences from the programme's public documents, recombined; the words are what
# matters for search and line-breaking, not the meaning.
THAI = [
    "เมืองแห่งการเรียนรู้เกิดจากความร่วมมือของหน่วยงานภาครัฐ เอกชน ภาคประชาชน และภาคการศึกษา",
    "โครงการนี้ใช้กระบวนการห้องเรียนเมืองและห้องวิจัยมีชีวิตเพื่อให้ผู้คนได้เรียนรู้จากพื้นที่จริง",
    "เทศบาลร่วมกับมหาวิทยาลัยพัฒนาพื้นที่การเรียนรู้สาธารณะสำหรับคนทุกช่วงวัย",
    "การจัดทำงบประมาณแบบมีส่วนร่วมช่วยให้ชุมชนกำหนดโครงการพัฒนาพื้นที่ของตนเอง",
    "ข้อมูลจากงานวิจัยเป็นฐานในการยกระดับสู่เครือข่ายเมืองแห่งการเรียนรู้ของยูเนสโก",
    "นักจัดการการเรียนรู้ในเมืองทำหน้าที่เชื่อมโยงภาคีเครือข่ายและทรัพยากรของเมือง",
    "ย่านเมืองเก่ามีต้นทุนทางวัฒนธรรมที่นำมาต่อยอดเป็นกิจกรรมการเรียนรู้ได้",
    "ผู้ประกอบการรายย่อยในตลาดได้รับการส่งเสริมผ่านเครือข่ายผู้ประกอบการ",
]
ENGLISH = [
    "A learning city grows from cooperation between government, business, citizens and schools.",
    "The project used urban classrooms and living labs so that people learn from real places.",
    "The municipality and the university developed public learning spaces for all ages.",
    "Participatory budgeting let communities choose the projects that develop their area.",
    "Research data was the basis for joining the UNESCO Global Network of Learning Cities.",
    "City learning administrators connect partners and the resources of the city.",
    "The old town's cultural assets became the starting point for learning activities.",
    "Small traders in the market were supported through an entrepreneurs' network.",
]
REGIONS = ["north", "northeast", "central", "east", "west", "south"]
THEMES = ["participation", "partnerships"]


def _paragraphs(rng: random.Random, pool: list[str], count: int) -> str:
    return "\n\n".join(" ".join(rng.sample(pool, 3)) for _ in range(count))


def write_content(target: Path, cases: int, seed: int = 1) -> Path:
    """Write `cases` cases (≈ a third each of cities, projects, lessons) into target/content."""
    rng = random.Random(seed)
    content = target / "content"
    if content.exists():
        shutil.rmtree(content)
    fixture = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mini" / "content"
    shutil.copytree(fixture / "vocabularies", content / "vocabularies")
    shutil.copy2(fixture / "sources.yml", content / "sources.yml")
    for kind in ("cities", "projects", "lessons", "pages"):
        (content / kind).mkdir(parents=True)
    n_cities = max(1, cases // 3)
    n_projects = max(1, cases // 3)
    n_lessons = max(0, cases - n_cities - n_projects)
    twin = '---\nprimary_updated: 2026-11-25\nsummary: "{summary}"\n---\n{body}\n'
    for i in range(n_cities):
        cid = f"city-{i:05d}"
        (content / "cities" / f"{cid}.md").write_text(
            f"""---
id: {cid}
name: {{th: "เมืองทดสอบ {i}", en: "Test city {i}"}}
province: {{th: "จังหวัดทดสอบ {i % 77}", en: "Test province {i % 77}"}}
region: {REGIONS[i % 6]}
research_area: {{th: "ย่านเมืองเก่า {i}", en: "Old town {i}"}}
location: {{lat: {6 + rng.random() * 13:.4f}, lon: {98 + rng.random() * 7:.4f}}}
cohort: "2020-2021"
gnlc_member_since: null
websites: []
completeness: partial
updated: 2026-11-25
aliases: []
summary: "{rng.choice(THAI)}"
sources: [seed-a]
---
## การดำเนินงาน

{_paragraphs(rng, THAI, 4)}
""",
            encoding="utf-8",
        )
        (content / "cities" / f"{cid}.en.md").write_text(
            twin.format(
                summary=rng.choice(ENGLISH), body="## The work\n\n" + _paragraphs(rng, ENGLISH, 4)
            ),
            encoding="utf-8",
        )
    for i in range(n_projects):
        pid = f"project-{i:05d}"
        (content / "projects" / f"{pid}.md").write_text(
            f"""---
id: {pid}
title: {{th: "ชุดโครงการวิจัยทดสอบ {i}", en: "Test research project {i}"}}
city: city-{i % n_cities:05d}
area: {{th: "ย่านตลาด {i}", en: "Market district {i}"}}
round: "2020-2021"
period: {{start: 2020, end: 2021}}
funder: {{th: บพท., en: PMU A}}
programme: null
lead: null
themes: [{THEMES[i % 2]}]
sdgs: [4, 11]
outcomes:
  - {{key: participants, label: {{th: ผู้เข้าร่วม, en: Participants}}, value: {rng.randint(10, 300)}, unit: {{th: คน, en: people}}}}
status: needs-research
completeness: partial
updated: 2026-11-25
aliases: []
summary: "{rng.choice(THAI)}"
sources: [seed-a]
---
## การดำเนินงาน

{_paragraphs(rng, THAI, 5)}
""",
            encoding="utf-8",
        )
        (content / "projects" / f"{pid}.en.md").write_text(
            twin.format(
                summary=rng.choice(ENGLISH), body="## The work\n\n" + _paragraphs(rng, ENGLISH, 5)
            ),
            encoding="utf-8",
        )
    th_sections, en_sections = LESSON_SECTIONS["th"], LESSON_SECTIONS["en"]
    for i in range(n_lessons):
        lid = f"lesson-{i:05d}"
        body_th = "\n\n".join(f"## {s}\n\n{_paragraphs(rng, THAI, 1)}" for s in th_sections)
        body_en = "\n\n".join(f"## {s}\n\n{_paragraphs(rng, ENGLISH, 1)}" for s in en_sections)
        (content / "lessons" / f"{lid}.md").write_text(
            f"""---
id: {lid}
title: {{th: "บทเรียนทดสอบ {i}", en: "Test lesson {i}"}}
themes: [{THEMES[i % 2]}]
cities: [city-{i % n_cities:05d}]
projects: [project-{i % n_projects:05d}]
completeness: partial
updated: 2026-11-25
aliases: []
summary: "{rng.choice(THAI)}"
sources: [seed-a]
---
{body_th}
""",
            encoding="utf-8",
        )
        (content / "lessons" / f"{lid}.en.md").write_text(
            twin.format(summary=rng.choice(ENGLISH), body=body_en), encoding="utf-8"
        )
    return content


def make_site_project(target: Path, cases: int) -> Path:
    """A project folder (mkdocs.yml + theme + synthetic content) ready to build."""
    root = Path(__file__).resolve().parent.parent
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "mkdocs.yml", target / "mkdocs.yml")
    (target / "generator").mkdir(exist_ok=True)  # the template settings mkdocs.yml inherits
    shutil.copy2(root / "generator" / "mkdocs-base.yml", target / "generator" / "mkdocs-base.yml")
    if (target / "theme").exists():
        shutil.rmtree(target / "theme")
    shutil.copytree(root / "theme", target / "theme")
    write_content(target, cases)
    return target
