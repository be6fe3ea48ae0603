"""Another city forks the archive: FORKING.md's steps, done by a test.

What counts as "ours" — the names a fork must not show — is read from this repository's own
configuration and content (`our_names`), never written here: in a fork, the same tests then
guard the fork's names, and still pass after its own `remove-examples` and renaming.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Project, make_project, unbroken

from generator.config import SiteConfig, load_config
from generator.model import build_archive
from generator.pipeline import check

# Names this archive also writes in other forms (abbreviations, names in the text), looked for
# only where our content or settings use them.
ALSO_OURS = ("บพท", "PMU A", "KKTT", "Yala Stories", "WeCitizens")


@dataclass(frozen=True)
class Fork:
    """Who forks: its names, colour, funder, first city and first source. Two forks, so that
    the fork made by the whole FORKING.md path can run the quick test's fork inside it."""

    site_name: dict[str, str]
    description: dict[str, str]
    download_name: str
    colour: str
    funder: dict[str, str]
    city_id: str
    city: dict[str, str]
    source_id: str

    def city_file(self) -> str:
        return f"""---
id: {self.city_id}
name: {{th: "{self.city["th"]}", en: "{self.city["en"]}"}}
province: {{th: "{self.city["th"]}", en: "{self.city["en"]}"}}
region: northeast
research_area: {{th: "เทศบาล{self.city["th"]}", en: "{self.city["en"]} municipality"}}
location: {{lat: 17.41, lon: 102.79}}
cohort: null
gnlc_member_since: null
websites: []
completeness: stub
updated: 2026-11-25
aliases: []
summary: "เมืองแรกของคลังความรู้ฉบับแยก"
sources: [{self.source_id}]
---
## สิ่งที่ทราบ

หน้าทดสอบของฉบับแยก
"""

    def source_entry(self) -> str:
        return f"""{self.source_id}:
  title: {{th: "เอกสารของ{self.city["th"]}", en: "{self.city["en"]}'s document"}}
  title_from: document
  publisher: null
  date: null
  url: null
  note: null
  evidence: {{date: "ประจำปี พ.ศ. 2569"}}
"""


TRIAL = Fork(
    site_name={"th": "คลังความรู้เมืองทดลอง", "en": "Trial Town Learning Archive"},
    description={"th": "คลังความรู้ของเมืองทดลอง", "en": "Trial Town's learning archive"},
    download_name="trial-town-archive",
    colour="#6a1b9a",
    funder={"th": "เทศบาลเมืองทดลอง", "en": "Trial Town Municipality"},
    city_id="trial-town",
    city={"th": "เมืองทดลอง", "en": "Trial Town"},
    source_id="trial-town-plan",
)
TEST_CITY = Fork(
    site_name={"th": "คลังความรู้เมืองทดสอบ", "en": "Test City Learning Archive"},
    description={"th": "คลังความรู้ของเมืองทดสอบ", "en": "Test City's learning archive"},
    download_name="test-city-archive",
    colour="#1b5e20",
    funder={"th": "เทศบาลนครทดสอบ", "en": "Test City Municipality"},
    city_id="test-city",
    city={"th": "เมืองทดสอบ", "en": "Test City"},
    source_id="test-city-report",
)


def stranger(ours: set[str], *candidates: Fork) -> Fork:
    """The first fork whose name is not ours: in a fork made by these very tests, its own
    tests then fork it under the other name."""
    return next(fork for fork in candidates if fork.site_name["en"] not in ours)


def our_config() -> SiteConfig:
    return load_config(ROOT / "mkdocs.yml")


def our_names() -> set[str]:
    """What names this archive: its names, descriptions and funders in mkdocs.yml, the round
    its figures count, and every case's name and title, every city's and source's id."""
    config = our_config()
    names = {language.site_name for language in config.languages}
    names |= {config.text("description", language.code) for language in config.languages}
    names.add(str(config.settings.get("download_name") or ""))
    for funder in config.settings.get("funders") or []:
        names |= set((funder.get("name") or {}).values())
    cohort = (config.settings.get("figures") or {}).get("cohort")
    if cohort:
        names |= {cohort, cohort.replace("-", "–")}
    archive = build_archive(check(config).loaded)
    for case in archive.cases():
        names |= {label for label in case.label.values() if label}
    names |= set(archive.cities) | set(archive.sources)
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + "".join(
        path.read_text(encoding="utf-8") for path in sorted(config.content_dir.rglob("*.md"))
    )
    names |= {word for word in ALSO_OURS if word in ours}
    return {form for name in names if name for form in (name, html.escape(name))}


