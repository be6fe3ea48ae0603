"""Whatever a contributor saves, the validator answers with problems, never a traceback."""

from __future__ import annotations

import json
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

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(
    [
        "id",
        "name",
        "province",
        "region",
        "research_area",
        "location",
        "cohort",
        "gnlc_member_since",
        "websites",
        "completeness",
        "updated",
        "aliases",
        "summary",
        "sources",
        "nmae",
        "x",
    ]
)
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


CHECKER = None


def _checker():  # type: ignore[no-untyped-def]
    global CHECKER
    if CHECKER is None:
        from generator.validate import reference_sets
        from generator.validate.schema import SchemaChecker

        CHECKER = SchemaChecker(reference_sets(check(CONFIG).loaded))
    return CHECKER


VALID_CITY = {
    "id": "khon-kaen",
    "name": {"th": "ขอนแก่น", "en": "Khon Kaen"},
    "province": {"th": "ขอนแก่น", "en": "Khon Kaen"},
    "region": "northeast",
    "research_area": {"th": "ก", "en": "k"},
    "location": {"lat": 16.4, "lon": 102.8},
    "cohort": "2020-2021",
    "gnlc_member_since": 2024,
    "websites": ["https://a.th"],
    "completeness": "partial",
    "updated": "2026-11-25",
    "aliases": [],
    "summary": "ก",
    "sources": ["seed-a"],
}
# For each field, values a contributor might type: some valid, most not.
CANDIDATES = {
    "id": ["khon-kaen", "Khon Kaen", "", 5],
    "name": [
        {"th": "ก", "en": "k"},
        {"th": "ก"},
        "ขอนแก่น",
        {"th": "", "en": "k"},
        {"th": "ก", "en": "k", "fr": "x"},
    ],
    "region": ["north", "nowhere", 3, None],
    "location": [
        {"lat": 16.0, "lon": 100.0},
        {"lat": 40.0, "lon": 100.0},
        {"lat": "n", "lon": 1},
        {"lat": 16.0},
    ],
    "cohort": [None, "2563-2564", "2020", 2020, "๒๐๒๐-๒๐๒๑", "2020–2021"],
    "gnlc_member_since": [None, 2563, 1800, "2024", 2022.5, True, "๒๕๖๗", "พ.ศ. 2567"],
    "websites": [[], ["www.a.th"], ["ftp://x"], ["https://"], ["https://a.th", "https://a.th"]],
    "completeness": ["stub", "done", None],
    "updated": [
        "2026-01-01",
        "2026-02-31",
        "25/11/2026",
        "2026-1-1",
        20261125,
        "2567-12-31",
        "๒๕๖๗-๑๒-๓๑",
        "31 ธ.ค. 2567",
    ],
    "aliases": [["a"], ["B"], ["a", "a"], "a"],
    "summary": ["", "x" * 700, None, 3],
    "sources": [["seed-a"], [], ["seed-b"], ["seed-a", "seed-a"], "seed-a"],
    "nmae": ["x"],
}


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(CANDIDATES)), st.integers(0, 9), st.booleans()), max_size=3
    )
)
def test_fast_path_agrees_with_the_explaining_validator(mutations: list) -> None:
    """The compiled validator may only say "valid" when jsonschema finds nothing, and the
    other way round: start from a valid city and change up to three fields."""
    data = json.loads(json.dumps(VALID_CITY))
    for key, pick, delete in mutations:
        if delete and key in data:
            del data[key]
        else:
            options = CANDIDATES[key]
            data[key] = options[pick % len(options)]
    checker = _checker()
    full = list(checker._validators["city"].iter_errors(data))
    assert checker.is_valid("city", data) == (full == []), (data, [e.message for e in full])
