"""The reviewer's dialogs: the package's password, the reason of a conflict of
interest, and confirmations. All window-modal, opened with ``open()``; the answer comes
by a signal or callback, and the caller keeps the dialog in ``window.dialog``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui import palette
from reviewer.ui.dialogs.reason import ReasonDialog


class PasswordDialog(QDialog):
    """Asks the package's password; a wrong one is said here and asked again."""

    submitted = Signal(str)

    def __init__(self, package_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Open the reviewer package"))
        label = QLabel(
            self.tr(
                "Enter the password of {name}. The secretariat gives it to you separately."
            ).format(name=package_name)
        )
        label.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("passwordError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.CUTOFF};")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.password.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(420, 170)
        self._changed()

    def _changed(self) -> None:
        self.ok_button.setEnabled(bool(self.password.text()))

    def _submit(self) -> None:
        self.error.setVisible(False)
        self.ok_button.setEnabled(False)
        self.password.setEnabled(False)
        self.submitted.emit(self.password.text())

    def failed(self, message: str) -> None:
        """The password was refused (or the package cannot be opened): say so, ask again."""
        self.error.setText(message)
        self.error.setVisible(True)
        self.password.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        self._changed()


def ask_password(
    parent: QWidget, package_name: str, on_password: Callable[[PasswordDialog, str], None]
) -> PasswordDialog:
    dialog = PasswordDialog(package_name, parent)
    dialog.submitted.connect(lambda password: on_password(dialog, password))
    dialog.open()
    return dialog


class ConflictDialog(ReasonDialog):
    """Asks why the reviewer cannot score the application; OK only with a reason."""

    def __init__(self, application: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Declare a conflict of interest"))
        label = QLabel(
            self.tr(
                "Why can you not score {application}? The reason is sent to the secretariat "
                "with your scores, and the form of this application is locked."
            ).format(application=application)
        )
        label.setWordWrap(True)
        self.reason.setObjectName("conflictReason")
        self.reason.setPlaceholderText(
            self.tr("e.g. I advised this company in the last three years")
        )
        self.ok_button.setText(self.tr("Declare"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 240)
        self._changed()


def ask_conflict(
    parent: QWidget, application: str, on_reason: Callable[[ConflictDialog, str], None]
) -> ConflictDialog:
    dialog = ConflictDialog(application, parent)
    dialog.submitted.connect(lambda reason: on_reason(dialog, reason))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def confirm(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    on_yes: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """A window-modal Yes / Cancel question; ``on_yes`` runs on Yes."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def clicked(button: object) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:  # type: ignore[arg-type]
            on_yes()

    box.buttonClicked.connect(clicked)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def tell(parent: QWidget, name: str, title: str, text: str, error: bool = False) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Critical if error else QMessageBox.Icon.Information,
        title,
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName(name)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
