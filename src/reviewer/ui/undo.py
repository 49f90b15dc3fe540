"""Undo and redo of the chair's review corrections.

Each correction is a ``QUndoCommand`` pushed once the service has made it (its first
``redo`` does nothing). Undoing or redoing it runs the service in the round session's
worker: ``undo_change`` writes the review back as it was, ``redo_change`` makes the
change again; both are audited (``review.undo`` / ``review.redo`` with the reason of the
change) and refused when the round is locked or the review was changed meanwhile.

``QUndoStack`` moves its index at once, before the worker has answered, so Undo and Redo
wait for each other and for a correction being saved: while a step or a save is pending
(and in a locked round) both are disabled, and ``undo()`` / ``redo()`` do nothing. When a
step fails, the error is shown with the label the step had when it started, and the stack
is made true again: the index is put back when nothing else was waiting, otherwise the
history is cleared (the audit log keeps every change). A correction recorded while steps
are still pending clears the history first. The history is cleared when the round is
closed or another one is opened; ``settled`` tells the window that no step is pending,
so it can close the round only after them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from shiboken6 import isValid

from reviewer.services import score_corrections
from reviewer.services.score_corrections import ReviewChange
from reviewer.ui.round_session import RoundSession, error_text

translate = QCoreApplication.translate


class ReviewCommand(QUndoCommand):
    """A correction already made to one review, to undo and redo through ``stack``."""

    def __init__(self, stack: UndoStack, change: ReviewChange) -> None:
        super().__init__()
        self.history = stack
        self.change = change
        self._skip = True  # made already: the redo of push() must not make it again
        self.retranslate()

    def label(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.setText(self.label())

    def skip_next(self) -> None:
        """The next undo or redo only moves the stack (the round is already so)."""
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.history.step(self, undo=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.history.step(self, undo=True)


def score_changes(change: ReviewChange) -> str:
    """The criteria a correction changed with their values: ``tech 28 → 31, biz 10 → 12``."""
    before, after = change.before.scores, change.after.scores
    return ", ".join(
        f"{criterion} {score_corrections.value_text(before.get(criterion)) or '—'} → "
        f"{score_corrections.value_text(after.get(criterion)) or '—'}"
        for criterion in change.criteria
    )


class CorrectScoreCommand(ReviewCommand):
    def label(self) -> str:
        return translate("Undo", "correct score {target}: {changes}").format(
            target=self.change.target, changes=score_changes(self.change)
        )


class MarkConflictCommand(ReviewCommand):
    def label(self) -> str:
        return translate("Undo", "mark conflict {target}").format(target=self.change.target)


class ClearConflictCommand(ReviewCommand):
    def label(self) -> str:
        return translate("Undo", "clear conflict {target}").format(target=self.change.target)


def command_for(stack: UndoStack, change: ReviewChange) -> ReviewCommand:
    kinds: dict[str, type[ReviewCommand]] = {
        score_corrections.CORRECT: CorrectScoreCommand,
        score_corrections.CONFLICT: MarkConflictCommand,
        score_corrections.CLEAR_CONFLICT: ClearConflictCommand,
    }
    return kinds[change.action](stack, change)


class UndoStack(QUndoStack):
    """The window's undo history; each step reaches the round through ``session``."""

    failed = Signal(str, str)  # title, message
    done = Signal(str)  # a step has been made: what the status bar says
    settled = Signal()  # no step is pending any more
    state_changed = Signal()  # whether Undo and Redo can be used now

    def __init__(self, session: RoundSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._generation = 0  # which history a step belongs to (cleared ones are ignored)
        self._pending = 0  # steps sent to the worker and not answered yet
        self._broken = False  # a step failed while others waited: clear once they end
        self._saving = 0  # corrections being saved: Undo waits for them
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        session.opened.connect(self.forget)
        session.closed.connect(self.forget)
        session.changed.connect(self._update_actions)  # a lock or an unlock
        self.canUndoChanged.connect(self._update_actions)
        self.canRedoChanged.connect(self._update_actions)

    @property
    def pending(self) -> int:
        return self._pending

    @property
    def saving(self) -> bool:
        return self._saving > 0

    def can_step(self) -> bool:
        """Whether Undo or Redo may start now: nothing pending, the round open and not
        locked."""
        return (
            self._pending == 0
            and self._saving == 0
            and self.session.is_open
            and not self.session.locked
        )

    def save_started(self) -> int:
        """A correction is being saved: Undo and Redo wait until ``save_ended`` is called
        with the token returned (a save of a history cleared since is not counted)."""
        self._saving += 1
        self._update_actions()
        return self._generation

    def save_ended(self, token: int) -> None:
        if token == self._generation:
            self._saving -= 1
            self._update_actions()
        self._check_settled()

    def undo(self) -> None:
        if self.can_step() and self.canUndo():
            super().undo()

    def redo(self) -> None:
        if self.can_step() and self.canRedo():
            super().redo()

    def push_change(self, change: ReviewChange) -> ReviewCommand:
        """Record a change the service has just made. Steps still pending could follow
        a command the push deletes, so the history is cleared first."""
        if self._pending:
            self.forget()
        command = command_for(self, change)
        self.push(command)
        return command

    def forget(self, *_: object) -> None:
        """Clear the history; steps still running are no longer followed (a failure of
        one is still reported)."""
        self._generation += 1
        self._pending = 0
        self._saving = 0
        self._broken = False
        self.clear()
        self._update_actions()

    def _check_settled(self) -> None:
        if self._pending == 0 and self._saving == 0:
            self.settled.emit()

    # -- the Edit menu's actions -----------------------------------------------------------

    def make_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y), named after the command."""
        self.undo_action = self.createUndoAction(parent)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.createRedoAction(parent)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # connected after the stack's own handlers, so these texts are the ones shown
        self.undoTextChanged.connect(self._action_texts)
        self.redoTextChanged.connect(self._action_texts)
        # the stack's own handlers enable the actions by canUndo/canRedo alone: these run
        # after them and disable the actions while a step or a save is pending
        self.canUndoChanged.connect(self._update_actions)
        self.canRedoChanged.connect(self._update_actions)
        self._action_texts()
        self._update_actions()
        return self.undo_action, self.redo_action

    def _update_actions(self, *_: object) -> None:
        free = self.can_step()
        if self.undo_action is not None:
            self.undo_action.setEnabled(free and self.canUndo())
        if self.redo_action is not None:
            self.redo_action.setEnabled(free and self.canRedo())
        self.state_changed.emit()

    def retranslate(self) -> None:
        for index in range(self.count()):
            command = self.command(index)
            if isinstance(command, ReviewCommand):
                command.retranslate()
        self._action_texts()

    def _action_texts(self, *_: object) -> None:
        if self.undo_action is not None:
            what = self.undoText()
            self.undo_action.setText(
                translate("Undo", "&Undo {what}").format(what=what)
                if what
                else translate("Undo", "&Undo")
            )
        if self.redo_action is not None:
            what = self.redoText()
            self.redo_action.setText(
                translate("Undo", "&Redo {what}").format(what=what)
                if what
                else translate("Undo", "&Redo")
            )

    # -- steps ---------------------------------------------------------------------------

    def step(self, command: ReviewCommand, undo: bool) -> None:
        """Undo or redo ``command`` in the worker (the stack has moved already)."""
        generation = self._generation
        change = command.change
        what = command.text()  # the command may be deleted before the step answers
        service = score_corrections.undo_change if undo else score_corrections.redo_change

        def ended(error: BaseException | None) -> None:
            if generation != self._generation:
                # the history was cleared meanwhile: a failure is still the chair's news
                if error is not None:
                    title, text = self._failure(what, undo, error)
                    note = translate(
                        "Undo", "The undo history was cleared; the audit log keeps every change."
                    )
                    self.failed.emit(title, f"{text}\n{note}")
                self._check_settled()
                return
            self._pending -= 1
            if error is not None:
                self._failed(command, what, undo, error)
            else:
                if self._broken and self._pending == 0:
                    self.forget()
                self.done.emit(
                    translate("Undo", "Undone: {what}").format(what=what)
                    if undo
                    else translate("Undo", "Redone: {what}").format(what=what)
                )
            self._update_actions()
            self._check_settled()

        self._pending += 1
        self._update_actions()
        handle = self.session.change(
            "undo" if undo else "redo",
            lambda opened, control: service(opened.database, change),
            on_result=lambda _: ended(None),
            on_error=ended,
        )
        if handle is None:  # no round is open: there is nothing to undo
            self.forget()

    def _position(self, command: ReviewCommand) -> int | None:
        if not isValid(command):
            return None  # deleted with the history it was in
        return next((i for i in range(self.count()) if self.command(i) is command), None)

    def _failure(self, what: str, undo: bool, error: BaseException) -> tuple[str, str]:
        reason = error_text(error, self.session.lang())
        if undo:
            title = translate("Undo", "Not undone")
            text = translate("Undo", "“{what}” was not undone: {error}").format(
                what=what, error=reason
            )
        else:
            title = translate("Undo", "Not redone")
            text = translate("Undo", "“{what}” was not redone: {error}").format(
                what=what, error=reason
            )
        return title, text

    def _failed(self, command: ReviewCommand, what: str, undo: bool, error: BaseException) -> None:
        title, text = self._failure(what, undo, error)
        position = self._position(command)
        expected = position if undo else (None if position is None else position + 1)
        if not self._broken and self._pending == 0 and expected == self.index():
            assert position is not None
            command.skip_next()
            self.setIndex(position + 1 if undo else position)  # as the round still is
            note = translate("Undo", "The undo history is as it was.")
        else:
            self._broken = True
            if self._pending == 0:
                self.forget()
            note = translate(
                "Undo", "The undo history was cleared; the audit log keeps every change."
            )
        self.failed.emit(title, f"{text}\n{note}")
