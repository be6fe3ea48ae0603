"""The second process that builds the other languages (generator/language_worker.py)."""

from __future__ import annotations

import os
import time

import pytest
from generator.language_worker import LanguageWorker, WorkerFailed

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def test_what_the_work_returns_comes_back() -> None:
    worker = LanguageWorker()
    worker.start(lambda: ["en/index.html", os.getpid()])
    assert worker.running
    pages, pid = worker.result()
    assert pages == "en/index.html"
    assert pid != os.getpid()  # it ran in another process
    assert not worker.running


def test_an_error_there_stops_the_build_here_with_its_reason() -> None:
    def fail() -> None:
        raise ValueError("a page could not be rendered")

    worker = LanguageWorker()
    worker.start(fail)
    with pytest.raises(WorkerFailed, match="a page could not be rendered"):
        worker.result()


def test_a_process_that_dies_without_a_word_stops_the_build() -> None:
    worker = LanguageWorker()
    worker.start(lambda: os._exit(3))
    with pytest.raises(WorkerFailed, match="exit code 3"):
        worker.result()


def test_stop_ends_it_at_once() -> None:
    worker = LanguageWorker()
    worker.start(lambda: time.sleep(60))
    started = time.monotonic()
    worker.stop()
    assert time.monotonic() - started < 5
    assert not worker.running
