"""Running the release tools' own command lines (wacz, bagit.py, rocrate-validator): their
documented interface, with their verdict read from the exit code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


class ToolFailed(Exception):
    """A packaging or validation tool said no; the message holds what it printed."""


def tool(name: str) -> str:
    """A console script installed beside this Python (the venv's bin/), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise ToolFailed(
            f"`{name}` is not installed: run `make .venv/.installed` (requirements.lock pins it)"
        )
    return found


def run_tool(
    command: list[str], what: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> str:
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=env, timeout=3600, check=False
    )
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        raise ToolFailed(f"{what} failed (exit {result.returncode}):\n{output[-4000:]}")
    return output
