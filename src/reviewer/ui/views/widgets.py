"""Small widgets the views share: a data table set up once, a titled group, a gauge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui import palette
from reviewer.ui.models.table import RowTableModel


def data_table(
    model: QAbstractItemModel,
    *,
    sortable: bool = True,
    stretch: int = -1,
    table: QTableView | None = None,
) -> QTableView:
    """A read-only table over ``model`` (in ``table``, or a new QTableView): whole rows
    selected, alternating colours, compact rows, columns sized to their contents (one
    column stretched if asked) when the table first gets rows or its columns change —
    widths the user set are kept across reloads. The header's sort arrow follows the
    sort a ``RowTableModel`` remembers."""
    table = table if table is not None else QTableView()
    table.setModel(model)
    table.setSortingEnabled(sortable)
    if sortable:
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch < 0)
    header.setHighlightSections(False)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    fitter = _Fitter(table, stretch)
    model.modelReset.connect(lambda: fitter.reset())  # the lambda keeps the fitter alive
    source = _source(model)
    if sortable and source is not None:
        model.modelReset.connect(lambda: _show_sort(table, source))
        model.layoutChanged.connect(lambda: _show_sort(table, source))
    return table


def _source(model: QAbstractItemModel) -> RowTableModel[Any] | None:
    """The ``RowTableModel`` under ``model`` and its proxies, if there is one."""
    while isinstance(model, QAbstractProxyModel):
        inner = model.sourceModel()
        if inner is None:
            return None
        model = inner
    return model if isinstance(model, RowTableModel) else None


def _show_sort(table: QTableView, source: RowTableModel[Any]) -> None:
    """Put the header's sort arrow where the rows are sorted (without sorting again)."""
    header = table.horizontalHeader()
    column, order = source.sorted_by() or (-1, Qt.SortOrder.AscendingOrder)
    if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (column, order):
        blocked = header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(blocked)


class _Fitter:
    """Sizes a table's columns to their contents once: when the table first shows rows,
    and again only when its columns change."""

    def __init__(self, table: QTableView, stretch: int) -> None:
        self.table = table
        self.stretch = stretch
        self.columns: tuple[str, ...] | None = None  # the columns last fitted
        self.with_rows = False  # whether that fit saw rows

    def reset(self) -> None:
        model = self.table.model()
        if model is None:
            return
        columns = self._columns(model)
        rows = model.rowCount() > 0
        if columns == self.columns and (self.with_rows or not rows):
            return
        self.columns = columns
        self.with_rows = rows
        _fit(self.table, self.stretch)

    @staticmethod
    def _columns(model: QAbstractItemModel) -> tuple[str, ...]:
        source = _source(model)
        if source is not None:
            return tuple(c.key for c in source.columns)
        return tuple(
            str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in range(model.columnCount())
        )


def _fit(table: QTableView, stretch: int) -> None:
    """Size columns to what they show (sampling the first rows, so a long table costs
    no more than a short one), then stretch one of them."""
    header = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    metrics = table.fontMetrics()
    rows = min(model.rowCount(), 200)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = metrics.horizontalAdvance(title) + 28
        for row in range(rows):
            text = str(model.index(row, column).data() or "")
            width = max(width, metrics.horizontalAdvance(text) + 16)
        header.resizeSection(column, min(width, 420))
    if 0 <= stretch < model.columnCount():
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def group(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class Gauge(QWidget):
    """A quota: required against achieved, red when short."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)

    def set_value(self, text: str, achieved: int, required: int, short: bool) -> None:
        self.label.setText(text)
        self.bar.setRange(0, max(required, achieved, 1))
        self.bar.setValue(achieved)
        self.bar.setFormat(
            self.tr("{achieved} achieved of {required} required").format(
                achieved=achieved, required=required
            )
        )
        colour = palette.CUTOFF_BAR if short else palette.MET_BAR
        self.bar.setStyleSheet(
            f"QProgressBar {{ text-align: center; color: {palette.INK}; }}"
            f"QProgressBar::chunk {{ background: {colour}; }}"
        )
