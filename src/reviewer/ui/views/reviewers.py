"""Reviewers and conflicts: every reviewer with their tracks and reviews, and the
declared and recorded conflicts of the chosen one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from reviewer.services import listing
from reviewer.services.listing import ReviewerEntry
from reviewer.ui.models.people import ConflictTable, ReviewerTable
from reviewer.ui.models.table import ROW_ROLE, RowFilter
from reviewer.ui.round_session import RoundSession
from reviewer.ui.views.base import View
from reviewer.ui.views.filters import FilterBar
from reviewer.ui.views.widgets import data_table


class ReviewersView(View):
    key = "reviewers"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = ReviewerTable(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_search_columns(["id", "name", "affiliation", "tracks"])
        self.table = data_table(self.proxy, stretch=2)
        self.filters = FilterBar(self.model, self.proxy, self.table)
        self.conflicts = ConflictTable(self)
        self.conflict_proxy = RowFilter(self)
        self.conflict_proxy.setSourceModel(self.conflicts)
        self.conflict_table = data_table(self.conflict_proxy, stretch=2)
        self.conflict_box = QGroupBox()
        QVBoxLayout(self.conflict_box).addWidget(self.conflict_table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filters)
        top_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.conflict_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(splitter)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Reviewers")

    def retranslate(self) -> None:
        self.filters.retranslate()
        self.filters.set_placeholder(self.tr("Search id, name, affiliation or track"))
        self.model.retranslate()
        self.conflicts.retranslate()
        self._selection_changed()

    def load(self) -> None:
        self.session.read("reviewers", lambda r: listing.reviewers(r.database), self.show_reviewers)

    def show_reviewers(self, entries: tuple[ReviewerEntry, ...]) -> None:
        overview = self.session.overview
        self.model.track_names = dict(overview.tracks) if overview is not None else {}
        self.model.set_rows(entries)
        self.conflicts.set_rows([])
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])
        self.conflicts.set_rows([])

    def selected(self) -> ReviewerEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selection_changed(self, *_: QItemSelection) -> None:
        entry = self.selected()
        if entry is None:
            self.conflict_box.setTitle(self.tr("Conflicts of interest (choose a reviewer)"))
            self.conflicts.set_rows([])
            return
        self.conflict_box.setTitle(
            self.tr("Conflicts of interest of {name} ({count})").format(
                name=entry.name or entry.id, count=len(entry.conflicts)
            )
        )
        self.conflicts.set_rows(entry.conflicts)
