"""Undo and redo of the chair's review corrections.

Each correction is a ``QUndoCommand`` pushed once the service has made it (its first
``redo`` does nothing). Undoing or redoing it runs the service in the round session's
worker: ``undo_change`` writes the review back as it was, ``redo_change`` makes the
change again; both are audited (``review.undo`` / ``review.redo`` with the reason of the
change) and refused when the round is locked or the review was changed meanwhile.

``QUndoStack`` moves its index at once, before the worker has answered. When a step
fails, the error is shown and the stack is made true again: the index is put back when
nothing else was waiting, otherwise the history is cleared (the audit log keeps every
change). The history is cleared when the round is closed or another one is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

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


class CorrectScoreCommand(ReviewCommand):
    def label(self) -> str:
        return translate("Undo", "correct score {target}").format(target=self.change.target)


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

    def __init__(self, session: RoundSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._generation = 0  # which history a step belongs to (cleared ones are ignored)
        self._pending = 0  # steps sent to the worker and not answered yet
        self._broken = False  # a step failed while others waited: clear once they end
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        session.opened.connect(self.forget)
        session.closed.connect(self.forget)

    @property
    def pending(self) -> int:
        return self._pending

    def push_change(self, change: ReviewChange) -> ReviewCommand:
        """Record a change the service has just made."""
        command = command_for(self, change)
        self.push(command)
        return command

    def forget(self, *_: object) -> None:
        """Clear the history; steps still running are no longer followed."""
        self._generation += 1
        self._pending = 0
        self._broken = False
        self.clear()

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
        self._action_texts()
        return self.undo_action, self.redo_action

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
        service = score_corrections.undo_change if undo else score_corrections.redo_change

        def ended(error: BaseException | None) -> None:
            if generation != self._generation:
                return  # the history was cleared meanwhile
            self._pending -= 1
            if error is not None:
                self._failed(command, undo, error)
            elif self._broken and self._pending == 0:
                self.forget()

        self._pending += 1
        handle = self.session.change(
            "undo" if undo else "redo",
            lambda opened, control: service(opened.database, change),
            on_result=lambda _: ended(None),
            on_error=ended,
        )
        if handle is None:  # no round is open: there is nothing to undo
            self.forget()

    def _position(self, command: ReviewCommand) -> int | None:
        return next((i for i in range(self.count()) if self.command(i) is command), None)

    def _failed(self, command: ReviewCommand, undo: bool, error: BaseException) -> None:
        reason = error_text(error, self.session.lang())
        what = command.text()
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
