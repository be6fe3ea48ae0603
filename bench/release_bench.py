"""Benchmark of `make release`: how long it takes next to `make build`, and how big each
package is, for the repository's own content and for synthetic cases.

    .venv/bin/python bench/release_bench.py [--sizes real,1000] [--repeat 1]

For each project the site build (`mkdocs build`, what `make build` runs) and the release
(`python -m generator release`, what `make release` runs: it builds the site again, then
captures, packs and validates every package) run in turn, in the same run, so that both see
the same machine; the release's own report gives the time of each step. Prints a Markdown
table; not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from synthetic import make_site_project

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PACKAGES = [
    ("wacz", ".wacz"),
    ("bag", "-bag.zip"),
    ("site ZIP", "-site.zip"),
    ("data", "-data.zip"),
]


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return elapsed, result.stdout


def project_for(size: str, workdir: Path) -> Path:
    """A git checkout of the real content, or of `size` synthetic cases."""
    target = workdir / f"project-{size}"
    if size == "real":
        target.mkdir(parents=True)
        for name in ("mkdocs.yml", "CITATION.cff", ".zenodo.json"):
            shutil.copy2(ROOT / name, target / name)
        for folder in ("theme", "content"):
            shutil.copytree(ROOT / folder, target / folder)
    else:
        make_site_project(target, int(size))
        for name in ("CITATION.cff", ".zenodo.json"):
            shutil.copy2(ROOT / name, target / name)
    for command in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        [
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.org",
            "commit",
            "-q",
            "-m",
            "bench",
        ],
        ["tag", "v0.0-bench"],
    ):
        subprocess.run(["git", *command], cwd=target, check=True)
    return target


def steps(report: str) -> dict[str, float]:
    return {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"^\s+(.+?): ([0-9.]+) s$", report, re.MULTILINE)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="real,1000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", help="keep the projects in this folder")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="lckb-release-bench-"))
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d')}\n"
    )
    rows = []
    for size in args.sizes.split(","):
        project = project_for(size, workdir)
        builds, releases, reports = [], [], []
        for _ in range(max(args.repeat, 1)):
            shutil.rmtree(project / "site", ignore_errors=True)
            shutil.rmtree(project / ".cache", ignore_errors=True)
            builds.append(timed([PYTHON, "-m", "mkdocs", "build"], project)[0])
            shutil.rmtree(project / ".cache", ignore_errors=True)
            elapsed, report = timed([PYTHON, "-m", "generator", "release"], project)
            releases.append(elapsed)
            reports.append(steps(report))
        dist = project / "dist"
        sizes = {
            label: next(p.stat().st_size for p in dist.iterdir() if p.name.endswith(end))
            for label, end in PACKAGES
        }
        pages = sum(1 for _ in (project / "site").rglob("*.html"))
        row = {
            "size": size,
            "pages": pages,
            "build": statistics.median(builds),
            "release": statistics.median(releases),
            "steps": reports[-1],
            **sizes,
        }
        rows.append(row)
        print(
            f"  {size}: build {row['build']:.1f} s, release {row['release']:.1f} s "
            f"({row['release'] / row['build']:.1f}×); steps: "
            + ", ".join(f"{k} {v:.1f} s" for k, v in row["steps"].items()),
            flush=True,
        )
    print(
        "\n| cases | pages | `make build` s | `make release` s | ratio | WACZ MB | bag MB "
        "| site ZIP MB | data MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['size']} | {r['pages']:,} | {r['build']:.1f} | {r['release']:.1f} | "
            f"{r['release'] / r['build']:.1f}× | {r['wacz'] / 2**20:.1f} | "
            f"{r['bag'] / 2**20:.1f} | {r['site ZIP'] / 2**20:.1f} | {r['data'] / 2**20:.2f} |"
        )
    print("\nWhere the release's time goes (last run):")
    for r in rows:
        total = sum(r["steps"].values()) or 1
        print(
            f"- {r['size']}: "
            + "; ".join(f"{k} {v:.1f} s ({v / total:.0%})" for k, v in r["steps"].items())
        )
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
