"""The ranking table: a table view that draws the cutoff line above the first row of a
track that falls under the cutoff (as the printed report does). The line is drawn once
per visible row, not by a delegate per cell, so a page of 10,000 rows paints fast."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QTableView

from reviewer.ui import palette
from reviewer.ui.models.run import CUTOFF_ROLE


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
            if model.index(row, 0).data(CUTOFF_ROLE):
                y = self.rowViewportPosition(row)
                painter.drawLine(0, y, viewport.width(), y)
        painter.end()
