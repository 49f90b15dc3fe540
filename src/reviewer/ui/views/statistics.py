"""Reviewer statistics: per reviewer the count, mean, spread, severity with its 95%
interval and outlier rate (overall or in one track), and each track's ICC(2,1) and
Kendall's W, each with what it is computed over — from the newest run's totals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.robust import OUTLIER_MIN_POINTS
from reviewer.services import review_statistics
from reviewer.services.review_statistics import StatisticsView as Figures
from reviewer.ui.models.reviewer_statistics import AgreementTable, ReviewerStatisticsTable
from reviewer.ui.models.table import RowFilter
from reviewer.ui.round_session import RoundSession
from reviewer.ui.views.base import View
from reviewer.ui.views.widgets import data_table


class StatisticsView(View):
    key = "statistics"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.figures: Figures | None = None
        self.track_label = QLabel()
        self.track_filter = QComboBox()
        self.track_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.track_filter.currentIndexChanged.connect(self._show_track)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.model = ReviewerStatisticsTable(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = data_table(self.proxy, stretch=1)
        self.agreement = AgreementTable(self)
        self.agreement_table = data_table(self.agreement, stretch=0)
        self.reviewer_box = QGroupBox()
        QVBoxLayout(self.reviewer_box).addWidget(self.table)
        self.agreement_box = QGroupBox()
        self.note = QLabel()
        self.note.setWordWrap(True)
        agreement_layout = QVBoxLayout(self.agreement_box)
        agreement_layout.addWidget(self.agreement_table)
        agreement_layout.addWidget(self.note)

        filters = QHBoxLayout()
        filters.addWidget(self.track_label)
        filters.addWidget(self.track_filter)
        filters.addWidget(self.source, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.reviewer_box)
        splitter.addWidget(self.agreement_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([470, 310])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Reviewer statistics")

    def retranslate(self) -> None:
        self.track_label.setText(self.tr("Track:"))
        self.reviewer_box.setTitle(self.tr("Reviewers"))
        self.agreement_box.setTitle(self.tr("Agreement between reviewers per track"))
        self.model.retranslate()
        self.agreement.retranslate()
        if self.track_filter.count():
            self.track_filter.setItemText(0, self.tr("All tracks"))
        self._show_source()

    def load(self) -> None:
        self.session.read(
            "statistics",
            lambda r: review_statistics.review_statistics(r.database),
            self.show_figures,
        )

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        current = self.track_filter.currentData()
        blocked = self.track_filter.blockSignals(True)
        self.track_filter.clear()
        self.track_filter.addItem(self.tr("All tracks"), None)
        for track_id, name in figures.tracks:
            self.track_filter.addItem(name, track_id)
        index = self.track_filter.findData(current)
        self.track_filter.setCurrentIndex(max(index, 0))
        self.track_filter.blockSignals(blocked)
        self.agreement.track_names = dict(figures.tracks)
        self.agreement.set_rows(figures.statistics.agreement)
        self._show_source()
        self._show_track()
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self.figures = None
        self.model.set_rows([])
        self.agreement.set_rows([])

    def set_track(self, track: str | None) -> None:
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(track), 0))

    def _show_track(self, *_: object) -> None:
        if self.figures is None:
            return
        self.model.set_rows(self.figures.statistics.rows(self.track_filter.currentData()))

    def _show_source(self) -> None:
        figures = self.figures
        if figures is None:
            self.source.setText("")
            self.note.setText("")
            return
        source = figures.source
        if source.run_id is None:
            text = self.tr("From the scores now: no selection has run yet.")
        elif source.stale:
            text = self.tr(
                "From the totals of selection run {run}; the data changed since."
            ).format(run=source.run_id)
        else:
            text = self.tr("From the totals of selection run {run}.").format(run=source.run_id)
        self.source.setText(text)
        self.note.setText(
            self.tr(
                "Severity: the mean difference from the other reviewers of the same "
                "applications (negative: harsh), with its 95% interval. Outlier: a total "
                "whose robust z-score exceeds {threshold} and that is at least {points} "
                "points from its application's median; the outlier rate counts only the "
                "reviews that can be outliers (on applications with three or more totals). "
                "ICC(2,1): over every application "
                "of the track with two or more reviews (variance components of the "
                "incomplete design, Henderson's Method III). Kendall's W needs complete "
                "rankings: over the largest block of applications all rated by the same two "
                "or more reviewers, applications with more reviewers included with those "
                "reviewers' totals only."
            ).format(
                threshold=f"{figures.statistics.threshold:g}",
                points=f"{OUTLIER_MIN_POINTS:g}",
            )
        )
