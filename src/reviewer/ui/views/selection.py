"""The selection: run it (in the worker, with progress and cancel), and read the newest
run per track — the ranking with the cutoff line and the status colours of the report,
each row's reason, the boundary ties, the quota report and the tracks' seats and
budgets. A run older than the data says so."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.stopping import CancelToken
from reviewer.errors import SolverCancelled
from reviewer.services import run_view, selecting
from reviewer.services.run_view import RunRow, RunView
from reviewer.services.session import OpenRound
from reviewer.ui import palette
from reviewer.ui.models.run import QuotaTable, RunFilter, RunTable, TrackFiguresTable
from reviewer.ui.models.status import SELECTED_STATUSES, status_label
from reviewer.ui.models.table import ROW_ROLE
from reviewer.ui.round_session import RoundSession, error_text
from reviewer.ui.views.base import View
from reviewer.ui.views.ranking_table import RankingTable
from reviewer.ui.views.widgets import data_table
from reviewer.ui.worker import TaskControl


class _LinkedToken(CancelToken):
    """A cancel token that is also set when the task running it is cancelled (the round
    closed, the window quit), so the solver stops then too."""

    def __init__(self, also: Callable[[], bool] | None = None) -> None:
        super().__init__()
        self.also = also

    @property
    def cancelled(self) -> bool:
        return super().cancelled or (self.also is not None and self.also())


class SelectionView(View):
    key = "selection"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.run: RunView | None = None
        self.running = False
        self.token: CancelToken | None = None
        self.track_names: dict[str, str] = {}

        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_selection)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(180)
        self.progress.setVisible(False)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet(
            f"background: {palette.CUTOFF_FILL}; color: {palette.CUTOFF}; padding: 4px;"
        )
        self.stale.setVisible(False)
        self.track_label = QLabel()
        self.track_filter = QComboBox()
        self.track_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.track_filter.currentIndexChanged.connect(self._track_changed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.counts = QLabel()
        self.all_button = QPushButton()
        self.all_button.setVisible(False)
        self.all_button.clicked.connect(self.show_all)

        self.model = RunTable(self)
        self.proxy = RunFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table: QTableView = data_table(self.proxy, table=RankingTable())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details = QTextBrowser()
        self.quotas = QuotaTable(self)
        self.quota_table = data_table(self.quotas, sortable=False)
        self.figures = TrackFiguresTable(self)
        self.figure_table = data_table(self.figures, sortable=False)
        self.details_box = QGroupBox()
        QVBoxLayout(self.details_box).addWidget(self.details)
        self.quota_box = QGroupBox()
        QVBoxLayout(self.quota_box).addWidget(self.quota_table)
        self.figure_box = QGroupBox()
        QVBoxLayout(self.figure_box).addWidget(self.figure_table)

        top = QHBoxLayout()
        top.addWidget(self.run_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress)
        top.addWidget(self.state, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.track_label)
        filters.addWidget(self.track_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.all_button)
        filters.addWidget(self.counts)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.details_box)
        side.addWidget(self.figure_box)
        side.addWidget(self.quota_box)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 480])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stale)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Selection")

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("&Run selection"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the selection; nothing is recorded"))
        self.track_label.setText(self.tr("Track"))
        self.search.setPlaceholderText(self.tr("Search id, company or title"))
        self.stale.setText(
            self.tr(
                "Scores or applications changed after this run: it no longer matches the "
                "data. Run the selection again before exporting or locking."
            )
        )
        self.details_box.setTitle(self.tr("Why"))
        self.quota_box.setTitle(self.tr("Quotas"))
        self.figure_box.setTitle(self.tr("Seats and budgets"))
        for model in (self.model, self.quotas, self.figures):
            model.retranslate()
        if self.track_filter.count():
            self.track_filter.setItemText(0, self.tr("All tracks"))
        self._show_state()
        self.set_locked(self.session.locked)
        self._selection_changed()

    # -- data ----------------------------------------------------------------------------

    def load(self) -> None:
        lang = self.session.lang()
        self.session.read("run", lambda r: run_view.newest_run(r.database, lang), self.show_run)

    def show_run(self, run: RunView | None) -> None:
        self.run = run
        overview = self.session.overview
        self.track_names = dict(overview.tracks) if overview is not None else {}
        self.quotas.track_names = self.track_names
        current = self.track_filter.currentData()
        self.track_filter.blockSignals(True)
        self.track_filter.clear()
        self.track_filter.addItem(self.tr("All tracks"), "")
        for track_id, name in self.track_names.items():
            self.track_filter.addItem(name, track_id)
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(current or ""), 0))
        self.track_filter.blockSignals(False)
        chosen = self.selected()
        self.model.set_tracks(list(self.track_names.items()))
        self.model.set_rows(run.rows if run is not None else ())
        self.quotas.set_rows(run.quotas if run is not None else ())
        self.figures.set_rows(run.tracks if run is not None else ())
        self.proxy.set_track(str(self.track_filter.currentData() or ""))
        self._show_state()
        self._update_counts()
        if chosen is not None:
            self.select_id(chosen.id)
        self._selection_changed()
        self.loaded_with()

    def select_id(self, app_id: str) -> None:
        """Choose the row of ``app_id`` if it is shown (after a reload, the same row)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == app_id:
                self.table.selectRow(row)
                return

    def _show_state(self) -> None:
        run = self.run
        if run is None:
            self.state.setText(self.tr("No selection has run yet."))
            self.stale.setVisible(False)
            return
        self.state.setText(
            self.tr(
                "Selection run #{run} · {at} · {selected} selected · quota shortfall "
                "{shortfall} · SHA-256 {digest}"
            ).format(
                run=run.run_id,
                at=f"{run.created_at:%Y-%m-%d %H:%M}",
                selected=run.selected,
                shortfall=run.shortfall,
                digest=run.digest[:16] + "…",
            )
        )
        self.state.setToolTip(run.digest)
        self.stale.setVisible(run.stale)

    def clear(self) -> None:
        super().clear()
        self.run = None
        if self.token is not None:
            self.token.cancel()
        self.token = None
        self._set_running(False)
        self.proxy.set_only(None)
        for model in (self.model, self.quotas, self.figures):
            model.set_rows([])

    def set_locked(self, locked: bool) -> None:
        self.run_button.setEnabled(not locked and not self.running)
        self.run_button.setToolTip(
            self.tr("The round is locked: unlock it to run the selection again")
            if locked
            else self.tr("Compute the scores and the selection, and record the run (Ctrl+R)")
        )

    def show_ids(self, ids: Sequence[str]) -> None:
        """Show only these rows (from a dashboard warning); none: every row."""
        self.proxy.set_only(list(ids) or None)
        self._update_counts()

    def show_all(self) -> None:
        self.proxy.set_only(None)
        self._update_counts()

    # -- running -------------------------------------------------------------------------

    def run_selection(self) -> None:
        if self.session.locked or self.running or not self.session.is_open:
            return
        lang = self.session.lang()
        token = _LinkedToken()
        self.token = token

        def task(r: OpenRound, control: TaskControl) -> object:
            token.also = control.is_cancelled
            return selecting.run_selection(r.database, lang, cancel=token)

        self._set_running(True)
        handle = self.session.change(
            "select", task, on_result=self._ran, on_error=self._failed, on_cancel=self._stopped
        )
        if handle is None:
            self._set_running(False)

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self.set_locked(self.session.locked)

    def _ran(self, _run: object) -> None:
        self.token = None
        self._set_running(False)
        self.proxy.set_only(None)  # a new run: the rows a warning chose are no longer its
        self._update_counts()

    def _stopped(self) -> None:
        self.token = None
        self._set_running(False)
        self.state.setText(self.tr("The selection was cancelled; nothing was recorded."))

    def _failed(self, error: BaseException) -> None:
        self.token = None
        self._set_running(False)
        if isinstance(error, SolverCancelled):
            self.state.setText(self.tr("The selection was cancelled; nothing was recorded."))
            return
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
        rows: list[RunRow] = self.proxy.source_rows()
        selected = sum(1 for row in rows if row.status in SELECTED_STATUSES)
        self.counts.setText(
            self.tr("{shown} shown · {selected} selected").format(
                shown=f"{len(rows):,}", selected=f"{selected:,}"
            )
        )
        chosen = self.proxy.only()
        self.all_button.setVisible(chosen is not None)
        if chosen is not None:
            self.all_button.setText(
                self.tr("Only {count} chosen rows · Show all").format(count=len(chosen))
            )

    def selected(self) -> RunRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selection_changed(self, *_: QItemSelection) -> None:
        row = self.selected()
        if row is None:
            hint = self.tr("Choose a row to see why it has its status.")
            self.details.setHtml(f"<p>{escape(hint)}</p>")
            return
        final = "" if row.final is None else f"{row.final:.2f}"
        rank = "" if row.rank is None else str(row.rank)
        reason = row.reason or self.tr("Decided by its rank and final score.")
        rank_label, final_label = self.tr("Rank"), self.tr("Final score")
        parts = [
            f"<h3>{escape(row.id)}</h3><p>{escape(row.title)}<br>{escape(row.company)}</p>",
            f"<p><b>{escape(status_label(row.status))}</b> · {escape(rank_label)} {rank}"
            f" · {escape(final_label)} {final}</p><p>{escape(reason)}</p>",
        ]
        if row.tie:
            tie = self.tr(
                "Boundary tie: a candidate of this track on the other side of the "
                "selection has the same final score; only the tie-break order decided."
            )
            parts.append(f"<p style='color:{palette.CUTOFF}'>{escape(tie)}</p>")
        self.details.setHtml("".join(parts))