def fork_settings(text: str, ours: SiteConfig, fork: Fork) -> str:
    """mkdocs.yml as FORKING.md says a fork writes it: its own names, description, download
    name, colour and funder; the round its figures count removed (it has none yet)."""
    replacements = {ours.settings["colors"]["primary"]: fork.colour}
    for language in ours.languages:
        replacements[language.site_name] = fork.site_name[language.code]
        replacements[ours.text("description", language.code)] = fork.description[language.code]
    for old, new in sorted(replacements.items(), key=lambda pair: -len(pair[0])):
        assert old in text, old
        text = text.replace(old, new)
    text = re.sub(r"(?m)^(    download_name:) .*$", rf"\1 {fork.download_name}", text)
    text = re.sub(r"(?m)^    figures:\n(?:      .*\n)+", "", text)
    funder = f'{{th: "{fork.funder["th"]}", en: "{fork.funder["en"]}"}}'
    return re.sub(
        r"(?ms)^    funders:.*?\n(?=    contact:)",
        f"    funders:\n      - name: {funder}\n",
        text,
    )


def _site_text(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".csv", ".xml", ".js", ".bib", ".ris", ".txt")
    }


def _leaks(texts: dict[str, str], names: set[str]) -> set[tuple[str, str]]:
    return {(path, name) for path, text in texts.items() for name in names if name in text}


