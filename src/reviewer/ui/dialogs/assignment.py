"""Adding one assignment (choose the application and a reviewer of its track's panel)
and confirming the removal of one. Window-modal, opened with ``open()``; the answer goes
to a callback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.services.assignments import AssignmentBoard
from reviewer.ui import palette


class AddAssignmentDialog(QDialog):
    """Choose an application and a reviewer; ``submitted(application, reviewer)``. The
    reviewers offered are those of the application's track's panel, not yet assigned to
    it and not conflicted with it (the service checks again)."""

    submitted = Signal(str, str)

    def __init__(
        self, board: AssignmentBoard, application_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addAssignment")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Assign a reviewer"))
        self.board = board
        self.application = QComboBox()
        self.application.setEditable(True)
        self.application.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for choice in board.applications:
            self.application.addItem(f"{choice.id} · {choice.label}", choice.id)
        self.reviewer = QComboBox()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.CUTOFF};")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Assign"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Application"), self.application)
        form.addRow(self.tr("Reviewer"), self.reviewer)
        note = QLabel(
            self.tr(
                "Only reviewers of the application's track without a conflict of interest "
                "are offered. The assignment is written to the audit log."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.application.currentIndexChanged.connect(self._application_changed)
        if application_id is not None:
            index = self.application.findData(application_id)
            if index >= 0:
                self.application.setCurrentIndex(index)
        self._application_changed()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def application_id(self) -> str | None:
        value = self.application.currentData()
        return str(value) if value is not None else None

    def _application_changed(self, *_: object) -> None:
        self.reviewer.clear()
        app_id = self.application_id()
        if app_id is not None:
            for choice in self.board.panel(app_id):
                self.reviewer.addItem(f"{choice.id} · {choice.label}", choice.id)
        self.ok_button.setEnabled(self.reviewer.count() > 0)
        if app_id is not None and self.reviewer.count() == 0:
            self.failed(self.tr("No reviewer of this application's track can be added."))
        else:
            self.error.setVisible(False)

    def _submit(self) -> None:
        app_id = self.application_id()
        reviewer_id = self.reviewer.currentData()
        if app_id is None or reviewer_id is None:
            return
        self.error.setVisible(False)
        self.ok_button.setEnabled(False)
        self.submitted.emit(app_id, str(reviewer_id))

    def failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.ok_button.setEnabled(self.reviewer.count() > 0)


def ask_remove(
    parent: QWidget, application_id: str, reviewer_id: str, on_yes: Callable[[], None]
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("removeAssignment")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AssignmentDialog", "Remove the assignment"))
    box.setText(
        QCoreApplication.translate(
            "AssignmentDialog",
            "Remove the assignment of reviewer {reviewer} to application {application}? "
            "The removal is written to the audit log.",
        ).format(reviewer=reviewer_id, application=application_id)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def clicked(button: object) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:  # type: ignore[arg-type]
            on_yes()

    box.buttonClicked.connect(clicked)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
