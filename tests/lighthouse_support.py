"""Running Lighthouse (npm `lighthouse`, pinned in the Makefile) against Debian's chromium,
with its default mobile preset: a mid-range phone on a slow 4G link. Shared by the page
quality test (tests/examples/test_lighthouse.py) and the speed benchmark (bench/lighthouse_bench.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from browser_support import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The real site's page kinds, in each language.
PAGES = [
    "index.html",
    "cities/khon-kaen.html",
    "projects/khlong-phadung-krung-kasem.html",
    "lessons/living-lab-to-participatory-budgeting.html",
    "projects/index.html",
]
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def audit(url: str, output: Path) -> dict[str, Any]:
    """One Lighthouse run; the report (JSON) is written to `output` and returned."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def scores(report: dict[str, Any]) -> dict[str, float]:
    return {name: float(report["categories"][name]["score"]) for name in CATEGORIES}


def metric(report: dict[str, Any], name: str) -> float:
    return float(report["audits"][name]["numericValue"])


def failing_audits(report: dict[str, Any]) -> list[str]:
    return [
        f"{a['id']} {a.get('displayValue', '')}".strip()
        for a in report["audits"].values()
        if a.get("score") is not None
        and a["score"] < 0.9
        and a.get("scoreDisplayMode") in ("binary", "numeric")
    ]
