"""Importing a folder of attachments from the window: the chair chooses a folder, the
import runs through the round session with its progress and a Cancel button, and a
summary tells what came in (matched, replaced, unchanged) and which files did not.

The dialog is window-modal and opened with ``open()``; the window keeps it in
``window.dialog`` so tests can read it and press its buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reviewer.services.attachments import AttachmentImport, import_attachments
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.worker import TaskHandle


def choose_folder(parent: QWidget, on_folder: Callable[[str], None]) -> QFileDialog:
    """Ask for the folder of attachments (window-modal); ``on_folder`` gets it."""
    dialog = QFileDialog(
        parent, QCoreApplication.translate("AttachmentsDialog", "Choose the folder of attachments")
    )
    dialog.setObjectName("attachmentFolder")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(on_folder)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


class AttachmentsDialog(QDialog):
    """The running import (progress, Cancel), then its summary or its error."""

    def __init__(self, session: RoundSession, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsDialog")
        self.session = session
        self.folder = folder
        self.handle: TaskHandle | None = None
        self.outcome: AttachmentImport | None = None
        self.setWindowTitle(self.tr("Import attachments"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._cancel_or_close)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 200)

    @property
    def running(self) -> bool:
        return self.handle is not None

    def start(self) -> None:
        folder = Path(self.folder)
        self.message.setText(self.tr("Checking the files in {folder}…").format(folder=folder))
        self.handle = self.session.change(
            "import",
            lambda r, control: import_attachments(
                r.database,
                folder,
                progress=control.progress,
                cancel=control.is_cancelled,
            ),
            on_result=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
            on_progress=self._progressed,
        )

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.message.setText(
                self.tr("Checking {done} of {total}: {name}").format(
                    done=done + 1, total=total, name=label
                )
            )

    def _finish(self) -> None:
        self.handle = None
        self.progress.setVisible(False)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _done(self, result: AttachmentImport) -> None:
        self.outcome = result
        self._finish()
        self.message.setText(summary_text(result))
        lines: list[str] = []
        if result.unmatched:
            lines.append(self.tr("Files that match no application (not imported):"))
            lines += [f"  {name}" for name in result.unmatched]
        if result.skipped:
            lines.append(
                self.tr(
                    "Files of a type that is not taken (PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP "
                    "and images are):"
                )
            )
            lines += [f"  {name}" for name in result.skipped]
        if result.removed:
            lines.append(self.tr("Attachments removed:"))
            lines += [f"  {name}" for name in result.removed]
        self.details.setPlainText("\n".join(lines))
        self.details.setVisible(bool(lines))
        if lines:
            self.resize(self.width(), 380)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.message.setText(self.tr("Nothing was imported:"))
        self.details.setPlainText(error_text(error, self.session.lang()))
        self.details.setVisible(True)
        self.resize(self.width(), 380)

    def _cancelled(self) -> None:
        self._finish()
        self.message.setText(self.tr("The import was cancelled; nothing was imported."))

    def _cancel_or_close(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.buttons.setEnabled(False)
        else:
            self.reject()

    def reject(self) -> None:
        if self.handle is not None:  # Escape while running: cancel, close when it stops
            self._cancel_or_close()
            return
        super().reject()


def summary_text(result: AttachmentImport) -> str:
    return QCoreApplication.translate(
        "AttachmentsDialog",
        "{matched} files of {applications} applications: {added} added, {replaced} "
        "replaced, {unchanged} unchanged. Not imported: {unmatched} matching no "
        "application, {skipped} of a type not taken.",
    ).format(
        matched=result.matched,
        applications=result.applications,
        added=len(result.added),
        replaced=len(result.replaced),
        unchanged=len(result.unchanged),
        unmatched=len(result.unmatched),
        skipped=len(result.skipped),
    )


def import_folder(session: RoundSession, folder: str, parent: QWidget) -> AttachmentsDialog:
    """Open the dialog and start importing ``folder``."""
    dialog = AttachmentsDialog(session, folder, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.start()
    return dialog
