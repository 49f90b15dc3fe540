"""Export: the ranked PDF, the results workbook and the individual score sheets of the
newest selection run, with progress and cancel.

The dialog is window-modal and opened with ``open()``. The export runs through the round
session (as a change: it writes files and the audit log, and the audit view reloads);
the service writes every report to a temporary first and puts them in place together, so
a cancelled or refused export leaves no file. Afterwards the dialog lists the files
written, to open each (or its folder) with the system's viewer.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ExportCancelled, RefusedByState
from reviewer.i18n import Lang
from reviewer.services import exporting
from reviewer.services.session import OpenRound
from reviewer.ui import palette
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.worker import TaskControl, TaskHandle

STEPS = ("PDF", "XLSX", "sheets")  # the labels of the service's progress, in its order
SCALE = 1000  # progress bar units per report
RESULTS_HEIGHT = 460  # the dialog's height once it lists the files written


@dataclass(frozen=True)
class ExportRequest:
    """What to write: ``None`` for a report not wanted."""

    pdf: Path | None
    xlsx: Path | None
    sheets: Path | None
    lang: Lang

    def steps(self) -> list[str]:
        chosen = (self.pdf, self.xlsx, self.sheets)
        return [step for step, path in zip(STEPS, chosen, strict=True) if path is not None]


class _Output:
    """One report's row: a checkbox, its path and a "Browse…" button."""

    def __init__(self, default: Path, folder: bool) -> None:
        self.folder = folder
        self.check = QCheckBox()
        self.check.setChecked(True)
        self.path = QLineEdit(str(default))
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton()
        self.check.toggled.connect(self.path.setEnabled)
        self.check.toggled.connect(self.browse.setEnabled)

    def chosen(self, base: Path) -> Path | None:
        text = self.path.text().strip()
        if not self.check.isChecked() or not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else base / path


