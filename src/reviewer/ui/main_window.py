"""The chair's window: the round's counts and the newest ranking, filterable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.i18n import Lang
from reviewer.services.browse import RoundOverview
from reviewer.services.session import OpenRound
from reviewer.ui.models.ranking import SELECTED_STATUSES, RankingFilter, RankingModel


class MainWindow(QMainWindow):
    def __init__(self, lang: Lang | None = None) -> None:
        super().__init__()
        self._lang = lang
        self._round: OpenRound | None = None
        self.setWindowTitle(self.tr("Reviewer"))
        self.resize(1200, 720)

        self.summary = QLabel(self.tr("Open a round database to begin."))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.track_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search id, company or title"))
        self.search.setClearButtonEnabled(True)

        self.model = RankingModel(self)
        self.proxy = RankingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.counts = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Track")))
        filters.addWidget(self.track_filter)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout()
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

        menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = menu.addAction(self.tr("&Open round…"))
        self.open_action.setShortcut("Ctrl+O")
        self.open_action.triggered.connect(self.choose_round)
        quit_action = menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.close)

        self.track_filter.currentIndexChanged.connect(self._track_changed)
        self.search.textChanged.connect(self._search_changed)

    # -- opening ---------------------------------------------------------------------

    def choose_round(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open round"), "", self.tr("Round databases (*.db);;All files (*)")
        )
        if path:
            self.open_round(path)

    def open_round(self, target: str | Path) -> bool:
        """Open a round database; show the error and keep the current one if it fails."""
        try:
            opened = OpenRound(target)
            overview = opened.overview(self._lang)
        except ReviewerError as exc:
            QMessageBox.critical(self, self.tr("Cannot open the round"), exc.message(self._lang))
            return False
        if self._round is not None:
            self._round.close()
        self._round = opened
        self.show_overview(overview)
        return True

    def show_overview(self, overview: RoundOverview) -> None:
        self.setWindowTitle(self.tr("{name} — Reviewer").format(name=overview.name))
        state = self.tr("locked") if overview.locked else self.tr("open")
        text = self.tr(
            "{name} ({state}) · {applications} applications · {reviewers} "
            "reviewers · {reviews} reviews"
        ).format(
            name=overview.name,
            state=state,
            applications=overview.applications,
            reviewers=overview.reviewers,
            reviews=overview.reviews,
        )
        if overview.run_id is None:
            text += "\n" + self.tr("No selection has run yet.")
        else:
            text += "\n" + self.tr("Selection run #{run} · {at} · SHA-256 {digest}").format(
                run=overview.run_id, at=f"{overview.run_at:%Y-%m-%d %H:%M}", digest=overview.digest
            )
        self.summary.setText(text)
        self.track_filter.blockSignals(True)
        self.track_filter.clear()
        self.track_filter.addItem(self.tr("All tracks"), "")
        for track_id, name in overview.tracks:
            self.track_filter.addItem(name, track_id)
        self.track_filter.blockSignals(False)
        self.model.set_rows(overview.rows)
        self.proxy.set_track("")
        self._update_counts()

    # -- filtering -------------------------------------------------------------------

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
            self.tr("{shown} shown · {selected} selected").format(shown=shown, selected=selected)
        )

    def closeEvent(self, event: object) -> None:
        if self._round is not None:
            self._round.close()
            self._round = None
        super().closeEvent(event)  # type: ignore[arg-type]
