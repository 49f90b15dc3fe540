"""The proposal of the application shown: its PDF (every page, fitted to the width)
and its other attachments, each opened in the program the computer has for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.package import PackageApplication, PackageAttachment
from reviewer.ui import palette
from reviewer.ui.models.table import ROW_ROLE, Column, RowTableModel, header
from reviewer.ui.views.widgets import data_table


def proposal_of(app: PackageApplication) -> PackageAttachment | None:
    """The application's proposal PDF: the attachment of kind ``proposal`` that is a PDF
    (else the first PDF)."""
    pdfs = [a for a in app.attachments if a.name.lower().endswith(".pdf")]
    for attachment in pdfs:
        if attachment.kind == "proposal":
            return attachment
    return pdfs[0] if pdfs else None


@dataclass(frozen=True)
class _File:
    attachment: PackageAttachment


def _size(row: _File) -> str:
    size = row.attachment.size
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} B"


FILE_COLUMNS: tuple[Column[_File], ...] = (
    Column("name", header("ProposalView", "Other files"), lambda r: r.attachment.name),
    Column("size", header("ProposalView", "Size"), lambda r: r.attachment.size, display=_size),
)


class ProposalView(QWidget):
    open_requested = Signal(object)  # the PackageAttachment to open outside

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app: PackageApplication | None = None
        self.shown: PackageAttachment | None = None  # the PDF loaded
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._bytes: QByteArray | None = None
        self.pdf = QPdfView()
        self.pdf.setObjectName("proposalPdf")
        self.pdf.setDocument(self.document)
        self.pdf.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.empty = QLabel()
        self.empty.setObjectName("noProposal")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {palette.MUTED}; font-size: 12pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.pdf)
        self.files: RowTableModel[_File] = RowTableModel(FILE_COLUMNS, self)
        self.file_table = data_table(self.files, sortable=False, stretch=0)
        self.file_table.doubleClicked.connect(lambda _i: self.open_selected())
        self.open_button = QPushButton()
        self.open_button.setObjectName("openAttachment")
        self.open_button.clicked.connect(self.open_selected)
        self.files_box = QWidget()
        files_layout = QHBoxLayout(self.files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.file_table, 1)
        files_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.files_box)
        self._message: Callable[[], str] = self._no_proposal_text
        self.retranslate()
        self.show_application(None)

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the chosen file in its own program"))
        self.files.retranslate()
        self.empty.setText(self._message())

    def _no_proposal_text(self) -> str:
        if self.app is None:
            return self.tr("Choose an application to see its proposal.")
        return self.tr("This application has no proposal PDF.")

    def _loading_text(self) -> str:
        return self.tr("Loading the proposal…")

    def _unreadable_text(self) -> str:
        return self.tr("The proposal PDF cannot be shown. Open it with Open below.")

    def _say(self, message: Callable[[], str]) -> None:
        self._message = message
        self.empty.setText(message())
        self.stack.setCurrentWidget(self.empty)

    # -- showing -----------------------------------------------------------------------------

    def show_application(self, app: PackageApplication | None) -> PackageAttachment | None:
        """Show ``app``'s files; returns the PDF to load (the caller fetches its bytes
        in the worker and hands them to :meth:`show_pdf`)."""
        self.app = app
        self.shown = None
        self.document.close()
        proposal = proposal_of(app) if app is not None else None
        others = [a for a in (app.attachments if app else ()) if a != proposal]
        self._list_files(others)
        if proposal is None:
            self._say(self._no_proposal_text)
            return None
        self._say(self._loading_text)
        return proposal

    def show_pdf(self, attachment: PackageAttachment, content: bytes) -> None:
        if self.app is None or proposal_of(self.app) != attachment:
            return  # another application was chosen meanwhile
        self.document.close()
        self._bytes = QByteArray(content)
        buffer = QBuffer(self)
        buffer.setData(self._bytes)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.document.load(buffer)
        if self.document.status() == QPdfDocument.Status.Error or self.document.pageCount() < 1:
            self._say(self._unreadable_text)
            self._list_files(list(self.app.attachments))
            return
        self.shown = attachment
        self.stack.setCurrentWidget(self.pdf)
        self.pdf.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _list_files(self, files: list[PackageAttachment]) -> None:
        """List ``files`` in a table just tall enough for them (at most four rows)."""
        self.files.set_rows([_File(a) for a in files])
        self.files_box.setVisible(bool(files))
        rows = min(max(len(files), 1), 4)
        height = self.file_table.horizontalHeader().sizeHint().height()
        height += rows * self.file_table.verticalHeader().defaultSectionSize() + 4
        self.file_table.setFixedHeight(height)
        if files:
            self.file_table.selectRow(0)

    def open_selected(self) -> None:
        index = self.file_table.currentIndex()
        if not index.isValid():
            return
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if isinstance(row, _File):
            self.open_requested.emit(row.attachment)


def open_with_system(path: str) -> bool:
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(path)))
