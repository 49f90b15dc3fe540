"""Locking asks for confirmation; unlocking asks for the reason, which is audited.

Both dialogs are window-modal and opened with ``open()``: the window keeps running, the
caller gets the answer through a callback, and tests press the buttons as a user does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui import palette


def ask_lock(parent: QWidget, on_yes: Callable[[], None]) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("lockConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("LockDialog", "Lock the round"))
    box.setText(
        QCoreApplication.translate(
            "LockDialog",
            "Lock the round? Its applications, reviews and results cannot change until it "
            "is unlocked, and unlocking is recorded with its reason.",
        )
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


class UnlockDialog(QDialog):
    """Asks why the round is unlocked; OK only with a reason."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock the round"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        label = QLabel(
            self.tr(
                "Why is the round unlocked? The reason is written to the audit log with "
                "your name and the time."
            )
        )
        label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("e.g. a reviewer's score was entered wrongly"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Unlock"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._changed)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.CUTOFF};")
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 220)
        self._changed()

    def text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def _submit(self) -> None:
        """Hand the reason on; the dialog stays until the round is unlocked, so a refusal
        is shown here and the reason typed is kept."""
        self.error.setVisible(False)
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.text())

    def failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self._changed()


def ask_unlock_reason(
    parent: QWidget, on_reason: Callable[[UnlockDialog, str], None]
) -> UnlockDialog:
    """Open the dialog; ``on_reason(dialog, reason)`` unlocks, then accepts the dialog
    on success or calls ``dialog.failed(message)``."""
    dialog = UnlockDialog(parent)
    dialog.submitted.connect(lambda reason: on_reason(dialog, reason))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
