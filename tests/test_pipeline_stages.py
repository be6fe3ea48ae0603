"""Each stage on its own, without MkDocs: load → validate → model → render → write."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import Project

from generator.config import load_config
from generator.load import load_content
from generator.load.document import split_front_matter
from generator.load.yaml_positions import YamlError, load_located
from generator.model import build_archive
from generator.pipeline import build_nonce, check, generate
from generator.render import render_site
from generator.render.sanitize import clean_marked_regions
from generator.render.write import sync_tree


def test_yaml_positions_point_at_keys_and_items() -> None:
    located = load_located("a: 1\nb:\n  c: [x, y]\n  d: z\n")
    assert located.data == {"a": 1, "b": {"c": ["x", "y"], "d": "z"}}
    assert located.positions[("b", "d")] == (4, 3)
    assert located.positions[("b", "c", 1)] == (3, 10)
    # a missing key is reported where its parent stands
    assert located.position(("b", "missing")) == (2, 1)


def test_yaml_dates_stay_text() -> None:
    assert load_located("updated: 2026-11-25\n").data == {"updated": "2026-11-25"}


def test_yaml_refuses_duplicates_tags_and_aliases() -> None:
    for text, code in [
        ("a: 1\na: 2\n", "yaml-duplicate-key"),
        ("a: !!python/object:os.system x\n", "yaml-tag"),
        ("a: &x [1]\nb: *x\n", "yaml-alias"),
    ]:
        try:
            load_located(text)
        except YamlError as error:
            assert error.code == code
        else:
            raise AssertionError(f"{text!r} was accepted")


def test_front_matter_split_keeps_body_line() -> None:
    assert split_front_matter("---\na: 1\n---\nbody\n") == ("a: 1", "body\n", 4)
    assert split_front_matter("---\na: 1\n") is None


def test_load_groups_files_by_kind_id_and_language(mini: Project) -> None:
    loaded, problems = load_content(load_config(mini.root / "mkdocs.yml"))
    assert problems == []
    assert set(loaded.documents["cities"]["khon-kaen"]) == {"th", "en"}
    assert set(loaded.documents["cities"]["yala"]) == {"th"}
    doc = loaded.documents["cities"]["khon-kaen"]["th"]
    assert doc.position(("region",)) == (5, 1)  # file line, after the opening ---


def test_model_links_both_ways(mini: Project) -> None:
    checked = check(load_config(mini.root / "mkdocs.yml"))
    assert not checked.problems.errors
    archive = build_archive(checked.loaded)
    city = archive.cities["khon-kaen"]
    project = archive.projects["khon-kaen-2020"]
    lesson = archive.lessons["anchor-organisation"]
    assert project.city is city and city.projects == [project]
    assert lesson in project.lessons and lesson in city.lessons
    assert lesson.cities == [city] and lesson.projects == [project]
    assert archive.figures()["participants"] == 209
    assert archive.figures("2020-2021")["cohort_cities"] == 2
    assert archive.figures("2024-2025")["cohort_cities"] == 0


def test_render_writes_every_case_in_every_language(mini: Project) -> None:
    config = load_config(mini.root / "mkdocs.yml")
    archive = build_archive(check(config).loaded)
    files = render_site(archive, config, "n0nce").files
    for case in (
        "cities/khon-kaen",
        "cities/yala",
        "projects/khon-kaen-2020",
        "lessons/anchor-organisation",
    ):
        assert f"{case}.md" in files and f"{case}.en.md" in files
    # Buddhist Era beside CE, in both languages
    # Thai pages lead with the Buddhist Era, English with the Common Era
    assert "พ.ศ. 2563–2564 (ค.ศ. 2020–2021)" in files["projects/khon-kaen-2020.md"]
    assert "2020–2021 (B.E. 2563–2564)" in files["projects/khon-kaen-2020.en.md"]
    assert "2020–2021 (B.E. 2563–2564)" in files["projects/khon-kaen-2020.en.md"]
    # an untranslated case: English chrome, Thai text marked lang="th" under a notice
    yala_en = files["cities/yala.en.md"]
    assert "has not been translated into English yet" in yala_en
    assert '<div lang="th" markdown>' in yala_en
    # an outdated translation is flagged
    assert "may be out of date" in files["projects/khon-kaen-2020.en.md"]
    # headline figures are computed into the home page
    assert "209" in files["index.md"]


def test_rendered_labels_are_escaped(mini: Project) -> None:
    path = mini.content / "cities" / "yala.md"
    text = path.read_text(encoding="utf-8").replace(
        "research_area: {th: เทศบาลนครยะลา", 'research_area: {th: "<b>x</b>"'
    )
    path.write_text(text, encoding="utf-8")
    config = load_config(mini.root / "mkdocs.yml")
    files = render_site(build_archive(check(config).loaded), config, "n").files
    assert "&lt;b&gt;x&lt;/b&gt;" in files["cities/yala.md"]


def test_sanitiser_cleans_only_marked_regions() -> None:
    html = (
        '<aside onclick="trusted()">x</aside><!-- lc-body-start:abc -->'
        '<p onclick="evil()">hi</p><script>evil()</script><a href="javascript:x">l</a>'
        "<!-- lc-body-end:abc -->"
    )
    cleaned = clean_marked_regions(html, "abc")
    assert 'onclick="trusted()"' in cleaned  # template HTML is trusted
    assert "evil" not in cleaned and "javascript" not in cleaned
    assert "<p>hi</p>" in cleaned


def test_sync_tree_writes_only_changes_and_removes_stale(tmp_path: Path) -> None:
    target = tmp_path / "out"
    assert sync_tree({"a.md": "A", "d/b.md": "B"}, target) == 2
    mtime = (target / "a.md").stat().st_mtime_ns
    assert sync_tree({"a.md": "A", "c.md": "C"}, target) == 1
    assert (target / "a.md").stat().st_mtime_ns == mtime
    assert not (target / "d").exists()
    assert sorted(p.name for p in target.iterdir()) == ["a.md", "c.md"]


def test_generate_refuses_to_render_when_content_has_errors(mini: Project) -> None:
    mini.write("cities/broken.md", "---\nid: broken\n---\n")
    config = load_config(mini.root / "mkdocs.yml")
    generated, problems = generate(config)
    assert generated is None
    assert problems.errors
    assert not config.build_dir.exists()


def test_a_second_build_of_the_same_content_rewrites_no_page(mini: Project, tmp_path: Path) -> None:
    """The sanitiser's nonce is kept in the user's cache, so the same content renders the
    same Markdown in a new process (each `mkdocs build`) — and not in the checkout, where a
    pull request could have put one its author knows."""
    known = "0123456789abcdef"
    (mini.root / ".cache").mkdir()
    (mini.root / ".cache" / "docs.nonce").write_text(known, encoding="ascii")
    script = (
        "from generator.config import load_config; from generator.pipeline import "
        "generate; g, _ = generate(load_config('mkdocs.yml')); print(g.written, g.nonce)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=mini.root,
            check=True,
            env=env,
            capture_output=True,
            text=True,
        ).stdout.split()
        for _ in range(2)
    ]
    (first, nonce), (again, same) = runs
    assert int(first) > 0 and int(again) == 0 and nonce == same
    assert nonce != known
    assert (tmp_path / "user-cache" / "learning-city-knowledge-bank" / "sanitiser-nonce").read_text(
        encoding="ascii"
    ).strip() == nonce


def test_the_sanitiser_nonce_is_random_and_kept_per_checkout(tmp_path: Path) -> None:
    kept = tmp_path / "a" / ".cache" / "docs.nonce"
    nonce = build_nonce(kept)
    assert re.fullmatch(r"[0-9a-f]{16}", nonce)
    assert build_nonce(kept) == nonce
    assert build_nonce(tmp_path / "b" / ".cache" / "docs.nonce") != nonce
    kept.write_text("guessable\n", encoding="ascii")  # not one we made: replaced
    replaced = build_nonce(kept)
    assert re.fullmatch(r"[0-9a-f]{16}", replaced) and replaced != nonce
    assert kept.read_text(encoding="ascii").strip() == replaced
