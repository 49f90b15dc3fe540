"""Correcting one review: its criterion scores (name, range, current value) and comment,
a new value typed for a criterion, or the review marked as a conflict of interest (or
cleared of one), always with the reason, which is audited.

The values are checked by the service exactly as an imported score is; its message is
shown here and the dialog stays open. The service is given the review the form showed
and refuses when it was changed meanwhile; the form is then read again. While a save
runs, nothing can be edited and neither button works; after another reviewer is chosen
nothing can be saved until that review has been read. A correction made is pushed onto
the window's undo stack. The dialog is window-modal and opened with ``open()``; it is kept in
``window.dialog`` so tests can press its buttons.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.services import score_corrections
from reviewer.services.score_corrections import CriterionScore, ReviewChange, ReviewForm
from reviewer.services.session import OpenRound
from reviewer.ui import palette
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.undo import UndoStack
from reviewer.ui.worker import TaskControl


class ScoreCorrectionDialog(QDialog):
    """Shows one review; ``submitted(kind, values, conflict_reason, reason)`` asks for a
    correction: ``kind`` is ``correct`` (``values`` holds the scores typed differently),
    ``conflict`` or ``clear`` (``values`` holds every score)."""

    submitted = Signal(str, dict, str, str)
    reviewer_chosen = Signal(str)

    def __init__(self, application_id: str, conflict: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreCorrectionDialog")
        self.application_id = application_id
        self.form: ReviewForm | None = None
        self.loads = 0  # how many reviews have been shown (tests wait on it)
        self.saving = False  # a correction was sent and has not been answered yet
        self._wanted: str | None = None  # the reviewer chosen last, until its review is read
        self._want_conflict = conflict
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.setWindowTitle(self.tr("Correct a review of {id}").format(id=application_id))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.reviewer = QComboBox()
        self.reviewer.setObjectName("reviewer")
        self.reviewer.activated.connect(self._reviewer_activated)
        self.scores_box = QGroupBox(self.tr("Criterion scores"))
        self.grid = QGridLayout(self.scores_box)
        self.grid.setHorizontalSpacing(16)
        self.comment = QPlainTextEdit()
        self.comment.setReadOnly(True)
        self.comment.setMaximumHeight(72)
        self.conflict = QCheckBox(self.tr("Conflict of interest: this review does not count"))
        self.conflict.setObjectName("conflict")
        self.conflict_reason = QLineEdit()
        self.conflict_reason.setObjectName("conflictReason")
        self.conflict_reason.setPlaceholderText(self.tr("e.g. the same organisation"))
        self.conflict_reason.setMaxLength(score_corrections.MAX_REASON)
        self.reason = QLineEdit()
        self.reason.setMaxLength(score_corrections.MAX_REASON)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why is it corrected? (required, audited)"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {palette.MUTED};")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.CUTOFF};")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Save correction"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.conflict.toggled.connect(self._update)
        self.conflict_reason.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)

        top = QFormLayout()
        top.addRow(self.tr("Reviewer"), self.reviewer)
        bottom = QFormLayout()
        bottom.addRow(self.tr("Comment"), self.comment)
        bottom.addRow(self.conflict)
        bottom.addRow(self.tr("Conflict reason"), self.conflict_reason)
        bottom.addRow(self.tr("Reason for the correction"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.scores_box)
        layout.addLayout(bottom)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(680, 420)
        self._update()

    # -- showing a review ----------------------------------------------------------------

    def show_form(self, form: ReviewForm) -> None:
        if self._wanted is not None and form.reviewer_id != self._wanted:
            return  # a review read before another reviewer was chosen
        self._wanted = None
        self.form = form
        self.heading.setText(
            f"<b>{escape(form.application_id)}</b> · {escape(form.title)}<br>"
            f"{escape(form.company)} · {escape(form.track_name)}"
        )
        self.reviewer.blockSignals(True)
        self.reviewer.clear()
        for choice in form.reviewers:
            text = f"{choice.id} {choice.name}".strip()
            if choice.conflict:
                text = self.tr("{reviewer} (conflict of interest)").format(reviewer=text)
            self.reviewer.addItem(text, choice.id)
        self.reviewer.setCurrentIndex(max(self.reviewer.findData(form.reviewer_id), 0))
        self.reviewer.blockSignals(False)
        self._fill_scores(form)
        self.comment.setPlainText(form.comment)
        self.conflict.blockSignals(True)
        self.conflict.setChecked(form.conflict or self._want_conflict)
        self.conflict.blockSignals(False)
        self._want_conflict = False
        self.conflict_reason.setText(form.conflict_reason)
        self.error.setVisible(False)
        self._update()
        self.resize(max(self.width(), 680), self.sizeHint().height())
        self.loads += 1

    def _clear_scores(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.editors = {}

    def _fill_scores(self, form: ReviewForm) -> None:
        self._clear_scores()
        for column, title in enumerate(
            (self.tr("Criterion"), self.tr("Range"), self.tr("Current"), self.tr("New value"))
        ):
            label = QLabel(f"<b>{escape(title)}</b>")
            self.grid.addWidget(label, 0, column)
        for row, criterion in enumerate(form.criteria, start=1):
            self.grid.addWidget(QLabel(criterion.label), row, 0)
            self.grid.addWidget(QLabel(criterion.scale), row, 1)
            self.grid.addWidget(QLabel(criterion.text or "—"), row, 2)
            editor: QLineEdit | QComboBox
            if criterion.grades:
                editor = QComboBox()
                editor.addItem("", "")
                for grade in criterion.grades:
                    editor.addItem(grade, grade)
                editor.setCurrentIndex(max(editor.findData(criterion.text), 0))
                editor.currentIndexChanged.connect(self._update)
            else:
                editor = QLineEdit(criterion.text)
                editor.setPlaceholderText(criterion.scale)
                editor.textChanged.connect(self._update)
            editor.setObjectName(f"score:{criterion.id}")
            self.editors[criterion.id] = editor
            self.grid.addWidget(editor, row, 3)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(3, 1)

    def load_failed(self, message: str) -> None:
        """The review could not be read: say why; nothing can be saved."""
        self.form = None
        self.failed(message)

    # -- what saving would do --------------------------------------------------------------

    def value(self, criterion_id: str) -> str:
        editor = self.editors[criterion_id]
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        return str(editor.currentData() or "")

    def changes(self) -> dict[str, str]:
        """The scores typed differently from the stored ones (``12.0`` is the stored 12)."""
        if self.form is None:
            return {}
        return {
            c.id: self.value(c.id)
            for c in self.form.criteria
            if not _same_value(self.value(c.id), c)
        }

    def kind(self) -> str:
        """What saving does now: ``correct``, ``conflict``, ``clear`` or ``""`` (nothing)."""
        form = self.form
        if form is None:
            return ""
        if form.conflict:
            return "" if self.conflict.isChecked() else "clear"
        return "conflict" if self.conflict.isChecked() else "correct"

    def text(self) -> str:
        return " ".join(self.reason.text().split())

    def _update(self, *_: object) -> None:
        form = self.form
        kind = self.kind()
        editable = form is not None and not form.locked and not self.saving
        scoring = kind in ("correct", "clear") and editable
        for editor in self.editors.values():
            editor.setEnabled(scoring)
        self.conflict.setEnabled(editable)
        self.conflict_reason.setEnabled(kind == "conflict" and not self.saving)
        self.reason.setReadOnly(self.saving)
        self.reviewer.setEnabled(not self.saving)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setEnabled(not self.saving)
        ready = False
        if form is None:
            hint = ""
        elif form.locked:
            hint = self.tr("The round is locked: unlock it to correct a review.")
        elif kind == "correct":
            count = len(self.changes())
            ready = count > 0
            hint = (
                self.tr("Type the corrected value of a criterion.")
                if not count
                else self.tr("Saving corrects {count} score(s).").format(count=count)
            )
        elif kind == "conflict":
            ready = bool(" ".join(self.conflict_reason.text().split()))
            hint = self.tr(
                "Saving marks the review as a conflict of interest: it stops counting and its "
                "scores are removed. Undo brings them back, and the audit log keeps them."
            )
        elif kind == "clear":
            ready = all(self.value(c) for c in self.editors)
            hint = self.tr("Saving clears the conflict: give every criterion its score.")
        else:
            hint = self.tr("The review is a conflict of interest; untick the box to score it.")
        ready = ready and bool(self.text()) and not self.saving
        if self.saving:
            hint = self.tr("Saving…")
        self.hint.setText(hint)
        self.ok_button.setEnabled(ready)
        self.ok_button.setToolTip(
            "" if ready else self.tr("Change a score or the conflict, and give the reason")
        )

    # -- saving ----------------------------------------------------------------------------

    def _submit(self) -> None:
        kind = self.kind()
        if not kind or not self.ok_button.isEnabled() or self.saving:
            return
        form = self.form
        if form is None or form.reviewer_id != self.reviewer.currentData():
            return  # the review shown is not the reviewer chosen
        values = self.changes() if kind == "correct" else {c: self.value(c) for c in self.editors}
        self.error.setVisible(False)
        self.saving = True
        self._update()
        self.submitted.emit(
            kind,
            values if kind != "conflict" else {},
            self.conflict_reason.text(),
            self.reason.text(),
        )

    def failed(self, message: str) -> None:
        """The service refused: show why, keep what was typed."""
        self.saving = False
        self.error.setText(message)
        self.error.setVisible(True)
        self._update()

    def round_closed(self) -> None:
        """The round was closed: whatever was being saved is no longer followed."""
        self.saving = False
        self.reject()

    def reject(self) -> None:
        if self.saving:
            return  # the save answers first: the chair sees whether it was made
        super().reject()

    def _reviewer_activated(self, index: int) -> None:
        reviewer_id = self.reviewer.itemData(index)
        if self.saving or reviewer_id is None:
            return
        if self._wanted is None and self.form is not None and reviewer_id == self.form.reviewer_id:
            return
        # the scores shown belong to the previous review: nothing is saved until the
        # chosen one has been read
        self._wanted = str(reviewer_id)
        self.form = None
        self._clear_scores()
        self.comment.clear()
        self.error.setVisible(False)
        self._update()
        self.reviewer_chosen.emit(str(reviewer_id))


def _same_value(typed: str, criterion: CriterionScore) -> bool:
    """Whether ``typed`` is the stored value: as text for a grade, as a number else."""
    if typed == criterion.text:
        return True
    if criterion.grades or criterion.value is None or isinstance(criterion.value, str):
        return False
    try:
        return float(typed) == float(criterion.value)
    except ValueError:
        return False


def open_score_correction(
    window: QWidget,
    session: RoundSession,
    undo_stack: UndoStack,
    application_id: str,
    reviewer_id: str | None,
    conflict: bool = False,
) -> ScoreCorrectionDialog:
    """Open the correction of ``application_id``'s review by ``reviewer_id`` (without a
    reviewer, its first review); with ``conflict``, the conflict box comes ticked. The
    dialog is kept in ``window.dialog``; a correction made is pushed onto ``undo_stack``."""
    dialog = ScoreCorrectionDialog(application_id, conflict, window)

    def load(reviewer: str | None) -> None:
        session.read(
            "score-correction",
            lambda r: score_corrections.review_form(r.database, application_id, reviewer),
            dialog.show_form,
            on_error=lambda error: dialog.load_failed(error_text(error, session.lang())),
        )

    def submit(kind: str, values: dict[str, str], conflict_reason: str, reason: str) -> None:
        form = dialog.form
        if form is None:
            return
        app_id, rev_id, shown = form.application_id, form.reviewer_id, form.review

        def change(opened: OpenRound, _control: TaskControl) -> ReviewChange:
            database = opened.database
            if kind == "correct":
                return score_corrections.correct_scores(
                    database, app_id, rev_id, values, reason, expected=shown
                )
            if kind == "conflict":
                return score_corrections.mark_conflict(
                    database, app_id, rev_id, conflict_reason, reason, expected=shown
                )
            return score_corrections.clear_conflict(
                database, app_id, rev_id, values, reason, expected=shown
            )

        token = undo_stack.save_started()

        def done(made: ReviewChange) -> None:
            undo_stack.push_change(made)
            undo_stack.save_ended(token)
            dialog.saving = False
            dialog.accept()

        def refused(error: BaseException) -> None:
            undo_stack.save_ended(token)
            message = error_text(error, session.lang())
            dialog.failed(message)
            if isinstance(error, ReviewerError) and error.key == "corrections.changed_meanwhile":
                # show the review as it is now; what was typed of the reason stays

                def reread(fresh: ReviewForm) -> None:
                    dialog.show_form(fresh)
                    dialog.failed(message)

                session.read(
                    "score-correction",
                    lambda r: score_corrections.review_form(r.database, app_id, rev_id),
                    reread,
                )

        handle = session.change("correct-score", change, on_result=done, on_error=refused)
        if handle is None:  # the round was closed
            undo_stack.save_ended(token)
            dialog.saving = False
            dialog.reject()

    dialog.submitted.connect(submit)
    session.closed.connect(dialog.round_closed)
    dialog.reviewer_chosen.connect(load)
    setattr(window, "dialog", dialog)  # noqa: B010 - the window keeps the dialog open now
    dialog.open()
    load(reviewer_id)
    return dialog
