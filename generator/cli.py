"""Command line: `python -m generator validate|build|serve|export …`.

Exit codes: 0 clean, 1 content errors (or warnings with --strict), 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import report
from .config import load_config
from .pipeline import check

ENGINES = ("mkdocs", "properdocs")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Learning City Knowledge Bank: validate case files and build the site.",
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml",
                        help="site configuration (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every case file; build nothing")
    validate.add_argument("--lang", choices=["both", "th", "en"], default="both",
                          help="language of the messages (default: both)")
    validate.add_argument("--format", choices=["text", "github", "json"], default=None,
                          help="output format (default: text, plus github annotations "
                               "when GITHUB_ACTIONS=true)")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")

    for name, help_text in (("build", "validate, then build the site into site/"),
                            ("serve", "build and serve with live reload on 127.0.0.1:8000")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--engine", choices=ENGINES, default="mkdocs")
        sub.add_argument("extra", nargs=argparse.REMAINDER,
                         help="passed on to the engine (e.g. -d other-site)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    try:
        if args.command == "validate":
            return _validate(args)
        return _engine(args)
    except KeyboardInterrupt:
        return 130
    except Exception:  # an internal error, not the contributor's: say so, exit 2
        traceback.print_exc()
        print("internal error — please report it with the text above / "
              "ข้อผิดพลาดภายในโปรแกรม กรุณาแจ้งผู้ดูแลพร้อมข้อความด้านบน", file=sys.stderr)
        return 2


def _validate(args: argparse.Namespace) -> int:
    config_path = Path(args.config_file)
    if not config_path.is_file():
        print(f"{config_path}: no such configuration file / ไม่พบไฟล์ตั้งค่า", file=sys.stderr)
        return 2
    checked = check(load_config(config_path))
    problems = checked.problems.sorted()
    fmt = args.format or "text"
    if fmt == "json":
        report.write_json(problems, sys.stdout)
    elif fmt == "github":
        report.write_github(problems, sys.stdout)
    else:
        report.write_text(problems, sys.stdout, args.lang)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            report.write_github(problems, sys.stdout)
    return 1 if checked.problems.has_errors(args.strict) else 0


def _engine(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", args.engine, args.command, "-f", args.config_file]
    if args.command == "serve":
        command += ["-a", "127.0.0.1:8000", "--livereload"]
    extra = [a for a in args.extra if a != "--"]
    return subprocess.call(command + extra)
