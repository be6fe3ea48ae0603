"""Benchmarks: build speed and scaling, validation, page weight, edit-to-preview.

    .venv/bin/python bench/run.py [--sizes 100,1000,5000] [--repeat 3] [--skip-hugo] [--skip-serve]

Every figure is compared in the same run with a baseline on the same pages, because the
machine is noisy: plain `mkdocs build` (Material + i18n, without our generator) of the
Markdown our generator rendered — without search (the floor) and with Material's own search
plugin (what a plain Material site does by default; our pipeline replaces it), Hugo on
equivalent plain Markdown, and check-jsonschema on the same front matter. The pipeline and
plain MkDocs run in turn `--repeat` times and the median of each is reported; every pipeline
run is a first build (no .cache/, no site/), every plain run starts without its site folder.
Prints a Markdown table; not part of the test suite.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from synthetic import make_site_project

PYTHON = sys.executable
BIN = Path(PYTHON).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak memory (KB) of a child process."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    peak = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def baseline_config(project: Path, search: bool = False) -> Path:
    """mkdocs.yml without our plugin, reading the Markdown our generator rendered; with
    `search`, Material's own search plugin on, as a plain Material site has it by default."""
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reading: follows INHERIT

    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    generated = project / ".cache" / "docs"
    nav = json.loads((project / ".cache" / "nav.json").read_text(encoding="utf-8"))
    config["plugins"] = {
        name: settings for name, settings in config["plugins"].items() if name != "learningcity"
    }
    config["docs_dir"] = str(generated)
    config["site_dir"] = str(project / ("site-baseline-search" if search else "site-baseline"))
    config["nav"] = nav
    config["strict"] = False
    if search:
        config["plugins"] = {"search": {}, **config["plugins"]}
    target = project / ("mkdocs-baseline-search.yml" if search else "mkdocs-baseline.yml")
    target.write_text(yaml.dump(config, allow_unicode=True), encoding="utf-8")
    return target


def pipeline_and_plain(project: Path, repeat: int) -> tuple[float, int, float, int]:
    """Median seconds and largest peak memory (KB) of our first build and of plain MkDocs
    on the Markdown it rendered, run in turn so that both see the same machine."""
    ours: list[tuple[float, int]] = []
    plain: list[tuple[float, int]] = []
    for _ in range(max(repeat, 1)):
        for folder in (".cache", "site", "site-baseline"):
            shutil.rmtree(project / folder, ignore_errors=True)
        os.sync()  # or the disk would still be busy deleting while the next build writes
        ours.append(run([PYTHON, "-m", "mkdocs", "build"], project))
        os.sync()
        plain.append(
            run([PYTHON, "-m", "mkdocs", "build", "-f", str(baseline_config(project))], project)
        )
    return (
        statistics.median(t for t, _ in ours),
        max(kb for _, kb in ours),
        statistics.median(t for t, _ in plain),
        max(kb for _, kb in plain),
    )


def hugo_site(project: Path) -> Path | None:
    """The same pages as plain Markdown in a minimal Hugo site (no theme: raw content)."""
    if not shutil.which("hugo", path=str(BIN)):
        return None
    site = project / "hugo"
    if site.exists():
        shutil.rmtree(site)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html><head><title>{{ .Title }}</title></head>"
        "<body><nav>{{ range .Site.Menus.main }}<a href='{{ .URL }}'>{{ .Name }}</a>{{ end }}"
        "</nav>{{ .Content }}</body></html>",
        encoding="utf-8",
    )
    (site / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html><body>{{ .Content }}</body></html>", encoding="utf-8"
    )
    (site / "hugo.toml").write_text(
        'baseURL = "/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS"]\n',
        encoding="utf-8",
    )
    generated = project / ".cache" / "docs"
    for page in generated.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---") else text
        target = site / "content" / page.relative_to(generated)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'---\ntitle: "{page.stem}"\n---\n{body}', encoding="utf-8")
    return site


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML bytes, gzip bytes of HTML + the CSS, JS and fonts it references)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode("utf-8")))
    seen = set()
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        path = (html_path.parent / ref.split("?")[0]).resolve()
        if path.is_file() and path not in seen:
            seen.add(path)
            data = path.read_bytes()
            total += len(gzip.compress(data))
            if path.suffix == ".css":  # fonts the stylesheet pulls in (woff2: already packed)
                for font in re.findall(rb'url\("?([^")]+\.woff2)', data):
                    font_path = (path.parent / font.decode()).resolve()
                    if font_path.is_file() and font_path not in seen:
                        seen.add(font_path)
                        total += font_path.stat().st_size
    return len(html.encode("utf-8")), total


