"""The other languages, made in a second process while this one makes the first.

Used twice in a build: the generator renders the other languages' Markdown there
(`render.Renderer.render`), then MkDocs builds their pages there.

MkDocs builds on one core, and the i18n plugin builds the languages one after the other: it
calls MkDocs' `build()` again for each other language from the first one's `on_post_build`.
Once the pages are generated and the first language's navigation is made, the languages share
nothing but the site folder, each writing its own pages (`/` and `/en/`). So the plugin starts
this worker as soon as the first language's navigation exists: a forked copy of the build that
runs the i18n plugin's loop over the other languages at once, while this process goes on with
the first. On the 2-core machine of README's Benchmarks that took a first build at 1,000 cases
from 1.4× to 1.07× the time of plain MkDocs.

Where a fork is unavailable or unsafe (one core, another thread running as under `mkdocs
serve`, `parallel_languages: false`), nothing is started and the languages are made in turn,
as the i18n plugin always did; the output is the same, byte for byte (tests/test_build.py and
tests/test_pipeline_stages.py compare the two).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any


class WorkerFailed(RuntimeError):
    """The work failed in the second process; the message says why (its traceback)."""


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else (os.cpu_count() or 1)


def can_build_in_parallel() -> bool:
    """A second core to use, and a fork that is safe (no thread of this process would be
    copied half-way through its work)."""
    return available_cores() > 1 and threading.active_count() == 1 \
        and "fork" in multiprocessing.get_all_start_methods()


def _end_with(parent: int) -> None:
    """Linux: the kernel ends this process if the build's process dies (killed), rather than
    leave it writing into a folder nobody will use. (Not a watching thread, as the helper has:
    with a thread running, this process could not fork its own helper.)"""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before that took effect
        os._exit(1)


def _run(work: Callable[[], Any], results: Connection, parent: int) -> None:
    _end_with(parent)
    try:
        outcome: tuple[str, Any] = ("done", work())
    except BaseException as error:  # noqa: BLE001 — reported to the build, which stops
        # MkDocs' Abort says all there is to say (a strict-mode count, a broken link).
        abort = type(error).__name__ == "Abort"
        outcome = ("failed", str(error) if abort else traceback.format_exc())
    try:
        results.send(outcome)
    finally:
        results.close()
        sys.stdout.flush()
        sys.stderr.flush()
    if outcome[0] != "done":
        sys.exit(1)


class LanguageWorker:
    """`start` forks and runs `work` in the copy; `result` waits and returns what it
    returned, or raises WorkerFailed; `stop` ends it early (the build failed)."""

    def __init__(self) -> None:
        self._process: multiprocessing.process.BaseProcess | None = None
        self._results: Connection | None = None

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, work: Callable[[], Any]) -> None:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        sys.stdout.flush()  # or the copy would print what this process has buffered again
        sys.stderr.flush()
        process = context.Process(target=_run, args=(work, send, os.getpid()),
                                  name="lc-languages")
        process.start()
        send.close()
        self._process, self._results = process, receive

    def result(self) -> Any:
        process, results = self._process, self._results
        assert process is not None and results is not None, "start() first"
        self._process = self._results = None
        try:
            outcome = results.recv()
        except EOFError:  # it died without a word: killed, out of memory
            outcome = None
        finally:
            results.close()
            process.join()
        if outcome is None:
            outcome = ("failed", f"exit code {process.exitcode}")
        if outcome[0] != "done":
            raise WorkerFailed(outcome[1])
        return outcome[1]

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join()
        if self._results is not None:
            self._results.close()
        self._process = self._results = None
