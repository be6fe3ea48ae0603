"""The files a contributor changed, so that `validate` can show their problems first.

A researcher who fixes one case file should not have to find their two errors among the
warnings every other file has (23 needs-research warnings on the archive as it is). Which
files are "theirs", in order:

1. the files (or folders) named on the command line: `validate content/cities/lampang.md`;
2. otherwise, what git says: every file changed since the branch left the default branch
   (the merge base with `origin/HEAD`, `origin/main`, `main`, … or, in a pull request's
   checkout on GitHub Actions, the first parent of the merge commit), plus uncommitted
   changes — staged, unstaged and new files;
3. otherwise (no git, or nothing to compare with), nobody's: every problem is shown as before.

On the default branch itself with nothing uncommitted, no file is anyone's, and the full list
is shown.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_DEFAULT_BRANCHES = ("origin/main", "origin/master", "main", "master")


@dataclass(frozen=True)
class Changed:
    """The changed files, relative to the project root, and how we know."""

    files: frozenset[str]
    folders: frozenset[str] = frozenset()
    base: str = ""  # what they were compared with ("main"), or "" when named by hand

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and (
            path in self.files or any(path.startswith(f"{folder}/") for folder in self.folders)
        )

    def __bool__(self) -> bool:
        return bool(self.files or self.folders)

    def within(self, folder: str) -> Changed:
        """Only the changed files under `folder` (the content): a change to the code alone
        makes no file "yours", and the full list is shown."""
        return Changed(
            frozenset(f for f in self.files if f.startswith(f"{folder}/")), self.folders, self.base
        )


def named(paths: Sequence[str], root: Path) -> Changed:
    """Files and folders given on the command line, relative to the project root."""
    files: set[str] = set()
    folders: set[str] = set()
    for given in paths:
        path = Path(given)
        absolute = (path if path.is_absolute() else Path.cwd() / path).resolve()
        try:
            rel = absolute.relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        (folders if absolute.is_dir() else files).add(rel.rstrip("/") or ".")
    if "." in folders:  # the whole project: nothing comes first
        return Changed(frozenset())
    return Changed(frozenset(files), frozenset(folders))


def from_git(root: Path) -> Changed | None:
    """Files changed on this branch and not yet committed; None when git cannot tell."""
    if _git(root, "rev-parse", "--is-inside-work-tree") != "true":
        return None
    base, label = _base(root)
    files: set[str] = set()
    if base:
        files |= _names(_git(root, "diff", "--name-only", "--relative", "-z", base, "HEAD"))
    uncommitted = _git(root, "diff", "--name-only", "--relative", "-z", "HEAD")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z")
    if base is None and uncommitted is None:
        return None
    files |= _names(uncommitted) | _names(untracked)
    return Changed(frozenset(files), base=label)


def _base(root: Path) -> tuple[str | None, str]:
    """The commit this branch started from: (commit, what to call it)."""
    candidates = []
    pull_request_base = os.environ.get("GITHUB_BASE_REF")
    if pull_request_base:
        candidates += [f"origin/{pull_request_base}", pull_request_base]
    remote_head = _git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    if remote_head:
        candidates.append(remote_head)
    candidates += _DEFAULT_BRANCHES
    for candidate in dict.fromkeys(candidates):
        if _git(root, "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}") is None:
            continue
        merge_base = _git(root, "merge-base", "HEAD", candidate)
        if merge_base:
            return merge_base, candidate.removeprefix("origin/")
    # A pull request's checkout on GitHub Actions is a merge commit of the branch into the
    # base, without the base branch itself: its first parent is the base.
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD^2") is not None:
        return "HEAD^1", pull_request_base or "HEAD^1"
    return None, ""


def _names(output: str | None) -> set[str]:
    return {name for name in (output or "").split("\0") if name}


def _git(root: Path, *args: str) -> str | None:
    """Output of a git command, or None when git is missing or the command fails."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None
