"""The ranking table: a table view that draws the cutoff line above the first row of a
track that falls under the cutoff (as the printed report does). The line is drawn once
per visible row, not by a delegate per cell, so a page of 10,000 rows paints fast."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QTableView

from reviewer.ui import palette
from reviewer.ui.models.run import CUTOFF_ROLE
from reviewer.ui.models.table import ROW_ROLE


class RankingTable(QTableView):
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        viewport = self.viewport()
        first = self.rowAt(0)
        last = self.rowAt(viewport.height() - 1)
        if first < 0:
            return
        if last < 0:
            last = model.rowCount() - 1
        painter = QPainter(viewport)
        painter.setPen(QPen(QColor(palette.CUTOFF), 2))
        for row in range(first, last + 1):
            if self._follows_in_rank(row):
                y = self.rowViewportPosition(row)
                painter.drawLine(0, y, viewport.width(), y)
        painter.end()

    def _follows_in_rank(self, row: int) -> bool:
        """The row comes right after the one above it in its track's ranking (or is the
        first shown): only then is a line above it the cutoff — not in a table sorted by
        another column."""
        return cutoff_line_above(self.model(), row)


def cutoff_line_above(model: QAbstractItemModel | None, row: int) -> bool:
    """A cutoff line goes above ``row`` when it is the first of its track under the
    cutoff and the row above it is the one ranked just before it in the same track."""
    if model is None or not model.index(row, 0).data(CUTOFF_ROLE):
        return False
    here = model.index(row, 0).data(ROW_ROLE)
    if row == 0:
        return bool(here.rank == 1)
    above = model.index(row - 1, 0).data(ROW_ROLE)
    return (
        above is not None
        and above.track == here.track
        and above.rank is not None
        and here.rank is not None
        and above.rank == here.rank - 1
    )
