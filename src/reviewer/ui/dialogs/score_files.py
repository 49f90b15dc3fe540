"""Importing the score files reviewers send back (``.rvscore``) from the chair's window:
dropped on the window or chosen from the Round menu. The import runs through the round
session (every check of ``reviewer import scores``, all files or none), and the dialog
tells what came in, or which check refused which file.

The dialog is window-modal and opened with ``open()``; the window keeps it in
``window.dialog`` so tests can read it and press its buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from reviewer.services.importing import ImportSummary
from reviewer.services.score_returns import import_score_files
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.worker import TaskHandle


def choose_score_files(parent: QWidget, on_files: Callable[[list[str]], None]) -> QFileDialog:
    """Ask for the returned score files (window-modal); ``on_files`` gets them."""
    dialog = QFileDialog(
        parent, QCoreApplication.translate("ScoreFilesDialog", "Choose the returned score files")
    )
    dialog.setObjectName("scoreFiles")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilter(
        QCoreApplication.translate("ScoreFilesDialog", "Reviewers' score files (*.rvscore)")
    )
    dialog.filesSelected.connect(on_files)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


class ScoreFilesDialog(QDialog):
    """The running import, then its summary or the reason nothing was imported."""

    def __init__(
        self, session: RoundSession, paths: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scoreFilesDialog")
        self.session = session
        self.paths = [Path(p) for p in paths]
        self.handle: TaskHandle | None = None
        self.outcome: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import score files"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 200)

    def start(self) -> None:
        names = ", ".join(p.name for p in self.paths)
        self.message.setText(self.tr("Checking {files}…").format(files=names))
        paths = list(self.paths)
        self.handle = self.session.change(
            "import",
            lambda r, _control: import_score_files(r.database, paths),
            on_result=self._done,
            on_error=self._failed,
        )

    def _finish(self) -> None:
        self.handle = None
        self.progress.setVisible(False)
        self.buttons.setEnabled(True)

    def _done(self, result: ImportSummary) -> None:
        self.outcome = result
        self._finish()
        self.message.setText(result.message(self.session.lang()))

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.message.setText(self.tr("Nothing was imported:"))
        self.details.setPlainText(error_text(error, self.session.lang()))
        self.details.setVisible(True)
        self.resize(self.width(), 320)

    def reject(self) -> None:
        if self.handle is not None:  # the import is one short transaction: let it end
            return
        super().reject()


def import_score_file_paths(
    session: RoundSession, paths: Sequence[str], parent: QWidget
) -> ScoreFilesDialog:
    """Open the dialog and start importing ``paths``."""
    dialog = ScoreFilesDialog(session, paths, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.start()
    return dialog
