"""The dashboard: the round at a glance, and the warnings that need the chair."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.services import dashboard as dashboard_service
from reviewer.services.dashboard import Dashboard
from reviewer.ui.models.dashboard import ReviewerProgressTable, TrackTable, WarningTable
from reviewer.ui.models.table import ROW_ROLE, RowFilter
from reviewer.ui.round_session import RoundSession
from reviewer.ui.views.base import View
from reviewer.ui.views.widgets import Gauge, data_table


class DashboardView(View):
    key = "dashboard"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.board: Dashboard | None = None
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = QLabel()
        self.counts.setWordWrap(True)

        self.tracks = TrackTable(self)
        self.track_proxy = RowFilter(self)
        self.track_proxy.setSourceModel(self.tracks)
        self.track_table = data_table(self.track_proxy)
        self.reviewers = ReviewerProgressTable(self)
        self.reviewer_proxy = RowFilter(self)
        self.reviewer_proxy.setSourceModel(self.reviewers)
        self.reviewer_table = data_table(self.reviewer_proxy, stretch=1)
        self.warnings = WarningTable(self)
        self.warning_table = data_table(self.warnings, sortable=False, stretch=0)
        self.warning_table.horizontalHeader().setVisible(False)
        self.warning_table.setWordWrap(True)  # a tie lists its ids: show them whole
        self.warnings.modelReset.connect(self.warning_table.resizeRowsToContents)
        self.warning_table.doubleClicked.connect(self._warning_activated)
        self.warning_table.activated.connect(self._warning_activated)

        self.quota_box = QGroupBox()
        self.quota_layout = QVBoxLayout(self.quota_box)
        self.no_quotas = QLabel()
        self.quota_layout.addWidget(self.no_quotas)
        self.quota_layout.addStretch(1)
        self.gauges: list[Gauge] = []

        self.track_box = QGroupBox()
        QVBoxLayout(self.track_box).addWidget(self.track_table)
        self.reviewer_box = QGroupBox()
        QVBoxLayout(self.reviewer_box).addWidget(self.reviewer_table)
        self.warning_box = QGroupBox()
        QVBoxLayout(self.warning_box).addWidget(self.warning_table)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.track_box)
        left.addWidget(self.reviewer_box)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.warning_box)
        right.addWidget(self.quota_box)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 1)
        body.setSizes([880, 400])

        layout = QGridLayout(self)
        layout.addWidget(self.heading, 0, 0)
        layout.addWidget(self.counts, 1, 0)
        layout.addWidget(body, 2, 0)
        layout.setRowStretch(2, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Dashboard")

    def retranslate(self) -> None:
        self.track_box.setTitle(self.tr("Tracks"))
        self.reviewer_box.setTitle(self.tr("Reviewers"))
        self.warning_box.setTitle(self.tr("Warnings"))
        self.quota_box.setTitle(self.tr("Quotas in the newest run"))
        self.no_quotas.setText(self.tr("No selection has run yet."))
        for model in (self.tracks, self.reviewers, self.warnings):
            model.retranslate()
        if self.board is not None:
            self._show(self.board)

    # -- data ----------------------------------------------------------------------------

    def load(self) -> None:
        lang = self.session.lang()
        self.session.read(
            "dashboard", lambda r: dashboard_service.dashboard(r.database, lang), self.show_board
        )

    def show_board(self, board: Dashboard) -> None:
        self.board = board
        self._show(board)
        self.loaded_with()

    def _show(self, board: Dashboard) -> None:
        state = self.tr("locked") if board.locked else self.tr("open")
        heading = self.tr("{name} ({year}) · {state}").format(
            name=board.name, year=board.year, state=state
        )
        if board.run_id is not None and board.run_at is not None:
            run = self.tr("Selection run #{run} of {at}").format(
                run=board.run_id, at=f"{board.run_at:%Y-%m-%d %H:%M}"
            )
            if board.stale:
                run += " — " + self.tr("out of date")
            heading += "\n" + run
        self.heading.setText(heading)
        missing = sum(t.missing for t in board.tracks)
        short = sum(t.short for t in board.tracks)
        self.counts.setText(
            self.tr(
                "{applications} applications · {reviewers} reviewers · {reviews} reviews · "
                "{missing} reviews missing · {short} applications short of {minimum} reviews · "
                "{ineligible} ineligible · {incomplete} incomplete"
            ).format(
                applications=f"{board.applications:,}",
                reviewers=board.reviewers,
                reviews=f"{board.reviews:,}",
                missing=f"{missing:,}",
                short=short,
                minimum=board.min_reviews,
                ineligible=sum(t.ineligible for t in board.tracks),
                incomplete=sum(t.incomplete for t in board.tracks),
            )
        )
        self.tracks.set_rows(board.tracks)
        self.reviewers.names = board.reviewer_names
        self.reviewers.packages = board.packages
        self.reviewers.set_rows(board.reviewer_progress)
        self.warnings.track_names = {t.id: t.name for t in board.tracks}
        self.warnings.set_rows(board.warnings)
        self._show_quotas(board)

    def _show_quotas(self, board: Dashboard) -> None:
        for gauge in self.gauges:
            self.quota_layout.removeWidget(gauge)
            gauge.deleteLater()
        self.gauges = []
        names = {t.id: t.name for t in board.tracks}
        self.no_quotas.setVisible(not board.quotas)
        for index, quota in enumerate(board.quotas):
            gauge = Gauge()
            where = f" — {names.get(quota.track, quota.track)}" if quota.track else ""
            text = f"{quota.name}{where}"
            if quota.shortfall and quota.why:
                text += "\n" + quota.why
            gauge.set_value(text, quota.achieved, quota.required, quota.shortfall > 0)
            self.quota_layout.insertWidget(index + 1, gauge)
            self.gauges.append(gauge)

    def clear(self) -> None:
        super().clear()
        self.board = None
        for model in (self.tracks, self.reviewers, self.warnings):
            model.set_rows([])

    # -- warnings lead to their rows ----------------------------------------------------------

    def _warning_activated(self, index: QModelIndex) -> None:
        warning = index.data(ROW_ROLE)
        if warning is None:
            return
        if warning.kind in ("tie", "shortfall", "stale", "no_run"):
            self.navigate.emit("selection", tuple(warning.ids))
        elif warning.ids:
            self.navigate.emit("applications", tuple(warning.ids))
