"""Lighthouse Performance on the real site, with the variance measured rather than hoped away.

    .venv/bin/python bench/lighthouse_bench.py [--site site] [--runs 3]

Lighthouse's mobile preset (a slow 4G phone) on the five page kinds in Thai and English, each
`--runs` times in turn; prints a Markdown table of the median Performance score and of the
timings it is made of, with their spread. A baseline runs in the same session: Material's own
404 page of the same build (no content, the same theme, scripts and fonts), so that a slow
machine shows as a slow baseline, not as a slow archive. Lighthouse's benchmark index (its
own measure of the machine's speed) is printed too. Build the site first (`make build`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import serve
from lighthouse_support import LIGHTHOUSE, PAGES, audit, metric, scores

BASELINE = "404.html"
COLUMNS = (
    ("first-contentful-paint", "FCP ms"),
    ("largest-contentful-paint", "LCP ms"),
    ("total-blocking-time", "TBT ms"),
    ("cumulative-layout-shift", "CLS"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `make test` once (it installs it)", file=sys.stderr)
        return 2
    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `make build` first", file=sys.stderr)
        return 2
    pages = [BASELINE, *PAGES, *(f"en/{page}" for page in PAGES)]
    results: dict[str, list[dict[str, float]]] = {page: [] for page in pages}
    machine: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, serve(args.site, compress=True) as base:
        for run in range(args.runs):
            for page in pages:  # in turn, so a burst of load hits every page alike
                report = audit(f"{base}/{page}", Path(tmp) / f"{run}.json")
                row = {"performance": scores(report)["performance"] * 100}
                row.update({key: metric(report, key) for key, _ in COLUMNS})
                results[page].append(row)
                machine.append(float(report["environment"]["benchmarkIndex"]))
    print(f"Lighthouse mobile preset, median of {args.runs} runs (min–max of the score); ")
    print(f"Lighthouse benchmark index of this machine: median {statistics.median(machine):.0f}")
    print()
    print("| page | Performance | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for page in pages:
        rows = results[page]
        perf = [row["performance"] for row in rows]
        cells = [f"{statistics.median(perf):.0f} ({min(perf):.0f}–{max(perf):.0f})"]
        for key, label in COLUMNS:
            value = statistics.median(row[key] for row in rows)
            cells.append(f"{value:.3f}" if label == "CLS" else f"{value:.0f}")
        name = f"{page} (baseline: theme only)" if page == BASELINE else page
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
