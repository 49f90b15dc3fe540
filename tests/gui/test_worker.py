"""The worker helper: results, errors, progress and cancellation reach the GUI thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reviewer.ui.worker import TaskControl, Worker


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[Worker]:
    worker = Worker()
    yield worker
    worker.cancel_all()
    assert worker.wait(10_000), "a task leaked past its test"


def _gui_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, worker: Worker) -> None:
    ran_on: list[object] = []
    got: list[tuple[object, object]] = []

    def task(control: TaskControl) -> int:
        ran_on.append(threading.current_thread())
        return 6 * 7

    handle = worker.submit(
        "answer", task, on_success=lambda value: got.append((value, QThread.currentThread()))
    )
    qtbot.waitUntil(lambda: not handle.running, timeout=5000)
    assert got == [(42, _gui_thread())]
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert worker.running() == []


def test_an_error_is_delivered_not_lost(qtbot: QtBot, worker: Worker) -> None:
    errors: list[BaseException] = []
    successes: list[object] = []

    def task(control: TaskControl) -> None:
        raise ValueError("broken file")

    handle = worker.submit("fails", task, on_error=errors.append, on_success=successes.append)
    qtbot.waitUntil(lambda: not handle.running, timeout=5000)
    assert [str(e) for e in errors] == ["broken file"]
    assert successes == []


def test_progress_is_reported_in_order(qtbot: QtBot, worker: Worker) -> None:
    seen: list[tuple[int, int, str]] = []

    def task(control: TaskControl) -> str:
        for done in range(1, 6):
            control.progress(done, 5, "rows")
        return "done"

    results: list[str] = []
    handle = worker.submit(
        "counts", task, on_progress=lambda *a: seen.append(a), on_success=results.append
    )
    qtbot.waitUntil(lambda: not handle.running, timeout=5000)
    assert results == ["done"]
    assert seen == [(i, 5, "rows") for i in range(1, 6)]


def test_cancel_stops_a_running_task(qtbot: QtBot, worker: Worker) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def task(control: TaskControl) -> None:
        started.set()
        while True:  # a long computation that checks where stopping is safe
            control.check()
            time.sleep(0.005)

    handle = worker.submit(
        "forever",
        task,
        on_success=lambda _: outcome.append("success"),
        on_cancel=lambda: outcome.append("cancelled"),
        on_error=lambda e: outcome.append(f"error {e!r}"),
    )
    assert started.wait(5)
    assert handle.running
    with qtbot.waitSignal(handle.signals.ended, timeout=5000):
        handle.cancel()
    assert outcome == ["cancelled"]
    assert not handle.running


def test_a_result_after_cancel_is_not_delivered(qtbot: QtBot, worker: Worker) -> None:
    """A task that ignores the request still ends as cancelled: a newer request has
    replaced it, and its stale result must not reach the window."""
    release = threading.Event()
    outcome: list[str] = []

    def task(control: TaskControl) -> str:
        release.wait(5)
        return "stale"

    handle = worker.submit(
        "stale",
        task,
        on_success=outcome.append,
        on_cancel=lambda: outcome.append("cancelled"),
    )
    handle.cancel()
    with qtbot.waitSignal(handle.signals.ended, timeout=5000):
        release.set()
    assert outcome == ["cancelled"]


def test_cancel_hook_is_a_plain_callable(qtbot: QtBot, worker: Worker) -> None:
    """Services and the solver poll a plain callable, knowing nothing of Qt."""
    polled: list[bool] = []

    def task(control: TaskControl) -> None:
        is_cancelled = control.is_cancelled
        polled.append(is_cancelled())
        while not is_cancelled():
            time.sleep(0.005)
        polled.append(is_cancelled())

    handle = worker.submit("poll", task)
    qtbot.waitUntil(lambda: bool(polled), timeout=5000)
    with qtbot.waitSignal(handle.signals.cancelled, timeout=5000):
        handle.cancel()
    assert polled == [False, True]


def test_a_committed_task_that_finishes_after_cancel_is_a_success(
    qtbot: QtBot, worker: Worker
) -> None:
    """A change already written to the round cannot be taken back: cancelling it late
    must not report it as undone."""
    release = threading.Event()
    running = threading.Event()
    outcome: list[str] = []

    def task(control: TaskControl) -> str:
        running.set()
        release.wait(5)
        return "written"

    handle = worker.submit(
        "change",
        task,
        on_success=outcome.append,
        on_cancel=lambda: outcome.append("cancelled"),
        committed=True,
    )
    assert running.wait(5)  # the cancel comes while the change is being written
    handle.cancel()
    with qtbot.waitSignal(handle.signals.ended, timeout=5000):
        release.set()
    assert outcome == ["written"]


def test_signals_emitted_from_python_keep_their_references(qtbot: QtBot) -> None:
    """Every progress report and outcome is a signal emitted from Python. A Qt binding
    that loses a reference on each (PySide6 6.12.0 loses one to ``True``) aborts the
    program once a few hundred have been sent."""
    import gc
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        bare = Signal()
        progress = Signal(int, int, str)

    emitter = Emitter()
    gc.collect()
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    for _ in range(200):
        emitter.bare.emit()
        emitter.progress.emit(1, 2, "rows")
    gc.collect()
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None))
    assert all(a >= b - 5 for a, b in zip(after, before, strict=True)), (before, after)
