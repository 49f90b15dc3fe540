"""The round the window has open, and the one way the views reach it: every read and
every change runs as a task of one worker thread, so the GUI thread never waits on the
database and two tasks never write at once.

Views ask with ``read`` (nothing changes) or ``change`` (something changes: every view
is told through ``changed`` when it has succeeded, and refreshes itself).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reviewer.errors import ReviewerError
from reviewer.i18n import Lang
from reviewer.services.browse import RoundOverview
from reviewer.services.session import OpenRound
from reviewer.ui.worker import TaskControl, TaskHandle, Worker

T = TypeVar("T")


def error_text(error: BaseException, lang: Lang) -> str:
    """The message of an error as the user should read it."""
    if isinstance(error, ReviewerError):
        return error.message(lang)
    return QCoreApplication.translate(
        "RoundSession", "An unexpected error stopped the work ({kind}: {error})."
    ).format(kind=type(error).__name__, error=error)


class RoundSession(QObject):
    opened = Signal(object)  # the RoundOverview of the round just opened
    closed = Signal()
    changed = Signal(str)  # what changed: import, select, lock, unlock, edit
    failed = Signal(str, str)  # title, message
    busy_changed = Signal(bool)

    def __init__(self, lang: Callable[[], Lang], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = Worker(self, threads=1)
        self._lang = lang
        self._round: OpenRound | None = None
        self.overview: RoundOverview | None = None
        self._busy = 0
        # counts the states of the round the views have been told of (``opened`` and
        # each ``changed``): a view that loaded in this state need not load again
        self.generation = 0

    # -- state ---------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._round is not None

    @property
    def target(self) -> str | None:
        return None if self._round is None else self._round.target

    @property
    def locked(self) -> bool:
        return self.overview is not None and self.overview.locked

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def lang(self) -> Lang:
        return self._lang()

    # -- opening and closing -------------------------------------------------------------

    def open(
        self, target: str | Path, on_error: Callable[[BaseException], None] | None = None
    ) -> TaskHandle:
        """Open a round in the worker; ``opened`` or ``failed`` (or ``on_error``) follows."""
        lang = self.lang()

        def task(control: TaskControl) -> tuple[OpenRound, RoundOverview]:
            opened = OpenRound(target)
            try:
                return opened, opened.overview(lang)
            except BaseException:
                opened.close()
                raise

        def done(value: tuple[OpenRound, RoundOverview]) -> None:
            self._release()
            self._round, self.overview = value
            self.generation += 1
            self.opened.emit(self.overview)

        return self._submit("open", task, done, self.tr("Cannot open the round"), on_error=on_error)

    def close(self) -> None:
        """Close the round at once: running tasks are asked to stop, and the round is
        closed by the worker after them, so the window never waits for them."""
        if self._round is None:
            return
        self.worker.cancel_all()
        self._release()
        self.closed.emit()

    def _release(self) -> None:
        """Forget the open round; the worker closes it after the tasks queued before."""
        previous, self._round, self.overview = self._round, None, None
        if previous is not None:
            self.worker.submit("close", lambda control: previous.close())

    # -- work on the open round ------------------------------------------------------------

    def read(
        self,
        name: str,
        function: Callable[[OpenRound], T],
        on_result: Callable[[T], None],
        failure_title: str | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> TaskHandle | None:
        """Read from the round in the worker; ``on_result`` gets the value on the GUI
        thread (not at all when the round was closed meanwhile). A failure goes to
        ``on_error`` when given, else to ``failed``."""
        current = self._round
        if current is None:
            return None

        def task(control: TaskControl) -> T:
            return function(current)

        def done(value: T) -> None:
            if self._round is current:
                on_result(value)

        return self._submit(
            name,
            task,
            done,
            failure_title or self.tr("Cannot read the round"),
            on_error=on_error,
            owner=current,
        )

    def change(
        self,
        name: str,
        function: Callable[[OpenRound, TaskControl], T],
        on_result: Callable[[T], None] | None = None,
        *,
        failure_title: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> TaskHandle | None:
        """Change the round in the worker; on success the overview is read again and
        ``changed(name)`` tells every view.

        Once ``function`` has returned, the change is made: ``on_result`` gets it even
        when reading the overview after it fails. That failure is told apart through
        ``failed`` (the view may be out of date), and the overview is kept as it was."""
        current = self._round
        if current is None:
            return None
        lang = self.lang()

        def task(control: TaskControl) -> tuple[T, RoundOverview | None, Exception | None]:
            value = function(current, control)
            try:
                return value, current.overview(lang), None
            except Exception as error:  # the change is committed: it is not undone by this
                return value, None, error

        def done(value: tuple[T, RoundOverview | None, Exception | None]) -> None:
            result, overview, problem = value
            if self._round is not current:
                return  # another round was opened meanwhile: this one's views are gone
            if overview is not None:
                self.overview = overview
            if on_result is not None:
                on_result(result)
            self.generation += 1
            self.changed.emit(name)
            if problem is not None:
                self.failed.emit(
                    self.tr("The view may be out of date"),
                    self.tr(
                        "The change was made, but the round could not be read again after "
                        "it. Press F5 to refresh the view."
                    )
                    + "\n"
                    + error_text(problem, self.lang()),
                )

        return self._submit(
            name,
            task,
            done,
            failure_title or self.tr("The change was not made"),
            on_error=on_error,
            on_cancel=on_cancel,
            on_progress=on_progress,
            owner=current,
            committed=True,
        )

    def refresh_overview(self) -> None:
        """Read the overview again (after another program changed the round)."""
        lang = self.lang()

        def done(overview: RoundOverview) -> None:
            self.overview = overview
            self.generation += 1
            self.changed.emit("refresh")

        self.read("overview", lambda r: r.overview(lang), done)

    def _submit(
        self,
        name: str,
        task: Callable[[TaskControl], Any],
        done: Callable[[Any], None],
        failure_title: str,
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        owner: OpenRound | None = None,
        committed: bool = False,
    ) -> TaskHandle:
        def failed(error: BaseException) -> None:
            if owner is not None and self._round is not owner:
                return  # the round was closed or replaced: its errors concern no view
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(failure_title, error_text(error, self.lang()))

        self._busy += 1
        if self._busy == 1:
            self.busy_changed.emit(True)
        handle = self.worker.submit(
            name,
            task,
            on_success=done,
            on_error=failed,
            on_cancel=on_cancel,
            on_progress=on_progress,
            on_end=self._task_ended,
            committed=committed,
        )
        return handle

    def _task_ended(self) -> None:
        self._busy -= 1
        if self._busy == 0:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = -1) -> bool:
        return self.worker.wait(msecs)
