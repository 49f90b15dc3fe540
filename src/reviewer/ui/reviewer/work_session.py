"""The package the reviewer's window has open, and the one way the window reaches it:
opening (decrypting takes a moment), every save, the attachments and sending run as
tasks of one worker thread, in the order they were asked for.

Saves are coalesced: while one is being written, newer drafts wait, and only the newest
draft of each application is written next — so every keystroke is kept within one
write, and the window never waits on the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reviewer.domain.score_form import Draft
from reviewer.exchange.packages import PackageHeader
from reviewer.services.reviewer_work import ReviewerWork, SendResult, package_header
from reviewer.ui.worker import TaskControl, Worker


class WorkSession(QObject):
    opened = Signal(object)  # the ReviewerWork just opened
    saved = Signal(object)  # the Draft as kept in the working database
    save_failed = Signal(object)  # the exception
    idle = Signal()  # every save asked for is written

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = Worker(self, threads=1)
        self.work: ReviewerWork | None = None
        self._pending: dict[str, Draft] = {}
        self._in_flight = 0  # save tasks queued or running
        self._stalled = False  # the last save failed: wait for an edit or retry()
        self.saves = 0  # drafts written (tests wait on it)

    @property
    def is_open(self) -> bool:
        return self.work is not None

    @property
    def saving(self) -> bool:
        return self._in_flight > 0 or bool(self._pending)

    # -- opening ---------------------------------------------------------------------------

    def header(
        self,
        path: Path,
        on_result: Callable[[PackageHeader], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.worker.submit(
            "header", lambda c: package_header(path), on_success=on_result, on_error=on_error
        )

    def open(
        self,
        path: Path,
        password: str | None,
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Open the package in the worker; ``opened`` follows, or ``on_error``."""

        def done(work: ReviewerWork) -> None:
            self.close()
            self.work = work
            self.opened.emit(work)

        self.worker.submit(
            "open",
            lambda c: ReviewerWork.open(path, password),
            on_success=done,
            on_error=on_error,
        )

    def close(self) -> None:
        """Close the working database after the saves already asked for."""
        self._flush()
        work, self.work = self.work, None
        if work is not None:
            self.worker.submit("close", lambda c: work.close())

    def wait(self, msecs: int = -1) -> bool:
        return self.worker.wait(msecs)

    # -- saving ----------------------------------------------------------------------------

    def save(self, draft: Draft) -> None:
        """Keep ``draft``; written at once, or right after the write under way."""
        self._pending[draft.application_id] = draft
        if self._in_flight == 0:
            self._flush()

    def retry(self) -> None:
        """Write the drafts a failed save kept."""
        self._stalled = False
        if self._in_flight == 0:
            self._flush()

    def _flush(self) -> None:
        """Queue a write of the drafts waiting (the worker keeps the order asked in)."""
        work = self.work
        if work is None or not self._pending:
            return
        drafts, self._pending = list(self._pending.values()), {}
        self._in_flight += 1

        def task(control: TaskControl) -> list[Draft]:
            return [work.save(draft) for draft in drafts]

        def done(kept: list[Draft]) -> None:
            self._stalled = False
            for draft in kept:
                self.saves += 1
                self.saved.emit(draft)

        def failed(error: BaseException) -> None:
            self._stalled = True  # written again on the next edit, or on retry()
            for draft in drafts:  # kept for the next try, unless a newer one came
                self._pending.setdefault(draft.application_id, draft)
            self.save_failed.emit(error)

        def ended() -> None:
            self._in_flight -= 1
            if self._in_flight:
                return
            if self.work is work and self._pending and not self._stalled:
                self._flush()
            else:
                self.idle.emit()

        self.worker.submit(
            "save", task, on_success=done, on_error=failed, on_end=ended, committed=True
        )

    def set_current(self, application_id: str | None) -> None:
        work = self.work
        if work is not None:
            self._flush()
            self.worker.submit("current", lambda c: work.set_current(application_id))

    # -- reading and sending ---------------------------------------------------------------

    def run(
        self,
        name: str,
        function: Callable[[ReviewerWork], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Run ``function`` on the open package in the worker (after the saves before)."""
        work = self.work
        if work is None:
            return
        self._flush()  # the drafts typed before come first

        def done(value: Any) -> None:
            if self.work is work:
                on_result(value)

        self.worker.submit(name, lambda c: function(work), on_success=done, on_error=on_error)

    def send(
        self,
        out: Path,
        on_result: Callable[[SendResult], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.run("send", lambda work: work.send(out), on_result, on_error)
