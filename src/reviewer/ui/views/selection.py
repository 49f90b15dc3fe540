"""The selection: run it, and read the newest run's ranking per track with its statuses
and the reason of each row."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.services import selecting
from reviewer.services.browse import RankingRow, RoundOverview
from reviewer.ui.models.ranking import SELECTED_STATUSES, RankingFilter, RankingModel, status_label
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.views.base import View
from reviewer.ui.views.widgets import data_table


class SelectionView(View):
    key = "selection"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.overview: RoundOverview | None = None
        self.running = False
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_selection)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.track_label = QLabel()
        self.track_filter = QComboBox()
        self.track_filter.currentIndexChanged.connect(self._track_changed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.counts = QLabel()

        self.model = RankingModel(self)
        self.proxy = RankingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table: QTableView = data_table(self.proxy, stretch=4)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QTextBrowser()

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.state, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.track_label)
        filters.addWidget(self.track_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.counts)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Selection")

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("&Run selection"))
        self.run_button.setToolTip(
            self.tr("Compute the scores and the selection, and record the run (Ctrl+R)")
        )
        self.track_label.setText(self.tr("Track"))
        self.search.setPlaceholderText(self.tr("Search id, company or title"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        if self.overview is not None:
            self._show(self.overview)
        self._selection_changed()

    # -- data ----------------------------------------------------------------------------

    def load(self) -> None:
        lang = self.session.lang()
        self.session.read("ranking", lambda r: r.overview(lang), self.show_overview)

    def show_overview(self, overview: RoundOverview) -> None:
        self.overview = overview
        self._show(overview)
        self.loaded_with()

    def _show(self, overview: RoundOverview) -> None:
        if overview.run_id is None or overview.run_at is None:
            self.state.setText(self.tr("No selection has run yet."))
        else:
            self.state.setText(
                self.tr("Selection run #{run} · {at} · SHA-256 {digest}").format(
                    run=overview.run_id,
                    at=f"{overview.run_at:%Y-%m-%d %H:%M}",
                    digest=overview.digest,
                )
            )
        current = self.track_filter.currentData()
        self.track_filter.blockSignals(True)
        self.track_filter.clear()
        self.track_filter.addItem(self.tr("All tracks"), "")
        for track_id, name in overview.tracks:
            self.track_filter.addItem(name, track_id)
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(current or ""), 0))
        self.track_filter.blockSignals(False)
        if self.model.rows() != list(overview.rows):
            self.model.set_rows(overview.rows)
        self.proxy.set_track(str(self.track_filter.currentData() or ""))
        self._update_counts()

    def clear(self) -> None:
        super().clear()
        self.overview = None
        self.model.set_rows([])

    def set_locked(self, locked: bool) -> None:
        self.run_button.setEnabled(not locked and not self.running)
        self.run_button.setToolTip(
            self.tr("The round is locked: unlock it to run the selection again")
            if locked
            else self.tr("Compute the scores and the selection, and record the run (Ctrl+R)")
        )

    # -- running -------------------------------------------------------------------------

    def run_selection(self) -> None:
        if self.session.locked or self.running:
            return
        lang = self.session.lang()
        self.running = True
        self.set_locked(self.session.locked)
        self.session.change(
            "select",
            lambda r, control: selecting.run_selection(r.database, lang),
            on_result=self._ran,
            on_error=self._failed,
        )

    def _ran(self, _run: object) -> None:
        self.running = False
        self.set_locked(self.session.locked)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.set_locked(self.session.locked)
        self.session.failed.emit(
            self.tr("The selection did not run"), error_text(error, self.session.lang())
        )

    # -- filtering -----------------------------------------------------------------------

    def select_track(self, track_id: str) -> None:
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(track_id), 0))

    def _track_changed(self, _index: int) -> None:
        self.proxy.set_track(str(self.track_filter.currentData() or ""))
        self._update_counts()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_counts()

    def _update_counts(self) -> None:
        shown = self.proxy.rowCount()
        selected = sum(
            1
            for row in range(shown)
            if self.model.row_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()).status
            in SELECTED_STATUSES
        )
        self.counts.setText(
            self.tr("{shown} shown · {selected} selected").format(
                shown=f"{shown:,}", selected=f"{selected:,}"
            )
        )

    def selected(self) -> RankingRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _selection_changed(self, *_: QItemSelection) -> None:
        row = self.selected()
        if row is None:
            self.details.setHtml(
                f"<p>{escape(self.tr('Choose a row to see why it has its status.'))}</p>"
            )
            return
        final = "" if row.final_score is None else f"{row.final_score:.2f}"
        rank = "" if row.rank is None else str(row.rank)
        reason = row.reason or self.tr("Decided by its rank and final score.")
        rank_label, final_label = self.tr("Rank"), self.tr("Final score")
        self.details.setHtml(
            f"<h3>{escape(row.id)}</h3><p>{escape(row.title)}<br>{escape(row.company)}</p>"
            f"<p><b>{escape(status_label(row.status))}</b> · {escape(rank_label)} {rank}"
            f" · {escape(final_label)} {final}</p><p>{escape(reason)}</p>"
        )