def validate_bench(workdir: Path) -> dict[str, float]:
    """10,000 case files: our validator vs check-jsonschema on the same front matter."""
    project = make_site_project(workdir / "validate-10k", 5000)  # 5,000 cases × 2 languages
    ours, _ = run([PYTHON, "-m", "generator", "validate", "--lang", "en"], project)
    result = {"files": 10_000, "ours_s": ours}
    checker = BIN / "check-jsonschema"
    if checker.exists():
        front = workdir / "front"
        front.mkdir(exist_ok=True)
        schemas = {}
        from generator.validate.schema import inlined_schemas

        for name, schema in inlined_schemas().items():
            path = workdir / f"{name}.schema.json"
            path.write_text(json.dumps(schema), encoding="utf-8")
            schemas[name] = path
        groups: dict[str, list[str]] = {}
        for md in (project / "content").rglob("*.md"):
            text = md.read_text(encoding="utf-8")
            kind = md.parent.name
            schema = (
                "translation"
                if md.name.endswith(".en.md")
                else {"cities": "city", "projects": "project", "lessons": "lesson"}.get(
                    kind, "page"
                )
            )
            out = front / f"{kind}-{md.name}.yaml"
            out.write_text(text.split("\n---\n", 1)[0].removeprefix("---\n"), encoding="utf-8")
            groups.setdefault(schema, []).append(str(out))
        start = time.perf_counter()
        for schema, files in groups.items():
            subprocess.run(
                [str(checker), "--schemafile", str(schemas[schema]), *files],
                capture_output=True,
                env=ENV,
                check=False,
            )
        result["check_jsonschema_s"] = time.perf_counter() - start
    return result


def serve_bench(project: Path) -> float:
    """Seconds from saving a case file to the rebuilt page being served."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # As `make serve` runs it: --dirty re-renders only the pages whose Markdown changed.
    server = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--dirty", "--no-strict"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/cities/city-00001.html"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 900
        while "city-00001" not in fetch() and time.monotonic() < deadline:
            time.sleep(0.5)
        path = project / "content" / "cities" / "city-00001.md"
        marker = f"edited-{time.time_ns()}"
        start = time.perf_counter()
        path.write_text(path.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        while marker not in fetch():
            if time.perf_counter() - start > 600:
                return float("inf")
            time.sleep(0.1)
        return time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the pipeline and of plain MkDocs, in turn (median shown)",
    )
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-validate", action="store_true")
    parser.add_argument("--keep", help="keep the generated projects in this folder")
    args = parser.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="lckb-bench-"))
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d')}\n"
    )
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        project = make_site_project(workdir / f"site-{size}", size)
        ours, ours_kb, base, base_kb = pipeline_and_plain(project, args.repeat)
        base_search, _ = run(
            [PYTHON, "-m", "mkdocs", "build", "-f", str(baseline_config(project, search=True))],
            project,
        )
        hugo_s = None
        if not args.skip_hugo and (hugo := hugo_site(project)) is not None:
            hugo_s, _ = run([str(BIN / "hugo"), "--quiet", "-d", str(project / "site-hugo")], hugo)
        site = project / "site"
        pages = sum(1 for _ in site.rglob("*.html"))
        html, weight = page_weight(site, "cities/city-00001.html")
        search = site / "search"
        search_bytes = folder_size(search) if search.exists() else 0
        rows.append(
            {
                "cases": size,
                "pages": pages,
                "ours_s": ours,
                "baseline_s": base,
                "ratio": ours / base,
                "search_baseline_s": base_search,
                "search_ratio": ours / base_search,
                "hugo_s": hugo_s,
                "peak_mb": ours_kb / 1024,
                "baseline_peak_mb": base_kb / 1024,
                "site_mb": folder_size(site) / 2**20,
                "search_kb_per_100": search_bytes / 1024 / max(pages, 1) * 100,
                "page_html_kb": html / 1024,
                "page_transfer_kb": weight / 1024,
            }
        )
        print(
            f"  built {size} cases ({pages} pages): {ours:.1f}s vs {base:.1f}s "
            f"({base_search:.1f}s with Material's search)",
            flush=True,
        )
    print(
        "\n| cases | pages | pipeline s | plain mkdocs s | ratio | plain + Material search s "
        "| ratio | Hugo s | peak MB (plain) | site MB | search KB/100 pages "
        "| case page HTML KB | transferred KB (gzip) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        hugo_text = f"{r['hugo_s']:.2f}" if r["hugo_s"] is not None else "—"
        print(
            f"| {r['cases']} | {r['pages']} | {r['ours_s']:.1f} | {r['baseline_s']:.1f} | "
            f"{r['ratio']:.2f}× | {r['search_baseline_s']:.1f} | {r['search_ratio']:.2f}× | "
            f"{hugo_text} | {r['peak_mb']:.0f} ({r['baseline_peak_mb']:.0f})"
            f" | {r['site_mb']:.1f} | {r['search_kb_per_100']:.0f} | {r['page_html_kb']:.0f}"
            f" | {r['page_transfer_kb']:.0f} |"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["ours_s"] / first["ours_s"]) / (last["cases"] / first["cases"])
        print(
            f"\nScaling {first['cases']}→{last['cases']} cases: time grew "
            f"{last['ours_s'] / first['ours_s']:.1f}× for {last['cases'] / first['cases']:.0f}× "
            f"the cases ({growth:.2f} of linear)."
        )
    if not args.skip_validate:
        v = validate_bench(workdir)
        line = f"\nValidation of {v['files']:,} files: {v['ours_s']:.2f}s"
        if "check_jsonschema_s" in v:
            line += (
                f"; check-jsonschema on the same front matter: {v['check_jsonschema_s']:.2f}s"
                f" (ours is {v['check_jsonschema_s'] / v['ours_s']:.1f}× faster)"
            )
        print(line)
    if not args.skip_serve:
        project = workdir / "site-1000"
        if not project.exists():
            project = make_site_project(project, 1000)
        print(
            f"\nmkdocs serve, 1,000 cases: save → rebuilt page served in "
            f"{serve_bench(project):.1f}s"
        )
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"\n(total child CPU {children.ru_utime + children.ru_stime:.0f}s)")


if __name__ == "__main__":
    main()