class ExportDialog(QDialog):
    """Choose the reports and where they go, export, then open what was written."""

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.session = session
        self.base = default_folder(session.target)
        self.handle: TaskHandle | None = None
        self.request: ExportRequest | None = None
        self.written: list[Path] = []
        self._stop = threading.Event()
        self.file_dialog: QFileDialog | None = None
        self._grown = False

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.pdf = _Output(self.base / "ranking.pdf", folder=False)
        self.xlsx = _Output(self.base / "ranking.xlsx", folder=False)
        self.sheets = _Output(self.base / "sheets", folder=True)
        self.lang_label = QLabel()
        self.lang = QComboBox()
        self.lang.addItem("한국어", "ko")
        self.lang.addItem("English", "en")
        self.lang_label.setBuddy(self.lang)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, output in enumerate((self.pdf, self.xlsx, self.sheets)):
            grid.addWidget(output.check, row, 0)
            grid.addWidget(output.path, row, 1)
            grid.addWidget(output.browse, row, 2)
            output.check.toggled.connect(self._update)
            output.path.textChanged.connect(self._update)
            output.browse.clicked.connect(lambda _=False, o=output: self._browse(o))
        grid.addWidget(self.lang_label, 3, 0)
        grid.addWidget(self.lang, 3, 1, Qt.AlignmentFlag.AlignLeft)

        self.step = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, SCALE)
        self.progress.setValue(0)
        for widget in (self.step, self.progress):  # the layout stays put as they come and go
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files_label = QLabel()
        self.files = QListWidget()
        self.files.setObjectName("exportedFiles")
        self.files.itemDoubleClicked.connect(lambda item: self._open_item(item))
        self.files.currentItemChanged.connect(self._update)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)

        status = QVBoxLayout()
        status.setSpacing(4)
        status.addWidget(self.step)
        status.addWidget(self.message)  # in the room of the bar, which is hidden then
        status.addWidget(self.progress)
        self.results = QWidget()
        results = QVBoxLayout(self.results)
        results.setContentsMargins(0, 0, 0, 0)
        results.addWidget(self.files_label)
        results.addWidget(self.files, 1)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.open_button)
        file_buttons.addWidget(self.folder_button)
        file_buttons.addStretch(1)
        results.addLayout(file_buttons)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addLayout(status)
        layout.addWidget(self.results, 1)
        self._spacer = layout.count()
        layout.addStretch(1)  # takes the room the files' list leaves while it is hidden
        layout.addLayout(buttons)
        self.retranslate()
        self._show_results([])
        self.resize(660, self.sizeHint().height())

    @property
    def running(self) -> bool:
        return self.handle is not None

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export reports"))
        overview = self.session.overview
        if overview is not None and overview.run_id is not None:
            self.intro.setText(
                self.tr(
                    "Write the reports of selection run #{run} as it was recorded. Every "
                    "report is written in full before any file is replaced."
                ).format(run=overview.run_id)
            )
        else:
            self.intro.setText(self.tr("Write the reports of the newest selection run."))
        self.pdf.check.setText(self.tr("Ranked &PDF"))
        self.xlsx.check.setText(self.tr("Results &workbook"))
        self.sheets.check.setText(self.tr("&Score sheets (folder)"))
        for output in (self.pdf, self.xlsx, self.sheets):
            output.browse.setText(self.tr("Browse…"))
        self.lang_label.setText(self.tr("Report &language"))
        folder = common_folder(self.written)
        self.files_label.setText(
            self.tr("Files written in {folder}").format(folder=QDir.toNativeSeparators(str(folder)))
            if folder is not None
            else self.tr("Files written")
        )
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the chosen file with the system's viewer"))
        self.folder_button.setText(self.tr("Open &folder"))
        self.export_button.setText(self.tr("&Export"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- choosing ------------------------------------------------------------------------------

    def chosen(self) -> ExportRequest:
        lang: Lang = "en" if self.lang.currentData() == "en" else "ko"
        return ExportRequest(
            self.pdf.chosen(self.base),
            self.xlsx.chosen(self.base),
            self.sheets.chosen(self.base),
            lang,
        )

    def _browse(self, output: _Output) -> None:
        dialog = QFileDialog(self, output.check.text().replace("&", ""), output.path.text())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if output.folder:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            suffix = "pdf" if output is self.pdf else "xlsx"
            dialog.setDefaultSuffix(suffix)
            dialog.setNameFilter(f"*.{suffix}")
        dialog.fileSelected.connect(lambda path: output.path.setText(QDir.toNativeSeparators(path)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    # -- exporting -----------------------------------------------------------------------------

    def start(self) -> None:
        """Export what is chosen, off the GUI thread, reporting progress."""
        request = self.chosen()
        if self.running or not request.steps():
            return
        self.request = request
        self._stop.clear()
        self._show_results([])
        self.message.clear()
        self.progress.setRange(0, SCALE * len(request.steps()))
        self.progress.setValue(0)
        self.step.setText(self.tr("Starting the export…"))
        stop = self._stop

        def task(round_: OpenRound, control: TaskControl) -> list[Path]:
            return exporting.export_reports(
                round_.database,
                pdf=request.pdf,
                xlsx=request.xlsx,
                sheets=request.sheets,
                lang=request.lang,
                progress=lambda label, done, total: control.progress(done, total, label),
                cancel=lambda: stop.is_set() or control.is_cancelled(),
            )

        self.handle = self.session.change(
            "export",
            task,
            self._succeeded,
            on_error=self._failed,
            on_cancel=self._cancelled,
            on_progress=self._progressed,
        )
        self._update()

    def cancel(self) -> None:
        """Stop the export; it ends with no file written."""
        if self.running:
            self._stop.set()
            self.step.setText(self.tr("Cancelling…"))
            self._update()

    def reject(self) -> None:
        """Cancel (or Esc) stops a running export and keeps the dialog open to say so;
        otherwise it closes the dialog."""
        if self.running:
            self.cancel()
        else:
            super().reject()

    def _progressed(self, done: int, total: int, label: str) -> None:
        if self.request is None or label not in self.request.steps() or self._stop.is_set():
            return
        steps = self.request.steps()
        index = steps.index(label)
        part = SCALE if total <= 0 else min(SCALE, SCALE * done // total)
        self.progress.setValue(index * SCALE + part)
        self.step.setText(self._step_text(label).format(number=index + 1, count=len(steps)))

    def _step_text(self, label: str) -> str:
        if label == "PDF":
            return self.tr("Writing the ranked PDF ({number} of {count})…")
        if label == "XLSX":
            return self.tr("Writing the results workbook ({number} of {count})…")
        return self.tr("Writing the score sheets ({number} of {count})…")

    def _succeeded(self, written: list[Path]) -> None:
        self.handle = None
        self.progress.setValue(self.progress.maximum())
        self.step.setText(self.tr("Done: {count} files written.").format(count=len(written)))
        self._show_message("", error=False)
        self._show_results(written)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ExportCancelled):
            self._cancelled()
            return
        self.handle = None
        self.progress.setValue(0)
        self.step.setText(self.tr("Nothing was exported."))
        text = error_text(error, self.session.lang())
        text = text[:1].upper() + text[1:]  # the services' messages start in lower case
        if isinstance(error, RefusedByState) and error.key in ("export.stale", "export.no_run"):
            text += "\n" + self.tr(
                "In this window: Round ▸ Run selection (Ctrl+R), then export again."
            )
        self._show_message(text, error=True)
        self._update()

    def _cancelled(self) -> None:
        self.handle = None
        self.progress.setValue(0)
        self.step.setText(self.tr("Export cancelled."))
        self._show_message(
            self.tr("No file was written; reports exported earlier are unchanged."), error=False
        )
        self._update()

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {palette.CUTOFF};" if error else "")
        self.message.setVisible(bool(text))

    def _show_results(self, written: list[Path]) -> None:
        self.written = list(written)
        self.files.clear()
        top = common_folder(self.written)
        for path in self.written:
            shown = os.path.relpath(path, top) if top is not None else str(path)
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.files.addItem(item)
        if self.written:
            self.files.setCurrentRow(0)
        self.retranslate()
        self.results.setVisible(bool(self.written))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setStretch(self._spacer, 0 if self.written else 1)
        self._update()
        if self.written and self.height() < RESULTS_HEIGHT:
            self._grown = True
            self.resize(self.width(), RESULTS_HEIGHT)
        elif not self.written and self._grown:  # grown for the list: back to the form alone
            self._grown = False
            layout.activate()
            self.resize(self.width(), self.sizeHint().height())

    # -- opening what was written ------------------------------------------------------------

    def selected_file(self) -> Path | None:
        item = self.files.currentItem()
        return None if item is None else Path(item.data(Qt.ItemDataRole.UserRole))

    def open_selected(self) -> None:
        path = self.selected_file()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_folder(self) -> None:
        path = self.selected_file()
        folder = path.parent if path is not None else common_folder(self.written)
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _open_item(self, item: QListWidgetItem) -> None:
        self.files.setCurrentItem(item)
        self.open_selected()

    # -- state ---------------------------------------------------------------------------------

    def _update(self, *_: object) -> None:
        running = self.running
        chosen = self.chosen()
        for output in (self.pdf, self.xlsx, self.sheets):
            output.check.setEnabled(not running)
            output.path.setEnabled(not running and output.check.isChecked())
            output.browse.setEnabled(not running and output.check.isChecked())
        self.lang.setEnabled(not running)
        self.export_button.setEnabled(not running and bool(chosen.steps()))
        self.export_button.setToolTip(
            "" if chosen.steps() else self.tr("Choose at least one report and where it goes")
        )
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        self.cancel_button.setEnabled(not (running and self._stop.is_set()))
        self.progress.setVisible(running or self.progress.value() > 0)
        self.step.setVisible(bool(self.step.text()))
        has_file = self.selected_file() is not None
        self.open_button.setEnabled(has_file)
        self.folder_button.setEnabled(bool(self.written))


def default_folder(target: str | None) -> Path:
    """Where the reports go unless the user says otherwise: beside the round database
    (a round on a server: the user's documents folder)."""
    if target and "://" not in target:
        return Path(target).expanduser().absolute().parent
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


def common_folder(paths: list[Path]) -> Path | None:
    """The folder every path is in (the files' list shows paths relative to it)."""
    if not paths:
        return None
    try:
        return Path(os.path.commonpath([p.parent for p in paths]))
    except ValueError:  # on different drives
        return None


def open_export(session: RoundSession, parent: QWidget) -> ExportDialog:
    dialog = ExportDialog(session, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
