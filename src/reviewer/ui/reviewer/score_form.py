"""The keyboard-first score form of one application: a field per criterion (digits, or
a grade chosen by typing its number), Tab from one to the next, the total as you type,
each wrong value named in red with its range, the comment (required outside the round's
bounds), and the conflict-of-interest declaration that locks the form.

The form holds no rule of its own: every check is
:func:`reviewer.domain.score_form.check_form`, through the ``check`` it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.config import Criterion
from reviewer.domain.package import PackageApplication
from reviewer.domain.score_form import Draft, FormCheck, FormStatus, Problem, grade_names
from reviewer.ui import palette

Check = Callable[[Draft], FormCheck]


def number(value: float) -> str:
    return f"{value:g}"


class GradeBox(QComboBox):
    """A grade field: typing a grade's number, or the first letter of its name (``A``
    for a grade named A), chooses it at once — not Qt's type-ahead search, which joins
    keys typed in quick succession; Delete or Backspace clears it."""

    def __init__(self, grades: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grades = grades
        self.addItem("—")
        for position, grade in enumerate(grades, start=1):
            self.addItem(f"{position} · {grade}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and text.isdigit():
            if 1 <= int(text) <= len(self.grades):
                self.setCurrentIndex(int(text))
            event.accept()
            return
        if plain and text.strip() and text.isprintable():
            for position, grade in enumerate(self.grades, start=1):
                if grade.casefold().startswith(text.casefold()):
                    self.setCurrentIndex(position)
                    break
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setCurrentIndex(0)
            event.accept()
            return
        super().keyPressEvent(event)


class ScoreForm(QWidget):
    edited = Signal(object)  # the Draft after each edit (to be saved)
    next_requested = Signal()  # Ctrl+Enter with a valid form
    conflict_requested = Signal()
    withdraw_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app: PackageApplication | None = None
        self.criteria: tuple[Criterion, ...] = ()
        self.draft: Draft | None = None
        self.checked: FormCheck | None = None
        self._check: Check | None = None
        self._comment_bounds = (60.0, 95.0)
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.hints: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self._filling = False

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.total = QLabel()
        font = QFont(self.total.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.total.setFont(font)
        self.total.setObjectName("runningTotal")
        self.comment_label = QLabel()
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setObjectName("comment")
        self.comment.textChanged.connect(self._edited)
        self.comment_note = QLabel()
        self.comment_note.setWordWrap(True)
        self.comment_note.setObjectName("commentNote")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("formMessage")
        self.message.setStyleSheet(f"color: {palette.CUTOFF};")
        self.conflict_banner = QLabel()
        self.conflict_banner.setWordWrap(True)
        self.conflict_banner.setObjectName("conflictBanner")
        self.conflict_banner.setStyleSheet(
            f"background: {palette.WARNING}; color: {palette.INK}; padding: 6px;"
        )
        self.conflict_button = QPushButton()
        self.conflict_button.setObjectName("declareConflict")
        self.conflict_button.clicked.connect(self.conflict_requested)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("withdrawConflict")
        self.withdraw_button.clicked.connect(self.withdraw_requested)
        self.next_button = QPushButton()
        self.next_button.setObjectName("saveNext")
        self.next_button.clicked.connect(self.request_next)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {palette.MUTED};")

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflict_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.conflict_banner)
        layout.addWidget(self.grid_box)
        layout.addWidget(line)
        layout.addWidget(self.total)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment, 1)
        layout.addWidget(self.comment_note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.retranslate()
        self.show_application(None, (), None, None)

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.comment_label.setText(self.tr("Comment"))
        self.comment.setPlaceholderText(self.tr("Your reasons for the scores (optional)"))
        self.conflict_button.setText(self.tr("Declare &conflict…"))
        self.conflict_button.setToolTip(
            self.tr("You cannot score this application (e.g. you work with the company)")
        )
        self.withdraw_button.setText(self.tr("&Withdraw conflict…"))
        self.next_button.setText(self.tr("Save and &next (Ctrl+Enter)"))
        self.hint.setText(
            self.tr(
                "Type each score and press Tab for the next. A grade is chosen by its number. "
                "Everything is saved as you type."
            )
        )
        for criterion in self.criteria:
            self._label_criterion(criterion)
        if self.app is not None:
            self._show_heading()
            self._refresh()

    def _label_criterion(self, criterion: Criterion) -> None:
        self.names[criterion.id].setText(
            self.tr("{name} ({weight} points)").format(
                name=criterion.name, weight=number(criterion.weight)
            )
        )
        if criterion.grades is not None:
            hint = self.tr("grade: type 1–{count}").format(count=len(criterion.grades))
        else:
            hint = self.tr("{min} to {max}").format(
                min=number(criterion.min), max=number(criterion.max)
            )
        self.hints[criterion.id].setText(hint)

    def _show_heading(self) -> None:
        app = self.app
        if app is None:
            hint = self.tr("Choose an application on the left.")
            self.heading.setText(f"<p>{escape(hint)}</p>")
            return
        self.heading.setText(
            f"<b style='font-size:13pt'>{escape(app.id)}</b><br>{escape(app.title)}"
            f"<br><span style='color:{palette.MUTED}'>{escape(app.company)}</span>"
        )

    # -- showing an application ------------------------------------------------------------------

    def show_application(
        self,
        app: PackageApplication | None,
        criteria: tuple[Criterion, ...],
        draft: Draft | None,
        check: Check | None,
        comment_bounds: tuple[float, float] = (60.0, 95.0),
    ) -> None:
        self.app, self.draft, self._check = app, draft, check
        self._comment_bounds = comment_bounds
        if criteria != self.criteria:
            self._build(criteria)
        self._filling = True
        try:
            for criterion in self.criteria:
                text = draft.texts.get(criterion.id, "") if draft is not None else ""
                editor = self.editors[criterion.id]
                if isinstance(editor, QComboBox):
                    names = grade_names(criterion)
                    editor.setCurrentIndex(names.index(text) + 1 if text in names else 0)
                else:
                    editor.setText(text)
            self.comment.setPlainText(draft.comment if draft is not None else "")
        finally:
            self._filling = False
        self.message.clear()
        self._show_heading()
        self._refresh()

    def _build(self, criteria: tuple[Criterion, ...]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.criteria = criteria
        self.editors, self.hints, self.errors, self.names = {}, {}, {}, {}
        previous: QWidget | None = None
        for row, criterion in enumerate(criteria):
            name = QLabel()
            editor: QLineEdit | QComboBox
            if criterion.grades is not None:
                editor = GradeBox(grade_names(criterion))
                editor.currentIndexChanged.connect(self._edited)
            else:
                editor = QLineEdit()
                editor.setMaximumWidth(90)
                editor.setAlignment(Qt.AlignmentFlag.AlignRight)
                editor.textChanged.connect(self._edited)
            editor.setObjectName(f"score_{criterion.id}")
            name.setBuddy(editor)
            hint = QLabel()
            hint.setStyleSheet(f"color: {palette.MUTED};")
            error = QLabel()
            error.setStyleSheet(f"color: {palette.CUTOFF};")
            error.setObjectName(f"error_{criterion.id}")
            error.setWordWrap(True)
            self.grid.addWidget(name, row * 2, 0)
            self.grid.addWidget(editor, row * 2, 1)
            self.grid.addWidget(hint, row * 2, 2)
            self.grid.addWidget(error, row * 2 + 1, 1, 1, 2)
            self.grid.setColumnStretch(2, 1)
            self.editors[criterion.id] = editor
            self.hints[criterion.id] = hint
            self.errors[criterion.id] = error
            self.names[criterion.id] = name
            self._label_criterion(criterion)
            if previous is not None:
                QWidget.setTabOrder(previous, editor)
            previous = editor
        if previous is not None:
            QWidget.setTabOrder(previous, self.comment)

    def focus_first(self) -> None:
        """Put the cursor in the first field still to fill (or the comment)."""
        if self.draft is not None and self.draft.conflict:
            self.withdraw_button.setFocus()
            return
        check = self.checked
        for criterion in self.criteria:
            if check is None or check.fields[criterion.id].value is None:
                editor = self.editors[criterion.id]
                editor.setFocus()
                if isinstance(editor, QLineEdit):
                    editor.selectAll()
                return
        self.comment.setFocus()

    # -- editing -----------------------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        texts: dict[str, str] = {}
        for criterion in self.criteria:
            editor = self.editors[criterion.id]
            if isinstance(editor, QComboBox):
                index = editor.currentIndex()
                names = grade_names(criterion)
                texts[criterion.id] = names[index - 1] if 1 <= index <= len(names) else ""
            else:
                texts[criterion.id] = editor.text()
        return texts

    def _edited(self, *_: object) -> None:
        if self._filling or self.app is None or self.draft is None:
            return
        self.draft = Draft(
            application_id=self.app.id,
            texts=self.texts(),
            comment=self.comment.toPlainText(),
            conflict=self.draft.conflict,
            conflict_reason=self.draft.conflict_reason,
            changed_at=self.draft.changed_at,
        )
        self.message.clear()
        self._refresh()
        self.edited.emit(self.draft)

    def set_draft(self, draft: Draft) -> None:
        """Show ``draft`` of the application shown (after a conflict or its withdrawal)."""
        if self.app is not None and draft.application_id == self.app.id:
            self.draft = draft
            self._refresh()

    def request_next(self) -> None:
        """Ctrl+Enter: go on to the next application — refused, with the reason, while a
        value is wrong or a required comment is missing (an unfinished form may be left)."""
        check = self.checked
        if self.app is None or check is None:
            return
        if check.problems:
            first = next(c for c in self.criteria if c.id in check.problems)
            self.message.setText(
                self.tr("Correct the value of {name} first.").format(name=first.name)
            )
            self.editors[first.id].setFocus()
            return
        if check.comment_missing:
            self.message.setText(self.tr("Write a comment first: the total needs one."))
            self.comment.setFocus()
            return
        self.next_requested.emit()

    # -- showing the check -------------------------------------------------------------------

    def _refresh(self) -> None:
        draft = self.draft
        has_app = self.app is not None and draft is not None and self._check is not None
        self.checked = self._check(draft) if has_app and draft is not None and self._check else None
        check = self.checked
        conflict = draft is not None and draft.conflict
        for criterion in self.criteria:
            editor = self.editors[criterion.id]
            editor.setEnabled(has_app and not conflict)
            problem = check.fields[criterion.id].problem if check is not None else None
            self.errors[criterion.id].setText(self._problem_text(criterion, problem))
            self.errors[criterion.id].setVisible(problem is not None)
            editor.setStyleSheet(
                f"background: {palette.PROBLEM_FILL};" if problem is not None else ""
            )
        self.comment.setEnabled(has_app and not conflict)
        self.conflict_button.setVisible(not conflict)
        self.conflict_button.setEnabled(has_app)
        self.withdraw_button.setVisible(conflict)
        self.next_button.setEnabled(has_app)
        self.conflict_banner.setVisible(conflict)
        if conflict and draft is not None:
            self.conflict_banner.setText(
                self.tr("You declared a conflict of interest: {reason}").format(
                    reason=draft.conflict_reason
                )
            )
        self.total.setText(self._total_text(check, conflict))
        below, above = self._comment_bounds
        if check is not None and check.comment_missing and check.total is not None:
            if check.total > above:
                note = self.tr("A comment is required: the total is above {above}.")
            else:
                note = self.tr("A comment is required: the total is below {below}.")
            self.comment_note.setText(note.format(below=number(below), above=number(above)))
            self.comment_note.setStyleSheet(f"color: {palette.CUTOFF};")
        else:
            self.comment_note.setText(
                self.tr(
                    "A comment is required when the total is below {below} or above {above}."
                ).format(below=number(below), above=number(above))
            )
            self.comment_note.setStyleSheet(f"color: {palette.MUTED};")
        self.comment_note.setVisible(has_app and not conflict)

    def _total_text(self, check: FormCheck | None, conflict: bool) -> str:
        if check is None:
            return ""
        if conflict:
            return self.tr("Not scored: conflict of interest")
        if check.total is not None:
            return self.tr("Total {total} / 100").format(total=f"{check.total:.2f}")
        if check.status is FormStatus.UNSCORED:
            return self.tr("Total — (not scored yet)")
        return self.tr("Total so far {total} ({left} to go)").format(
            total=f"{check.partial_total:.2f}", left=len(check.missing)
        )

    def _problem_text(self, criterion: Criterion, problem: Problem | None) -> str:
        if problem is None:
            return ""
        if problem is Problem.UNKNOWN_GRADE:
            return self.tr("Choose one of the grades 1–{count}").format(
                count=len(criterion.grades or ())
            )
        if problem is Problem.NOT_A_NUMBER:
            return self.tr("Not a number: enter {min} to {max}").format(
                min=number(criterion.min), max=number(criterion.max)
            )
        return self.tr("Out of range: enter {min} to {max}").format(
            min=number(criterion.min), max=number(criterion.max)
        )
