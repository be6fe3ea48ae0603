"""Whatever a contributor saves, the validator answers with problems, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import MINI_CONTENT, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import load_config
from generator.pipeline import check

_BASE = Path(tempfile.mkdtemp(prefix="lckb-fuzz-"))
PROJECT = make_project(_BASE / "p", MINI_CONTENT)
CONFIG = load_config(PROJECT.root / "mkdocs.yml")
TARGET = PROJECT.content / "cities" / "fuzz.md"

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=30), st.dates().map(str))
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.text(max_size=12), children, max_size=4)), max_leaves=20)
keys = st.sampled_from(["id", "name", "province", "region", "research_area", "location",
                        "cohort", "gnlc_member_since", "websites", "completeness", "updated",
                        "aliases", "summary", "sources", "nmae", "x"])
front_matter = st.dictionaries(keys, values, max_size=12)


def _check_file(data: bytes) -> None:
    TARGET.write_bytes(data)
    problems = check(CONFIG).problems  # must not raise
    for problem in problems:
        assert problem.path and problem.code and problem.message_en and problem.message_th


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter, st.text(max_size=200))
def test_random_front_matter_never_raises(front: dict, body: str) -> None:
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    _check_file(text.encode("utf-8"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    _check_file(b"---\n" + data)
    _check_file(data)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("-:[]{}'\"#&*!|>%@`\t \n,?ก๊a1")), max_size=120))
def test_yaml_punctuation_soup_never_raises(text: str) -> None:
    _check_file(("---\n" + text + "\n---\nbody\n").encode("utf-8"))


def teardown_module() -> None:
    shutil.rmtree(_BASE, ignore_errors=True)
