"""A helper beside the build, for work that need not hold MkDocs up.

MkDocs renders pages on one core. Indexing each page for search and packing it into the
offline ZIP would add a third to a build (README, Benchmarks); the build hands them to
helpers as MkDocs renders each page, so they run on the other core at the same time
(`search_index`, `offline_zip`).

A helper is one process — or, for work that spends its time in C with Python's lock released
(compressing the offline ZIP), one thread of the build's process. It runs what it is given in
order, so the state its tasks keep in module variables lasts from one task to the next — and,
under `mkdocs serve`, from one rebuild to the next. Where no process can be started, the tasks
run at once in the build's own process: slower, same result.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

log = logging.getLogger("mkdocs.plugins.learningcity")

__all__ = ["BrokenProcessPool", "Helper"]


class _InProcess(Executor):
    """Runs each call at once, in this process: the fallback where no helper can start."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:  # noqa: BLE001 — handed back through the future, as a process pool does
            future.set_exception(error)
        return future


def _exit_with(parent: int) -> None:
    """In the helper: leave when the build's process is gone. Killed (`mkdocs serve` stopped
    with SIGTERM), it cannot say goodbye, and an orphaned helper would keep its terminal or
    pipe open and hold its memory."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="lc-helper-watch", daemon=True).start()


def _start(in_thread: bool) -> Executor:
    if in_thread:
        # Start it after the helper process: a process forked while this thread runs could
        # copy one of its locks held.
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="lc-helper")
    # "fork" where it is safe (no other thread yet, as in `mkdocs build`): it starts at once
    # and does not re-import the program that runs the build; beside the threads of
    # `mkdocs serve`, "spawn".
    method = (
        "fork"
        if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
        else "spawn"
    )
    try:
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context(method),
            initializer=_exit_with,
            initargs=(os.getpid(),),
        )
    except (OSError, NotImplementedError, ImportError) as error:
        log.info("No helper process (%s): the build does its work itself", error)
        return _InProcess()


class Helper:
    """Started on the first task; `wait` returns the results of everything sent since the
    last `wait` (and raises the first error); `close` stops the process or thread."""

    def __init__(self, in_thread: bool = False) -> None:
        self._in_thread = in_thread
        self._executor: Executor | None = None
        self._pending: list[Future[Any]] = []

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        if self._executor is None:
            self._executor = _start(self._in_thread)
        self._pending.append(self._executor.submit(fn, *args))

    def wait(self) -> list[Any]:
        pending, self._pending = self._pending, []
        try:
            return [future.result() for future in pending]
        except BrokenProcessPool:
            self.close()  # the process died (out of memory, killed): the next task starts anew
            raise

    def forget(self) -> None:
        """Drop the results not yet waited for (after a failed build)."""
        self._pending = []

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._pending = []
