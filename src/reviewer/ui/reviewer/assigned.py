"""The reviewer's assigned applications: a table with each one's status and total, and
the progress ("scored / assigned") above it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from reviewer.domain.package import PackageApplication
from reviewer.domain.score_form import FormCheck, FormStatus
from reviewer.ui import palette
from reviewer.ui.models.table import CENTER, ROW_ROLE, Column, RowTableModel, header
from reviewer.ui.views.widgets import data_table


@dataclass(frozen=True)
class AssignedRow:
    app: PackageApplication
    status: FormStatus
    total: float | None


def status_text(status: FormStatus) -> str:
    texts = {
        FormStatus.UNSCORED: QCoreApplication.translate("AssignedList", "Not scored"),
        FormStatus.DRAFT: QCoreApplication.translate("AssignedList", "In progress"),
        FormStatus.COMPLETE: QCoreApplication.translate("AssignedList", "Complete"),
        FormStatus.CONFLICT: QCoreApplication.translate("AssignedList", "Conflict"),
    }
    return texts[status]


STATUS_FILL = {
    FormStatus.COMPLETE: palette.SELECTED,
    FormStatus.DRAFT: palette.WARNING,
    FormStatus.CONFLICT: palette.UNRANKED,
}


def _total(row: AssignedRow) -> str:
    return "" if row.total is None else f"{row.total:.2f}"


COLUMNS: tuple[Column[AssignedRow], ...] = (
    Column("id", header("AssignedList", "No."), lambda r: r.app.id),
    Column("title", header("AssignedList", "Title"), lambda r: r.app.title),
    Column("company", header("AssignedList", "Company"), lambda r: r.app.company),
    Column(
        "status",
        header("AssignedList", "Status"),
        lambda r: list(FormStatus).index(r.status),
        display=lambda r: status_text(r.status),
        background=lambda r: STATUS_FILL.get(r.status),
        align=CENTER,
    ),
    Column(
        "total", header("AssignedList", "Total"), lambda r: r.total, display=_total, number=True
    ),
)


class AssignedList(QWidget):
    chosen = Signal(str)  # the application id the reviewer chose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowTableModel[AssignedRow] = RowTableModel(COLUMNS, self)
        self.table = data_table(self.model, sortable=False, stretch=1)
        self.table.setObjectName("assignedTable")
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setObjectName("scoredProgress")
        self.progress.setTextVisible(True)
        self.progress.setStyleSheet(
            f"QProgressBar {{ text-align: center; color: {palette.INK}; }}"
            f"QProgressBar::chunk {{ background: {palette.MET_BAR}; }}"
        )
        self._choosing = False
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.progress_label.setText(self.tr("Assigned applications"))
        self.model.retranslate()
        self._show_progress()

    def set_rows(self, apps: Sequence[PackageApplication], checks: Mapping[str, FormCheck]) -> None:
        current = self.current_id()
        self._choosing = True
        try:
            self.model.set_rows([_row(app, checks[app.id]) for app in apps])
        finally:
            self._choosing = False
        if current is not None:
            self.select(current, quiet=True)
        self._show_progress()

    def update_row(self, app_id: str, check: FormCheck) -> None:
        """Show one application's new status and total (the others stay as they are)."""
        for position, row in enumerate(self.model.rows()):
            if row.app.id == app_id:
                new = _row(row.app, check)
                if new != row:
                    self.model.set_row(position, new)
                    self._show_progress()
                return

    def _show_progress(self) -> None:
        rows = self.model.rows()
        done = sum(r.status in (FormStatus.COMPLETE, FormStatus.CONFLICT) for r in rows)
        self.progress.setRange(0, max(len(rows), 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("{done} / {total} scored").format(done=done, total=len(rows))
        )

    def done_count(self) -> tuple[int, int]:
        rows = self.model.rows()
        done = sum(r.status in (FormStatus.COMPLETE, FormStatus.CONFLICT) for r in rows)
        return done, len(rows)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        return row.app.id if isinstance(row, AssignedRow) else None

    def select(self, app_id: str, quiet: bool = False) -> bool:
        for position, row in enumerate(self.model.rows()):
            if row.app.id == app_id:
                self._choosing = quiet
                try:
                    self.table.setCurrentIndex(self.model.index(position, 0))
                    self.table.selectRow(position)
                finally:
                    self._choosing = False
                return True
        return False

    def next_id(self, after: str) -> str | None:
        """The application after ``after`` still to finish (else the next one at all)."""
        rows = self.model.rows()
        ids = [r.app.id for r in rows]
        if after not in ids:
            return ids[0] if ids else None
        start = ids.index(after)
        order = rows[start + 1 :] + rows[:start]
        for row in order:
            if row.status not in (FormStatus.COMPLETE, FormStatus.CONFLICT):
                return row.app.id
        return ids[start + 1] if start + 1 < len(ids) else None

    def _current_changed(self, *_: object) -> None:
        if self._choosing:
            return
        app_id = self.current_id()
        if app_id is not None:
            self.chosen.emit(app_id)


def _row(app: PackageApplication, check: FormCheck) -> AssignedRow:
    return AssignedRow(app, check.status, check.total)
