"""The ranking table: a Qt model over the rows of a selection run, and its filter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from reviewer.services.browse import RankingRow

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

SELECTED_STATUSES = ("selected", "selected_by_quota")


def status_label(status: str) -> str:
    labels = {
        "selected": QCoreApplication.translate("Status", "Selected"),
        "selected_by_quota": QCoreApplication.translate("Status", "Selected by quota"),
        "displaced_by_quota": QCoreApplication.translate("Status", "Displaced by quota"),
        "not_selected": QCoreApplication.translate("Status", "Not selected"),
        "below_cutoff": QCoreApplication.translate("Status", "Below cutoff"),
        "ineligible": QCoreApplication.translate("Status", "Ineligible"),
        "incomplete": QCoreApplication.translate("Status", "Incomplete"),
    }
    return labels.get(status, status)


class RankingModel(QAbstractTableModel):
    """Rows of a run: track, rank, id, company, title, AI, reviews, final, status."""

    COLUMNS = (
        "track",
        "rank",
        "id",
        "company",
        "title",
        "ai_category",
        "reviews",
        "final_score",
        "status",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RankingRow] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Track"),
            self.tr("Rank"),
            self.tr("Application"),
            self.tr("Company"),
            self.tr("Title"),
            self.tr("AI"),
            self.tr("Reviews"),
            self.tr("Final score"),
            self.tr("Status"),
        ]

    def set_rows(self, rows: Sequence[RankingRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (r.track, r.rank is None, r.rank or 0, r.id))
        self.endResetModel()

    def row_at(self, row: int) -> RankingRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        value = getattr(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "status":
                return status_label(row.status)
            if column == "ai_category" and value == "none":
                return QCoreApplication.translate("Status", "None")
            if column == "final_score":
                return "" if value is None else f"{value:.2f}"
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            if column in ("rank", "final_score"):
                return float("-inf") if value is None else float(value)
            if column == "reviews":
                return int(value)
            return str(value)
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ToolTipRole and row.reason:
            return row.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "rank",
            "reviews",
            "final_score",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.status in SELECTED_STATUSES:
            return QBrush(QColor("#e3f1e3"))
        return None


class RankingFilter(QSortFilterProxyModel):
    """Filters the ranking by track and by text in the id, company or title."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._track = ""
        self._text = ""
        self.setSortRole(SORT_ROLE)

    def set_track(self, track: str) -> None:
        self.beginFilterChange()
        self._track = track
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RankingModel)
        row = model.row_at(source_row)
        if self._track and row.track != self._track:
            return False
        if self._text:
            haystack = f"{row.id} {row.company} {row.title}".casefold()
            return self._text in haystack
        return True
