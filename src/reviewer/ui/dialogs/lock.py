"""Locking asks for confirmation; unlocking asks for the reason, which is audited.

Both dialogs are window-modal and opened with ``open()``: the window keeps running, the
caller gets the answer through a callback, and tests press the buttons as a user does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from reviewer.ui.dialogs.reason import ReasonDialog


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


class UnlockDialog(ReasonDialog):
    """Asks why the round is unlocked; OK only with a reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Unlock the round"))
        label = QLabel(
            self.tr(
                "Why is the round unlocked? The reason is written to the audit log with "
                "your name and the time."
            )
        )
        label.setWordWrap(True)
        self.reason.setPlaceholderText(self.tr("e.g. a reviewer's score was entered wrongly"))
        self.ok_button.setText(self.tr("Unlock"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 220)
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