def test_a_fork_carries_its_own_name_and_none_of_our_content(tmp_path: Path) -> None:
    ours = our_names()
    trial = stranger(ours, TRIAL, TEST_CITY)
    fork: Project = make_project(tmp_path / "fork", ROOT / "content")
    removed = fork.run("remove-examples", "--pages")
    assert removed.returncode == 0, removed.stderr
    assert not list((fork.content / "cities").glob("*.md"))
    config = fork.root / "mkdocs.yml"
    config.write_text(fork_settings(config.read_text("utf-8"), our_config(), trial), "utf-8")
    fork.write(f"cities/{trial.city_id}.md", trial.city_file())
    with (fork.content / "sources.yml").open("a", encoding="utf-8") as registry:
        registry.write(trial.source_entry())  # below the emptied registry's comments

    validated = fork.run("validate")
    assert validated.returncode == 0, validated.stdout
    built = fork.build()
    assert built.returncode == 0, built.stderr[-3000:]

    texts = _site_text(fork.site)
    assert trial.site_name["th"] in texts["index.html"]
    assert trial.site_name["en"] in texts["en/index.html"]
    assert trial.city["th"] in texts[f"cities/{trial.city_id}.html"]
    assert trial.colour in (fork.site / "assets/stylesheets/colors.css").read_text()
    assert (fork.site / "downloads" / f"{trial.download_name}.zip").is_file()
    # The field reference and the published schemas too: their examples name no one.
    assert "reference.html" in texts and "data/schemas/city.json" in texts
    assert _leaks(texts, ours) == set()
    cities = json.loads((fork.site / "data" / "cities.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in cities] == [trial.city_id]
    # The kept vocabulary of themes (ours, UNESCO's network and all) tags no case yet: it is
    # the contributors' to choose from, not pages of the fork's site.
    assert [p.name for p in (fork.site / "themes").glob("*.html")] == ["index.html"]
    vocabulary = yaml.safe_load((fork.content / "vocabularies/themes.yml").read_text("utf-8"))
    listed = unbroken(texts["themes/index.html"])
    assert [t["label"]["th"] for t in vocabulary.values() if t["label"]["th"] in listed] == []


def test_the_emptied_registry_takes_a_source_and_an_empty_one_is_no_sources(
    tmp_path: Path,
) -> None:
    """FORKING.md: after `remove-examples`, add your documents to content/sources.yml — by
    hand below its comments, or with `new source`; a file left empty means no sources."""
    fork = make_project(tmp_path / "fork", ROOT / "content")
    assert fork.run("remove-examples").returncode == 0
    registry = fork.content / "sources.yml"
    assert yaml.safe_load(registry.read_text("utf-8")) is None  # comments only
    fork.write(f"cities/{TRIAL.city_id}.md", TRIAL.city_file())
    registry.write_text(registry.read_text("utf-8") + TRIAL.source_entry(), "utf-8")
    validated = fork.run("validate")
    assert validated.returncode == 0, validated.stdout

    registry.write_text("", "utf-8")
    (fork.content / "cities" / f"{TRIAL.city_id}.md").unlink()
    validated = fork.run("validate")
    assert validated.returncode == 0 and "sources.yml" not in validated.stdout, validated.stdout
    added = fork.run("new", "source", "first-document")
    assert added.returncode == 0, added.stderr
    assert list(yaml.safe_load(registry.read_text("utf-8"))) == ["first-document"]


def test_settings_naming_content_a_fork_removed_are_warned_and_leave_no_trace(
    mini: Project,
) -> None:
    """A fork that keeps our `nav_pages` and `figures.cohort` after removing our pages and
    cases: the build says which line of mkdocs.yml to change; the menu has no dead entry and
    the figures name no round that the archive does not hold."""
    config = mini.root / "mkdocs.yml"
    text = re.sub(
        r"(?m)^    nav_pages:.*\n|^    figures:\n(?:      .*\n)+", "", config.read_text("utf-8")
    )
    text = text.replace(
        "  learningcity:\n",
        '  learningcity:\n    nav_pages: [about, programme]\n    figures:\n      cohort: "1999-2000"\n',
    )
    config.write_text(text, "utf-8")
    lines = text.splitlines()

    validated = mini.run("validate", "--lang", "en")
    assert validated.returncode == 0, validated.stdout
    warned = {
        line.split(": warning: ")[0]: line
        for line in validated.stdout.splitlines()
        if "[setting-missing-page]" in line or "[setting-empty-round]" in line
    }
    nav_line = next(n for n, line in enumerate(lines, 1) if "nav_pages:" in line)
    cohort_line = next(n for n, line in enumerate(lines, 1) if "cohort: " in line)
    assert set(warned) == {f"mkdocs.yml:{nav_line}", f"mkdocs.yml:{cohort_line}"}, warned
    assert "`programme`" in warned[f"mkdocs.yml:{nav_line}"]
    assert "`1999-2000`" in warned[f"mkdocs.yml:{cohort_line}"]

    built = mini.build()
    assert built.returncode == 0, built.stderr[-3000:]
    for home in ("index.html", "en/index.html"):
        page = (mini.site / home).read_text("utf-8")
        assert "about.html" in page and "programme.html" not in page
        assert "1999" not in page and "2542" not in page, home


def _git(folder: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(folder),
    }
    result = subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _template_copy(target: Path) -> Path:
    """The repository as "Use this template" gives it: its tracked files, one commit."""
    tracked = _git(ROOT, "ls-files", "-z").split("\0")
    for rel in filter(None, tracked):
        source = ROOT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "template")
    return target


def _python(folder: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """`python <args>` in `folder`, importing that folder's generator (not this one's)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(folder)},
        timeout=timeout,
        check=False,
    )


def _follow_forking_md(fork: Path, who: Fork) -> None:
    """Steps 2 to 4 of FORKING.md: remove our content, name the archive, add a first case."""
    removed = _python(fork, "-m", "generator", "remove-examples", "--pages")
    assert removed.returncode == 0, removed.stderr
    config = fork / "mkdocs.yml"
    config.write_text(fork_settings(config.read_text("utf-8"), our_config(), who), "utf-8")
    citation = fork / "CITATION.cff"
    cff = yaml.safe_load(citation.read_text(encoding="utf-8"))
    cff["authors"] = [{"name": f"{who.site_name['en']} contributors"}]
    cff["abstract"] = who.description["en"]
    cff["keywords"] = ["learning city"]
    citation.write_text(yaml.safe_dump(cff, allow_unicode=True, sort_keys=False), "utf-8")
    for command in ("citation-cff", "zenodo"):
        written = _python(fork, "-m", "generator", command)
        assert written.returncode == 0, (command, written.stderr)
    (fork / "content" / "cities" / f"{who.city_id}.md").write_text(who.city_file(), "utf-8")
    with (fork / "content" / "sources.yml").open("a", encoding="utf-8") as registry:
        registry.write(who.source_entry())


@pytest.mark.slow
def test_the_whole_forking_path_gives_an_archive_of_its_own(tmp_path: Path) -> None:
    """FORKING.md from "Use this template" to a fork whose own quick tests pass, and whose site,
    data, issue forms and field reference name nothing of ours."""
    ours = our_names()
    test_city = stranger(ours, TEST_CITY, TRIAL)
    fork = _template_copy(tmp_path / "fork")
    _follow_forking_md(fork, test_city)
    _git(fork, "add", "-A")
    _git(fork, "commit", "-q", "-m", "our own archive")

    validated = _python(fork, "-m", "generator", "validate")
    assert validated.returncode == 0, validated.stdout
    built = _python(fork, "-m", "mkdocs", "build")
    assert built.returncode == 0, built.stderr[-3000:]
    texts = _site_text(fork / "site")
    assert test_city.city["th"] in texts[f"cities/{test_city.city_id}.html"]
    assert "reference.html" in texts and "data/cities.csv" in texts
    forms = {
        p.relative_to(fork).as_posix(): p.read_text(encoding="utf-8")
        for p in [*(fork / ".github" / "ISSUE_TEMPLATE").glob("*.yml")]
        + [fork / "content" / "sources.template.yml"]
    }
    assert _leaks(texts, ours) | _leaks(forms, ours) == set()

    # The fork's own quick tests (its CI on every pull request), in the fork.
    tested = _python(
        fork, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser and not slow"
    )
    assert tested.returncode == 0, tested.stdout[-5000:]


@pytest.mark.slow
def test_a_fork_takes_later_template_fixes_without_conflicts(tmp_path: Path) -> None:
    """FORKING.md's promise: a fork changes content/ and mkdocs.yml only, so a later upstream
    commit to the generator, the theme and the inherited settings merges cleanly."""
    ours = our_names()
    test_city = stranger(ours, TEST_CITY, TRIAL)
    upstream = _template_copy(tmp_path / "upstream")
    fork = tmp_path / "fork"
    _git(tmp_path, "clone", "-q", str(upstream), str(fork))
    _follow_forking_md(fork, test_city)
    _git(fork, "add", "-A")
    _git(fork, "commit", "-q", "-m", "our own archive")

    # Later, upstream fixes its generator, theme and inherited settings.
    _edit(
        upstream / "generator" / "render" / "map.py",
        '"""',
        '"""Upstream fix. ',
    )
    with (upstream / "theme" / "assets" / "stylesheets" / "archive.css").open("a") as css:
        css.write("\n.lc-upstream-fix { color: inherit; }\n")
    _edit(
        upstream / "generator" / "mkdocs-base.yml",
        "  - pymdownx.details\n",
        "  - pymdownx.details\n  - abbr\n",
    )
    _git(upstream, "commit", "-q", "-am", "template fixes")

    _git(fork, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    assert _git(fork, "diff", "--name-only", "--diff-filter=U") == ""
    built = _python(fork, "-m", "mkdocs", "build")
    assert built.returncode == 0, built.stderr[-3000:]
    site = fork / "site"
    assert ".lc-upstream-fix" in (site / "assets/stylesheets/archive.css").read_text()
    texts = _site_text(site)
    assert test_city.site_name["th"] in texts["index.html"]
    assert test_city.city["th"] in texts[f"cities/{test_city.city_id}.html"]
    assert _leaks(texts, ours) == set()
