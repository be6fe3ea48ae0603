"""Command line: `python -m generator validate|build|serve|release …`.

Exit codes: 0 clean, 1 content errors (or warnings with --strict), 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import report
from .changed import Changed, from_git, named
from .citation_cff import write_cff
from .config import ConfigError, SiteConfig, load_config
from .contrib.forms import FORMS_DIR, render_forms
from .contrib.from_issue import comment, convert, form_named
from .contrib.sources_template import TEMPLATE_NAME, SourceExists, add_source, template_text
from .fork import remove_examples
from .pipeline import check
from .scaffold import ScaffoldError, new_case
from .validate.schema import localisation

ENGINES = ("mkdocs", "properdocs")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Learning City Knowledge Bank: validate case files and build the site.",
    )
    parser.add_argument(
        "-f", "--config-file", default="mkdocs.yml", help="site configuration (default: mkdocs.yml)"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate",
        help="check every case file; build nothing",
        description="Check every case file. Problems in the files you changed come first: "
        "the files named here, or else what git says changed since your branch "
        "left the default branch, plus uncommitted changes. Errors elsewhere "
        "follow; warnings elsewhere are counted in one line (--all shows them).",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        metavar="FILE",
        help="your files (or folders): their problems come first",
    )
    validate.add_argument(
        "--all",
        action="store_true",
        dest="show_all",
        help="show every problem of every file in full",
    )
    validate.add_argument(
        "--lang",
        choices=["both", "th", "en"],
        default="both",
        help="language of the messages: th for Thai only (default: both)",
    )
    validate.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default=None,
        help="output format (default: text, plus github annotations when GITHUB_ACTIONS=true)",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too")

    new = commands.add_parser(
        "new",
        help="start a new case (a Thai file and its English twin, every field "
        "commented) or a new source (an entry at the end of content/sources.yml)",
    )
    new.add_argument("kind", choices=["city", "project", "lesson", "event", "source"])
    new.add_argument("id", help="permanent id and file name: lowercase a-z, digits, hyphens")
    new.add_argument(
        "--city", help="for a project: the id of its city; for an event: a city it concerns"
    )

    remove = commands.add_parser(
        "remove-examples",
        help="for a fork: delete this programme's cities, projects, lessons, events, sources "
        "and their tests (tests/examples/); keep the pages, vocabularies and configuration",
    )
    remove.add_argument(
        "--pages",
        action="store_true",
        help="delete content/pages/ too (the home page is then generated)",
    )

    commands.add_parser(
        "citation-cff",
        help="write mkdocs.yml's title, addresses, publisher and contact into "
        "CITATION.cff (its version, date, authors and DOI stay)",
    )
    commands.add_parser(
        "issue-forms",
        help="write .github/ISSUE_TEMPLATE/ and content/sources.template.yml "
        "from the schemas and vocabularies",
    )
    issue = commands.add_parser(
        "from-issue", help="turn a filled issue form into case files (or a comment saying why not)"
    )
    issue.add_argument(
        "--form",
        required=True,
        choices=[
            "project",
            "lesson",
            "event",
            "propose-project",
            "propose-lesson",
            "propose-event",
            "projects",
            "lessons",
            "events",
        ],
    )
    issue.add_argument("--body", required=True, type=Path, help="file holding the issue's body")
    issue.add_argument("--issue", type=int, help="issue number, noted beside a new source")
    issue.add_argument("--comment", type=Path, help="write the issue comment (Markdown) here")

    release = commands.add_parser(
        "release",
        help="build the site, then write the web archive (WACZ), the research "
        "deposit (BagIt + RO-Crate), the data package and SHA256SUMS into dist/",
    )
    release.add_argument(
        "--dist", type=Path, default=Path("dist"), help="output folder (default: dist/)"
    )
    release.add_argument(
        "--version",
        dest="release_version",
        help="name of the release in file names (default: git describe)",
    )

    commands.add_parser("zenodo", help="write .zenodo.json from CITATION.cff and mkdocs.yml")

    for name, help_text in (
        ("build", "validate, then build the site into site/"),
        ("serve", "build and serve with live reload on 127.0.0.1:8000"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--engine", choices=ENGINES, default="mkdocs")
        sub.add_argument(
            "extra", nargs=argparse.REMAINDER, help="passed on to the engine (e.g. -d other-site)"
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    try:
        handler = _CONFIG_COMMANDS.get(args.command)
        if handler is None:
            return _engine(args)
        config_path = Path(args.config_file)
        if not config_path.is_file():
            print(f"{config_path}: no such configuration file / ไม่พบไฟล์ตั้งค่า", file=sys.stderr)
            return 2
        try:
            config = load_config(config_path)
        except ConfigError as error:
            print(f"{error} / อ่านไฟล์ตั้งค่าไม่ได้", file=sys.stderr)
            return 2
        return handler(args, config)
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 — an internal error, not the contributor's: say so, exit 2
        traceback.print_exc()
        print(
            "internal error — please report it with the text above / "
            "ข้อผิดพลาดภายในโปรแกรม กรุณาแจ้งผู้ดูแลพร้อมข้อความด้านบน",
            file=sys.stderr,
        )
        return 2


def _validate(args: argparse.Namespace, config: SiteConfig) -> int:
    checked = check(config)
    problems = checked.problems.sorted()
    changed: Changed | None
    if args.paths:
        changed = named(args.paths, config.root)
    else:
        in_git = from_git(config.root)
        content = config.content_dir.relative_to(config.root).as_posix()
        changed = in_git.within(content) if in_git else None
    fmt = args.format or "text"
    if fmt == "json":
        report.write_json(problems, sys.stdout, changed)
    elif fmt == "github":
        report.write_github(problems, sys.stdout, changed, args.show_all)
    else:
        report.write_text(problems, sys.stdout, args.lang, changed, args.show_all)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            report.write_github(problems, sys.stdout, changed, args.show_all)
    return 1 if checked.problems.has_errors(args.strict) else 0


# The scaffold's last words: what to do next, and how to read the checks in Thai alone.
NEXT_STEPS = (
    "next: fill in the empty fields, then check with `make validate`\n"
    "ต่อไป: กรอกช่องที่ว่าง แล้วตรวจด้วยคำสั่ง (แสดงผลเป็นภาษาไทยอย่างเดียว):\n"
    "    .venv/bin/python -m generator validate --lang th"
)


def _new(args: argparse.Namespace, config: SiteConfig) -> int:
    if args.kind == "source":
        try:
            path = add_source(config, args.id)
        except SourceExists as exc:
            print(exc, file=sys.stderr)
            return 2
        print(f"added / เพิ่มแล้ว: `{args.id}` → {path.relative_to(config.root).as_posix()}")
        print(NEXT_STEPS)
        return 0
    values: dict[str, str] = {}
    if args.city:
        values = {"cities": f"[{args.city}]"} if args.kind == "event" else {"city": args.city}
    try:
        made = new_case(config, args.kind, args.id, values=values)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in [made.primary, *made.translations]:
        print(f"created / สร้างแล้ว: {path.relative_to(config.root).as_posix()}")
    print(NEXT_STEPS)
    return 0


def _remove_examples(args: argparse.Namespace, config: SiteConfig) -> int:
    removed = remove_examples(config, pages=args.pages)
    print(
        f"removed {len(removed)} files / ลบ {len(removed)} ไฟล์: cities, projects, lessons, events, "
        f"media{', pages' if args.pages else ''}, sources.yml, tests/examples/"
    )
    print(
        "next: edit content/pages/ and mkdocs.yml (site name, colours, figures) / "
        "ต่อไป: แก้ content/pages/ และ mkdocs.yml"
    )
    return 0


def _citation_cff(args: argparse.Namespace, config: SiteConfig) -> int:
    path = write_cff(config)
    print(f"wrote / เขียน {path.relative_to(config.root).as_posix()}")
    return 0


def _issue_forms(args: argparse.Namespace, config: SiteConfig) -> int:
    checked = check(config)
    vocabularies = {name: checked.loaded.vocabulary(name) for name in ("themes", "sdgs", "regions")}
    folder = config.root / FORMS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in render_forms(vocabularies, localisation(config)).items():
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote / เขียน {(FORMS_DIR / name).as_posix()}")
    template = config.content_dir / TEMPLATE_NAME
    template.write_text(template_text(localisation(config)), encoding="utf-8")
    print(f"wrote / เขียน {template.relative_to(config.root).as_posix()}")
    return 0


def _from_issue(args: argparse.Namespace, config: SiteConfig) -> int:
    name = {"project": "projects", "lesson": "lessons", "event": "events"}.get(args.form, args.form)
    body = args.body.read_text(encoding="utf-8", errors="replace")
    conversion = convert(body, form_named(name, localisation(config)), config, issue=args.issue)
    text = comment(conversion)
    if args.comment:
        args.comment.write_text(text, encoding="utf-8")
    if not conversion.ok:
        print(text, file=sys.stderr)
        return 1
    for rel, content in conversion.files.items():
        target = config.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        print(f"wrote / เขียน {rel}")
    return 0


def _release(args: argparse.Namespace, config: SiteConfig) -> int:
    # Imported here: the release-only packages stay out of every other command's imports.
    from .release.identity import IdentityError
    from .release.run import ReleaseError, make_release
    from .release.tools import ToolFailed

    dist = args.dist if args.dist.is_absolute() else config.root / args.dist
    try:
        made = make_release(
            config, Path(args.config_file).resolve(), dist, version=args.release_version
        )
    except (ReleaseError, IdentityError, ToolFailed) as error:
        print(f"release failed / สร้างชุดเผยแพร่ไม่สำเร็จ: {error}", file=sys.stderr)
        return 1
    for warning in made.warnings:
        print(f"warning / คำเตือน: {warning}", file=sys.stderr)
    for name, size in made.files.items():
        print(f"{size / 2**20:9.2f} MB  {dist.name}/{name}")
    return 0


def _zenodo(args: argparse.Namespace, config: SiteConfig) -> int:
    from .release.zenodo import ZENODO_FILE, zenodo_json

    (config.root / ZENODO_FILE).write_text(zenodo_json(config), encoding="utf-8")
    print(f"wrote / เขียน {ZENODO_FILE}")
    return 0


# Commands that read mkdocs.yml themselves (the engines read it on their own).
_CONFIG_COMMANDS: dict[str, Callable[[argparse.Namespace, SiteConfig], int]] = {
    "validate": _validate,
    "new": _new,
    "remove-examples": _remove_examples,
    "issue-forms": _issue_forms,
    "from-issue": _from_issue,
    "citation-cff": _citation_cff,
    "release": _release,
    "zenodo": _zenodo,
}


def _engine(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", args.engine, args.command, "-f", args.config_file]
    if args.command == "serve":
        command += ["-a", "127.0.0.1:8000", "--livereload", "--dirty", "--no-strict"]
    extra = [a for a in args.extra if a != "--"]
    return subprocess.call(command + extra)
