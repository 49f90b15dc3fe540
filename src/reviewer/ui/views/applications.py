"""The applications: every field in a table with search and a filter per column, and
the chosen application's details beside it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.model import Application
from reviewer.services import attachments, corrections, listing
from reviewer.services.attachments import AttachmentEntry
from reviewer.services.listing import ApplicationList
from reviewer.ui.dialogs.correct import CorrectDialog, ask_correction
from reviewer.ui.models.applications import ApplicationTable
from reviewer.ui.models.table import ROW_ROLE, RowFilter
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.views.base import View
from reviewer.ui.views.filters import FilterBar
from reviewer.ui.views.widgets import data_table


class ApplicationsView(View):
    key = "applications"
    # the chair asks to correct a review of an application (reviewer id, "" for its first)
    correction_requested = Signal(str, str)

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.listed: ApplicationList | None = None
        self._reselect: str | None = None
        self.model = ApplicationTable(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_search_columns(["id", "title", "company", "business_no", "field"])
        self.table = data_table(self.proxy, stretch=2)
        self.filters = FilterBar(self.model, self.proxy, self.table)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link_clicked)
        self.attachments: tuple[AttachmentEntry, ...] | None = None  # of the chosen one
        self.opened_files: list[Path] = []  # attachments written out to be opened
        self.correct_button = QPushButton()
        self.correct_button.clicked.connect(self.correct_selected)
        self.score_button = QPushButton()
        self.score_button.setObjectName("correctScore")
        self.score_button.clicked.connect(self.correct_score_of_selected)
        self.dialog: CorrectDialog | None = None
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table, 1)
        splitter.addWidget(left)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.score_button)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Applications")

    def retranslate(self) -> None:
        self.correct_button.setText(self.tr("&Correct…"))
        self.score_button.setText(self.tr("Correct a &score…"))
        self.filters.retranslate()
        self.filters.set_placeholder(self.tr("Search id, title, company, business no. or field"))
        self.model.retranslate()
        self._selection_changed()

    def load(self) -> None:
        self.session.read(
            "applications", lambda r: listing.applications(r.database), self.show_list
        )

    def show_list(self, listed: ApplicationList) -> None:
        self.listed = listed
        self.model.set_applications(
            listed.applications, listed.track_names, listed.reviews, listed.attributes
        )
        self.details.clear()
        self.loaded_with()
        if self._reselect:
            self.select_id(self._reselect)
            self._reselect = None

    def select_id(self, app_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == app_id:
                self.table.selectRow(row)
                return

    def show_ids(self, ids: Sequence[str]) -> None:
        self.proxy.set_only(ids or None)
        self.filters._update()

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.details.clear()

    def selected(self) -> Application | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def set_locked(self, locked: bool) -> None:
        has = self.selected() is not None
        self.correct_button.setEnabled(has and not locked)
        if locked:
            tip = self.tr("The round is locked: unlock it to correct an application")
        elif not has:
            tip = self.tr("Choose an application to correct it")
        else:
            tip = self.tr("Correct this application; every change is audited with its reason")
        self.correct_button.setToolTip(tip)
        reviewed = has and not locked and self.listed is not None
        self.score_button.setEnabled(reviewed)
        if locked:
            tip = self.tr("The round is locked: unlock it to correct a score")
        elif not has:
            tip = self.tr("Choose an application to correct one of its reviews")
        else:
            tip = self.tr(
                "Correct a criterion score of a review, or mark it as a conflict of interest; "
                "audited with its reason, and undone with Ctrl+Z"
            )
        self.score_button.setToolTip(tip)

    # -- correcting ------------------------------------------------------------------------

    def correct_selected(self) -> None:
        app = self.selected()
        if app is None or self.session.locked or self.listed is None:
            return
        self.dialog = ask_correction(self, app, self.listed.track_names, self._submit)

    def correct_score_of_selected(self) -> None:
        """Ask to correct the chosen application's reviews (the dialog lets the chair
        choose the reviewer)."""
        app = self.selected()
        if app is not None and not self.session.locked:
            self.correction_requested.emit(app.id, "")

    def _submit(self, dialog: CorrectDialog, values: dict[str, str], reason: str) -> None:
        app_id = dialog.app.id

        def done(_changed: object) -> None:
            dialog.accept()
            self._reselect = app_id

        self.session.change(
            "edit",
            lambda r, control: corrections.correct_application(r.database, app_id, values, reason),
            on_result=done,
            on_error=lambda error: dialog.failed(error_text(error, self.session.lang())),
        )

    def _selection_changed(self, *_: QItemSelection) -> None:
        self.set_locked(self.session.locked)
        app = self.selected()
        self.attachments = None
        if app is None:
            hint = self.tr("Choose an application to see its details.")
            self.details.setHtml(f"<p>{escape(hint)}</p>")
            return
        self._show_details(app)
        app_id = app.id
        self.session.read(
            "attachments",
            lambda r: attachments.attachments_of(r.database, app_id),
            lambda found: self._attachments_read(app_id, found),
        )

    def _attachments_read(self, app_id: str, found: tuple[AttachmentEntry, ...]) -> None:
        app = self.selected()
        if app is None or app.id != app_id:
            return  # another application was chosen meanwhile
        self.attachments = found
        self._show_details(app)
        self.attachments_shown += 1

    attachments_shown = 0  # how many times attachments were shown (tests wait on it)

    def _show_details(self, app: Application) -> None:
        lines = []
        for column in self.model.columns:
            value = column.text(app)
            if value:
                lines.append(
                    f"<tr><th align='left' valign='top'>{escape(column.header())}</th>"
                    f"<td>{escape(value)}</td></tr>"
                )
        heading = self.tr("Attachments")
        self.details.setHtml(
            f"<h3>{escape(app.id)}</h3><p>{escape(app.title)}</p>"
            f"<table cellspacing='4'>{''.join(lines)}</table>"
            f"<h4>{escape(heading)}</h4>{self._attachments_html()}"
        )

    def _attachments_html(self) -> str:
        if self.attachments is None:
            return "<p>" + escape(self.tr("Reading…")) + "</p>"
        if not self.attachments:
            text = self.tr("No attachments. Import them with Round ▸ Import attachments….")
            return "<p>" + escape(text) + "</p>"
        items = []
        for item in self.attachments:
            kind = self.tr("Proposal") if item.kind == "proposal" else self.tr("Other")
            facts = " · ".join((kind, file_size(item.size), "SHA-256 " + (item.sha256 or "")[:12]))
            items.append(
                f"<p style='margin-bottom:2px'><a href='attachment:{item.id}'>"
                f"{escape(item.name)}</a><br><small>{escape(facts)}</small></p>"
            )
        hint = self.tr("Click a file to open it with its program.")
        return "".join(items) + f"<p><small><i>{escape(hint)}</i></small></p>"

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == "attachment" and url.path().isdigit():
            self.open_attachment(int(url.path()))

    def open_attachment(self, attachment_id: int) -> None:
        """Write the attachment to a temporary file (in the worker) and open it with the
        program the system has for it."""
        self.session.read(
            "open attachment",
            lambda r: attachments.write_to_file(r.database, attachment_id),
            self._open_file,
            self.tr("Cannot open the attachment"),
        )

    def _open_file(self, path: Path) -> None:
        self.opened_files.append(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def file_size(size: int | None) -> str:
    """A file size for people: bytes, KB or MB."""
    if size is None:
        return ""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size / (1024 * 1024):,.1f} MB"
