"""The one helper for long work: a task runs on a thread pool, reports progress and can
be cancelled; its result, error or cancellation comes back on the GUI thread.

A task is a plain function of a ``TaskControl``. It calls ``control.progress(done,
total, label)`` as it goes and ``control.check()`` (or reads ``control.cancelled``)
where stopping is safe; the services take these as plain callables, so nothing below
``ui`` knows of Qt. The signals object lives on the GUI thread, so every callback runs
there (Qt queues a signal emitted from another thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task by ``TaskControl.check`` once cancel was asked for."""


@dataclass
class TaskControl:
    """What a running task sees of its handle: progress out, cancellation in."""

    _signals: _TaskSignals
    _event: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def is_cancelled(self) -> bool:
        """The same as ``cancelled``, as a callable for services and solvers."""
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._signals.progress.emit(done, total, label)


class _TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()


class TaskHandle(QObject):
    """A submitted task: cancel it, or connect to its outcome.

    Exactly one of ``succeeded(result)``, ``failed(exception)`` or ``cancelled()`` is
    emitted, then ``ended()``.
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.signals = _TaskSignals(self)
        self.control = TaskControl(self.signals)
        self.running = True
        self.signals.ended.connect(self._ended)

    def cancel(self) -> None:
        self.control._event.set()

    def _ended(self) -> None:
        self.running = False


class _Runnable(QRunnable):
    def __init__(
        self, handle: TaskHandle, function: Callable[[TaskControl], Any], committed: bool
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.handle = handle
        self.function = function
        self.committed = committed

    def run(self) -> None:
        signals, control = self.handle.signals, self.handle.control
        try:
            result = self.function(control)
        except Cancelled:
            signals.cancelled.emit()
        except BaseException as exc:  # every error reaches the window, none is lost
            if control.cancelled:
                signals.cancelled.emit()
            else:
                signals.failed.emit(exc)
        else:
            # A task that finished is a success even if cancel came late when what it did
            # cannot be undone (a change written to the round); otherwise its result is
            # stale and dropped.
            if control.cancelled and not self.committed:
                signals.cancelled.emit()
            else:
                signals.succeeded.emit(result)
        finally:
            signals.ended.emit()


class Worker(QObject):
    """Runs tasks off the GUI thread; knows which are still running."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: list[TaskHandle] = []

    def submit(
        self,
        name: str,
        function: Callable[[TaskControl], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_end: Callable[[], None] | None = None,
        committed: bool = False,
    ) -> TaskHandle:
        """Start ``function`` on the pool. The callbacks are connected before it starts,
        so none of its signals can be missed. With ``committed``, a task that returns is
        reported as succeeded even when cancel was asked for meanwhile (its work is done
        and cannot be taken back)."""
        handle = TaskHandle(name, self)
        signals = handle.signals
        if on_progress is not None:
            signals.progress.connect(on_progress)
        if on_success is not None:
            signals.succeeded.connect(on_success)
        if on_error is not None:
            signals.failed.connect(on_error)
        if on_cancel is not None:
            signals.cancelled.connect(on_cancel)
        if on_end is not None:
            signals.ended.connect(on_end)
        signals.ended.connect(lambda: self._forget(handle))
        self._running.append(handle)
        self.pool.start(_Runnable(handle, function, committed))
        return handle

    def running(self) -> list[TaskHandle]:
        return [h for h in self._running if h.running]

    def cancel_all(self) -> None:
        for handle in self._running:
            handle.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every task (at shutdown, and in tests); True when all ended."""
        return bool(self.pool.waitForDone(msecs))

    def _forget(self, handle: TaskHandle) -> None:
        if handle in self._running:
            self._running.remove(handle)
        handle.deleteLater()
