"""Charts of the newest run (QtCharts), for one track at a time: the final-score
distribution with the cutoff and the selection line, reviewer severity with its 95%
intervals, the quota gauges (required against achieved) and the score gap of each quota
displacement. The figures come computed (services.charts); this view only places them."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reviewer.domain.chart_data import ChartData, TrackDistribution
from reviewer.services import charts
from reviewer.services.charts import ChartsView as Figures
from reviewer.ui import palette
from reviewer.ui.round_session import RoundSession
from reviewer.ui.views.base import View

SELECTED = "#3e7c59"
PASSED = "#7b9cbc"
BELOW = "#c9ced6"
FLOOR = "#d4a373"
SELECTION_LINE = "#1b5e20"
REQUIRED = "#9aa5b1"
GAP = "#e08a1e"
LENIENT = "#1565c0"


def _chart() -> QChart:
    chart = QChart()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setBackgroundRoundness(0)
    return chart


def _view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(150, 110)  # the window may still be made small
    return view


def _bars(name: str, colour: str, values: list[float]) -> QBarSet:
    bars = QBarSet(name)
    bars.setColor(QColor(colour))
    bars.setBorderColor(QColor(colour))
    bars.append(values)
    return bars


class ChartsPage(View):
    key = "charts"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.figures: Figures | None = None
        self.track_label = QLabel()
        self.track_filter = QComboBox()
        self.track_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.track_filter.currentIndexChanged.connect(self._show_track)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.distribution = _chart()
        self.severity = _chart()
        self.quotas = _chart()
        self.gaps = _chart()
        self.severity.legend().setVisible(False)
        self.gaps.legend().setVisible(False)
        # what the charts show now, for tests and the status line
        self.cutoff_line: QLineSeries | None = None
        self.selection_line: QLineSeries | None = None
        self.bins: QStackedBarSeries | None = None
        self.dots: dict[str, QScatterSeries] = {}
        self.intervals: list[QLineSeries] = []
        self.quota_bars: QBarSeries | None = None
        self.gap_bars: QHorizontalBarSeries | None = None

        top = QHBoxLayout()
        top.addWidget(self.track_label)
        top.addWidget(self.track_filter)
        top.addWidget(self.state, 1)
        grid = QGridLayout()
        grid.addWidget(_view(self.distribution), 0, 0, 1, 3)
        grid.addWidget(_view(self.severity), 1, 0)
        grid.addWidget(_view(self.quotas), 1, 1)
        grid.addWidget(_view(self.gaps), 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Charts")

    def retranslate(self) -> None:
        self.track_label.setText(self.tr("Track:"))
        self._show_track()

    def load(self) -> None:
        self.session.read("charts", lambda r: charts.charts(r.database), self.show_figures)

    def show_figures(self, figures: Figures | None) -> None:
        self.figures = figures
        current = self.track_filter.currentData()
        blocked = self.track_filter.blockSignals(True)
        self.track_filter.clear()
        for track_id, name in figures.tracks if figures is not None else ():
            self.track_filter.addItem(name, track_id)
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(current), 0))
        self.track_filter.blockSignals(blocked)
        self._show_track()
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self.figures = None
        self.track_filter.clear()
        self._show_track()

    def set_track(self, track: str) -> None:
        self.track_filter.setCurrentIndex(max(self.track_filter.findData(track), 0))

    # -- the charts ------------------------------------------------------------------------

    def _show_track(self, *_: object) -> None:
        for chart in (self.distribution, self.severity, self.quotas, self.gaps):
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
        self.cutoff_line = self.selection_line = None
        self.bins = self.quota_bars = self.gap_bars = None
        self.dots, self.intervals = {}, []
        figures = self.figures
        track = self.track_filter.currentData()
        if figures is None or track is None:
            self.state.setText(
                self.tr("No selection has run yet: the charts show a run's results.")
            )
            for chart in (self.distribution, self.severity, self.quotas, self.gaps):
                chart.setTitle("")
            return
        source = figures.source
        if source.stale:
            self.state.setText(
                self.tr("Selection run {run}; the data changed since.").format(run=source.run_id)
            )
        else:
            self.state.setText(self.tr("Selection run {run}.").format(run=source.run_id))
        data = figures.charts
        distribution = data.distribution(track)
        if distribution is not None:
            self._distribution(distribution)
        self._severity(data, track)
        self._quotas(data, track)
        self._gaps(data, track)

    def _distribution(self, figures: TrackDistribution) -> None:
        chart = self.distribution
        chart.setTitle(
            self.tr("Final scores of {ranked} ranked of {applications} applications").format(
                ranked=figures.ranked, applications=figures.applications
            )
        )
        series = QStackedBarSeries()
        series.setBarWidth(0.96)
        series.append(_bars(self.tr("Selected"), SELECTED, [b.selected for b in figures.bins]))
        series.append(
            _bars(self.tr("Passed, not selected"), PASSED, [b.passed for b in figures.bins])
        )
        series.append(_bars(self.tr("Below the cutoff"), BELOW, [b.below for b in figures.bins]))
        if any(b.floor for b in figures.bins):
            series.append(
                _bars(
                    self.tr("Criterion floor (fails a criterion)"),
                    FLOOR,
                    [b.floor for b in figures.bins],
                )
            )
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([f"{b.low:g}–{b.high:g}" for b in figures.bins])
        categories.setTitleText(self.tr("Final score"))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        counts = QValueAxis()
        counts.setRange(0, max([b.count for b in figures.bins] + [1]))
        counts.applyNiceNumbers()
        counts.setLabelFormat("%d")
        counts.setTitleText(self.tr("Applications"))
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        # the lines, on a value axis laid over the bins: bin i spans i − 0.5 … i + 0.5
        position = QValueAxis()
        position.setRange(-0.5, len(figures.bins) - 0.5)
        position.setVisible(False)
        chart.addAxis(position, Qt.AlignmentFlag.AlignBottom)
        top = counts.max()
        low, size = float(figures.bins[0].low), float(figures.bin_size)
        lines = [("cutoff", figures.cutoff, palette.CUTOFF, self.tr("Cutoff {score}"))]
        if figures.selection_line is not None:
            lines.append(
                (
                    "selection",
                    figures.selection_line,
                    SELECTION_LINE,
                    self.tr("Lowest selected {score}"),
                )
            )
        for kind, value, colour, name in lines:
            line = QLineSeries()
            line.setName(name.format(score=f"{value:.2f}"))
            x = (float(value) - low) / size - 0.5
            line.append(x, 0)
            line.append(x, top)
            pen = QPen(QColor(colour))
            pen.setWidth(2)
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(position)
            line.attachAxis(counts)
            if kind == "cutoff":  # by kind: the selection line may equal the cutoff
                self.cutoff_line = line
            else:
                self.selection_line = line
        self.bins = series

    def _severity(self, data: ChartData, track: str) -> None:
        """One row per reviewer, harshest at the top: the severity as a dot and its 95%
        interval as a bar; red where the whole interval is below 0, blue above."""
        chart = self.severity
        rows = data.severity(track)
        chart.setTitle(self.tr("Reviewer severity, 95% interval"))
        dots = {kind: QScatterSeries() for kind in ("harsh", "neutral", "lenient")}
        colours = {"harsh": palette.CUTOFF, "neutral": palette.MUTED, "lenient": LENIENT}
        axis_x = QValueAxis()
        values = [v for r in rows for v in (r.low, r.high, r.severity) if v is not None] + [0.0]
        axis_x.setRange(min(values) - 0.5, max(values) + 0.5)
        axis_x.applyNiceNumbers()
        axis_x.setTitleText(self.tr("Points from co-reviewers (negative: harsh)"))
        axis_y = QBarCategoryAxis()  # category i at value i, for the XY series too
        axis_y.setGridLineVisible(False)
        small = axis_y.labelsFont()
        small.setPointSizeF(max(small.pointSizeF() - 2, 6.0))
        axis_y.setLabelsFont(small)  # QtCharts elides a label taller than its row
        self.intervals = []
        axis_y.append([row.reviewer_id for row in reversed(rows)] or [""])  # rising
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for index, row in enumerate(rows):
            y = len(rows) - 1 - index
            if row.high is not None and row.high < 0:
                kind = "harsh"
            elif row.low is not None and row.low > 0:
                kind = "lenient"
            else:
                kind = "neutral"
            dots[kind].append(row.severity, y)
            if row.low is not None and row.high is not None:
                bar = QLineSeries()
                bar.append(row.low, y)
                bar.append(row.high, y)
                pen = QPen(QColor(colours[kind]))
                pen.setWidth(3)
                bar.setPen(pen)
                chart.addSeries(bar)
                bar.attachAxis(axis_x)
                bar.attachAxis(axis_y)
                self.intervals.append(bar)
        for kind, series in dots.items():
            series.setColor(QColor(colours[kind]))
            series.setBorderColor(QColor("white"))
            series.setMarkerSize(9)
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        zero = QLineSeries()
        zero.append(0, -0.5)
        zero.append(0, max(len(rows), 1) - 0.5)
        zero.setPen(QPen(QColor(palette.INK)))
        chart.addSeries(zero)
        zero.attachAxis(axis_x)
        zero.attachAxis(axis_y)
        self.dots = dots

    def _quotas(self, data: ChartData, track: str) -> None:
        chart = self.quotas
        quotas = data.quotas_of(track)
        chart.setTitle(self.tr("Quotas: required and achieved"))
        series = QBarSeries()
        series.append(_bars(self.tr("Required"), REQUIRED, [q.required for q in quotas]))
        achieved = _bars(self.tr("Achieved"), palette.MET_BAR, [q.achieved for q in quotas])
        achieved.setColor(QColor("#3e7c59"))
        series.append(achieved)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        names = dict(self.figures.tracks) if self.figures is not None else {}
        combined = self.tr("combined")
        categories = QBarCategoryAxis()
        categories.append(
            [
                f"{q.name}<br>({names.get(q.track, q.track) if q.track else combined})"
                for q in quotas
            ]
            or [""]
        )
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        counts = QValueAxis()
        counts.setRange(0, max([q.required for q in quotas] + [q.achieved for q in quotas] + [1]))
        counts.applyNiceNumbers()
        counts.setLabelFormat("%d")
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        self.quota_bars = series

    def _gaps(self, data: ChartData, track: str) -> None:
        chart = self.gaps
        gaps = data.gaps_of(track)
        if gaps:
            chart.setTitle(self.tr("Score gap of each quota displacement"))
        else:
            chart.setTitle(self.tr("No quota displaced an application in this track"))
        series = QHorizontalBarSeries()
        gaps = gaps[::-1]  # horizontal bars rise from the bottom: the first pair on top
        series.append(_bars(self.tr("Score gap"), GAP, [float(g.gap) for g in gaps]))
        series.setLabelsVisible(True)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([f"{g.displaced}<br>→ {g.selected}" for g in gaps] or [""])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        points = QValueAxis()
        values = [float(g.gap) for g in gaps] + [0.0, 1.0]
        points.setRange(min(values), max(values))
        points.applyNiceNumbers()
        points.setTitleText(self.tr("Points (displaced − selected)"))
        chart.addAxis(points, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(points)
        self.gap_bars = series
