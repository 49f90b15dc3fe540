"""Assignments and conflicts: every application × reviewer pair assigned or conflicted,
with the application's track and company, the reviewer's affiliation, whether it is
scored, and the conflict's source and reason. One pair is added or removed at a time,
through the service (refused when conflicted, or when the pair has a review), audited."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reviewer.domain.assignment import PairRow
from reviewer.services import assignments
from reviewer.services.assignments import AssignmentBoard
from reviewer.ui.dialogs.assignment import AddAssignmentDialog, ask_remove
from reviewer.ui.models.assignments import PairTable
from reviewer.ui.models.table import ROW_ROLE, RowFilter
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.views.base import View
from reviewer.ui.views.filters import FilterBar
from reviewer.ui.views.widgets import data_table


class AssignmentsView(View):
    key = "assignments"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.board: AssignmentBoard | None = None
        self.dialog: AddAssignmentDialog | QWidget | None = None
        self.model = PairTable(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_search_columns(["application", "company", "reviewer", "name", "affiliation"])
        self.table = data_table(self.proxy, stretch=9)  # the affiliation, last
        self.filters = FilterBar(self.model, self.proxy, self.table)
        self.counts = QLabel()
        self.counts.setWordWrap(True)  # the window may be narrower than the sentence
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_pair)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_pair)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counts, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Assignments")

    def retranslate(self) -> None:
        self.filters.retranslate()
        self.filters.set_placeholder(
            self.tr("Search application, company, reviewer, name or affiliation")
        )
        self.model.retranslate()
        self.add_button.setText(self.tr("Assign a reviewer…"))
        self.remove_button.setText(self.tr("Remove assignment…"))
        self._show_counts()
        self.set_locked(self.session.locked)

    def load(self) -> None:
        self.session.read(
            "assignments", lambda r: assignments.assignment_board(r.database), self.show_board
        )

    def show_board(self, board: AssignmentBoard) -> None:
        overview = self.session.overview
        self.model.track_names = dict(overview.tracks) if overview is not None else {}
        self.board = board
        self.model.set_rows(board.rows)
        self._show_counts()
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self.board = None
        self.model.set_rows([])
        self._show_counts()

    def show_ids(self, ids: Sequence[str]) -> None:
        self.filters.search.setText(ids[0] if len(ids) == 1 else "")

    def prepare_screenshot(self) -> None:
        """Show the conflicts first (for a screenshot that shows them with their reasons)."""
        column = [c.key for c in self.model.columns].index("source")
        self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    def _show_counts(self) -> None:
        rows = self.board.rows if self.board is not None else ()
        assigned = sum(1 for r in rows if r.assigned)
        conflicts = sum(1 for r in rows if r.conflict is not None)
        scored = sum(1 for r in rows if r.assigned and r.scored)
        self.counts.setText(
            self.tr(
                "{assigned} assignments ({scored} scored), {conflicts} conflicts of interest"
            ).format(assigned=f"{assigned:,}", scored=f"{scored:,}", conflicts=f"{conflicts:,}")
        )

    def selected(self) -> PairRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selection_changed(self, *_: QItemSelection) -> None:
        self.set_locked(self.session.locked)

    def set_locked(self, locked: bool) -> None:
        can_add = not locked and self.board is not None
        self.add_button.setEnabled(can_add)
        self.add_button.setToolTip(
            self.tr("The round is locked: unlock it to change assignments")
            if locked
            else self.tr("Assign a reviewer of the track's panel to an application (audited)")
        )
        row = self.selected()
        removable = row is not None and row.assigned and not row.scored
        self.remove_button.setEnabled(not locked and removable)
        if locked:
            tip = self.tr("The round is locked: unlock it to change assignments")
        elif row is None or not row.assigned:
            tip = self.tr("Choose an assignment to remove it")
        elif row.scored:
            tip = self.tr("This assignment has a review and cannot be removed")
        else:
            tip = self.tr("Remove this assignment (audited)")
        self.remove_button.setToolTip(tip)

    # -- the edits ------------------------------------------------------------------------

    def add_pair(self) -> None:
        if self.board is None or self.session.locked:
            return
        row = self.selected()
        dialog = AddAssignmentDialog(self.board, row.application_id if row else None, self)
        dialog.submitted.connect(lambda app_id, reviewer_id: self._add(dialog, app_id, reviewer_id))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _add(self, dialog: AddAssignmentDialog, app_id: str, reviewer_id: str) -> None:
        self.session.change(
            "assignments",
            lambda r, control: assignments.add_assignment(r.database, app_id, reviewer_id),
            lambda _: dialog.accept(),
            on_error=lambda error: dialog.failed(error_text(error, self.session.lang())),
        )

    def remove_pair(self) -> None:
        row = self.selected()
        if row is None or not row.assigned or row.scored or self.session.locked:
            return
        app_id, reviewer_id = row.application_id, row.reviewer_id
        self.dialog = ask_remove(
            self, app_id, reviewer_id, lambda: self._remove(app_id, reviewer_id)
        )

    def _remove(self, app_id: str, reviewer_id: str) -> None:
        self.session.change(
            "assignments",
            lambda r, control: assignments.remove_assignment(r.database, app_id, reviewer_id),
            failure_title=self.tr("The assignment was not removed"),
        )
