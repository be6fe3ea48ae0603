"""When each content file last changed, from git history in one pass; {} outside a checkout."""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(root: Path, folder: str = "content") -> dict[str, str]:
    """Repository-relative path → date (YYYY-MM-DD) of the last commit that touched it."""
    try:
        output = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", folder],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}  # not a git checkout (a ZIP download, a copy): callers fall back
    dates: dict[str, str] = {}
    for block in output.split("\x00")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        date, paths = lines[0], lines[1:]
        for path in paths:
            dates.setdefault(path.strip(), date)  # newest commit comes first
    return dates
