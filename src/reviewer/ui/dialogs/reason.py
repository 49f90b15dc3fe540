"""What every dialog that asks for an audited reason shares: the reason box, OK only
with a reason, the reason handed on by ``submitted``, and a refusal shown in the dialog
with the reason kept.

Subclasses set their texts, lay out ``reason``, ``error`` and ``buttons`` with their own
widgets, and call ``_changed()`` once at the end of ``__init__``."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QWidget

from reviewer.ui import palette


class ReasonDialog(QDialog):
    submitted = Signal(str)  # the reason, its whitespace folded

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.reason = QPlainTextEdit()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._changed)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.CUTOFF};")
        self.error.setVisible(False)

    def text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def _submit(self) -> None:
        """Hand the reason on; the dialog stays until the caller accepts it, so a refusal
        is shown here and the reason typed is kept."""
        self.error.setVisible(False)
        self.ok_button.setEnabled(False)
        self.submitted.emit(self.text())

    def failed(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self._changed()
